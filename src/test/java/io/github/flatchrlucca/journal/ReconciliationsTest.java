package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flatchrlucca.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each tenant's searches of Flatchr: one at a time across instances, when the next is due, what the last came to. */
class ReconciliationsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(T0);
    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final DataSource pool = h2.dataSource();
    private final Reconciliations one = new Reconciliations(pool, clock, LEASE, "instance-a");
    private final Reconciliations other = new Reconciliations(pool, clock, LEASE, "instance-b");

    @Test
    void theFirstRunIsDueAtOnceAndHasNoLastSuccess() {
        Optional<Reconciliations.Run> run = one.claim("acme", false);

        assertThat(run).hasValueSatisfying(claimed -> {
            assertThat(claimed.startedAt()).isEqualTo(T0);
            assertThat(claimed.lastSuccessAt()).isEmpty();
        });
    }

    @Test
    void aRunGoingOnIsNeitherClaimedAgainNorByAnotherInstanceNorByABackfill() {
        one.claim("acme", false).orElseThrow();

        assertThat(one.claim("acme", false)).isEmpty();
        assertThat(other.claim("acme", false)).isEmpty();
        assertThat(other.claim("acme", true)).isEmpty();
        assertThat(other.claim("globex", false)).as("another tenant's").isPresent();
    }

    @Test
    void aSucceededRunSaysWhenTheNextIsDueAndWhereItLooksFrom() {
        Reconciliations.Run run = one.claim("acme", false).orElseThrow();
        one.succeeded(run, T0.minus(Duration.ofDays(3)), 12, 2, 0, T0.plus(Duration.ofMinutes(15)));

        assertThat(other.claim("acme", false)).as("not due yet").isEmpty();
        clock.advance(Duration.ofMinutes(15));
        assertThat(other.claim("acme", false)).hasValueSatisfying(next ->
                assertThat(next.lastSuccessAt()).contains(T0));
        assertThat(one.lastRuns()).singleElement().satisfies(last -> {
            assertThat(last.outcome()).isEqualTo("succeeded");
            assertThat(last.found()).isEqualTo(12);
            assertThat(last.recorded()).isEqualTo(2);
            assertThat(last.windowFrom()).isEqualTo(T0.minus(Duration.ofDays(3)));
        });
    }

    @Test
    void theDaysAFirstWindowLeavesOutAreNewOnceAndKeptUntilASearchCoversThem() {
        LocalDate from = LocalDate.of(2025, 10, 25);
        Reconciliations.Run first = one.claim("acme", false).orElseThrow();
        assertThat(one.firstWindowLeavesOut(first, from, LocalDate.of(2025, 12, 2))).as("new").isTrue();
        one.failed(first, "key-rejected", "401", failures -> clock.instant());
        Reconciliations.Run second = other.claim("acme", false).orElseThrow();
        assertThat(other.firstWindowLeavesOut(second, from, LocalDate.of(2025, 12, 3)))
                .as("known already, by another instance too: a day more").isFalse();
        other.succeeded(second, T0, 0, 0, 0, T0);

        one.searchedFrom("acme", LocalDate.of(2025, 12, 10));
        assertThat(one.lastRuns()).singleElement().satisfies(last -> {
            assertThat(last.notSearchedFrom()).isEqualTo(from);
            assertThat(last.notSearchedBefore()).as("a search from after them covers none").isEqualTo(
                    LocalDate.of(2025, 12, 3));
        });
        one.searchedFrom("acme", LocalDate.of(2025, 11, 1));
        assertThat(one.lastRuns().get(0).notSearchedBefore()).as("those before it are left")
                .isEqualTo(LocalDate.of(2025, 11, 1));
        one.searchedFrom("acme", from);
        assertThat(one.lastRuns().get(0).notSearchedFrom()).isNull();
        assertThat(one.lastRuns().get(0).notSearchedBefore()).isNull();
    }

    @Test
    void failedRunsCountAndTheNextWaitsWhatTheirCountMakesIt() {
        Reconciliations.Run first = one.claim("acme", false).orElseThrow();
        one.failed(first, "unavailable", "Flatchr answered 503 to search-applicants",
                failures -> T0.plus(Duration.ofMinutes(failures)));
        clock.advance(Duration.ofMinutes(1));
        Reconciliations.Run second = one.claim("acme", false).orElseThrow();
        one.failed(second, "unavailable", "again", failures -> clock.instant().plus(Duration.ofMinutes(10 * failures)));

        assertThat(one.lastRuns()).singleElement().satisfies(last -> {
            assertThat(last.failures()).isEqualTo(2);
            assertThat(last.nextRunAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(20)));
            assertThat(last.lastSuccessAt()).as("a failure moves no window").isNull();
        });
    }

    @Test
    void anInstanceStartedAfterAllWereDownSearchesAtOnceUnlessASearchHasBegunSinceItStarted() {
        Reconciliations.Run run = one.claim("acme", false).orElseThrow();
        one.succeeded(run, T0, 1, 0, 0, T0.plus(Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(10));
        Instant restarted = clock.instant();

        Reconciliations.Run atStart = other.claimDueOrNotSearchedSince("acme", restarted).orElseThrow();
        other.succeeded(atStart, T0, 1, 0, 0, restarted.plus(Duration.ofHours(1)));

        assertThat(one.claimDueOrNotSearchedSince("acme", restarted))
                .as("started at the same moment: the other's search was since").isEmpty();
        assertThat(one.claim("acme", false)).as("not due").isEmpty();
    }

    @Test
    void aRunLeftByAnInstanceThatDiedIsTakenOverAfterItsLease() {
        one.claim("acme", false).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));

        assertThat(other.claim("acme", false)).isPresent();
    }

    @Test
    void aRunKeepsItsClaimWhileItRenewsIt() {
        Reconciliations.Run run = one.claim("acme", false).orElseThrow();
        clock.advance(LEASE.minusSeconds(1));
        one.renew(run);
        clock.advance(Duration.ofSeconds(2));

        assertThat(other.claim("acme", false)).isEmpty();
    }

    @Test
    void aRunWhoseClaimAnotherInstanceTookOverIsToldSoWhenItRenewsIt() {
        Reconciliations.Run slow = one.claim("acme", false).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));
        other.claim("acme", false).orElseThrow();

        assertThatThrownBy(() -> one.renew(slow)).isInstanceOf(ClaimLost.class);
    }

    @Test
    void aRunWhoseClaimAnotherInstanceTookOverRecordsNeitherItsSuccessNorItsFailure() {
        Reconciliations.Run slow = one.claim("acme", false).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));
        other.claim("acme", false).orElseThrow();

        assertThatThrownBy(() -> one.succeeded(slow, T0, 1, 1, 0, clock.instant().plus(Duration.ofMinutes(15))))
                .isInstanceOf(ClaimLost.class);
        assertThatThrownBy(() -> one.failed(slow, "unavailable", "Flatchr answered 503",
                failures -> clock.instant().plus(Duration.ofHours(1)))).isInstanceOf(ClaimLost.class);
        assertThat(one.lastRuns()).as("the other run, not over yet").isEmpty();
        assertThat(one.claim("acme", true)).as("still the other's").isEmpty();
    }

    @Test
    void aRunWhoseLapsedClaimItsOwnInstanceTookAgainIsToldSoAndGivesBackNothingOfTheNewRun() {
        Reconciliations.Run slow = one.claim("acme", false).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));
        // an operator's backfill on the same instance, while its scheduled run waits on a slow Flatchr
        Reconciliations.Run backfill = one.claim("acme", true).orElseThrow();

        assertThatThrownBy(() -> one.renew(slow)).isInstanceOf(ClaimLost.class);
        assertThatThrownBy(() -> one.movesSearched(slow, T0)).isInstanceOf(ClaimLost.class);
        assertThatThrownBy(() -> one.succeeded(slow, T0, 1, 1, 0, clock.instant())).isInstanceOf(ClaimLost.class);
        assertThatThrownBy(() -> one.failed(slow, "unavailable", "Flatchr answered 503", failures -> clock.instant()))
                .isInstanceOf(ClaimLost.class);
        one.release(slow);
        assertThat(other.claim("acme", true)).as("still the backfill's").isEmpty();
        assertThat(one.lastRuns()).as("the backfill, not over yet").isEmpty();
        one.renew(backfill);
        one.succeeded(backfill, T0, 0, 0, 0, clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(one.lastRuns()).singleElement().extracting(Reconciliations.LastRun::ranAt)
                .isEqualTo(backfill.startedAt());
    }

    @Test
    void aRunWhoseClaimAnotherInstanceTookOverRecordsNoSearchOfMovesNorPutOffAndSaysSo() {
        Reconciliations.Run slow = one.claim("acme", false).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));
        Reconciliations.Run takenOver = other.claim("acme", false).orElseThrow();

        assertThatThrownBy(() -> one.movesFailed(slow, failures -> T0.plus(Duration.ofHours(6))))
                .isInstanceOf(ClaimLost.class);
        assertThatThrownBy(() -> one.movesSearchedUpTo(slow, T0)).isInstanceOf(ClaimLost.class);
        assertThatThrownBy(() -> one.movesSearched(slow, T0)).isInstanceOf(ClaimLost.class);
        other.release(takenOver);
        assertThat(other.claim("acme", true)).hasValueSatisfying(next -> {
            assertThat(next.movesNotBefore()).as("no put-off the journal holds").isEmpty();
            assertThat(next.movesSearchedAt()).isEmpty();
        });
    }

    @Test
    void aBackfillIgnoresWhenTheNextRunIsDueAndAReleasedOneMovesNothing() {
        Reconciliations.Run run = one.claim("acme", false).orElseThrow();
        one.succeeded(run, T0, 1, 1, 0, T0.plus(Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(10));
        Reconciliations.Run backfill = other.claim("acme", true).orElseThrow();
        other.release(backfill);

        assertThat(one.claim("acme", false)).as("still not due").isEmpty();
        assertThat(one.lastRuns()).singleElement().satisfies(last -> {
            assertThat(last.lastSuccessAt()).isEqualTo(T0);
            assertThat(last.ranAt()).as("a dry run is not the last search").isEqualTo(T0);
        });
    }

    @Test
    void aRunIsShownOnlyOnceItHasEndedAndAsOfWhenItStarted() {
        Reconciliations.Run run = one.claim("acme", false).orElseThrow();
        assertThat(one.lastRuns()).as("still searching").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        one.failed(run, "unavailable", "Flatchr answered 503", failures -> clock.instant().plus(Duration.ofMinutes(1)));

        assertThat(one.lastRuns()).singleElement().satisfies(last -> {
            assertThat(last.ranAt()).isEqualTo(T0);
            assertThat(last.outcome()).isEqualTo("unavailable");
        });
    }
}
