package io.github.flatchrlucca.lucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.http.KeyState;
import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.journal.JournalClock;
import io.github.flatchrlucca.journal.RateLimitStore;
import io.github.flatchrlucca.journal.TestJournal;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LuccaAnswersTest {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private static final CamelContext CAMEL = new DefaultCamelContext();

    private final MutableClock clock = new MutableClock(NOW);
    private final List<Duration> sleeps = new ArrayList<>();
    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final LuccaRateLimiter limiter = new LuccaRateLimiter(new RateLimitStore(h2.dataSource()), clock, duration -> {
        sleeps.add(duration);
        clock.advance(duration);
    }, (tenant, wait) -> { }, Duration.ofMinutes(3), Duration.ofSeconds(20), LuccaRateLimiter.clockDisagreement(true));
    private final List<KeyState.State> credentialChanges = new ArrayList<>();
    private final KeyState credentials = new KeyState(credentialChanges::add);
    private final List<String> calls = new ArrayList<>();
    private final LuccaConnection lucca = new LuccaConnection("acme", Optional.of(URI.create("https://acme.ilucca.net")),
            "key", ZoneId.of("Europe/Paris"), 50, Duration.ofSeconds(60), credentials);
    private final LuccaAnswers answers = new LuccaAnswers(new ObjectMapper(), limiter,
            (tenant, call, status) -> calls.add(tenant + " " + call + " " + status), clock);

    @Test
    void a429IsRateLimitedWithTheRetryAfterLuccaGave() {
        LuccaCallFailed failure = answers.failure(lucca, "create-user", 429, "slow down", "17");

        assertThat(failure).isInstanceOf(LuccaRateLimited.class);
        assertThat(((LuccaRateLimited) failure).retryAfter()).isEqualTo(Duration.ofSeconds(17));
        assertThat(failure.status()).isEqualTo(429);
        assertThat(failure.body()).isEqualTo("slow down");
    }

    @Test
    void a429PausesEveryLaterCall() throws InterruptedException {
        answers.failure(lucca, "create-user", 429, null, "17");

        limiter.acquire(lucca, null);

        // and the second by which another instance may reckon the journal's time ahead of this one
        assertThat(sleeps).containsExactly(Duration.ofSeconds(17).plus(JournalClock.DISAGREEMENT));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 422, 500, 401})
    void noOtherFailurePausesTheCalls(int status) throws InterruptedException {
        answers.failure(lucca, "create-user", status, null, "17");

        limiter.acquire(lucca, null);

        assertThat(sleeps).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void aRejectedKeyOrMissingRightIsKeyRejected(int status) {
        LuccaCallFailed failure = answers.failure(lucca, "find-person-by-mail", status, "no", null);

        assertThat(failure).isInstanceOf(LuccaKeyRejected.class);
        assertThat(failure.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 500, 502, 503, 504})
    void aTimeoutOrServerFailureIsUnavailable(int status) {
        LuccaCallFailed failure = answers.failure(lucca, "find-person-by-mail", status, "down", null);

        assertThat(failure).isInstanceOf(LuccaUnavailable.class);
        assertThat(failure.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 422})
    void aRefusedRequestIsRefused(int status) {
        LuccaCallFailed failure = answers.failure(lucca, "create-user", status, "{\"message\":\"login taken\"}", null);

        assertThat(failure).isInstanceOf(LuccaRefused.class);
        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.body()).isEqualTo("{\"message\":\"login taken\"}");
    }

    @Test
    void theFailureNamesTheCallAndStatusButNotTheBody() {
        LuccaCallFailed failure = answers.failure(lucca, "create-user", 422, "mail eloise@gmail.com is invalid", null);

        assertThat(failure.getMessage())
                .isEqualTo("Lucca answered 422 to create-user")
                .doesNotContain("eloise");
    }

    // Lucca sends seconds; an HTTP-date, which the standard allows too, is honoured as well
    @ParameterizedTest(name = "Retry-After [{0}] waits {1} s")
    @CsvSource(delimiter = '|', value = {"' 30 '|30", "0|1", "-5|1", "Mon, 05 Jan 2026 09:00:30 GMT|30", "86400|3600",
            "Wed, 21 Oct 2026 07:28:00 GMT|3600"})
    void retryAfterIsWaitedAtLeastASecondAndAtMostAnHour(String header, long seconds) {
        assertThat(answers.retryAfter(header)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"soon", "1.5"})
    void aMissingOrUnreadableRetryAfterWaitsAWholeMinute(String header) {
        assertThat(answers.retryAfter(header)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aSuccessIsItsJson() throws IOException {
        JsonNode answer = answers.check(exchange(200, "{\"data\":{\"id\":42}}"));

        assertThat(answer.path("data").path("id").asLong()).isEqualTo(42);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void anEmptySuccessIsTheNullNode(String body) throws IOException {
        assertThat(answers.check(exchange(204, body)).isNull()).isTrue();
    }

    @Test
    void aSuccessWithoutBodyIsTheNullNode() throws IOException {
        assertThat(answers.check(exchange(201, null)).isNull()).isTrue();
    }

    @Test
    void anErrorThrowsTheFailureWithLuccaBody() {
        Exchange exchange = exchange(409, "{\"message\":\"duplicate\"}");
        exchange.setVariable("luccaCall", "create-user");

        assertThatExceptionOfType(LuccaRefused.class)
                .isThrownBy(() -> answers.check(exchange))
                .satisfies(failure -> {
                    assertThat(failure.status()).isEqualTo(409);
                    assertThat(failure.body()).isEqualTo("{\"message\":\"duplicate\"}");
                    assertThat(failure.getMessage()).isEqualTo("Lucca answered 409 to create-user");
                });
    }

    @Test
    void anErrorKeepsOnlyTheFirst4000CharactersOfALongBody() {
        String body = "a".repeat(4000) + "b".repeat(1000);

        assertThatExceptionOfType(LuccaUnavailable.class)
                .isThrownBy(() -> answers.check(exchange(503, body)))
                .satisfies(failure -> assertThat(failure.body()).isEqualTo("a".repeat(4000) + "..."));
    }

    @Test
    void anErrorBodyOfExactly4000CharactersIsKeptWhole() {
        String body = "a".repeat(4000);

        assertThatExceptionOfType(LuccaUnavailable.class)
                .isThrownBy(() -> answers.check(exchange(503, body)))
                .satisfies(failure -> assertThat(failure.body()).isEqualTo(body));
    }

    @Test
    void a429AnswerCarriesItsRetryAfterHeader() {
        Exchange exchange = exchange(429, "");
        exchange.getMessage().setHeader("Retry-After", "12");

        assertThatExceptionOfType(LuccaRateLimited.class)
                .isThrownBy(() -> answers.check(exchange))
                .satisfies(failure -> assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(12)));
    }

    @Test
    void everyAnswerIsReportedWithItsTenantCallAndStatus() throws IOException {
        Exchange created = exchange(200, "{}");
        created.setVariable("luccaCall", "create-user");
        answers.check(created);

        assertThat(calls).containsExactly("acme create-user 200");
    }

    @Test
    void aRejectedKeyIsAnnouncedOnceAndItsRecoveryToo() throws IOException {
        for (int status : new int[] {401, 403, 401}) {
            assertThatExceptionOfType(LuccaKeyRejected.class).isThrownBy(() -> answers.check(exchange(status, "")));
        }
        assertThat(credentials.state()).isEqualTo(KeyState.State.REJECTED);

        answers.check(exchange(200, "{}"));

        assertThat(credentialChanges).containsExactly(KeyState.State.REJECTED, KeyState.State.OK);
    }

    @Test
    void aKeyWithoutTheRightToCreateIsToldRejectedOnceThoughItsReadsSucceedAtEveryAttempt() throws IOException {
        // the key's role may look people up but not create them: every attempt of every hire reads, then is refused
        for (int attempt = 0; attempt < 3; attempt++) {
            answers.check(exchange("search-user", 200, "{}"));
            assertThatExceptionOfType(LuccaKeyRejected.class)
                    .isThrownBy(() -> answers.check(exchange("create-user", 403, "")));
        }
        assertThat(credentials.state()).isEqualTo(KeyState.State.REJECTED);
        assertThat(credentialChanges).as("not 'rejected' and 'accepted again' at each attempt").containsExactly(
                KeyState.State.REJECTED);

        // the right given in Lucca: the refused call goes through
        answers.check(exchange("create-user", 201, "{}"));

        assertThat(credentials.state()).isEqualTo(KeyState.State.OK);
        assertThat(credentialChanges).containsExactly(KeyState.State.REJECTED, KeyState.State.OK);
    }

    @Test
    void aKeyWhoseFirstTryWasRefusedIsAcceptedAgainAtTheFirstHiresRead() throws IOException {
        // refused at start, before HR gave the key its rights; the first try is never made again
        assertThatExceptionOfType(LuccaKeyRejected.class)
                .isThrownBy(() -> answers.check(exchange(LuccaRequests.TRY_KEY, 403, "")));

        answers.check(exchange(LuccaRequests.FIND_PERSON_BY_MAIL, 200, "{}"));

        assertThat(credentials.state()).isEqualTo(KeyState.State.OK);
        assertThat(credentialChanges).containsExactly(KeyState.State.REJECTED, KeyState.State.OK);
    }

    @Test
    void aKeyRefusedOutrightIsAcceptedAgainAtItsFirstSuccessWhateverTheCall() throws IOException {
        assertThatExceptionOfType(LuccaKeyRejected.class)
                .isThrownBy(() -> answers.check(exchange("check-key", 401, "")));

        answers.check(exchange("search-user", 200, "{}"));

        assertThat(credentialChanges).containsExactly(KeyState.State.REJECTED, KeyState.State.OK);
    }

    @Test
    void aCreateRefusedForTwoHiresBetweenOtherHiresCreatesLeavesTheKeyAccepted() throws IOException {
        // a role limited to some establishments: the same two hires refused at each attempt, others created between
        answers.check(forHire("hire-b", exchange("create-user", 201, "{}")));
        for (int attempt = 0; attempt < 3; attempt++) {
            for (String refused : new String[] {"hire-a", "hire-c"}) {
                assertThatExceptionOfType(LuccaKeyRejected.class)
                        .isThrownBy(() -> answers.check(forHire(refused, exchange("create-user", 403, ""))));
            }
            answers.check(forHire("hire-d" + attempt, exchange("create-user", 201, "{}")));
        }

        assertThat(credentials.state()).isEqualTo(KeyState.State.OK);
        assertThat(credentialChanges).as("the refusals are those hires', not the key's").isEmpty();
    }

    private static Exchange forHire(String hireId, Exchange exchange) {
        exchange.setVariable("hire", new ClaimedHire(hireId, "acme", "{}", null, null, null, 1, null, null, null));
        return exchange;
    }

    private Exchange exchange(String call, int status, String body) {
        Exchange exchange = exchange(status, body);
        exchange.setVariable("luccaCall", call);
        return exchange;
    }

    private Exchange exchange(int status, String body) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.setVariable("lucca", lucca);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
