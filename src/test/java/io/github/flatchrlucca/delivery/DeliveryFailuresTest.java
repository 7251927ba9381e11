package io.github.flatchrlucca.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.http.RetrySchedule;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.journal.Intakes;
import io.github.flatchrlucca.journal.MoveOut;
import io.github.flatchrlucca.mapping.LuccaUserDraft;
import io.github.flatchrlucca.mapping.MappedHire;
import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.journal.HireEvent;
import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.RateLimitStore;
import io.github.flatchrlucca.journal.TestJournal;
import io.github.flatchrlucca.lucca.LuccaAnswers;
import io.github.flatchrlucca.lucca.LuccaConnection;
import io.github.flatchrlucca.http.KeyState;
import io.github.flatchrlucca.lucca.LuccaRateLimiter;
import io.github.flatchrlucca.lucca.PeopleOverBudget;
import io.github.flatchrlucca.operations.Alerts;
import io.github.flatchrlucca.operations.ConnectorMetrics;
import io.github.flatchrlucca.routes.Variables;
import io.github.flatchrlucca.tenants.Tenants;
import io.github.flatchrlucca.tenants.TestTenants;
import io.github.flatchrlucca.writeback.ResultLine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What becomes of a hire whose attempt failed: each kind of failure, written to the journal, counted, told. */
class DeliveryFailuresTest {

    private static final CamelContext CAMEL = new DefaultCamelContext();
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration KEY_REJECTED_DELAY = Duration.ofMinutes(1);
    private static final Duration MAX_AGE = Duration.ofHours(24);

    private final MutableClock clock = new MutableClock(NOW);
    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final DataSource pool = h2.dataSource();
    private final Journal journal = new Journal(pool, clock, Duration.ofMinutes(3), "instance-a");
    private final JournalReader reader = new JournalReader(pool);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> alerts = new ArrayList<>();
    private final Map<String, Delivery> deliveries = new HashMap<>();
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofMinutes(30), MAX_AGE,
            () -> 0.5);
    private final DeliveryFailures failures = new DeliveryFailures(journal, schedule, KEY_REJECTED_DELAY, clock,
            new ConnectorMetrics(meters, reader, Duration.ofHours(1), clock),
            new Alerts(alerts::add, "https://hooks.acme.example", reader, Duration.ofHours(1), clock));
    private final LuccaConnection lucca = new LuccaConnection("acme", Optional.of(URI.create("https://acme.ilucca.net")),
            "key", ZoneId.of("Europe/Paris"), 50, Duration.ofSeconds(60), new KeyState(state -> { }));
    private final LuccaAnswers answers = new LuccaAnswers(new ObjectMapper(),
            new LuccaRateLimiter(new RateLimitStore(pool), clock, duration -> { }, (tenant, wait) -> { },
                    Duration.ofMinutes(3), Duration.ofSeconds(20), Duration.ZERO),
            (tenant, call, status) -> { }, clock);

    @Test
    void aRefusalIsDeadAtOnceWithLuccasWordsAndTheTeamIsTold() {
        ClaimedHire hire = claimedHire();

        failures.refused(failed(hire, luccaAnswered(400, "{\"message\":\"login taken\"}", null)));

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.DEAD);
        assertThat(record.lastLuccaStatus()).isEqualTo(400);
        assertThat(record.lastLuccaBody()).contains("login taken");
        assertThat(alerts).singleElement().asString().contains(hire.hireId(), "tenant acme", "dead");
        assertThat(count("dead", "lucca-refused")).isEqualTo(1);
    }

    @Test
    void aRejectedKeyWaitsAtLeastItsOwnDelay() {
        ClaimedHire hire = claimedHire();

        failures.keyRejected(failed(hire, luccaAnswered(401, "", null)));

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.RETRYING);
        assertThat(record.nextAttemptAt()).isEqualTo(NOW.plus(KEY_REJECTED_DELAY));
        assertThat(count("retried", "key-rejected")).isEqualTo(1);
        assertThat(alerts).isEmpty();
    }

    @Test
    void aKeyStillRejectedAfterManyAttemptsWaitsLongerEachTime() {
        ClaimedHire hire = claimedHire();
        ClaimedHire laterAttempt = new ClaimedHire(hire.hireId(), hire.tenant(), hire.payload(), hire.receivedAt(),
                hire.queuedAt(), hire.heldUntil(), 10, null, null, null);

        failures.keyRejected(failed(laterAttempt, luccaAnswered(401, "", null)));

        assertThat(reader.find(hire.hireId()).orElseThrow().nextAttemptAt())
                .isEqualTo(schedule.next(10, NOW)).isAfter(NOW.plus(KEY_REJECTED_DELAY));
    }

    @Test
    void aKeyRejectedPastTheMaximumAgeEndsTheHireLikeAnyFailure() {
        ClaimedHire hire = claimedHire();
        clock.advance(MAX_AGE);

        failures.keyRejected(failed(hire, luccaAnswered(403, "", null)));

        assertThat(reader.find(hire.hireId()).orElseThrow().status()).isEqualTo(HireStatus.DEAD);
        assertThat(count("dead", "expired")).isEqualTo(1);
        assertThat(alerts).singleElement().asString().contains(hire.hireId());
    }

    @Test
    void aRateLimitedHireComesBackWhenLuccaSays() {
        ClaimedHire hire = claimedHire();

        failures.rateLimited(failed(hire, luccaAnswered(429, "slow down", "30")));

        assertThat(reader.find(hire.hireId()).orElseThrow().nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(count("retried", "rate-limited")).isEqualTo(1);
    }

    @Test
    void aRetryThatWouldComePastTheMaximumAgeIsDeadOfOldAge() {
        ClaimedHire hire = claimedHire();
        clock.advance(MAX_AGE.minusSeconds(10));

        failures.rateLimited(failed(hire, luccaAnswered(429, "slow down", "30")));

        assertThat(reader.find(hire.hireId()).orElseThrow().status()).isEqualTo(HireStatus.DEAD);
        assertThat(count("dead", "expired")).isEqualTo(1);
    }

    @Test
    void aHeldHireHasTheWholeMaximumAgeForItsRetriesCountedFromTheEndOfItsHold() {
        Duration hold = Duration.ofHours(6);
        ClaimedHire hire = claimedHire(hold);
        clock.advance(MAX_AGE.minusMinutes(1));

        failures.rateLimited(failed(hire, luccaAnswered(429, "slow down", "30")));

        assertThat(reader.find(hire.hireId()).orElseThrow().status()).as("a day after it entered the queue, 18 h "
                + "after its hold").isEqualTo(HireStatus.RETRYING);
        clock.advance(hold.minusMinutes(1));

        failures.rateLimited(failed(journal.claim(hire.hireId()), luccaAnswered(429, "slow down", "30")));

        assertThat(reader.find(hire.hireId()).orElseThrow().status()).as("its window after its hold over")
                .isEqualTo(HireStatus.DEAD);
        assertThat(count("dead", "expired")).isEqualTo(1);
    }

    @Test
    void aLostConnectionIsRetriedWithBackoffAndNamedWithoutPersonalData() {
        ClaimedHire hire = claimedHire();
        Exchange exchange = failed(hire, new ConnectException("Connection refused"));
        exchange.setVariable("luccaCall", "find-person-by-mail");

        failures.retryLater(exchange);

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.RETRYING);
        assertThat(record.nextAttemptAt()).isEqualTo(schedule.next(hire.attempts(), NOW));
        assertThat(record.lastError()).isEqualTo("ConnectException during find-person-by-mail");
        assertThat(count("retried", "connection")).isEqualTo(1);
    }

    @Test
    void aCallHeldBackForASlowJournalIsRetriedWithBackoffAsAnyFailedAttemptIs() throws SQLException {
        ClaimedHire hire = claimedHire();
        Exchange exchange = failed(hire, heldBackAfter(hire, Duration.ofSeconds(170)));
        exchange.setVariable("luccaCall", "create-user");

        failures.retryLater(exchange);

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.RETRYING);
        assertThat(record.nextAttemptAt()).isEqualTo(schedule.next(hire.attempts(), clock.instant()));
        assertThat(record.lastError()).contains("was not sent", "the journal's commit was slow");
        assertThat(count("retried", "journal-slow")).isEqualTo(1);
        clock.advance(Duration.between(clock.instant(), record.nextAttemptAt()));
        assertThat(new Journal(pool, clock, Duration.ofMinutes(3), "instance-b").claim(hire.hireId()))
                .as("given back, due again before the claim renewed for the call would have ended").isNotNull();
    }

    @Test
    void callsHeldBackAtEveryAttemptEndTheHirePastTheMaximumAge() throws SQLException {
        ClaimedHire hire = claimedHire();
        clock.advance(MAX_AGE);

        failures.retryLater(failed(hire, heldBackAfter(hire, Duration.ofSeconds(170))));

        assertThat(reader.find(hire.hireId()).orElseThrow().status()).isEqualTo(HireStatus.DEAD);
        assertThat(count("dead", "expired")).isEqualTo(1);
        assertThat(alerts).singleElement().asString().contains(hire.hireId());
    }

    @Test
    void aCreateHeldBackIsForgottenSoThatNeitherItsRetryNorACancelTakesItForOneWhoseAnswerWasLost()
            throws SQLException {
        ClaimedHire hire = claimedHire();
        Exchange exchange = createHeldBack(hire, createRecorded(hire), heldBackAfter(hire, Duration.ofSeconds(170)));

        failures.retryLater(exchange);

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.RETRYING);
        assertThat(record.createUnanswered()).as("a create never sent").isFalse();
        assertThat(journal.cancel(hire.hireId())).isTrue();
        assertThat(reader.find(hire.hireId()).orElseThrow().decisionNeeded()).as("no account to look for").isNull();
    }

    @Test
    void aCreateHeldBackAtTheLastAttemptDiesAsNotCreatedNotAsPerhapsCreated() throws SQLException {
        ClaimedHire hire = claimedHire();
        ApiRequest create = createRecorded(hire);
        clock.advance(MAX_AGE);

        failures.retryLater(createHeldBack(hire, create, heldBackAfter(hire, Duration.ofSeconds(170))));

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.DEAD);
        assertThat(ResultLine.of(record, ZoneOffset.UTC)).doesNotContain("perhaps created");
    }

    @Test
    void aCreateHeldBackWhileTheJournalFailsIsSetAsideAndWrittenOnceItAnswersItsCreateKeptAsMaybeSent()
            throws SQLException {
        ClaimedHire hire = claimedHire();
        Exchange exchange = createHeldBack(hire, createRecorded(hire), heldBackAfter(hire, Duration.ofSeconds(170)));
        journalFails();

        failures.retryLater(exchange);

        assertThat(failures.writeLeftBehind()).as("the journal is still down").isFalse();
        journalReturns();
        assertThat(failures.writeLeftBehind()).isTrue();
        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.RETRYING);
        assertThat(record.createUnanswered()).as("not known to be unsent: looked up first at the next attempt")
                .isTrue();
    }

    @Test
    void aMoveOutBetweenTheRenewalAndTheCheckOfAHeldBackCreateAsksForNoDecision() throws SQLException {
        ClaimedHire hire = claimedHire();
        ApiRequest create = createRecorded(hire);
        Throwable heldBack;
        try (Connection connection = pool.getConnection()) {
            RateLimitStore.Hold hold = journal.stillHolding(hire.hireId()).check(connection);
            clock.advance(Duration.ofSeconds(170));
            // the move out, which waited for the renewal's row lock, goes through once it commits, before the check
            Intakes.movedOutOfHired(journal, "acme", new HireVerdict(HireVerdict.Kind.MOVED_OUT, "dragged", "4242",
                    "1234", List.of()), "dragged");
            heldBack = catchThrowable(() -> hold.covers(Duration.ofSeconds(20)));
        }

        failures.retryLater(createHeldBack(hire, create, heldBack));

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.WITHDRAWN);
        assertThat(record.decisionNeeded()).as("its create was never sent: no account to decide on").isNull();
    }

    @Test
    void aRefusedCreateWhoseDirectoryWasDroppedOverItsBudgetIsRetriedUnderItsOwnReason() {
        ClaimedHire hire = claimedHire();
        Exchange exchange = failed(hire, new PeopleOverBudget(64_700));
        exchange.setVariable("luccaCall", "create-user");

        failures.retryLater(exchange);

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.RETRYING);
        assertThat(record.nextAttemptAt()).isEqualTo(schedule.next(hire.attempts(), NOW));
        assertThat(record.lastError()).isEqualTo("Lucca lists more people than the people directories may hold "
                + "(64700 in all): each hire is looked up in Lucca during create-user");
        assertThat(count("retried", "people-over-budget")).isEqualTo(1);
        assertThat(meters.find("flatchr.hires").tag("reason", "unexpected").counters()).isEmpty();
    }

    @Test
    void anOutcomeTheJournalCannotTakeIsWrittenWithItsBackoffOnceTheJournalAnswers() throws SQLException {
        ClaimedHire hire = claimedHire();
        Exchange exchange = failed(hire, luccaAnswered(503, "down", null));
        journalFails();

        failures.retryLater(exchange);

        assertThat(meters.find("flatchr.hires").counters()).isEmpty();
        assertThat(failures.writeLeftBehind()).as("the journal is still down").isFalse();
        journalReturns();
        clock.advance(Duration.ofMinutes(2));
        assertThat(failures.writeLeftBehind()).isTrue();
        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.RETRYING);
        assertThat(record.nextAttemptAt()).isEqualTo(schedule.next(hire.attempts(), clock.instant()));
        assertThat(record.lastLuccaStatus()).isEqualTo(503);
        assertThat(count("retried", "journal-unavailable")).isEqualTo(1);
        assertThat(failures.writeLeftBehind()).as("written once").isTrue();
        assertThat(count("retried", "journal-unavailable")).isEqualTo(1);
    }

    @Test
    void aJournalOutageDuringAnAttemptCountsAsAnAttemptWithBackoffNotAsDueAtOnce() {
        ClaimedHire hire = claimedHire();
        Exchange exchange = failed(hire, new IllegalStateException("the journal could not reserve the login"));
        exchange.setVariable("luccaCall", "find-taken-logins");

        failures.journalUnavailable(exchange);
        assertThat(failures.writeLeftBehind()).isTrue();

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.RETRYING);
        assertThat(record.nextAttemptAt()).isEqualTo(schedule.next(hire.attempts(), NOW)).isAfter(NOW);
        assertThat(record.lastError()).isEqualTo("the journal could not be reached during find-taken-logins");
        assertThat(journal.dueHireIds("acme", 10)).as("not due again at once").isEmpty();
    }

    @Test
    void aJournalOutageDuringAnAttemptPastTheMaximumAgeIsDeadOfOldAge() {
        ClaimedHire hire = claimedHire();
        clock.advance(MAX_AGE);

        failures.journalUnavailable(failed(hire, new IllegalStateException("journal down")));
        failures.writeLeftBehind();

        assertThat(reader.find(hire.hireId()).orElseThrow().status()).isEqualTo(HireStatus.DEAD);
        assertThat(count("dead", "expired")).isEqualTo(1);
        assertThat(alerts).singleElement().asString().contains(hire.hireId());
    }

    @Test
    void aValueTheJournalRefusesIsDeadAtOnceNamingWhatWasBeingWritten() {
        ClaimedHire hire = claimedHire();
        Throwable refused = catchThrowable(() -> journal.reserveLogin("acme", hire.hireId(), "m".repeat(251)));

        failures.valueRefused(failed(hire, refused));

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.DEAD);
        assertThat(record.lastError()).contains("reserve the login", "too long or malformed")
                .doesNotContain("mmmm");
        assertThat(count("dead", "journal-refused-value")).isEqualTo(1);
    }

    @Test
    void aLuccaAnswerTheJournalRefusesIsLeftOutAndTheHireIsRetriedAsAnyOther() throws SQLException {
        ClaimedHire hire = claimedHire();
        // stands in for PostgreSQL's refusal of a NUL in a proxy's 502 page (SQLState 22021): H2 stores a NUL
        journalRefusesLongLuccaAnswers();

        failures.retryLater(failed(hire, luccaAnswered(502, "<html>Bad Gateway, from the proxy</html>", null)));

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.RETRYING);
        assertThat(record.nextAttemptAt()).isEqualTo(schedule.next(hire.attempts(), NOW));
        assertThat(record.lastLuccaStatus()).isEqualTo(502);
        assertThat(record.lastLuccaBody()).isNull();
        assertThat(record.lastError()).isEqualTo("Lucca answered 502 to create-user (Lucca's answer was dropped: the "
                + "journal could not store it)");
        assertThat(count("retried", "lucca-unavailable")).isEqualTo(1);
        assertThat(meters.find("flatchr.hires").tag("outcome", "dead").counters()).isEmpty();
        assertThat(alerts).isEmpty();
    }

    @Test
    void aRefusalWhoseAnswerTheJournalRefusesIsDeadCountedAndAlertedAsAnyOther() throws SQLException {
        ClaimedHire hire = claimedHire();
        journalRefusesLongLuccaAnswers();

        failures.refused(failed(hire, luccaAnswered(422, "{\"message\":\"the mail is not a valid address\"}", null)));

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.DEAD);
        assertThat(record.lastLuccaStatus()).isEqualTo(422);
        assertThat(record.lastError()).contains("Lucca answered 422 to create-user", "dropped");
        assertThat(count("dead", "lucca-refused")).isEqualTo(1);
        assertThat(alerts).singleElement().asString().contains(hire.hireId(), "dead");
    }

    @Test
    void aCancelDuringAnAttemptWinsOverItsRetry() {
        ClaimedHire hire = claimedHire();
        assertThat(journal.cancel(hire.hireId())).isTrue();

        failures.retryLater(failed(hire, luccaAnswered(503, "down", null)));

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.CANCELLED);
        assertThat(record.nextAttemptAt()).isNull();
        assertThat(meters.find("flatchr.hires").counters()).isEmpty();
        assertThat(journal.dueHireIds("acme", 10)).isEmpty();
    }

    @Test
    void aCancelledAttemptGivesTheHireBackAndLeavesItCancelled() {
        ClaimedHire hire = claimedHire();
        journal.cancel(hire.hireId());

        failures.stopped(failed(hire,
                catchThrowable(() -> h2.nextLuccaCall(journal, hire.hireId(), clock.instant()))));

        assertThat(reader.find(hire.hireId()).orElseThrow().status()).isEqualTo(HireStatus.CANCELLED);
        assertThat(alerts).isEmpty();
    }

    @Test
    void aMoveOutThatCameWhileTheCreateWaitedForItsTurnIsToldToTheChatAsNeedingNoDecisionAnyMore() {
        ClaimedHire hire = claimedHire();
        ApiRequest create = createRecorded(hire);
        // the move out took the recorded create for one whose answer was lost, and the chat was told to decide
        assertThat(Intakes.movedOutOfHired(journal, "acme", new HireVerdict(HireVerdict.Kind.MOVED_OUT, "dragged",
                "4242", "1234", List.of()), "dragged")).singleElement().extracting(MoveOut::outcome)
                .isEqualTo(MoveOut.Outcome.NEEDS_DECISION);

        failures.stopped(stoppedAt(create, hire));

        assertThat(reader.find(hire.hireId()).orElseThrow().decisionNeeded()).isNull();
        assertThat(alerts).singleElement().asString().contains(hire.hireId(), "tenant acme", "no longer needs a decision",
                "no account was made");
    }

    @Test
    void aCancelThatCameWhileTheCreateWaitedForItsTurnTellsTheChatNothingItWasNotToldBefore() {
        ClaimedHire hire = claimedHire();
        ApiRequest create = createRecorded(hire);
        assertThat(journal.cancel(hire.hireId())).isTrue();

        failures.stopped(stoppedAt(create, hire));

        assertThat(reader.find(hire.hireId()).orElseThrow().decisionNeeded()).isNull();
        assertThat(alerts).as("an operator's cancel is answered on the status page, not in the chat").isEmpty();
    }

    @Test
    void aMoveOutWhileTheCreateWasOnItsWayThatLuccaRefusedAsksNobodyToLookAndTellsTheChatSo() {
        ClaimedHire hire = claimedHire();
        createSent(hire);
        assertThat(Intakes.movedOutOfHired(journal, "acme", new HireVerdict(HireVerdict.Kind.MOVED_OUT, "dragged",
                "4242", "1234", List.of()), "dragged")).singleElement().extracting(MoveOut::outcome)
                .isEqualTo(MoveOut.Outcome.NEEDS_DECISION);
        clock.advance(Duration.ofSeconds(5));

        failures.refused(failed(hire, luccaAnswered(400, "{\"message\":\"unknown department\"}", null)));

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.WITHDRAWN);
        assertThat(record.decisionNeeded()).as("Lucca made nothing: no account to look for").isNull();
        assertThat(record.createUnanswered()).isFalse();
        assertThat(record.writeBackSince()).as("written back again, as not created").isEqualTo(NOW.plusSeconds(5));
        assertThat(reader.history(hire.hireId())).last().satisfies(event -> {
            assertThat(event.luccaCall()).isEqualTo("create-user");
            assertThat(event.luccaStatus()).isEqualTo(400);
            assertThat(event.detail()).contains("nothing was made in Lucca", "unknown department");
        });
        assertThat(alerts).singleElement().asString().contains(hire.hireId(), "no longer needs a decision",
                "refused by Lucca");
        assertThat(journal.replay(hire.hireId(), "{}", null)).as("its claim given back").isTrue();
    }

    @Test
    void aCancelWhileTheCreateWasOnItsWayThatLuccaRefusedAsksNobodyToLookBeforeLuccaIsReadAgain() {
        ClaimedHire hire = claimedHire();
        createSent(hire);
        assertThat(journal.cancel(hire.hireId())).isTrue();

        // the delivery route's first step once Lucca refused the create, before it reads Lucca again
        failures.createRefused(failed(hire, luccaAnswered(409, "{\"message\":\"login taken\"}", null)));

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.CANCELLED);
        assertThat(record.decisionNeeded()).isNull();
        assertThat(record.createUnanswered()).isFalse();
        assertThat(ResultLine.of(record, ZoneOffset.UTC)).as("what the recruiter reads on the candidate")
                .isEqualTo("Lucca: not created - cancelled by an operator (2026-01-05)");
        assertThat(alerts).as("an operator's cancel is answered on the status page, not in the chat").isEmpty();
    }

    @Test
    void aCancelWhileTheCreateWasOnItsWayThatLuccaRateLimitedAsksNobodyToLook() {
        ClaimedHire hire = claimedHire();
        createSent(hire);
        journal.cancel(hire.hireId());

        failures.rateLimited(failed(hire, luccaAnswered(429, "", "60")));

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.CANCELLED);
        assertThat(record.decisionNeeded()).isNull();
        assertThat(record.createUnanswered()).isFalse();
        assertThat(reader.history(hire.hireId())).last().extracting(HireEvent::luccaStatus).isEqualTo(429);
    }

    @Test
    void aCancelWhileTheCreateWasOnItsWayThatLuccaNeverAnsweredStillAsksAPersonToLook() {
        ClaimedHire hire = claimedHire();
        createSent(hire);
        journal.cancel(hire.hireId());

        failures.retryLater(failed(hire, luccaAnswered(504, "", null)));

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.decisionNeeded()).isEqualTo(Journal.CANCELLED_CREATE_UNKNOWN);
        assertThat(record.createUnanswered()).isTrue();
    }

    @Test
    void aMoveOutBeforeAnUnsentCreateOfAHireWhoseTenantChangedIsToldToTheChatToo() {
        ClaimedHire hire = claimedHire();
        ApiRequest create = createRecorded(hire);
        Intakes.movedOutOfHired(journal, "acme", new HireVerdict(HireVerdict.Kind.MOVED_OUT, "dragged", "4242", "1234",
                List.of()), "dragged");
        Exchange exchange = failed(hire, catchThrowable(() -> TestTenants.inForce().forHire(hire)));
        exchange.setVariable(Variables.DELIVERY, deliveryOf(hire));
        exchange.getMessage().setBody(create);

        failures.tenantChanged(exchange);

        assertThat(reader.find(hire.hireId()).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
        assertThat(alerts).singleElement().asString().contains(hire.hireId(), "no longer needs a decision");
    }

    @Test
    void aHireWhoseTenantLeftBeforeItsDeliveryIsHandedBackUncountedUntoldAndDueAsBefore() {
        ClaimedHire hire = claimedHire();

        failures.tenantChanged(failed(hire, catchThrowable(() -> TestTenants.inForce().forHire(hire))));

        HireView record = reader.find(hire.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(record.attempts()).isZero();
        assertThat(record.nextAttemptAt()).isEqualTo(NOW);
        assertThat(reader.history(hire.hireId())).last().extracting(HireEvent::detail)
                .isEqualTo("tenant acme left the configuration: handed back, this attempt not counted");
        assertThat(journal.dueHireIds("acme", 10)).containsExactly(hire.hireId());
        assertThat(meters.find("flatchr.hires").counters()).isEmpty();
        assertThat(alerts).isEmpty();
    }

    @Test
    void aHireWhoseTenantMovedDuringItsAttemptNamesTheCallItDidNotSend() {
        ClaimedHire hire = claimedHire();
        Tenants moved = TestTenants.inForce(TestTenants.tenant("acme", "acme-token-0123456789", "4242"));
        Exchange exchange = failed(hire, catchThrowable(() -> moved.luccaNow(lucca)));
        exchange.setVariable(Variables.LUCCA_CALL, "create-user");

        failures.tenantChanged(exchange);

        assertThat(reader.find(hire.hireId()).orElseThrow().attempts()).isZero();
        assertThat(reader.history(hire.hireId())).last().satisfies(event -> {
            assertThat(event.luccaCall()).isEqualTo("create-user");
            assertThat(event.detail()).isEqualTo("tenant acme has another Lucca now before create-user: handed back, "
                    + "this attempt not counted");
        });
    }

    /** The journal refuses Lucca's answers longer than a few characters (SQLState 22001), as a value it cannot store. */
    private void journalRefusesLongLuccaAnswers() throws SQLException {
        execute("ALTER TABLE hire ALTER COLUMN last_lucca_body VARCHAR(16)");
    }

    /** Every write to the hires fails from now on, as when the database goes away mid-delivery. */
    private void journalFails() throws SQLException {
        execute("ALTER TABLE hire RENAME TO hire_unreachable");
    }

    private void journalReturns() throws SQLException {
        execute("ALTER TABLE hire_unreachable RENAME TO hire");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private ClaimedHire claimedHire() {
        return claimedHire(Duration.ZERO);
    }

    /** A hire entered the queue with a hold (HIRE_HOLD_SECONDS), claimed once its hold is over. */
    private ClaimedHire claimedHire(Duration hold) {
        String hireId = Intakes.recordIntake(journal, "{}", new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", "1234",
                List.of()), "acme", hold).hireId();
        clock.advance(hold);
        return journal.claim(hireId);
    }

    /** The hire's create, recorded in the journal before it would be sent, as the delivery route does. */
    private ApiRequest createRecorded(ClaimedHire hire) {
        ApiRequest create = new ApiRequest("create-user", "POST", "/api/v3/users", "", "{\"login\":\"emuller\"}");
        new DeliveryRecords(journal, new ConnectorMetrics(meters, reader, Duration.ofHours(1), clock),
                new Alerts(alerts::add, "https://hooks.acme.example", reader, Duration.ofHours(1), clock), clock)
                .createAttempted(deliveryOf(hire), create);
        return create;
    }

    /** The hire's create, recorded, then sent: the rate limit's check that this instance still holds it passed. */
    private void createSent(ClaimedHire hire) {
        createRecorded(hire);
        h2.nextLuccaCall(journal, hire.hireId(), clock.instant());
    }

    private Delivery deliveryOf(ClaimedHire hire) {
        return deliveries.computeIfAbsent(hire.hireId(), id -> new Delivery(hire, TestTenants.inForce(
                TestTenants.tenant("acme", "acme-token-0123456789", "4242")).forHire(hire), new MappedHire(
                new LuccaUserDraft("Eloise", "Muller", "eloise@example.com", null, null, null, null, "emuller", null,
                        null, null), List.of(), "emuller", List.of(), null, "1234"), null, null));
    }

    /** The attempt stopped in the rate limit's check that it still holds the hire: its create is never sent. */
    private Exchange stoppedAt(ApiRequest create, ClaimedHire hire) {
        Exchange exchange = failed(hire, catchThrowable(() -> h2.nextLuccaCall(journal, hire.hireId(), clock.instant())));
        exchange.setVariable(Variables.DELIVERY, deliveryOf(hire));
        exchange.getMessage().setBody(create);
        return exchange;
    }

    /**
     * What the journal throws for a call whose claim was renewed, then whose commit took {@code commit}: too long for a
     * call of 20 s to end within the three minutes' lease.
     */
    private Throwable heldBackAfter(ClaimedHire hire, Duration commit) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            RateLimitStore.Hold hold = journal.stillHolding(hire.hireId()).check(connection);
            clock.advance(commit);
            return catchThrowable(() -> hold.covers(Duration.ofSeconds(20)));
        }
    }

    /** The attempt that failed at its create, recorded then held back by {@code heldBack}. */
    private Exchange createHeldBack(ClaimedHire hire, ApiRequest create, Throwable heldBack) {
        Exchange exchange = failed(hire, heldBack);
        exchange.setVariable(Variables.DELIVERY, deliveryOf(hire));
        exchange.setVariable(Variables.LUCCA_CALL, "create-user");
        exchange.getMessage().setBody(create);
        return exchange;
    }

    /** The failure Lucca's answer becomes, as the call route throws it. */
    private Throwable luccaAnswered(int status, String body, String retryAfter) {
        Exchange answer = new DefaultExchange(CAMEL);
        answer.setVariable("lucca", lucca);
        answer.setVariable("luccaCall", "create-user");
        answer.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        answer.getMessage().setHeader("Retry-After", retryAfter);
        answer.getMessage().setBody(body);
        return catchThrowable(() -> answers.check(answer));
    }

    private static Exchange failed(ClaimedHire hire, Throwable caught) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.setVariable("hire", hire);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, caught);
        return exchange;
    }

    private double count(String outcome, String reason) {
        return meters.get("flatchr.hires").tags("tenant", "acme", "outcome", outcome, "reason", reason).counter().count();
    }
}
