package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;

import db.journal.V23__Events_out_of_the_hire_row;
import db.journal.V32__Plain_ids_of_earlier_hires;
import db.journal.V9__Match_keys_of_earlier_hires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollback: the previous version of the connector starts on a journal that a newer one migrated. Migrations only
 * add tables and columns, and Flyway leaves the ones it does not know ("future") alone.
 */
class RollbackTest {

    @TempDir
    Path previousVersion;

    @Test
    void thePreviousVersionStartsOnAJournalTheNewOneMigrated() throws Exception {
        try (TestJournal journal = TestJournal.inMemory()) {
            // the previous version's migrations: all of today's but the newest (V33, a class): the files of SQL, and
            // the classes before it (V9's, V23's and V32's)
            Path sql = Path.of("src/main/resources/db/journal");
            int newest = JournalSchema.NEWEST_MIGRATION;
            try (Stream<Path> files = Files.list(sql)) {
                for (Path file : files.filter(file -> version(file.getFileName().toString()) < newest).toList()) {
                    Files.copy(file, previousVersion.resolve(file.getFileName()));
                }
            }

            Flyway previous = Flyway.configure().dataSource(journal.dataSource())
                    .locations("filesystem:" + previousVersion)
                    .javaMigrations(new V9__Match_keys_of_earlier_hires(), new V23__Events_out_of_the_hire_row(),
                            new V32__Plain_ids_of_earlier_hires()).load();

            assertThat(previous.migrate().success).isTrue();
            previous.validate();
            assertThat(previous.info().current().getVersion().getVersion()).isEqualTo(String.valueOf(newest));
        }
    }

    private static int version(String migration) {
        return Integer.parseInt(migration.substring(1, migration.indexOf("__")));
    }
}
