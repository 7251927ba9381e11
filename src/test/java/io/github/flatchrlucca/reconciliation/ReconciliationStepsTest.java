package io.github.flatchrlucca.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.flatchr.FlatchrRequests;
import io.github.flatchrlucca.intake.FlatchrEventClassifier;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.intake.SameApplication;
import io.github.flatchrlucca.journal.ClaimLost;
import io.github.flatchrlucca.journal.HireFilter;
import io.github.flatchrlucca.journal.HireEvent;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.Instances;
import io.github.flatchrlucca.journal.IntakeResult;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalFaults;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.MoveOut;
import io.github.flatchrlucca.journal.Origin;
import io.github.flatchrlucca.journal.Reconciliations;
import io.github.flatchrlucca.journal.TestJournal;
import io.github.flatchrlucca.journal.WriteBacks;
import io.github.flatchrlucca.mapping.FlatchrDays;
import io.github.flatchrlucca.mapping.HireMapper;
import io.github.flatchrlucca.operations.ConnectorMetrics;
import io.github.flatchrlucca.routes.Variables;
import io.github.flatchrlucca.signals.RejectedHireAlert;
import io.github.flatchrlucca.tenants.FlatchrApi;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.Tenants;
import io.github.flatchrlucca.tenants.TestTenants;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The steps of a search of Flatchr's API against a real journal: what it takes for known, where its window moves. */
class ReconciliationStepsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(T0);
    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final DataSource pool = h2.dataSource();
    private final Journal journal = new Journal(pool, clock, LEASE, "instance-a");
    private final Reconciliations reconciliations = new Reconciliations(pool, clock, LEASE, "instance-a");
    private final FlatchrEventClassifier classifier = new FlatchrEventClassifier();
    private final Tenants tenants = new Tenants("/data/vacancy/department", Duration.ZERO, (tenant, state) -> { });
    // what the team's chat is told of skipped applications, and of hires recorded rejected
    private final List<String> told = new java.util.ArrayList<>();
    private final io.github.flatchrlucca.flatchr.FlatchrPause pause =
            new io.github.flatchrlucca.flatchr.FlatchrPause(clock, Duration.ofSeconds(30), Duration.ofMinutes(15));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ReconciliationSteps steps = newSteps();

    /** A search of the tenant's, just due, that found what {@code answer} lists. */
    private ReconciliationRun searchFound(String answer) throws IOException {
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());
        steps.found(run, 0, JSON.readTree(answer));
        return run;
    }

    /** The steps as the connector makes them: a second one is a restart's, on the same journal. */
    private ReconciliationSteps newSteps() {
        return new ReconciliationSteps(tenants, reconciliations,
                new Instances(pool, clock, "instance-a"), journal, classifier, new FlatchrRequests(JSON), JSON,
                new ConnectorMetrics(registry, new JournalReader(pool), Duration.ofHours(1), clock), pause,
                (tenant, applicant, why) -> told.add(tenant + " " + applicant + ": " + why),
                new RejectedHireAlert() {
                    @Override
                    public void hireRejected(String tenant, String hireId, String why) {
                        told.add(tenant + " rejected " + hireId + ": " + why);
                    }

                    @Override
                    public void namesakeHeld(String tenant, String hireId, String why) {
                        told.add(tenant + " held " + hireId + ": " + why);
                    }
                },
                (tenant, from, before) -> told.add(tenant + " days from " + from + " before " + before),
                (tenant, hireId) -> told.add(tenant + " back in hired " + hireId), clock);
    }

    ReconciliationStepsTest() {
        tenants.replace(List.of(TestTenants.withFlatchrApi(TestTenants.tenant("acme", "acme-token-0123456789", "4242"),
                new FlatchrApi(URI.create("https://api.flatchr.io"), "flatchr-key", "Wy3EOp2NP3p1KMq8",
                        Duration.ofMinutes(15), Duration.ofDays(3), Optional.empty()))));
    }

    @Test
    void aJournalFailureDuringTheSearchOfMovesFailsTheRunThoughItsConnectionLostCarriesAnIoFailure() {
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());
        RuntimeException lost = JournalFaults.unavailable("read the hires moved out");
        lost.getCause().initCause(new IOException("test: connection reset"));
        Exchange searching = new DefaultExchange(new DefaultCamelContext());
        searching.setVariable(Variables.RUN, run);
        searching.setProperty(Exchange.EXCEPTION_CAUGHT, lost);

        assertThatThrownBy(() -> steps.movesFailed(searching)).isSameAs(lost);
        assertThat(registry.find("flatchr.reconciliations.moves.failed").counters())
                .allSatisfy(counter -> assertThat(counter.count()).as("not taken for Flatchr's").isZero());

        Exchange refused = new DefaultExchange(new DefaultCamelContext());
        refused.setVariable(Variables.RUN, run);
        refused.setProperty(Exchange.EXCEPTION_CAUGHT, new IOException("test: Flatchr did not answer"));
        assertThatCode(() -> steps.movesFailed(refused)).doesNotThrowAnyException();
        assertThat(registry.get("flatchr.reconciliations.moves.failed").tags("tenant", "acme", "outcome", "unavailable")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void aSearchOfMovesThatKeepsFailingIsPutOffLongerEachTimeCountedOnlyWhenMadeAndASuccessEndsTheDelay()
            throws Exception {
        // the moves fail at T0 and at +15 min: their first day put off an interval, then two (to +45 min)
        assertThat(movesOfTheNextRun(true)).as("T0").isNull();
        clock.advance(Duration.ofMinutes(15));
        assertThat(movesOfTheNextRun(true)).as("+15 min: the first delay is one interval").isNull();
        clock.advance(Duration.ofMinutes(15));
        assertThat(movesOfTheNextRun(false)).as("+30 min: the days after the first only")
                .isEqualTo(T0.plus(Duration.ofMinutes(45)).toString());
        ReconciliationRun backfill = steps.backfill("acme", LocalDate.of(2026, 11, 30), false);
        assertThat(backfill.movesDue()).as("an operator's, asked now").isTrue();
        movesAsTheRouteSearchesThem(backfill, true);
        steps.finished(backfill);
        assertThat(registry.get("flatchr.reconciliations.moves.failed").tags("tenant", "acme", "outcome",
                "unavailable").counter().count()).as("searches made and failed only").isEqualTo(3);

        clock.advance(Duration.ofMinutes(15));
        assertThat(movesOfTheNextRun(false)).as("+45 min: the backfill's failure put nothing off, the "
                + "delay is over").isNull();
        clock.advance(Duration.ofMinutes(15));
        assertThat(movesOfTheNextRun(true)).as("+60 min: searched, the failures in a row ended").isNull();
        clock.advance(Duration.ofMinutes(15));
        assertThat(steps.due("acme").claim().movesNotBefore()).as("put off one interval again, not four")
                .contains(T0.plus(Duration.ofMinutes(75)));
    }

    /**
     * The next scheduled run, whose searches of moves each fail ({@code fail}, Flatchr not answering) or find none:
     * until when their first day was put off, as the run's answer says, or null when it was searched.
     */
    private Object movesOfTheNextRun(boolean fail) throws Exception {
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());
        movesAsTheRouteSearchesThem(run, fail);
        return steps.finished(run).get("movesSearchPutOffUntil");
    }

    /**
     * The run's search of moves as the route makes it, each call failing ({@code fail}, Flatchr not answering) or
     * finding none: of the whole window after one that went through, day by day after one that failed.
     */
    private void movesAsTheRouteSearchesThem(ReconciliationRun run, boolean fail) throws Exception {
        if (!steps.movesByDay(run)) {
            steps.movesSearch(run);
            if (fail) {
                movesFail(run);
            } else {
                movesFound(run);
            }
            return;
        }
        for (LocalDate day : steps.movesDays(run)) {
            if (steps.movesDaysGoOn(run)) {
                steps.movesDaySearch(run, day);
                if (fail) {
                    movesDayFails(run);
                } else {
                    steps.movedOut(run, JSON.readTree("[]"));
                }
            }
        }
        steps.movesSearchedByDay(run);
    }

    @Test
    void searchedByDayTheMovesWindowMovesUpToTheFirstDayThatFailedAndAllDaysReadEndTheDelay() throws Exception {
        clock.set(Instant.parse("2026-12-02T09:00:00Z"));
        // the first run: its moves from three days back, 11-29 to 12-02; 11-30 a day of bulk changes
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());
        steps.movesSearch(run);
        for (LocalDate day : steps.movesDays(run)) {
            steps.movesDaySearch(run, day);
            if (day.equals(LocalDate.of(2026, 11, 30))) {
                movesDayFails(run);
            } else {
                steps.movedOut(run, JSON.readTree("[]"));
            }
        }
        steps.movesSearchedByDay(run);

        assertThat(steps.finished(run)).containsEntry("movesSearchFailed", "unavailable");
        assertThat(registry.get("flatchr.reconciliations.moves.failed").tags("tenant", "acme", "outcome",
                "unavailable").counter().count()).as("one search of moves failed").isEqualTo(1);
        clock.advance(Duration.ofMinutes(15));
        ReconciliationRun next = steps.due("acme");
        assertThat(next.movesFrom()).as("from the day that failed").isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(next.movesDue()).isTrue();
        assertThat(steps.movesByDay(next)).as("by day at once, the whole window not searched again").isTrue();
        next.searches(clock.instant());
        for (LocalDate day : steps.movesDays(next)) {
            steps.movesDaySearch(next, day);
            steps.movedOut(next, JSON.readTree("[]"));
        }
        steps.movesSearchedByDay(next);
        steps.finished(next);

        clock.advance(Duration.ofMinutes(15));
        ReconciliationRun after = steps.due("acme");
        assertThat(after.claim().movesNotBefore()).as("every day read: the delay is over").isEmpty();
        assertThat(after.movesFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void aDayOfMovesThatFailsRenewsTheClaimAsADayThatWentThrough() throws Exception {
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());
        steps.movesSearch(run);
        LocalDate first = steps.movesDays(run).get(0);
        clock.advance(LEASE.minusSeconds(1));
        steps.movesDaySearch(run, first);
        movesDayFails(run);
        clock.advance(Duration.ofSeconds(2));

        assertThat(new Reconciliations(pool, clock, LEASE, "instance-b").claim("acme", true))
                .as("still this run's").isEmpty();
    }

    @Test
    void aScheduledRunWhoseClaimAnotherInstanceTookOverEndsRecordingNothing() throws Exception {
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());
        steps.movesSearch(run);
        clock.advance(LEASE.plusSeconds(1));
        Reconciliations other = new Reconciliations(pool, clock, LEASE, "instance-b");
        Reconciliations.Run takenOver = other.claim("acme", false).orElseThrow();
        Exchange searching = new DefaultExchange(new DefaultCamelContext());
        searching.setVariable(Variables.RUN, run);
        searching.setProperty(Exchange.EXCEPTION_CAUGHT, new IOException("test: Flatchr did not answer"));

        Throwable lost = catchThrowable(() -> steps.movesFailed(searching));
        assertThat(lost).as("no put-off the journal does not hold").isInstanceOf(ClaimLost.class);
        searching.setProperty(Exchange.EXCEPTION_CAUGHT, lost);
        steps.failed(searching);
        assertThat(registry.find("flatchr.reconciliations").counters()).as("the run that counts is the other's")
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
        other.succeeded(takenOver, T0, 0, 0, 0, clock.instant());
        assertThat(reconciliations.lastRuns()).singleElement().satisfies(last -> {
            assertThat(last.outcome()).isEqualTo("succeeded");
            assertThat(last.failures()).isZero();
        });
    }

    /**
     * Flatchr took longer than the lease to give a new application's details, and another run took the search over:
     * another instance's, or an operator's backfill on this one ({@code byBackfill}), its claim this instance's too.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRunWhoseClaimWasTakenOverWhileFlatchrGaveAnApplicationsDetailsRecordsNoHire(boolean byBackfill)
            throws Exception {
        ReconciliationRun run = searchFound(foundHired(clock.instant()));
        FoundApplication application = steps.unknown(run).get(0);
        clock.advance(LEASE.plusSeconds(1));
        if (byBackfill) {
            steps.backfill("acme", LocalDate.of(2026, 11, 1), false);
        } else {
            new Reconciliations(pool, clock, LEASE, "instance-b").claim("acme", false).orElseThrow();
        }

        assertThatThrownBy(() -> steps.record(run, application, MissingNode.getInstance()))
                .isInstanceOf(ClaimLost.class);
        assertThat(hires()).as("the run that holds the claim records her").isEmpty();
        assertThat(registry.find("flatchr.hires.found").counters()).isEmpty();
    }

    @Test
    void onlyFlatchrFailingToGiveAnApplicationsDetailsCountsTowardsGivingThemUp() throws Exception {
        ReconciliationRun run = searchFound(foundHired(clock.instant()));
        FoundApplication application = steps.unknown(run).get(0);
        io.github.flatchrlucca.flatchr.FlatchrConnection flatchr = run.getFlatchr();

        // nothing of the application: a key rejected, Flatchr's limit, a call not sent (Flatchr paused)
        for (int runs = 0; runs < FailingDetails.GIVEN_UP_AFTER; runs++) {
            for (Exception caught : List.of(detailsAnswered(flatchr, 401), detailsAnswered(flatchr, 429),
                    notSent(flatchr))) {
                assertThatThrownBy(() -> steps.detailsFailed(detailsFailing(run, application, caught)))
                        .as("the run fails all the same").isSameAs(caught);
            }
        }
        assertThat(steps.detailsAsked(run, application)).isTrue();

        // Flatchr down for this call, no answer, an answer unreadable: each a run at which they failed
        List<Exception> failures = List.of(detailsAnswered(flatchr, 503), new IOException("test: no answer"),
                detailsAnswered(flatchr, 200, "<html>"));
        for (Exception caught : failures) {
            assertThat(steps.detailsAsked(run, application)).isTrue();
            assertThatThrownBy(() -> steps.detailsFailed(detailsFailing(run, application, caught))).isSameAs(caught);
        }
        assertThat(failures).hasSize(FailingDetails.GIVEN_UP_AFTER);
        assertThat(steps.detailsAsked(run, application)).as("runs enough, but within minutes").isTrue();
        clock.advance(FailingDetails.FAILING_FOR);
        assertThat(steps.detailsAsked(run, application)).as("given up").isFalse();
        assertThat(steps.withoutDetails(run, application).isMissingNode()).isTrue();
    }

    /** The runs are this instance's memory; the day without a successful search is the journal's, which a restart keeps. */
    @Test
    void aRestartForgetsTheRunsAtWhichDetailsFailedNotTheDayTheSearchesHaveFailed() throws Exception {
        ReconciliationRun run = searchFound(foundHired(clock.instant()));
        FoundApplication application = steps.unknown(run).get(0);
        Exception down = detailsAnswered(run.getFlatchr(), 503);
        for (int runs = 0; runs < FailingDetails.GIVEN_UP_AFTER; runs++) {
            assertThatThrownBy(() -> steps.detailsFailed(detailsFailing(run, application, down))).isSameAs(down);
        }
        clock.advance(FailingDetails.FAILING_FOR);

        ReconciliationSteps restarted = newSteps();
        assertThat(restarted.detailsAsked(run, application)).as("no run failed here yet").isTrue();
        for (int runs = 0; runs < FailingDetails.GIVEN_UP_AFTER; runs++) {
            assertThatThrownBy(() -> restarted.detailsFailed(detailsFailing(run, application, down))).isSameAs(down);
        }

        assertThat(restarted.detailsAsked(run, application)).as("no search succeeded for a day").isFalse();
    }

    @Test
    void detailsRefusedByA4xxOtherThan404AreCountedByTheRun() throws Exception {
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());

        steps.detailsAnswered(run, 404, MissingNode.getInstance());
        steps.detailsAnswered(run, 200, JSON.readTree("{\"data\": {}}"));
        steps.detailsAnswered(run, 403, MissingNode.getInstance());
        steps.detailsAnswered(run, 410, MissingNode.getInstance());
        steps.detailsAnswered(run, 403, MissingNode.getInstance());

        assertThat(steps.finished(run)).as("the reference's 404 says the API has none").containsEntry("detailsRefused", 3);
    }

    private Exchange detailsFailing(ReconciliationRun run, FoundApplication application, Exception caught) {
        Exchange reading = new DefaultExchange(new DefaultCamelContext());
        reading.setVariable(Variables.RUN, run);
        reading.setVariable(Variables.ITEM, application);
        reading.setProperty(Exchange.EXCEPTION_CAUGHT, caught);
        return reading;
    }

    /** What the call for an application's details throws for this answer. */
    private Exception detailsAnswered(io.github.flatchrlucca.flatchr.FlatchrConnection flatchr, int status) {
        return detailsAnswered(flatchr, status, "");
    }

    private Exception detailsAnswered(io.github.flatchrlucca.flatchr.FlatchrConnection flatchr, int status,
                                      String body) {
        Exchange answer = new DefaultExchange(new DefaultCamelContext());
        answer.setVariable(Variables.FLATCHR, flatchr);
        answer.setVariable(Variables.FLATCHR_CALL, "read-application");
        answer.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        answer.getMessage().setBody(body);
        Throwable thrown = catchThrowable(() -> new io.github.flatchrlucca.flatchr.FlatchrAnswers(JSON,
                (tenant, call, answered) -> { }, pause).check(answer));
        assertThat(thrown).isInstanceOf(io.github.flatchrlucca.flatchr.FlatchrCallFailed.class);
        return (Exception) thrown;
    }

    private Exception notSent(io.github.flatchrlucca.flatchr.FlatchrConnection flatchr) {
        pause.pause(flatchr, "60");
        Throwable thrown = catchThrowable(() -> pause.check(flatchr, "read-application"));
        assertThat(thrown).isInstanceOf(io.github.flatchrlucca.flatchr.FlatchrCallFailed.Paused.class);
        return (Exception) thrown;
    }

    @Test
    void aRunWhoseClaimWasTakenOverWhileFlatchrSearchedTheHiresKeepsNoIdOfThem() throws Exception {
        String hireId = webhookHireRecorded();
        clock.advance(Duration.ofHours(1));
        ReconciliationRun run = searchFound(foundHired(clock.instant()));
        clock.advance(LEASE.plusSeconds(1));
        new Reconciliations(pool, clock, LEASE, "instance-b").claim("acme", false).orElseThrow();

        assertThatThrownBy(() -> steps.unknown(run)).isInstanceOf(ClaimLost.class);
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().flatchrApplicant())
                .as("the run that holds the claim keeps it").isNull();
    }

    @Test
    void aBackfillFromALaterDayWhoseClaimWasTakenOverIsCountedNeitherASuccessNorAFailure() throws Exception {
        ReconciliationRun backfill = steps.backfill("acme", LocalDate.of(2026, 12, 1), false);
        backfill.searches(clock.instant());
        steps.found(backfill, 0, JSON.readTree("[]"));
        steps.unknown(backfill);
        clock.advance(LEASE.plusSeconds(1));
        new Reconciliations(pool, clock, LEASE, "instance-b").claim("acme", false).orElseThrow();

        assertThatThrownBy(() -> steps.finished(backfill)).isInstanceOf(ClaimLost.class);
        assertThat(registry.find("flatchr.reconciliations").counters()).as("the run that counts is the other's")
                .isEmpty();
    }

    @Test
    void aRunWhoseClaimWasTakenOverWhileFlatchrSearchedTheMovesAppliesNone() throws Exception {
        String hireId = webhookHireRecorded();
        HireStatus before = new JournalReader(pool).find(hireId).orElseThrow().status();
        clock.advance(Duration.ofHours(1));
        ReconciliationRun run = dueRunOfHiresFindingNothing();
        steps.movesSearch(run);
        clock.advance(LEASE.plusSeconds(1));
        new Reconciliations(pool, clock, LEASE, "instance-b").claim("acme", false).orElseThrow();

        assertThatThrownBy(() -> steps.movedOut(run, changes(
                change("z7gWQnjXG77hJRak", "jeanne@example.org", "Refusé", false,
                        clock.instant())))).isInstanceOf(ClaimLost.class);
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).as("the other run withdraws it, and "
                + "alerts if it must").isEqualTo(before);
    }

    @Test
    void aMoveOutOfHiredAfterTheLuccaAccountWasMadeThatOnlyASearchSawIsCountedWhereTheAlertRulesReadIt()
            throws Exception {
        String hireId = webhookHireRecorded();
        clock.advance(Duration.ofHours(1));
        journal.claim(hireId);
        journal.markDelivered(hireId, 416, List.of());
        clock.advance(Duration.ofMinutes(5));
        ReconciliationRun run = dueRunOfHiresFindingNothing();
        steps.movesSearch(run);

        assertThat(steps.movedOut(run, changes(
                change("z7gWQnjXG77hJRak", "jeanne@example.org", "Refusé", false, clock.instant())))).singleElement()
                .satisfies(move -> assertThat(move.needsDecision()).isTrue());
        assertThat(registry.get("flatchr.hires.found").tags("tenant", "acme", "outcome", "needs-decision").counter()
                .count()).isEqualTo(1);
    }

    @Test
    void aScheduledRunThatWentThroughAfterItsClaimWasTakenOverIsCountedNeitherASuccessNorAFailure() throws Exception {
        ReconciliationRun run = dueRunOfHiresFindingNothing();
        movesFound(run);
        clock.advance(LEASE.plusSeconds(1));
        new Reconciliations(pool, clock, LEASE, "instance-b").claim("acme", false).orElseThrow();

        Throwable lost = catchThrowable(() -> steps.finished(run));
        assertThat(lost).isInstanceOf(ClaimLost.class);
        failed(run, lost);

        assertThat(registry.find("flatchr.reconciliations").counters()).as("as the journal, which shows the other's "
                + "run once it is over").isEmpty();
        assertThat(reconciliations.lastRuns()).isEmpty();
    }

    @Test
    void aScheduledRunThatFlatchrFailedAfterItsClaimWasTakenOverCountsNoFailure() {
        ReconciliationRun run = steps.due("acme");
        clock.advance(LEASE.plusSeconds(1));
        new Reconciliations(pool, clock, LEASE, "instance-b").claim("acme", false).orElseThrow();

        assertThatCode(() -> failed(run, new IOException("test: Flatchr did not answer")))
                .doesNotThrowAnyException();
        assertThat(registry.find("flatchr.reconciliations").counters()).as("the other run's to count, if Flatchr "
                + "fails it too").isEmpty();
        assertThat(reconciliations.lastRuns()).isEmpty();
    }

    @Test
    void anOperatorsBackfillWhoseClaimWasTakenOverIsToldSo() {
        ReconciliationRun backfill = steps.backfill("acme", LocalDate.of(2026, 11, 1), false);
        clock.advance(LEASE.plusSeconds(1));
        new Reconciliations(pool, clock, LEASE, "instance-b").claim("acme", false).orElseThrow();

        Throwable lost = catchThrowable(() -> steps.finished(backfill));
        assertThat(lost).isInstanceOf(ClaimLost.class);
        SearchFailure told = failed(backfill, lost);

        assertThat(told.why()).contains("taken over");
        assertThat(told.outcome()).isEqualTo("taken-over");
        assertThat(told.ofFlatchr()).isFalse();
        assertThat(registry.find("flatchr.reconciliations").counters()).isEmpty();
        assertThat(reconciliations.lastRuns()).isEmpty();
    }

    @Test
    void whileTheDelayIsNotOverTheDaysAfterTheFailedFirstAreSearchedAndNeitherTheWindowNorTheDelayMoves()
            throws Exception {
        // 11-30 fails at T0 and, its delay over, at +15 min: put off two intervals, to +45 min
        clock.set(Instant.parse("2026-12-02T09:00:00Z"));
        for (int run = 0; run < 2; run++) {
            ReconciliationRun searched = steps.due("acme");
            searched.searches(clock.instant());
            for (LocalDate day : steps.movesDays(searched)) {
                steps.movesDaySearch(searched, day);
                if (day.equals(LocalDate.of(2026, 11, 30))) {
                    movesDayFails(searched);
                } else {
                    steps.movedOut(searched, JSON.readTree("[]"));
                }
            }
            steps.movesSearchedByDay(searched);
            steps.finished(searched);
            clock.advance(Duration.ofMinutes(15));
        }
        Instant notBefore = clock.instant().plus(Duration.ofMinutes(15));

        ReconciliationRun delayed = steps.due("acme");
        assertThat(steps.movesByDay(delayed)).isTrue();
        assertThat(steps.movesDays(delayed)).as("11-30 waits for its delay").containsExactly(LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 2));
        delayed.searches(clock.instant());
        steps.movesDaySearch(delayed, LocalDate.of(2026, 12, 1));
        movesDayFails(delayed);
        steps.movesDaySearch(delayed, LocalDate.of(2026, 12, 2));
        steps.movedOut(delayed, JSON.readTree("[]"));
        steps.movesSearchedByDay(delayed);

        assertThat(steps.finished(delayed)).containsEntry("movesSearchFailed", "unavailable")
                .containsEntry("movesSearchPutOffUntil", notBefore.toString());
        clock.advance(Duration.ofMinutes(15));
        ReconciliationRun after = steps.due("acme");
        assertThat(after.movesFrom()).as("never past the day not searched").isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(after.claim().movesNotBefore()).as("11-30's delay, as it was").contains(notBefore);
    }

    /** The moves the search found, none here: applied, and the search recorded as the route does. */
    private void movesFound(ReconciliationRun run) throws Exception {
        steps.movedOut(run, JSON.readTree("[]"));
        steps.movesSearched(run);
    }

    /** The route's catch of one day's search of moves that failed: Flatchr did not answer. */
    private void movesDayFails(ReconciliationRun run) throws Exception {
        Exchange searching = new DefaultExchange(new DefaultCamelContext());
        searching.setVariable(Variables.RUN, run);
        searching.setProperty(Exchange.EXCEPTION_CAUGHT, new IOException("test: Flatchr did not answer"));
        steps.movesDayFailed(searching);
    }

    /** The route's catch of a search of moves that failed: Flatchr did not answer. */
    private void movesFail(ReconciliationRun run) throws Exception {
        Exchange searching = new DefaultExchange(new DefaultCamelContext());
        searching.setVariable(Variables.RUN, run);
        searching.setProperty(Exchange.EXCEPTION_CAUGHT, new IOException("test: Flatchr did not answer"));
        steps.movesFailed(searching);
    }

    @Test
    void aWebhooksHireWhoseEmailWasCorrectedSinceIsKnownByFlatchrsIdOfIt() throws Exception {
        ObjectNode webhook = webhookHire("jeanne@exemple.org");
        HireVerdict verdict = classifier.classify(webhook, tenant());
        String hireId = journal.record(webhook.toString(), "acme", Origin.WEBHOOK, verdict.dedupeKey(),
                verdict.matchingApplication(), verdict.applicantId(), null, List.of(), Duration.ZERO, null).hireId();
        journal.markDelivered(hireId, 416, List.of());
        // the write-back found the candidate, by the e-mail of then
        new WriteBacks(pool, clock, LEASE, "instance-a").applicantFound(hireId, "z7gWQnjXG77hJRak");
        clock.advance(Duration.ofHours(1));
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());
        // the recruiter corrected the e-mail's typo since
        run.found(0, JSON.readTree("""
                [{"applicant": "z7gWQnjXG77hJRak", "vacancy": "Comptable H/F", "vacancy_id": 3003, "column": "Recruté",
                  "status": 1, "hired": true, "email": "jeanne@example.org", "firstname": "Jeanne", "lastname": "Exemple",
                  "updated_at": %d},
                 {"applicant": "Qx8mB2nL5pR7sT1v", "vacancy": "Comptable H/F", "vacancy_id": 3003, "column": "Recruté",
                  "status": 1, "hired": true, "email": "paul@example.org", "firstname": "Paul", "lastname": "Neuf",
                  "updated_at": %d}]
                """.formatted(clock.instant().getEpochSecond(), clock.instant().getEpochSecond())), clock.instant());

        assertThat(steps.unknown(run)).extracting(FoundApplication::applicant).containsExactly("Qx8mB2nL5pR7sT1v");
    }

    @Test
    void aWebhooksHireASearchFindsByEmailAndVacancyKeepsFlatchrsIdAndIsKnownByItOnceItsEmailIsCorrected()
            throws Exception {
        String hireId = webhookHireRecorded();
        clock.advance(Duration.ofHours(1));
        ReconciliationRun run = searchFound(foundHired(clock.instant()));

        assertThat(steps.unknown(run)).as("by e-mail and vacancy").isEmpty();
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().flatchrApplicant()).isEqualTo("z7gWQnjXG77hJRak");

        // the recruiter corrects the e-mail in Flatchr: no webhook tells of it
        steps.finished(run);
        clock.advance(Duration.ofMinutes(20));
        ReconciliationRun next = searchFound(foundHired(clock.instant()).replace("jeanne@example.org",
                "jeanne.durand@example.org"));
        assertThat(steps.unknown(next)).as("by Flatchr's id").isEmpty();
    }

    @Test
    void aDryRunDoesNotKeepFlatchrsIdOfTheHiresItFindsByEmailAndVacancy() throws Exception {
        String hireId = webhookHireRecorded();
        clock.advance(Duration.ofHours(1));
        ReconciliationRun run = steps.backfill("acme", LocalDate.of(2026, 12, 1), true);
        run.searches(clock.instant());
        steps.found(run, 0, JSON.readTree(foundHired(clock.instant())));

        assertThat(steps.unknown(run)).isEmpty();
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().flatchrApplicant()).isNull();
    }

    @Test
    void theSearchOfMovesFindsAHireByFlatchrsIdOnceItsEmailIsCorrectedAndKeepsTheIdItFindsByEmail()
            throws Exception {
        String hireId = webhookHireRecorded();
        clock.advance(Duration.ofHours(1));
        ReconciliationRun run = dueRunOfHiresFindingNothing();
        // another candidate's application out of hired: no hire of Jeanne's keeps its id
        steps.movesSearch(run);
        steps.movedOut(run, changes(change("Qx8mB2nL5pR7sT1v", "paul@example.org", "Refusé", false, clock.instant())));
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().flatchrApplicant()).isNull();
        steps.finished(run);

        // a search finds her in hired and keeps her application's id; the recruiter then corrects her e-mail and
        // moves her out of hired, which no webhook tells
        clock.advance(Duration.ofMinutes(20));
        ReconciliationRun next = searchFound(foundHired(clock.instant()));
        steps.unknown(next);
        clock.advance(Duration.ofMinutes(1));
        steps.movesSearch(next);
        List<MoveOut> moved = steps.movedOut(next, changes(
                change("z7gWQnjXG77hJRak", "jeanne.durand@example.org", "Refusé", false, clock.instant())));

        assertThat(moved).singleElement().extracting(MoveOut::hireId).isEqualTo(hireId);
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    @Test
    void theSearchOfMovesKeepsNoFlatchrsIdAnOlderArchivedApplicationOfTheSameEmailAndVacancyIsNotTheHires()
            throws Exception {
        String hireId = webhookHireRecorded();
        clock.advance(Duration.ofHours(1));
        ReconciliationRun run = dueRunOfHiresFindingNothing();
        steps.movesSearch(run);
        // her application of last year on this vacancy, archived before this hire: its change is no move of it
        List<MoveOut> moved = steps.movedOut(run, changes(
                change("Ar4cHv3dA1pL9xQe", "jeanne@example.org", "Refusé", true, T0.minus(Duration.ofDays(2)))));

        HireView hire = new JournalReader(pool).find(hireId).orElseThrow();
        assertThat(moved).isEmpty();
        assertThat(hire.flatchrApplicant()).as("another application's id would name the hire for good").isNull();
    }

    @Test
    void aWebhooksHireWithdrawnDuringItsHoldHoldsItsApplicationFoundUnderACorrectedEmailWithoutAnEmployeeToCorrect()
            throws Exception {
        ObjectNode webhook = webhookHire("jeanne@exmaple.org");
        HireVerdict verdict = classifier.classify(webhook, tenant());
        String hireId = journal.recordIntake(webhook.toString(), "acme", verdict.dedupeKey(), verdict.plainDedupeKey(),
                verdict.matchingApplication(), null, Duration.ofHours(1)).hireId();
        // dragged out of hired during its hold: nobody made in Lucca; the recruiter corrects the e-mail's typo and
        // drags her back into hired (that webhook lost)
        clock.advance(Duration.ofMinutes(5));
        journal.movedOutOfHired("acme", verdict.dedupeKey(), verdict.plainDedupeKey(), verdict.sameApplication(),
                "to Refused");
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
        clock.advance(Duration.ofMinutes(5));
        ReconciliationRun run = searchFound(foundHired(clock.instant()));
        List<FoundApplication> unknown = steps.unknown(run);

        // held: delivered, it would stand next to the withdrawn hire, which a replay would make a second employee of
        assertThat(unknown).singleElement().satisfies(application -> assertThat(steps.record(run, application,
                MissingNode.getInstance())).as("held for a person").isFalse());
        assertThat(told).singleElement().asString().contains(hireId, "made nobody in Lucca",
                "replay this one and not hire " + hireId).doesNotContain("correct the employee");
    }

    @Test
    void anotherApplicationOfTheHiresEmailAndVacancyArchivedAfterTheHireIsNoMoveOfItsHireKnownByFlatchrsId()
            throws Exception {
        String hireId = webhookHireRecorded();
        clock.advance(Duration.ofMinutes(10));
        ReconciliationRun run = searchFound(foundHired(clock.instant()));
        assertThat(steps.unknown(run)).isEmpty();
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().flatchrApplicant()).isEqualTo("z7gWQnjXG77hJRak");
        // the recruiter archives her duplicate application on the vacancy (a second job board's) after the hire; the
        // answer does not list her hired application, unchanged that day
        clock.advance(Duration.ofMinutes(1));
        steps.movesSearch(run);
        List<MoveOut> moved = steps.movedOut(run, changes(
                change("DupApplicati0n01", "jeanne@example.org", "Nouveau", true, clock.instant())));

        assertThat(moved).isEmpty();
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
    }

    @Test
    void aHeldWebhooksHireWhoseCandidateASearchShowsInHiredByTheText1IsNotWithdrawn() throws Exception {
        String hireId = webhookHireRecorded(); // held an hour
        clock.advance(Duration.ofMinutes(20));
        // Flatchr's flag as text: Jackson's asBoolean took "1" for false, the candidate for moved out of hired
        String inHired = foundHired(clock.instant()).replace("\"hired\": true", "\"hired\": \"1\"");
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());
        steps.found(run, 0, JSON.readTree(inHired));
        steps.unknown(run);
        steps.movesSearch(run);

        List<MoveOut> moved = steps.movedOut(run, JSON.readTree(inHired));
        steps.finished(run);

        assertThat(moved).isEmpty();
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
    }

    @Test
    void anotherApplicationOfTheHiresEmailAndVacancyArchivedBesideOneStillInHiredIsNoMoveOfItsHire()
            throws Exception {
        String hireId = webhookHireRecorded();
        clock.advance(Duration.ofMinutes(10));
        ReconciliationRun run = dueRunOfHiresFindingNothing();
        // no search has kept her application's id yet: the same answer shows it still in hired
        steps.movesSearch(run);
        List<MoveOut> moved = steps.movedOut(run, changes(
                change("DupApplicati0n01", "jeanne@example.org", "Nouveau", true, clock.instant()),
                change("z7gWQnjXG77hJRak", "jeanne@example.org", "Recruté", false, T0)));

        assertThat(moved).isEmpty();
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
    }

    @Test
    void twoApplicationsInHiredOfOneEmailAndVacancyKeepNeitherIdOnTheHire() throws Exception {
        String hireId = webhookHireRecorded();
        clock.advance(Duration.ofHours(1));
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());
        String her = foundHired(clock.instant());
        steps.found(run, 0, JSON.readTree(her.replace("}]", "}, " + her.substring(her.indexOf('{'))
                .replace("z7gWQnjXG77hJRak", "Tw0aPpL1cAt10nZz"))));

        assertThat(steps.unknown(run)).as("both known by e-mail and vacancy").isEmpty();
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().flatchrApplicant())
                .as("which is the hire's cannot be told").isNull();
    }

    @Test
    void aWebhooksHireFoundByAnOlderAnswerWithoutVacancyIdIsOneHireAndLearnsFlatchrsIdOfIt() throws Exception {
        ObjectNode webhook = webhookHire("jeanne@example.org");
        HireVerdict verdict = classifier.classify(webhook, tenant());
        String hireId = journal.record(webhook.toString(), "acme", Origin.WEBHOOK, verdict.dedupeKey(),
                verdict.matchingApplication(), verdict.applicantId(), null, List.of(), Duration.ZERO, null).hireId();
        clock.advance(Duration.ofHours(1));
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());
        // older docs list fewer fields: no vacancy_id; the application's details give the webhook's vacancy id
        String olderAnswer = foundHired(clock.instant()).replace("\"vacancy_id\": 3003,", "");
        steps.found(run, 0, JSON.readTree(olderAnswer));
        JsonNode details = JSON.readTree("""
                {"candidate": {"firstname": "Jeanne", "lastname": "Exemple", "email": "jeanne@example.org"},
                 "vacancy": {"id": 3003, "title": "Comptable H/F", "start_date": "2027-01-04"}}""");

        assertThat(steps.unknown(run)).singleElement().satisfies(application ->
                assertThat(steps.record(run, application, details)).as("a duplicate").isFalse());
        assertThat(hires()).as("one hire of the application").singleElement().satisfies(hire -> {
            assertThat(hire.hireId()).isEqualTo(hireId);
            assertThat(hire.flatchrApplicant()).as("for its write-back").isEqualTo("z7gWQnjXG77hJRak");
        });
        steps.finished(run);
        clock.advance(Duration.ofMinutes(20));
        ReconciliationRun next = searchFound(olderAnswer);
        assertThat(steps.unknown(next)).as("known by Flatchr's id: its details are not read again").isEmpty();
    }

    @Test
    void aVacancyTheListCannotConfirmByItsIdWarnsTheHireThatItWasMatchedByItsTitleOnly() throws Exception {
        // flatchr-api.md's list gives only encoded ids: vacancy 3003 may be gone, and this "Comptable H/F" a repost
        assertThat(warningsOfTheHireFoundWith("""
                [{"id": "k0M5O9yaXbX9xbQB", "title": "Comptable H/F", "contract_type_id": 1, "start_date": "2027-01-04"}]
                """)).contains(HireMapper.VACANCY_MATCHED_BY_TITLE);
    }

    @Test
    void aVacancyTheListConfirmsByItsIdDoesNotWarnTheHire() throws Exception {
        assertThat(warningsOfTheHireFoundWith("""
                [{"id": "k0M5O9yaXbX9xbQB", "vacancy_id": 3003, "title": "Comptable H/F", "contract_type_id": 1,
                  "start_date": "2027-01-04"}]
                """)).doesNotContain(HireMapper.VACANCY_MATCHED_BY_TITLE);
    }

    @Test
    void aVacancyOfFlatchrsAnswerCannotSetTheConnectorsMarkItself() throws Exception {
        assertThat(warningsOfTheHireFoundWith("""
                [{"id": "k0M5O9yaXbX9xbQB", "vacancy_id": 3003, "title": "Comptable H/F", "contract_type_id": 1,
                  "start_date": "2027-01-04", "%s": true}]
                """.formatted(HireMapper.MATCHED_BY_TITLE))).doesNotContain(HireMapper.VACANCY_MATCHED_BY_TITLE);
    }

    /** The warnings the delivery of the hire a search finds (item of vacancy 3003, no details) starts with. */
    private List<String> warningsOfTheHireFoundWith(String vacancies) throws Exception {
        ReconciliationRun run = searchFound(foundHired(clock.instant()));
        run.vacancies(JSON.readTree(vacancies));
        assertThat(steps.record(run, steps.unknown(run).get(0), MissingNode.getInstance())).isTrue();
        HireView hire = hires().get(0);
        assertThat(JSON.readTree(hire.payload()).at("/data/vacancy/start_date").asText()).isEqualTo("2027-01-04");
        return tenant().mapper().map(JSON.readTree(hire.payload()), hire.queuedAt(), clock.instant()).warningTexts();
    }

    @Test
    void aMoveOutAfterTheSearchAnsweredWithdrawsItsHireThoughMadeBeforeTheHireWasRecorded() throws Exception {
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());
        Instant answered = clock.instant();
        steps.found(run, 0, JSON.readTree(foundHired(answered.minus(Duration.ofHours(2)))));
        // a backfill reads each new application's details in turn: this one's come minutes after the answer
        clock.advance(Duration.ofMinutes(5));
        assertThat(steps.record(run, steps.unknown(run).get(0), MissingNode.getInstance())).isTrue();

        // the recruiter moved her out two minutes after the answer, before the hire was recorded: no webhook came
        steps.movesSearch(run);
        List<MoveOut> moved = steps.movedOut(run, changes(
                change("z7gWQnjXG77hJRak", "jeanne@example.org", "Refusé", false,
                        answered.plus(Duration.ofMinutes(2)))));

        assertThat(moved).singleElement().extracting(MoveOut::outcome)
                .isEqualTo(MoveOut.Outcome.WITHDRAWN);
        assertThat(hires()).singleElement().extracting(HireView::status).isEqualTo(HireStatus.WITHDRAWN);
    }

    @Test
    void aMoveOutTheSearchsAnswerAlreadyShowedInHiredIsNoMoveOfItsHire() throws Exception {
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());
        Instant answered = clock.instant();
        steps.found(run, 0, JSON.readTree(foundHired(answered.minus(Duration.ofHours(2)))));
        clock.advance(Duration.ofMinutes(5));
        steps.record(run, steps.unknown(run).get(0), MissingNode.getInstance());

        // changed an hour before the answer that showed her in hired: a move out before she was hired again
        steps.movesSearch(run);
        assertThat(steps.movedOut(run, changes(
                change("z7gWQnjXG77hJRak", "jeanne@example.org", "Refusé", false,
                        answered.minus(Duration.ofHours(1)))))).isEmpty();
        assertThat(hires()).singleElement().extracting(HireView::status).isEqualTo(HireStatus.RECEIVED);
    }

    @Test
    void hiresFoundInTriggerColumnsAreRecordedAsHires() throws Exception {
        acmeWithTriggerColumns(Set.of("recruté", "embauché"));
        ReconciliationRun run = steps.due("acme");
        steps.columns(run, JSON.readTree("""
                [{"id": "Jc3rBm9TYf4sNoD5", "title": "Recruté", "hired": true},
                 {"id": "Hb2qAl8SXe3rMnC4", "title": "Embauché", "hired": false}]"""));
        List<String> searched = run.searches(clock.instant()).stream().map(search -> column(search.body())).toList();
        steps.found(run, searched.indexOf("Recruté"), JSON.readTree("[" + item("A1aaaaaaaaaaaaaa", "a@example.org",
                "\"column\": \"Recruté\", \"hired\": true,") + "," + item("B2bbbbbbbbbbbbbb", "b@example.org",
                "\"column\": \"Recruté\", \"hired\": true,") + "]"));
        steps.found(run, searched.indexOf("Embauché"), JSON.readTree("[" + item("C3cccccccccccccc", "c@example.org",
                "\"column\": \"Embauché\", \"hired\": false,") + "]"));

        assertThat(steps.unknown(run)).allSatisfy(application ->
                assertThat(steps.record(run, application, MissingNode.getInstance())).as(application.applicant())
                        .isTrue());
        assertThat(hires()).hasSize(3).allSatisfy(hire -> {
            assertThat(hire.status()).isNotEqualTo(HireStatus.REJECTED);
            assertThat(hire.lastError()).isNull();
        });
    }

    @Test
    void anApplicationSkippedByRunAfterRunIsCountedAndToldOnceSoItsAlertEndsOnceAPersonHasSeenIt() throws Exception {
        String tooLong = "A".repeat(300);
        for (int run = 0; run < 2; run++) {
            ReconciliationRun search = searchFound("[" + item(tooLong, "jeanne@example.org",
                    "\"column\": \"Recruté\", \"hired\": true,") + "]");
            assertThat(steps.unknown(search)).as("run " + run).singleElement().satisfies(application ->
                    assertThat(steps.record(search, application, MissingNode.getInstance())).isFalse());
            steps.finished(search);
            clock.advance(Duration.ofMinutes(15));
        }

        assertThat(hires()).isEmpty();
        assertThat(told).singleElement().asString().contains(tooLong);
        assertThat(registry.get("flatchr.hires.found").tags("tenant", "acme", "outcome", "skipped").counter().count())
                .isEqualTo(1);
    }

    @Test
    void withATriggerColumnAHireMovedOnIntoAHiredColumnThatIsNotATriggerIsFoundAndRecorded() throws Exception {
        // Jeanne was dragged into Promesse signée while the connector was down (its webhook lost), then into
        // Embauché, which Flatchr marks as hired (that webhook lost too): no trigger column holds her
        acmeWithTriggerColumns(Set.of("promesse signée"));
        ReconciliationRun run = steps.due("acme");
        steps.columns(run, JSON.readTree("""
                [{"id": "Ps4kQaaaaaaaaaaa", "title": "Promesse signée", "hired": false},
                 {"id": "Em7bHaaaaaaaaaaa", "title": "Embauché", "hired": true}]"""));
        List<String> searched = run.searches(clock.instant()).stream().map(search -> column(search.body())).toList();
        steps.found(run, searched.indexOf("Promesse signée"), JSON.readTree("[]"));
        steps.found(run, searched.indexOf(""), JSON.readTree("[" + item("E5eeeeeeeeeeeeee", "jeanne@example.org",
                "\"column\": \"Embauché\", \"hired\": true,") + "]"));

        assertThat(steps.unknown(run)).singleElement().satisfies(application ->
                assertThat(steps.record(run, application, MissingNode.getInstance())).isTrue());
        assertThat(told).as("not skipped").isEmpty();
        HireView hire = hires().get(0);
        assertThat(hire.status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(JSON.readTree(hire.payload()).at("/data/column/title").asText()).isEqualTo("Promesse signée");
        assertThat(new JournalReader(pool).history(hire.hireId())).first().extracting(HireEvent::detail).asString()
                .contains("found by the search of Flatchr's hired candidates in column Embauché, which Flatchr marks "
                        + "as hired and is not a trigger column: recorded as its drag into trigger column Promesse "
                        + "signée");
    }

    @Test
    void hiresFoundByTheSearchOfTheHiredAreRecordedEvenWhenItsItemsDoNotSayHired() throws Exception {
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());
        // older docs list fewer fields: no 'hired', no 'column'
        steps.found(run, 0, JSON.readTree("[" + item("D4dddddddddddddd", "d@example.org", "") + "]"));

        assertThat(steps.record(run, steps.unknown(run).get(0), MissingNode.getInstance())).isTrue();
        assertThat(hires()).singleElement().satisfies(hire -> assertThat(hire.lastError()).isNull());
    }

    @Test
    void anApplicationNoHireCanBeRecordedFromIsToldToTheTeamByTenantAndFlatchrsIdOnly() throws Exception {
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());
        String tooLong = "x".repeat(65);
        steps.found(run, 0, JSON.readTree("[" + item(tooLong, "zoe@example.org", "\"hired\": true,") + "]"));

        assertThat(steps.record(run, steps.unknown(run).get(0), MissingNode.getInstance())).isFalse();
        assertThat(hires()).isEmpty();
        assertThat(told).singleElement().satisfies(message -> assertThat(message)
                .startsWith("acme " + tooLong + ": ").contains("data.applicant.id").doesNotContain("zoe"));
    }

    @Test
    void aHireFoundThatIsRecordedRejectedIsToldToTheTeamWithoutItsEmail() throws Exception {
        ReconciliationRun run = searchFound("[" + item("R5rrrrrrrrrrrrrr", "jeanne.at.example.org", "\"hired\": true,")
                + "]");

        assertThat(steps.record(run, steps.unknown(run).get(0), MissingNode.getInstance())).isFalse();

        HireView rejected = hires().get(0);
        assertThat(rejected.status()).isEqualTo(HireStatus.REJECTED);
        assertThat(told).containsExactly("acme rejected " + rejected.hireId()
                + ": data.candidate.email is not an e-mail address");
    }

    @Test
    void aWithdrawnHireMovedBackIntoHiredWhileItsWebhookWasLostIsQueuedAgain() throws Exception {
        String hireId = withdrawnWebhookHire();
        // the connector is down; the recruiter moves her back into hired a day later: no webhook reaches it
        clock.advance(Duration.ofDays(1));
        ReconciliationRun run = searchFound(foundHired(clock.instant()));

        assertThat(steps.unknown(run)).as("one hire of the application: nothing new to record").isEmpty();

        HireView hire = new JournalReader(pool).find(hireId).orElseThrow();
        assertThat(hire.status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(hire.nextAttemptAt()).as("held like a new hire").isEqualTo(clock.instant().plus(tenant().hireHold()));
        assertThat(new JournalReader(pool).history(hireId)).last().extracting(HireEvent::detail)
                .isEqualTo("moved back into hired in Flatchr, as a search of its API shows");
        assertThat(steps.finished(run).get("recorded")).asList().hasSize(1);
    }

    /**
     * Its create's answer was lost before the move out, which asked the team to look in Lucca: they may have ended the
     * account they found. The move back, its webhook lost, is told as the webhook's would be, once.
     */
    @Test
    void aWithdrawnHireWhoseMoveOutAskedADecisionMovedBackIntoHiredIsToldToTheTeamOnce() throws Exception {
        String hireId = withdrawnAfterADecisionWasAsked();

        ReconciliationRun run = searchFound(foundHired(clock.instant()));
        assertThat(steps.unknown(run)).isEmpty();
        steps.finished(run);
        clock.advance(Duration.ofMinutes(20));
        assertThat(steps.unknown(searchFound(foundHired(clock.instant())))).isEmpty();

        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(told).as("the next search finds it queued: no news").containsExactly("acme back in hired " + hireId);
    }

    /**
     * Its move back came by its webhook, without the e-mail it is sent with: it stays withdrawn (its account may be in
     * Lucca), and the team heard of it. A search that shows that same move back neither queues it again, with the
     * e-mail it had, nor tells the team a second time.
     */
    @Test
    void aWithdrawnHireWhoseIncompleteMoveBackItsWebhookToldIsNotQueuedAgainNorToldAgainByTheNextSearch()
            throws Exception {
        String hireId = withdrawnAfterADecisionWasAsked();
        Instant movedBack = clock.instant();
        assertThat(sendIncomplete().backInHiredAfterDecision()).as("told by the webhook").isTrue();
        clock.advance(Duration.ofMinutes(5));

        assertThat(steps.unknown(searchFound(foundHired(movedBack)))).isEmpty();

        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
        assertThat(told).as("the webhook told it already").isEmpty();
    }

    /** A webhook's hire whose create's answer was lost, moved out of hired a day ago: the move out asked a decision. */
    private String withdrawnAfterADecisionWasAsked() {
        ObjectNode webhook = webhookHire("jeanne@example.org");
        HireVerdict verdict = classifier.classify(webhook, tenant());
        String hireId = journal.recordIntake(webhook.toString(), "acme", verdict.dedupeKey(), verdict.plainDedupeKey(),
                verdict.matchingApplication(), null, Duration.ZERO).hireId();
        journal.claim(hireId);
        journal.markCreateAttempted(hireId, "{}", "https://acme.ilucca.net");
        clock.advance(Duration.ofMinutes(10));
        journal.movedOutOfHired("acme", verdict.dedupeKey(), verdict.plainDedupeKey(), verdict.sameApplication(),
                "to Refused");
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().decisionNeeded()).isNotNull();
        clock.advance(Duration.ofDays(1));
        return hireId;
    }

    /** The hire's webhook, moved back into hired without the e-mail it is sent with. */
    private IntakeResult sendIncomplete() {
        ObjectNode back = webhookHire("");
        HireVerdict incomplete = classifier.classify(back, tenant());
        assertThat(incomplete.rejection()).as("the test's premise").isNotNull();
        return journal.recordIntake(back.toString(), "acme", incomplete.dedupeKey(), incomplete.plainDedupeKey(),
                incomplete.matchingApplication(), incomplete.rejection(), Duration.ZERO);
    }

    /**
     * Moved back incomplete, out again by a webhook that was lost, back in incomplete again: the journal takes the
     * second move back for a resend of the first, and Flatchr's data of now still cannot be sent. The search leaves
     * it withdrawn, as the webhook did, neither queued with the e-mail it had nor told.
     */
    @Test
    void aWithdrawnHireWhoseMoveOutAskedADecisionIsNotQueuedAgainWhileTheSearchShowsItIncomplete() throws Exception {
        String hireId = withdrawnAfterADecisionWasAsked();
        new WriteBacks(pool, clock, LEASE, "instance-a").applicantFound(hireId, "z7gWQnjXG77hJRak");
        sendIncomplete();
        clock.advance(Duration.ofMinutes(20));
        Instant movedBackAgain = clock.instant();
        sendIncomplete();
        clock.advance(Duration.ofMinutes(5));

        steps.unknown(searchFound(foundHired(movedBackAgain).replace("jeanne@example.org", "")));

        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
        assertThat(told).as("the first incomplete webhook told it").isEmpty();
    }

    /**
     * Its move back's webhook lost, the search shows it back in hired with an e-mail that is none: as the webhook would
     * have, it stays withdrawn (its account may be in Lucca), not queued with the e-mail it had.
     */
    @Test
    void aWithdrawnHireWhoseMoveOutAskedADecisionSeenBackIncompleteByTheSearchStaysWithdrawn() throws Exception {
        String hireId = withdrawnAfterADecisionWasAsked();
        new WriteBacks(pool, clock, LEASE, "instance-a").applicantFound(hireId, "z7gWQnjXG77hJRak");
        Instant movedBack = clock.instant();
        clock.advance(Duration.ofMinutes(5));

        steps.unknown(searchFound(foundHired(movedBack).replace("jeanne@example.org", "jeanne.example.org")));

        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
        assertThat(told).isEmpty();
    }

    /** The recruiter corrects the e-mail in Flatchr after an incomplete move back: the search queues the hire. */
    @Test
    void aWithdrawnHireCorrectedInFlatchrAfterAnIncompleteMoveBackIsQueuedAgainBySearch() throws Exception {
        String hireId = withdrawnAfterADecisionWasAsked();
        sendIncomplete();
        clock.advance(Duration.ofMinutes(2));
        Instant corrected = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        steps.unknown(searchFound(foundHired(corrected)));
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
    }

    @Test
    void aWithdrawnHireMovedBackIntoHiredIsQueuedAgainByATimeOfChangeInIso8601AndOneUnreadableIsCounted()
            throws Exception {
        String hireId = withdrawnWebhookHire();
        clock.advance(Duration.ofDays(1));
        ReconciliationRun unreadable = searchFound(foundHired(clock.instant()).replaceAll("\"updated_at\": \\d+",
                "\"updated_at\": \"yesterday\""));

        assertThat(steps.unknown(unreadable)).isEmpty();
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
        assertThat(steps.finished(unreadable).get("unreadableTimes")).as("not silently dropped").isEqualTo(1);

        clock.advance(Duration.ofMinutes(15));
        ReconciliationRun run = searchFound(foundHired(clock.instant()).replaceAll("\"updated_at\": \\d+",
                "\"updated_at\": \"" + clock.instant() + "\""));

        assertThat(steps.unknown(run)).isEmpty();
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(steps.finished(run).get("unreadableTimes")).isEqualTo(0);
    }

    @Test
    void aWebhookThatComesBetweenTheSearchOfMovesAndItsUseWinsOverItsAnswer() throws Exception {
        // the webhook's hire of Jeanne, held an hour; the recruiter drags her out (that webhook is lost)
        ObjectNode webhook = webhookHire("jeanne@example.org");
        HireVerdict verdict = classifier.classify(webhook, tenant());
        String hireId = journal.recordIntake(webhook.toString(), "acme", verdict.dedupeKey(), verdict.plainDedupeKey(),
                verdict.matchingApplication(), null, Duration.ofHours(1)).hireId();
        Instant movedOut = clock.instant().plus(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(10));
        ReconciliationRun run = dueRunOfHiresFindingNothing();
        // the search of moves is sent, and answers: out of hired since the drag
        steps.movesSearch(run);
        String answer = "[" + change("z7gWQnjXG77hJRak", "jeanne@example.org", "Refusé", false, movedOut) + "]";
        // meanwhile the recruiter drags her back into hired, and that webhook comes
        clock.advance(Duration.ofSeconds(2));
        assertThat(journal.recordIntake(webhook.toString(), "acme", verdict.dedupeKey(), verdict.plainDedupeKey(),
                verdict.matchingApplication(), null, Duration.ofHours(1)).outcome())
                .isEqualTo(io.github.flatchrlucca.journal.IntakeResult.Outcome.DUPLICATE);
        clock.advance(Duration.ofSeconds(2));

        assertThat(steps.movedOut(run, JSON.readTree(answer))).as("the webhook is newer than the answer").isEmpty();
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
    }

    @Test
    void aHireASearchQueuedAgainIsOutOfHiredByAMoveAfterTheAnswerThatShowedItBackInHired() throws Exception {
        String hireId = withdrawnWebhookHire();
        clock.advance(Duration.ofDays(1));
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());
        Instant answered = clock.instant();
        steps.found(run, 0, JSON.readTree(foundHired(answered.minus(Duration.ofHours(1)))));
        // queued again five minutes after the answer (a backfill reads other applications' details first)
        clock.advance(Duration.ofMinutes(5));
        assertThat(steps.unknown(run)).isEmpty();
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);

        // the recruiter dragged her out again two minutes after the answer: that webhook is lost
        steps.movesSearch(run);
        assertThat(steps.movedOut(run, changes(
                change("z7gWQnjXG77hJRak", "jeanne@example.org", "Refusé", false,
                        answered.plus(Duration.ofMinutes(2))))))
                .extracting(MoveOut::outcome)
                .containsExactly(MoveOut.Outcome.WITHDRAWN);
    }

    @Test
    void aWithdrawnHireMovedBackIsDeliveredWithWhatTheSearchShowsOfTheCandidateNow() throws Exception {
        // the webhook's hire, with a typo in the e-mail; the write-back found its application in Flatchr
        ObjectNode webhook = webhookHire("jeanne@exemple.org");
        ((ObjectNode) webhook.path("data").path("vacancy")).put("start_date", "2027-01-04");
        HireVerdict verdict = classifier.classify(webhook, tenant());
        String hireId = journal.recordIntake(webhook.toString(), "acme", verdict.dedupeKey(), verdict.plainDedupeKey(),
                verdict.matchingApplication(), null, tenant().hireHold()).hireId();
        new WriteBacks(pool, clock, LEASE, "instance-a").applicantFound(hireId, "z7gWQnjXG77hJRak");
        clock.advance(Duration.ofMinutes(10));
        journal.movedOutOfHired("acme", verdict.dedupeKey(), verdict.plainDedupeKey(), verdict.sameApplication(),
                "to Refused");
        // while she is out, the recruiter corrects her e-mail and last name, then moves her back: no webhook comes
        clock.advance(Duration.ofDays(1));
        ReconciliationRun run = steps.due("acme");
        run.searches(clock.instant());
        String now = foundHired(clock.instant()).replace("\"Exemple\"", "\"Exemple-Durand\"");
        steps.found(run, 0, JSON.readTree(now));

        assertThat(steps.unknown(run)).isEmpty();

        HireView hire = new JournalReader(pool).find(hireId).orElseThrow();
        assertThat(hire.status()).isEqualTo(HireStatus.RECEIVED);
        JsonNode event = JSON.readTree(hire.payload());
        assertThat(event.at("/data/candidate/email").asText()).isEqualTo("jeanne@example.org");
        assertThat(event.at("/data/candidate/lastname").asText()).isEqualTo("Exemple-Durand");
        assertThat(event.at("/data/vacancy/start_date").asText()).as("which no search item gives")
                .isEqualTo("2027-01-04");
        assertThat(new JournalReader(pool).history(hireId)).last().extracting(HireEvent::detail)
                .isEqualTo("moved back into hired in Flatchr, as a search of its API shows; its "
                        + "data.candidate.lastname, data.candidate.email as the search shows them now");
        assertThat(journal.knownApplications("acme", List.of(SameApplication.of("jeanne@example.org", "3003")
                .orElseThrow()))).as("known by its e-mail of now").hasSize(1);
    }

    @Test
    void aWithdrawnHireMovedBackWhoseCandidateTheSearchShowsUnusableIsDeliveredAsRecordedAndSaysSo() throws Exception {
        String hireId = withdrawnWebhookHire();
        new WriteBacks(pool, clock, LEASE, "instance-a").applicantFound(hireId, "z7gWQnjXG77hJRak");
        clock.advance(Duration.ofDays(1));
        ReconciliationRun run = searchFound(foundHired(clock.instant()).replace("jeanne@example.org",
                "jeanne.example.org"));

        assertThat(steps.unknown(run)).isEmpty();

        HireView hire = new JournalReader(pool).find(hireId).orElseThrow();
        assertThat(hire.status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(JSON.readTree(hire.payload()).at("/data/candidate/email").asText()).isEqualTo("jeanne@example.org");
        assertThat(new JournalReader(pool).history(hireId)).last().extracting(HireEvent::detail).asString()
                .contains("data.candidate.email is not an e-mail address", "delivered as recorded")
                .doesNotContain("jeanne.example.org");
    }

    @Test
    void aSearchReadBeforeTheMoveOutShowsNoMoveBack() throws Exception {
        Instant hiredAt = clock.instant();
        String hireId = withdrawnWebhookHire();
        ReconciliationRun run = steps.due("acme");
        // the answer shows the candidate as the hire left her: in hired, changed before the move out
        run.searches(clock.instant());
        steps.found(run, 0, JSON.readTree(foundHired(hiredAt)));

        assertThat(steps.unknown(run)).isEmpty();

        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    @Test
    void aDryRunListsAHireMovedBackIntoHiredAndChangesNothing() throws Exception {
        String hireId = withdrawnWebhookHire();
        clock.advance(Duration.ofDays(1));
        ReconciliationRun run = steps.backfill("acme", LocalDate.of(2026, 12, 1), true);
        run.searches(clock.instant());
        steps.found(run, 0, JSON.readTree(foundHired(clock.instant())));

        assertThat(steps.unknown(run)).extracting(FoundApplication::applicant).containsExactly("z7gWQnjXG77hJRak");

        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    @Test
    void anApplicationRecordedTwiceAndMovedBackIsQueuedOnceByTheHireOfItsEmailNow() throws Exception {
        // the webhook's hire of Jeanne, whose application the write-back learned; then one a search found once
        // her e-mail was corrected in Flatchr; a move out withdrew both
        ObjectNode webhook = webhookHire("jeanne@example.org");
        HireVerdict verdict = classifier.classify(webhook, tenant());
        String first = journal.recordIntake(webhook.toString(), "acme", verdict.dedupeKey(), verdict.plainDedupeKey(),
                verdict.matchingApplication(), null, Duration.ZERO).hireId();
        new WriteBacks(pool, clock, LEASE, "instance-a").applicantFound(first, "z7gWQnjXG77hJRak");
        String corrected = SameApplication.of("jeanne.corrected@example.org", "3003").orElseThrow();
        String second = journal.record("{}", "acme", Origin.FLATCHR_API, "api:z7gWQnjXG77hJRak", corrected,
                "z7gWQnjXG77hJRak", null, List.of(), Duration.ZERO, null).hireId();
        clock.advance(Duration.ofMinutes(10));
        assertThat(journal.movedOutOfHired("acme", verdict.dedupeKey(), verdict.plainDedupeKey(), corrected,
                "to Refused")).hasSize(2);
        clock.advance(Duration.ofDays(1));
        ReconciliationRun run = searchFound(foundHired(clock.instant())
                .replace("jeanne@example.org", "jeanne.corrected@example.org"));

        steps.unknown(run);

        JournalReader reader = new JournalReader(pool);
        assertThat(reader.find(second).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(reader.find(first).orElseThrow().status()).as("two would make two accounts")
                .isEqualTo(HireStatus.WITHDRAWN);

        // the next search finds the application in hired again: the other stays withdrawn
        steps.finished(run);
        clock.advance(Duration.ofMinutes(20));
        ReconciliationRun next = searchFound(foundHired(clock.instant())
                .replace("jeanne@example.org", "jeanne.corrected@example.org"));
        steps.unknown(next);
        assertThat(reader.find(first).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    /** A webhook's hire of Jeanne, moved out of hired ten minutes later (its webhook came): withdrawn. */
    /** Jeanne's hire, as her webhook recorded it: held an hour, Flatchr's API's id of her application unknown. */
    private String webhookHireRecorded() {
        ObjectNode webhook = webhookHire("jeanne@example.org");
        HireVerdict verdict = classifier.classify(webhook, tenant());
        return journal.recordIntake(webhook.toString(), "acme", verdict.dedupeKey(), verdict.plainDedupeKey(),
                verdict.matchingApplication(), null, Duration.ofHours(1)).hireId();
    }

    /** Acme's run, due now, whose search of hires found nothing: what comes next is its search of moves. */
    private ReconciliationRun dueRunOfHiresFindingNothing() throws IOException {
        ReconciliationRun run = searchFound("[]");
        steps.unknown(run);
        return run;
    }

    private String withdrawnWebhookHire() {
        ObjectNode webhook = webhookHire("jeanne@example.org");
        HireVerdict verdict = classifier.classify(webhook, tenant());
        String hireId = journal.recordIntake(webhook.toString(), "acme", verdict.dedupeKey(), verdict.plainDedupeKey(),
                verdict.matchingApplication(), null, tenant().hireHold()).hireId();
        clock.advance(Duration.ofMinutes(10));
        journal.movedOutOfHired("acme", verdict.dedupeKey(), verdict.plainDedupeKey(), verdict.sameApplication(),
                "to Refused");
        assertThat(new JournalReader(pool).find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
        return hireId;
    }

    /** A search's answer: Jeanne's application in hired, last changed at {@code changedAt}. */
    private static String foundHired(Instant changedAt) {
        return """
                [{"applicant": "z7gWQnjXG77hJRak", "vacancy": "Comptable H/F", "vacancy_id": 3003, "column": "Recruté",
                  "status": 1, "hired": true, "email": "jeanne@example.org", "firstname": "Jeanne", "lastname": "Exemple",
                  "updated_at": %d}]
                """.formatted(changedAt.getEpochSecond());
    }

    @Test
    void theFirstWindowStaysWhereTheFirstTryPutItThroughDaysOfFailedTries() {
        // installed with a wrong key (and a wrong webhook URL): every try fails, for ten days
        for (int day = 0; day < 10; day++) {
            ReconciliationRun run = steps.due("acme");
            assertThat(run.windowFrom()).as("day " + day).isEqualTo(LocalDate.of(2026, 11, 29));
            reconciliations.failed(run.claim(), "key-rejected", "401", failures -> clock.instant());
            clock.advance(Duration.ofDays(1));
        }

        steps.finished(steps.due("acme"));

        assertThat(reconciliations.lastRuns()).singleElement().satisfies(last -> assertThat(last.windowFrom())
                .isEqualTo(LocalDate.of(2026, 11, 29).atStartOfDay(FlatchrDays.ZONE).toInstant()));
    }

    @Test
    void daysAFirstWindowLeavesOutAreToldOnceAndShownUntilABackfillSearchesThem() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(ReconciliationSteps.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        logger.addAppender(log);
        ReconciliationRun succeeding;
        try {
            // a wrong key since the install, for over a year: a try a day, each failed; from the 363rd, the window
            // (three days before the first try) is cut at a year back
            for (int day = 0; day < 370; day++) {
                failed(steps.due("acme"));
                clock.advance(Duration.ofDays(1));
            }
            // the key is fixed: the next search succeeds, from a year back
            succeeding = steps.due("acme");
            steps.finished(succeeding);

            assertThat(log.list).filteredOn(event -> event.getFormattedMessage().contains("no search of Flatchr's "
                    + "API has succeeded")).as("logged once, not at every run").singleElement()
                    .satisfies(event -> assertThat(event.getFormattedMessage()).contains("from 2026-11-29 to "
                            + "2026-11-29", "since=2026-11-29"));
        } finally {
            logger.detachAppender(log);
        }
        assertThat(told).as("the team's chat, once").containsExactly("acme days from 2026-11-29 before 2026-11-30");
        assertThat(succeeding.windowFrom()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(reconciliations.lastRuns()).singleElement().satisfies(last -> {
            assertThat(last.outcome()).isEqualTo("succeeded");
            assertThat(last.notSearchedFrom()).isEqualTo(LocalDate.of(2026, 11, 29));
            assertThat(last.notSearchedBefore()).as("until the first day the succeeding search covered")
                    .isEqualTo(succeeding.windowFrom());
        });

        steps.finished(steps.backfill("acme", LocalDate.of(2026, 12, 1), false));
        assertThat(reconciliations.lastRuns().get(0).notSearchedBefore()).as("the days before the backfill's")
                .isEqualTo(LocalDate.of(2026, 12, 1));
        steps.finished(steps.backfill("acme", LocalDate.of(2026, 11, 29), true));
        assertThat(reconciliations.lastRuns().get(0).notSearchedFrom()).as("a dry run searches nothing")
                .isEqualTo(LocalDate.of(2026, 11, 29));
        steps.finished(steps.backfill("acme", LocalDate.of(2026, 11, 29), false));
        assertThat(reconciliations.lastRuns().get(0).notSearchedFrom()).isNull();
        assertThat(reconciliations.lastRuns().get(0).notSearchedBefore()).isNull();
    }

    @Test
    void aBackfillFromALaterDayLeavesTheScheduledSearchsWindowWhereItWas() {
        clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        steps.finished(steps.due("acme"));
        clock.set(Instant.parse("2026-11-21T09:00:00Z"));
        reconciliations.failed(reconciliations.claim("acme", false).orElseThrow(), "key-rejected", "401",
                failures -> clock.instant());
        clock.set(T0);

        steps.finished(steps.backfill("acme", LocalDate.of(2026, 12, 1), false));

        clock.advance(Duration.ofMinutes(20));
        assertThat(steps.due("acme").windowFrom()).as("the days from 11-19, never searched since")
                .isEqualTo(LocalDate.of(2026, 11, 19));
    }

    @Test
    void aBackfillFromFurtherBackMovesTheScheduledSearchsWindowOn() {
        clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        steps.finished(steps.due("acme"));
        clock.set(T0);

        steps.finished(steps.backfill("acme", LocalDate.of(2026, 11, 1), false));

        clock.advance(Duration.ofMinutes(20));
        assertThat(steps.due("acme").windowFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void aFailedSearchIsNotTriedAgainBeforeFlatchrsPauseEnds() {
        ReconciliationRun run = steps.due("acme");
        // Flatchr asked for an hour (429 Retry-After), longer than the search's own backoff (its interval)
        pause.pause(run.getFlatchr(), "3600");

        failed(run);

        assertThat(reconciliations.lastRuns()).singleElement().satisfies(last ->
                assertThat(last.nextRunAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1))));
    }

    @Test
    void aFlatchrThatDoesNotAnswerIsFlatchrsFailureAndAFailureOfItsOwnTheConnectors() {
        assertThat(failed(steps.due("acme"), new java.net.SocketTimeoutException("Read timed out")).ofFlatchr())
                .isTrue();
        clock.advance(Duration.ofDays(1));
        assertThat(failed(steps.due("acme"), new IllegalStateException("the journal cannot be reached")).ofFlatchr())
                .isFalse();
    }

    /** The route's catch of a run that failed: what the caller is told. */
    private String failed(ReconciliationRun run) {
        return failed(run, new IllegalStateException("answer unread")).toString();
    }

    private SearchFailure failed(ReconciliationRun run, Throwable caught) {
        org.apache.camel.Exchange failedRun = new org.apache.camel.support.DefaultExchange(
                new org.apache.camel.impl.DefaultCamelContext());
        failedRun.setVariable(io.github.flatchrlucca.routes.Variables.RUN, run);
        failedRun.setProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, caught);
        steps.failed(failedRun);
        return failedRun.getVariable(ReconciliationSteps.FAILURE, SearchFailure.class);
    }

    private void acmeWithTriggerColumns(Set<String> triggerColumns) {
        tenants.replace(List.of(TestTenants.withFlatchrApi(TestTenants.withTriggerColumns(
                TestTenants.tenant("acme", "acme-token-0123456789", "4242"), triggerColumns), tenant().settings()
                .flatchrApi().orElseThrow())));
    }

    private List<HireView> hires() {
        return new JournalReader(pool).list(new HireFilter("acme", null, null, null, null, 0, 10));
    }

    /**
     * One application of the vacancy as a search of moves lists it, changed at {@code changedAt}: in {@code column}
     * (Recruté is Flatchr's hired one), archived or not.
     */
    private static String change(String applicant, String email, String column, boolean archived, Instant changedAt) {
        return """
                {"applicant": "%s", "vacancy": "Comptable H/F", "vacancy_id": 3003, "column": "%s", "status": %d,
                 "hired": %b, "email": "%s", "updated_at": %d}""".formatted(applicant, column, archived ? 0 : 1,
                "Recruté".equals(column), email, changedAt.getEpochSecond());
    }

    /** A search of moves' answer: its applications, as {@link #change} writes them. */
    private static JsonNode changes(String... applications) throws IOException {
        return JSON.readTree("[" + String.join(",", applications) + "]");
    }

    private static String item(String applicant, String email, String columnAndHired) {
        return """
                {"applicant": "%s", "vacancy": "Comptable H/F", "vacancy_id": 3003, %s "status": 1, "email": "%s",
                 "firstname": "Jeanne", "lastname": "Exemple", "updated_at": 1796202000}
                """.formatted(applicant, columnAndHired, email);
    }

    private static String column(String searchBody) {
        try {
            return JSON.readTree(searchBody).path("column").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOperatorsBackfillOrDryRunThatFailsIsTheOperatorsToSeeAndLeavesTheScheduledSearchAsItWas() {
        steps.finished(steps.due("acme"));
        Reconciliations.LastRun before = reconciliations.lastRuns().get(0);

        for (boolean dryRun : List.of(true, false)) {
            assertThat(failed(steps.backfill("acme", LocalDate.of(2026, 11, 1), dryRun))).as("told to the operator")
                    .startsWith("unavailable");
        }

        assertThat(reconciliations.lastRuns()).as("no failure counted, the next run not put off")
                .containsExactly(before);
        clock.advance(Duration.ofMinutes(15));
        assertThat(steps.due("acme")).as("given back: the scheduled search at its interval").isNotNull();
    }

    private Tenant tenant() {
        return tenants.find("acme").orElseThrow();
    }

    private static ObjectNode webhookHire(String email) {
        ObjectNode event = JSON.createObjectNode();
        event.put("event", "drag_applicant");
        event.put("company_id", 4242);
        ObjectNode data = event.putObject("data");
        data.putObject("candidate").put("id", 77).put("firstname", "Jeanne").put("lastname", "Exemple")
                .put("email", email);
        data.putObject("applicant").put("id", 77);
        data.putObject("column").put("id", 9).put("title", "Recruté").put("hired", true);
        data.putObject("vacancy").put("id", 3003).put("title", "Comptable H/F");
        return event;
    }
}
