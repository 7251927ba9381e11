package io.github.flatchrlucca.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

/** What the chat's refusal of an alert says: how long to wait before the next try, and the log's line. */
class ChatRefusalsTest {

    private static final String URL = "https://hooks.slack.example/services/T0/B0/secret";

    private final ChatRefusals refusals =
            new ChatRefusals(Clock.fixed(Instant.parse("2026-10-21T07:28:00Z"), ZoneOffset.UTC));

    @Test
    void aRetryAfterInSecondsIsTheWaitWhateverTheCaseOfItsName() {
        assertThat(refusals.askedToWait(answer(429, Map.of("Retry-After", "7")))).hasValue(Duration.ofSeconds(7));
        assertThat(refusals.askedToWait(answer(503, Map.of("retry-after", " 30 "))))
                .hasValue(Duration.ofSeconds(30));
        // no wait at all would be a retry at once, which the answer asked not to be
        assertThat(refusals.askedToWait(answer(429, Map.of("Retry-After", "0")))).hasValue(Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterAsADateIsTheTimeLeftUntilIt() {
        assertThat(refusals.askedToWait(answer(429, Map.of("Retry-After", "Wed, 21 Oct 2026 07:28:20 GMT"))))
                .hasValue(Duration.ofSeconds(20));
    }

    @Test
    void aLongerRetryAfterWaitsAMinuteOnly() {
        assertThat(refusals.askedToWait(answer(429, Map.of("Retry-After", "3600"))))
                .hasValue(ChatRefusals.LONGEST_WAIT);
        assertThat(refusals.askedToWait(answer(429, Map.of("Retry-After", "61"))))
                .hasValue(Duration.ofMinutes(1));
    }

    @Test
    void noRetryAfterOrAnUnreadableOneLeavesTheWaitToTheBackoff() {
        assertThat(refusals.askedToWait(answer(503, Map.of()))).isEmpty();
        assertThat(refusals.askedToWait(answer(503, null))).isEmpty();
        assertThat(refusals.askedToWait(answer(429, Map.of("Retry-After", "soon")))).isEmpty();
        assertThat(refusals.askedToWait(new ConnectException("Connection refused"))).isEmpty();
    }

    @Test
    void aBusyTimedOutFailingOrSilentChatIsTriedAgainAWrongOrRevokedUrlIsNot() {
        for (int status : new int[] {408, 429, 500, 503}) {
            assertThat(ChatRefusals.passing(answer(status, Map.of()))).as("status " + status).isTrue();
        }
        assertThat(ChatRefusals.passing(new ConnectException("Connection refused"))).isTrue();
        for (int status : new int[] {400, 403, 404, 410, 499}) {
            assertThat(ChatRefusals.passing(answer(status, Map.of()))).as("status " + status).isFalse();
        }
        assertThat(ChatRefusals.passing(new IllegalStateException("not an answer"))).isFalse();
    }

    @Test
    void theLogSaysTheChatsStatusOrTheFailuresKindNeverItsUrl() {
        assertThat(ChatRefusals.describe(answer(404, Map.of()))).isEqualTo("the chat answered 404");
        assertThat(ChatRefusals.describe(new IOException(URL + " failed to respond"))).isEqualTo("IOException");
    }

    private static HttpOperationFailedException answer(int status, Map<String, String> headers) {
        // as camel-http makes it: its message holds the URL
        return new HttpOperationFailedException(URL, status, "Refused", null, headers, "");
    }
}
