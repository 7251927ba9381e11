package io.github.flatchrlucca.journal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the journal's tables to this version's schema. Flyway does the migrating; but asking it costs a good part of
 * a start (it loads its plugins, scans the jar for migrations and checks each one's checksum) for what is, on
 * every start but an upgrade's, nothing to do. So one query first: a journal whose history already holds this
 * version's newest migration (or a later one's: a rollback, see RollbackTest) is left as it is, and anything
 * else (a new journal, an older one, a history that cannot be read) goes to Flyway as before.
 */
public final class JournalSchema {

    /** The newest migration this version carries (db/journal); a test keeps it in step with the files. */
    static final int NEWEST_MIGRATION = 21;
    static final String LOCATION = "classpath:db/journal";

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
        try (Connection connection = connect(journal); Statement statement = connection.createStatement()) {
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

    private static Connection connect(DataSource journal) {
        try {
            return journal.getConnection();
        } catch (SQLException unreachable) {
            throw new JournalUnavailable("be reached", unreachable);
        }
    }
}
