package io.github.flatchrlucca.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.Intakes;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.Reconciliations;
import io.github.flatchrlucca.journal.TestJournal;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hires by status as a scrape reads them: from the journal at most once per few seconds, while it is down too;
 * the counters an alert reads the first increase of; the searches of moves failed in a row and the days no search
 * covers, as the journal holds them; the queue's age; a refused tenants file.
 */
class ConnectorMetricsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T09:00:00Z"));
    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final JournalThatStops journal = new JournalThatStops(h2.dataSource());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConnectorMetrics metrics = new ConnectorMetrics(registry, new JournalReader(journal),
            Duration.ofHours(1), clock);

    @Test
    void aScrapeWhileTheJournalIsDownAsksItOnceAndReadsNoCountRatherThanOnceForEachGauge() {
        Intakes.recordIntake(new Journal(h2.dataSource(), clock, Duration.ofMinutes(10), "instance-a"), "{}",
                new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", "1", List.of()), "acme", Duration.ZERO);
        metrics.tenantsAre(List.of("acme", "globex"), tenant -> true);
        assertThat(received("acme")).isEqualTo(1.0);
        journal.askedSinceLastTime();
        clock.advance(Duration.ofSeconds(6));
        journal.stop();

        Collection<Gauge> gauges = registry.find("flatchr.hires.by.status").gauges();
        assertThat(gauges).hasSize(2 * HireStatus.values().length);
        assertThat(gauges).as("unknown while the journal cannot be read").allSatisfy(gauge ->
                assertThat(gauge.value()).isNaN());
        assertThat(journal.askedSinceLastTime()).as("each ask waits the pool's 3 s: once per scrape, not per gauge")
                .isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        assertThat(received("acme")).isNaN();
        assertThat(journal.askedSinceLastTime()).as("within the few seconds the counts are kept for").isZero();

        journal.start();
        clock.advance(Duration.ofSeconds(6));
        assertThat(received("acme")).isEqualTo(1.0);
        assertThat(received("globex")).isEqualTo(0.0);
    }

    @Test
    void eachTenantsFailedSearchesOfMovesAreExportedFromZeroSoThatTheFirstFailureIsAnIncrease() {
        metrics.tenantsAre(List.of("acme"), tenant -> true);

        assertThat(registry.find("flatchr.reconciliations.moves.failed").tag("tenant", "acme").counters())
                .extracting(counter -> counter.getId().getTag("outcome"))
                .containsExactlyInAnyOrder("too-large", "key-rejected", "refused", "unavailable");
        assertThat(registry.find("flatchr.reconciliations.moves.failed").counters())
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
        metrics.movesSearchFailed("acme", "too-large");
        assertThat(registry.get("flatchr.reconciliations.moves.failed").tags("tenant", "acme", "outcome", "too-large")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void eachTenantsSearchesOfMovesFailedInARowAreReadFromTheJournalUntilOneSucceeds() {
        Reconciliations searches = new Reconciliations(h2.dataSource(), clock, Duration.ofMinutes(10), "instance-a");
        Set<String> searched = new HashSet<>(Set.of("acme", "globex"));
        metrics.tenantsAre(List.of("acme", "globex"), searched::contains);
        Reconciliations.Run run = searches.claim("acme", true).orElseThrow();
        searches.movesFailed(run, failures -> clock.instant().plus(Duration.ofMinutes(15L * failures)));
        searches.movesFailed(run, failures -> clock.instant().plus(Duration.ofMinutes(15L * failures)));

        assertThat(movesFailuresInARow("acme")).as("as the journal holds them, whichever instance failed")
                .isEqualTo(2);
        assertThat(movesFailuresInARow("globex")).as("never searched").isZero();
        searched.remove("acme");
        assertThat(movesFailuresInARow("acme")).as("its key removed: no search can set them back").isZero();
        searched.add("acme");
        searches.movesSearched(run, clock.instant());
        assertThat(movesFailuresInARow("acme")).as("kept for a few seconds, as the queue's counts").isEqualTo(2);
        clock.advance(Duration.ofSeconds(6));
        assertThat(movesFailuresInARow("acme")).as("a search that succeeds sets it back").isZero();

        journal.stop();
        clock.advance(Duration.ofSeconds(6));
        assertThat(movesFailuresInARow("acme")).as("unknown while the journal cannot be read").isNaN();
        journal.start();
    }

    @Test
    void eachTenantsOldestQueuedHireShowsHowLongItHasWaitedAgainstTheLimitItsRuleComparesWith() {
        Journal hires = new Journal(h2.dataSource(), clock, Duration.ofMinutes(10), "instance-a");
        Intakes.recordIntake(hires, "{}", new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", "1", List.of()), "acme",
                Duration.ZERO);
        Intakes.recordIntake(hires, "{}", new HireVerdict(HireVerdict.Kind.HIRE, null, "4243", "1", List.of()),
                "globex", Duration.ofHours(3));
        metrics.tenantsAre(List.of("acme", "globex", "initech"), tenant -> true);
        clock.advance(Duration.ofMinutes(90));

        assertThat(registry.get("flatchr.hires.queue.age.limit.seconds").gauge().value()).isEqualTo(3600);
        assertThat(oldestQueued("acme")).isEqualTo(5400);
        assertThat(oldestQueued("globex")).as("held on purpose: it waits from the end of its hold").isZero();
        assertThat(oldestQueued("initech")).as("nothing queued").isZero();
        clock.advance(Duration.ofSeconds(3));
        assertThat(oldestQueued("acme")).as("reckoned at the scrape, from the hire read a few seconds before")
                .isEqualTo(5403);

        journal.stop();
        clock.advance(Duration.ofSeconds(6));
        assertThat(oldestQueued("acme")).as("unknown while the journal cannot be read").isNaN();
        journal.start();
    }

    @Test
    void theDaysNoSearchCoversAreReadFromTheJournalUntilABackfillCoversThem() {
        Reconciliations searches = new Reconciliations(h2.dataSource(), clock, Duration.ofMinutes(10), "instance-a");
        Set<String> searched = new HashSet<>(Set.of("acme", "globex"));
        metrics.tenantsAre(List.of("acme", "globex"), searched::contains);
        Reconciliations.Run run = searches.claim("acme", true).orElseThrow();
        searches.firstWindowLeavesOut(run, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 4));

        assertThat(daysNotSearched("acme")).isEqualTo(3);
        assertThat(daysNotSearched("globex")).as("never searched").isZero();
        searched.remove("acme");
        assertThat(daysNotSearched("acme")).as("its key removed: no backfill can search them").isZero();
        searched.add("acme");
        searches.searchedFrom("acme", LocalDate.of(2025, 12, 3));
        clock.advance(Duration.ofSeconds(6));
        assertThat(daysNotSearched("acme")).as("a backfill from the 3rd leaves two out").isEqualTo(2);
        searches.searchedFrom("acme", LocalDate.of(2025, 12, 1));
        clock.advance(Duration.ofSeconds(6));
        assertThat(daysNotSearched("acme")).isZero();
    }

    @Test
    void theInstancesClockAheadOfTheJournalsIsReadAtEachScrape() {
        double[] ahead = {Double.NaN};
        metrics.journalClock(() -> ahead[0]);

        assertThat(registry.get("flatchr.journal.clock.ahead.seconds").gauge().value()).isNaN();
        ahead[0] = -12.5;
        assertThat(registry.get("flatchr.journal.clock.ahead.seconds").gauge().value()).isEqualTo(-12.5);
    }

    @Test
    void aRefusedTenantsFileShowsWhileTheFileIsRefused() {
        boolean[] refused = {false};
        metrics.tenantsFile(() -> refused[0]);

        assertThat(registry.get("flatchr.tenants.file.refused").gauge().value()).isZero();
        refused[0] = true;
        assertThat(registry.get("flatchr.tenants.file.refused").gauge().value()).as("read at each scrape")
                .isEqualTo(1);
    }

    @Test
    void thePeopleDirectoriesShowWhatTheyHoldTheirBudgetAndTheLuccasDroppedOverIt() {
        long[] held = {1_200};
        long[] overBudget = {0};
        metrics.peopleDirectories(() -> held[0], 64_736, () -> overBudget[0]);
        held[0] = 0;
        overBudget[0] = 1;

        assertThat(registry.get("flatchr.lucca.people.held").gauge().value()).isZero();
        assertThat(registry.get("flatchr.lucca.people.budget").gauge().value()).isEqualTo(64_736);
        assertThat(registry.get("flatchr.lucca.people.directories.over.budget").gauge().value())
                .as("read at each scrape").isEqualTo(1);
    }

    private double oldestQueued(String tenant) {
        return registry.get("flatchr.hires.oldest.queued.seconds").tag("tenant", tenant).gauge().value();
    }

    private double daysNotSearched(String tenant) {
        return registry.get("flatchr.reconciliations.days.not.searched").tag("tenant", tenant).gauge().value();
    }

    private double movesFailuresInARow(String tenant) {
        return registry.get("flatchr.reconciliations.moves.failures.in.a.row").tag("tenant", tenant).gauge().value();
    }

    private double received(String tenant) {
        return registry.get("flatchr.hires.by.status").tags("tenant", tenant, "status", "received").gauge().value();
    }
}
