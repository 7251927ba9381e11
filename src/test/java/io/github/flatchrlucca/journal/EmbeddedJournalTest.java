package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded journal's migrations run on a copy of its file that takes its place whole: a start stopped half way
 * through one leaves the journal as it was, and the next start migrates it.
 */
class EmbeddedJournalTest {

    /** A migration of the journal of today's first release with a write-back (V10), its first statement. */
    private static final String V10_FIRST = "ALTER TABLE hire ADD COLUMN writeback_status VARCHAR(20)";

    @TempDir
    Path dataDir;

    @Test
    void aNewJournalIsMadeAtThisVersionsSchemaAndNoCopyIsLeft() throws Exception {
        EmbeddedJournal.bringUpToDate(dataDir);

        assertThat(version()).hasValue(JournalSchema.NEWEST_MIGRATION);
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("journal.mv.db");
        }
    }

    @Test
    void anOlderJournalIsMigratedWithItsRows() throws Exception {
        olderJournalAt(9);
        execute(journal(), "INSERT INTO lucca_rate_limit (lucca_key) VALUES ('https://acme.ilucca.net')");

        EmbeddedJournal.bringUpToDate(dataDir);

        assertThat(version()).hasValue(JournalSchema.NEWEST_MIGRATION);
        assertThat(count("SELECT COUNT(*) FROM lucca_rate_limit")).isEqualTo(1);
        assertThat(dataDir.resolve("journal.upgrading.mv.db")).doesNotExist();
    }

    /** Stopped after V10's first statement, which H2 committed as it ran it: the journal is left at V9, whole. */
    @Test
    void aMigrationStoppedHalfWayLeavesTheJournalAsItWasAndTheNextStartMigratesIt() throws Exception {
        olderJournalAt(9);

        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> EmbeddedJournal.bringUpToDate(dataDir,
                copy -> {
                    execute(copy, V10_FIRST);
                    throw new IllegalStateException("the process was killed here");
                }));

        assertThat(version()).hasValue(9);
        assertThat(count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'WRITEBACK_STATUS'"))
                .as("the half done stays in the copy").isZero();
        assertThat(dataDir.resolve("journal.upgrading.mv.db")).as("a copy of every candidate, never left behind")
                .doesNotExist();
        EmbeddedJournal.bringUpToDate(dataDir);
        assertThat(version()).hasValue(JournalSchema.NEWEST_MIGRATION);
    }

    /** Another process on the same DATA_DIR took a hire while the copy was migrated: the copy would lose it. */
    @Test
    void aJournalWrittenWhileItsCopyIsMigratedIsLeftAsItIsAndTheStartRefused() throws Exception {
        olderJournalAt(9);

        assertThatExceptionOfType(JournalUnavailable.class).isThrownBy(() -> EmbeddedJournal.bringUpToDate(dataDir,
                copy -> {
                    JournalSchema.bringUpToDate(copy);
                    execute(journal(), "INSERT INTO lucca_rate_limit (lucca_key) VALUES ('https://acme.ilucca.net')");
                })).withMessageContaining("another process wrote its file meanwhile");

        assertThat(version()).hasValue(9);
        assertThat(count("SELECT COUNT(*) FROM lucca_rate_limit")).as("what the other process wrote").isEqualTo(1);
        assertThat(dataDir.resolve("journal.upgrading.mv.db")).doesNotExist();
    }

    @Test
    void aJournalAtThisVersionsSchemaIsNotCopied() throws Exception {
        EmbeddedJournal.bringUpToDate(dataDir);
        Path file = dataDir.resolve("journal.mv.db");
        Object before = Files.getAttribute(file, "unix:ino");

        EmbeddedJournal.bringUpToDate(dataDir, copy -> {
            throw new AssertionError("nothing to migrate");
        });

        assertThat(Files.getAttribute(file, "unix:ino")).as("the same file, not a copy put in its place")
                .isEqualTo(before);
    }

    /**
     * Camel interrupts the threads of a route it stops by force (a removed tenant's delivery, at the shutdown timeout):
     * a thread interrupted while it wrote the journal's file closed that file for every thread of the process.
     */
    @Test
    void aThreadInterruptedWhileItSyncsTheJournalLeavesItOpenForTheOthers() throws Exception {
        EmbeddedJournal.bringUpToDate(dataDir);
        DataSource journal = journal();
        execute(journal, "CREATE TABLE written (line VARCHAR(20))");
        try (Connection other = journal.getConnection()) {
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try (Connection connection = journal.getConnection(); Statement sql = connection.createStatement()) {
                    sql.executeUpdate("INSERT INTO written VALUES ('interrupted')");
                    MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession())
                            .getDatabase().getStore().getMvStore();
                    store.commit();
                    // as Camel's forced stop does, while the thread is about to write the file
                    Thread.currentThread().interrupt();
                    store.sync();
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            writer.start();
            writer.join();

            assertThat(failed.get()).isNull();
            try (Statement sql = other.createStatement()) {
                sql.executeUpdate("INSERT INTO written VALUES ('after')");
            }
            SyncedJournal.syncToDisk(journal);
            assertThat(count("SELECT COUNT(*) FROM written")).isEqualTo(2);
        }
    }

    private void olderJournalAt(int version) {
        Flyway.configure().dataSource(journal()).locations(JournalSchema.LOCATION).target(String.valueOf(version))
                .load().migrate();
    }

    private OptionalInt version() {
        return JournalSchema.appliedVersion(journal());
    }

    private long count(String query) throws SQLException {
        try (Connection connection = journal().getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private DataSource journal() {
        JdbcDataSource journal = new JdbcDataSource();
        journal.setURL(EmbeddedJournal.url(dataDir));
        journal.setUser(EmbeddedJournal.USER);
        return journal;
    }

    private static void execute(DataSource journal, String statement) {
        try (Connection connection = journal.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
