package io.github.flatchrlucca.journal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the journal's tables to this version's schema. Flyway does the migrating; but asking it costs a good part of
 * a start (it loads its plugins, scans the jar for migrations and checks each one's checksum) for what is, on
 * every start but an upgrade's, nothing to do. So one query first: a journal whose history already holds this
 * version's newest migration (or a later one's: a rollback, see RollbackTest) is left as it is, and anything
 * else (a new journal, an older one, a history that cannot be read) goes to Flyway as before.
 */
public final class JournalSchema {

    /** The newest migration this version carries (db/journal); a test keeps it in step with the files. */
    static final int NEWEST_MIGRATION = 33;
    static final String LOCATION = "classpath:db/journal";
    /**
     * How long a start waits for a journal that is still opening. The pool gives a connection up after a few
     * seconds, so that a webhook gets its 503 soon when the database is down; but the embedded journal's first
     * connection opens its file, which on a loaded machine or a slow disk (a large journal, after a crash) can
     * take longer, and a start that gave up then never started.
     */
    static final Duration OPENING_PATIENCE = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(JournalSchema.class);

    private JournalSchema() {
    }

    public static void bringUpToDate(DataSource journal) {
        if (appliedVersion(journal).orElse(0) < NEWEST_MIGRATION) {
            Flyway.configure().dataSource(journal).locations(LOCATION).load().migrate();
        }
    }

    /**
     * The newest migration the journal's history says succeeded; empty when it has no history to read (a new
     * journal) or one this version cannot read.
     *
     * @throws JournalUnavailable when the journal cannot be reached at all (in use by another process, down)
     */
    static OptionalInt appliedVersion(DataSource journal) {
        return appliedVersion(journal, OPENING_PATIENCE);
    }

    static OptionalInt appliedVersion(DataSource journal, Duration patience) {
        try (Connection connection = connect(journal, patience); Statement statement = connection.createStatement()) {
            // Flyway's history table and columns are lower case and quoted, on H2 as on PostgreSQL.
            try (ResultSet versions = statement.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                    + " WHERE \"success\" AND \"version\" IS NOT NULL")) {
                int newest = 0;
                while (versions.next()) {
                    newest = Math.max(newest, Integer.parseInt(versions.getString(1)));
                }
                return newest == 0 ? OptionalInt.empty() : OptionalInt.of(newest);
            } catch (SQLException | NumberFormatException unknown) {
                // no history yet, or one written differently: Flyway reads it properly and says what is wrong
                return OptionalInt.empty();
            }
        } catch (SQLException closing) {
            throw new JournalUnavailable("be read", closing);
        }
    }

    private static Connection connect(DataSource journal, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        boolean told = false;
        while (true) {
            try {
                return journal.getConnection();
            } catch (SQLTransientConnectionException timedOut) {
                // The pool's time-out with no failure behind it: the first connection is still being made (the
                // file opening), not refused (a database down, a file locked by another connector: a cause).
                // Each try waits the pool's own time-out, so this loop does not spin.
                if (timedOut.getCause() != null || System.nanoTime() - deadline >= 0) {
                    throw new JournalUnavailable("be reached", timedOut);
                }
                if (!told) {
                    LOG.info("The journal is still opening; the start waits for it (at most {} s)",
                            patience.toSeconds());
                    told = true;
                }
            } catch (SQLException unreachable) {
                throw new JournalUnavailable("be reached", unreachable);
            }
        }
    }
}
