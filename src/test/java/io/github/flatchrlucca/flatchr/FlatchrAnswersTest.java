package io.github.flatchrlucca.flatchr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.http.KeyState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class FlatchrAnswersTest {

    private final List<String> answered = new ArrayList<>();
    private final List<KeyState.State> keyStates = new ArrayList<>();
    private final FlatchrConnection flatchr = new FlatchrConnection("acme", URI.create("https://api.flatchr.io"),
            "flatchr-key", "Wy3EOp2NP3p1KMq8", new KeyState(keyStates::add));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private final FlatchrPause pause = new FlatchrPause(clock, Duration.ofSeconds(30), Duration.ofMinutes(15));
    private final FlatchrAnswers answers = new FlatchrAnswers(new ObjectMapper(),
            (tenant, call, status) -> answered.add(tenant + " " + call + " " + status), pause);

    @Test
    void aSuccessIsItsJsonAndSaysTheKeyWorks() {
        assertThat(answers.check(answer("search-applicants", 200, "[{\"applicant\":\"z7gW\"}]")).get(0)
                .path("applicant").asText()).isEqualTo("z7gW");
        assertThat(answered).containsExactly("acme search-applicants 200");
        assertThat(flatchr.credentials().state()).isEqualTo(KeyState.State.OK);
        assertThat(keyStates).as("a key nobody heard was wrong: no news").isEmpty();
    }

    @Test
    void anApplicationFlatchrsApiDoesNotHaveIsAnAnswerNotAFailure() {
        assertThat(answers.check(answer(FlatchrRequests.READ_APPLICATION, 404, "")).isMissingNode()).isTrue();
        assertThat(catchThrowable(() -> answers.check(answer("search-applicants", 404, ""))))
                .isInstanceOf(FlatchrCallFailed.Refused.class);
    }

    @Test
    void detailsRefusedForOneApplicationAreMissingAndSayNothingOfTheKey() {
        for (int status : new int[] {400, 403, 410, 422}) {
            assertThat(answers.check(answer(FlatchrRequests.READ_APPLICATION, status, "")).isMissingNode())
                    .as("%d", status).isTrue();
        }
        assertThat(flatchr.credentials().state()).as("not rejected").isEqualTo(KeyState.State.UNKNOWN);
        assertThat(keyStates).isEmpty();
        assertThat(answered).as("still counted").contains("acme read-application 403");

        assertThat(catchThrowable(() -> answers.check(answer(FlatchrRequests.READ_APPLICATION, 401, ""))))
                .as("an expired key answers 401 to every call").isInstanceOf(FlatchrCallFailed.KeyRejected.class);
        for (int status : new int[] {408, 429, 500}) {
            assertThat(catchThrowable(() -> answers.check(answer(FlatchrRequests.READ_APPLICATION, status, ""))))
                    .isInstanceOf(FlatchrCallFailed.Unavailable.class);
        }
        assertThat(catchThrowable(() -> answers.check(answer("search-applicants", 403, ""))))
                .isInstanceOf(FlatchrCallFailed.KeyRejected.class);
    }

    @Test
    void eachFailureSaysWhatToDoNext() {
        assertThat(catchThrowable(() -> answers.check(answer("list-columns", 401, ""))))
                .isInstanceOf(FlatchrCallFailed.KeyRejected.class).hasMessage("Flatchr answered 401 to list-columns");
        assertThat(keyStates).containsExactly(KeyState.State.REJECTED);
        for (int status : new int[] {408, 429, 500, 503, 0}) {
            assertThat(catchThrowable(() -> answers.check(answer("search-applicants", status, "oops"))))
                    .isInstanceOf(FlatchrCallFailed.Unavailable.class);
        }
        assertThat(catchThrowable(() -> answers.check(answer("search-applicants", 400, "bad day"))))
                .isInstanceOf(FlatchrCallFailed.Refused.class).hasMessageNotContaining("bad day");
    }

    @Test
    void flatchrAskingToWaitOrFailingPausesItsCompanyAndARefusalDoesNot() {
        Exchange tooMany = answer("write-tag", 429, "");
        tooMany.getMessage().setHeader("Retry-After", "60");

        assertThat(catchThrowable(() -> answers.check(tooMany))).isInstanceOf(FlatchrCallFailed.Unavailable.class);
        assertThat(pause.until(flatchr)).contains(clock.instant().plusSeconds(60));

        clock.advance(Duration.ofSeconds(60));
        catchThrowable(() -> answers.check(answer("write-tag", 400, "")));
        assertThat(pause.paused(flatchr)).as("a refused request is no reason to wait").isFalse();
        catchThrowable(() -> answers.check(answer("search-applicants", 503, "")));
        assertThat(pause.until(flatchr)).as("no Retry-After: the backoff").isPresent();
    }

    @Test
    void aSuccessWhoseBodyIsNotJsonFailsAsAnAnswerNotAsACallWithoutOne() {
        // the call route pauses the company for an IOException anywhere among the causes: a call that got no answer
        assertThat(catchThrowable(() -> answers.check(answer("search-applicants", 200, "<html>"))))
                .isInstanceOf(FlatchrCallFailed.Unreadable.class).hasNoCause()
                .hasMessage("Flatchr answered 200 to search-applicants with a body that is not JSON");
        assertThat(pause.paused(flatchr)).isFalse();
    }

    @Test
    void aSearchsAnswerIsItsListEvenWrappedAndAnythingElseIsUnreadableNotNothingFound() {
        assertThat(answers.check(answer("search-applicants", 200, "[]")).isArray()).isTrue();
        assertThat(answers.check(answer("search-applicants", 200,
                "{\"data\": [{\"applicant\": \"z7gW\"}], \"total\": 1}")).get(0).path("applicant").asText())
                .as("lenient, as the reference asks: a list under a wrapper field").isEqualTo("z7gW");
        for (String body : new String[] {"", "null", "{}", "{\"total\": 0}", "{\"z7gW\": {\"applicant\": \"z7gW\"}}",
                "{\"data\": [], \"items\": []}", "{\"data\": {}}", "\"none\"", "0"}) {
            assertThat(catchThrowable(() -> answers.check(answer("search-applicants", 200, body))))
                    .as(body).isInstanceOf(FlatchrCallFailed.Unreadable.class).hasNoCause()
                    .hasMessage("Flatchr answered 200 to search-applicants with a body that is not a list of "
                            + "applications");
        }
        assertThat(pause.paused(flatchr)).as("Flatchr answered").isFalse();
        assertThat(answers.check(answer("write-tag", 200, "")).isNull()).as("other calls: whatever JSON").isTrue();
    }

    @Test
    void theKeyIsNeverInTheConnectionsText() {
        assertThat(flatchr.toString()).doesNotContain("flatchr-key");
        assertThat(flatchr.authorization()).isEqualTo("Bearer flatchr-key");
    }

    private Exchange answer(String call, int status, String body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setVariable("flatchr", flatchr);
        exchange.setVariable("flatchrCall", call);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
