package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flatchrlucca.intake.HireVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded journal as a deployed connector left it keeps its hires when the connector is upgraded: its file is
 * written by the H2 of that release, and an H2 that no longer reads it would make every hire in it vanish. The file
 * under {@code src/test/resources/journal/h2-2.3.232} was written by the jar of 2026-12-06 (H2 2.3.232, schema 29),
 * which accepted one webhook (examples/drag-applicant-hired.json) and stopped.
 */
class EarlierJournalTest {

    @TempDir
    Path dataDir;

    @Test
    void aJournalWrittenByH2Of2_3_232OpensWithItsHireAndTakesNewOnes() throws Exception {
        Files.copy(Path.of("src/test/resources/journal/h2-2.3.232/journal.mv.db"), dataDir.resolve("journal.mv.db"));
        EmbeddedJournal.bringUpToDate(dataDir);
        JdbcConnectionPool pool = JdbcConnectionPool.create(EmbeddedJournal.url(dataDir), EmbeddedJournal.USER, "");
        try {
            JournalReader reader = new JournalReader(pool);
            Journal journal = new Journal(pool, Clock.systemUTC(), Duration.ofMinutes(3), "instance-a");

            assertThat(reader.countsByTenantAndStatus()).isEqualTo(Map.of("default", Map.of(HireStatus.RECEIVED, 1L)));
            HireView kept = reader.oldestQueued("default").orElseThrow();
            ClaimedHire claimed = journal.claim(kept.hireId());
            assertThat(claimed.payload()).as("the webhook's event, as it came").contains("drag_applicant");
            String next = Intakes.recordIntake(journal, "{}", new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", "7",
                    List.of()), "default", Duration.ZERO).hireId();
            assertThat(reader.find(next)).isPresent();
        } finally {
            pool.dispose();
        }
    }
}
