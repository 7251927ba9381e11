package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.journal.IntakeResult.Outcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded journal answers for a hire only once H2 has synced the file that holds it. */
class SyncedJournalTest {

    private static final String PAYLOAD = "{\"event\":\"drag_applicant\",\"company_id\":4242}";
    // The Lucca a hire's user is made in, as the journal keeps it (LuccaConnection.instance)
    private static final String LUCCA = "https://acme.ilucca.net";

    @TempDir
    Path dir;

    private JdbcConnectionPool pool;
    private SyncedJournal synced;
    // what was committed when each sync ran: a sync covers every commit made before it began
    private final List<Set<String>> committedAtEachSync = new CopyOnWriteArrayList<>();
    private RuntimeException syncFailure;
    private Journal journal;

    @BeforeEach
    void openJournal() {
        pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.toAbsolutePath() + "/journal;WRITE_DELAY=500",
                "flatchr-lucca", "");
        Flyway.configure().dataSource(pool).locations("classpath:db/journal").load().migrate();
        synced = new SyncedJournal(pool, () -> {
            if (syncFailure != null) {
                throw syncFailure;
            }
            committedAtEachSync.add(hireIds());
            SyncedJournal.syncToDisk(pool);
        });
        journal = new Journal(synced, new MutableClock(Instant.parse("2026-01-05T09:00:00Z")), Duration.ofMinutes(10),
                "instance-a");
    }

    @AfterEach
    void closeJournal() {
        pool.dispose();
    }

    @Test
    void aHireIsAnsweredForOnlyAfterASyncThatCoversIt() {
        IntakeResult result = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), "acme", Duration.ZERO);

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(committedAtEachSync).anySatisfy(committed -> assertThat(committed).contains(result.hireId()));
    }

    @Test
    void aDuplicateIsAnsweredForOnlyAfterASyncToo() {
        IntakeResult first = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), "acme", Duration.ZERO);
        committedAtEachSync.clear();

        IntakeResult again = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), "acme", Duration.ZERO);

        assertThat(again).isEqualTo(new IntakeResult(first.hireId(), Outcome.DUPLICATE));
        assertThat(committedAtEachSync).anySatisfy(committed -> assertThat(committed).contains(first.hireId()));
    }

    @Test
    void aHireWhoseSyncFailedIsNotAnsweredFor() {
        syncFailure = new JournalUnavailable("sync its file to disk", new java.io.IOException("No space left"));

        assertThatExceptionOfType(JournalUnavailable.class)
                .isThrownBy(() -> Intakes.recordIntake(journal, PAYLOAD, hire("1234"), "acme", Duration.ZERO));
    }

    @Test
    void theLuccaBudgetsBookkeepingWaitsForNoSyncButIsCommitted() {
        RateLimitStore budget = new RateLimitStore(synced);
        Instant now = Instant.parse("2026-01-05T09:00:00Z");

        RateLimitStore.Turn turn = budget.takeOrWait("lucca-a", 1, Duration.ofMinutes(1), now, RateLimitStore.Precondition.NONE);
        budget.countFromAnswer(turn.slot(), now.plusSeconds(1));

        assertThat(committedAtEachSync).isEmpty();
        assertThat(budget.takeOrWait("lucca-a", 1, Duration.ofMinutes(1), now.plusSeconds(30),
                RateLimitStore.Precondition.NONE).taken())
                .as("the one slot of the window is taken, counted from the answer").isFalse();
        assertThat(budget.takeOrWait("lucca-a", 1, Duration.ofMinutes(1), now.plusSeconds(62),
                RateLimitStore.Precondition.NONE).taken()).isTrue();
    }

    @Test
    void aClaimWaitsForNoSyncButTheCreateAttemptedDoes() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), "acme", Duration.ZERO).hireId();
        committedAtEachSync.clear();

        assertThat(journal.claim(hireId)).isNotNull();
        assertThat(committedAtEachSync).isEmpty();

        journal.markCreateAttempted(hireId, "{}", LUCCA);
        assertThat(committedAtEachSync).hasSize(1);
    }

    @Test
    void theSyncWritesTheCommitsH2sWriteDelayHoldsSoThatAKilledProcessKeepsThem() throws Exception {
        // a write delay that no test outlasts: only the sync writes the file
        String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/delayed;WRITE_DELAY=600000";
        JdbcConnectionPool delayed = JdbcConnectionPool.create(url, "flatchr-lucca", "");
        Flyway.configure().dataSource(delayed).locations("classpath:db/journal").load().migrate();
        SyncedJournal durable = new SyncedJournal(delayed);
        Instant now = Instant.parse("2026-01-05T09:00:00Z");
        String hireId = Intakes.recordIntake(new Journal(durable, new MutableClock(now), Duration.ofMinutes(10),
                "instance-a"), PAYLOAD, hire("1234"), "acme", Duration.ZERO).hireId();
        // committed after the sync, and waiting for none
        RateLimitStore budget = new RateLimitStore(durable);
        assertThat(budget.takeOrWait("lucca-a", 1, Duration.ofMinutes(1), now, RateLimitStore.Precondition.NONE)
                .taken()).isTrue();

        // as kill -9 does: H2 closes its file without writing what it holds
        try (Connection connection = delayed.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        }
        delayed.dispose();

        JdbcConnectionPool reopened = JdbcConnectionPool.create(url, "flatchr-lucca", "");
        try {
            assertThat(new JournalReader(reopened).find(hireId)).as("the hire its sync wrote").isPresent();
            assertThat(new RateLimitStore(reopened).takeOrWait("lucca-a", 1, Duration.ofMinutes(1), now.plusSeconds(1),
                    RateLimitStore.Precondition.NONE).taken()).as("the slot no sync wrote is lost").isTrue();
        } finally {
            reopened.dispose();
        }
    }

    @Test
    void aSyncThatCannotReachTheJournalFailsAsUnavailable() {
        JdbcConnectionPool missing = JdbcConnectionPool.create("jdbc:h2:file:" + dir.toAbsolutePath()
                + "/missing;IFEXISTS=TRUE", "flatchr-lucca", "");
        try {
            assertThatExceptionOfType(JournalUnavailable.class).isThrownBy(() -> SyncedJournal.syncToDisk(missing));
        } finally {
            missing.dispose();
        }
    }

    private Set<String> hireIds() {
        return new HashSet<>(new Jdbc(pool).query("read hires", "SELECT hire_id FROM hire", row -> row.getString(1)));
    }

    private static HireVerdict hire(String applicantId) {
        return new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", applicantId, List.of());
    }
}
