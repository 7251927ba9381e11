package io.github.flatchrlucca;

import io.github.flatchrlucca.journal.DataDirInUse;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.api.ErrorCode;

/**
 * The setting to blame when the journal would not open, if one is: another connector on the embedded journal's
 * DATA_DIR (its lock file, or H2's lock on the journal's file, held), or a PostgreSQL that refuses the user, the
 * password (or asks for one none was given) or the database. The start then stops with one line naming it and exit
 * code 78, which a supervisor does not restart: starting again would fail the same way, every few seconds, for good.
 * A database not reachable (yet) is nobody's setting: that start fails with exit code 1 and is tried again.
 */
final class JournalSettingFault {

    // PostgreSQL's SQLSTATEs (its "Errcodes" appendix), which pgjdbc reports as they come and HikariCP's time-out keeps
    private static final String INVALID_PASSWORD = "28P01";
    private static final String INVALID_AUTHORIZATION = "28000";
    private static final String NO_SUCH_DATABASE = "3D000";
    // pgjdbc's own, for a server that asks for a password the driver was not given ("... but no password was
    // provided"), and for other refusals (a server without the SSL sslmode=require asks for): told apart by the
    // message, in English unless the JVM's language is one pgjdbc translates (the start is then tried again, as any
    // other)
    private static final String CONNECTION_REJECTED = "08004";

    private JournalSettingFault() {
    }

    /**
     * The refusal naming the setting at fault, from the failure's causes; empty when none is. Never quotes a secret:
     * neither the password nor the URL (which may carry it), nor PostgreSQL's own message.
     */
    static Optional<InvalidSetting> of(Throwable failure, ConnectorSettings settings) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataDirInUse) {
                return Optional.of(anotherConnector(settings));
            }
            if (cause instanceof SQLException sql) {
                Optional<InvalidSetting> fault = settings.embeddedJournal() ? embedded(sql, settings)
                        : postgresql(sql.getSQLState(), sql.getMessage(), settings);
                if (fault.isPresent()) {
                    return fault;
                }
            }
        }
        return Optional.empty();
    }

    /** H2 refuses a journal file another process holds open; its own advice, its server mode, is no way out here. */
    private static Optional<InvalidSetting> embedded(SQLException sql, ConnectorSettings settings) {
        if (sql.getErrorCode() != ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return Optional.empty();
        }
        return Optional.of(anotherConnector(settings));
    }

    /** DATA_DIR's lock file (DataDirectoryLock), or H2's lock on the journal's file, is another connector's. */
    private static InvalidSetting anotherConnector(ConnectorSettings settings) {
        return Settings.DATA_DIR.refusal("another connector is using " + settings.dataDir().toAbsolutePath()
                + ": stop it, or give this one a DATA_DIR of its own (several instances share a PostgreSQL journal, "
                + "JOURNAL_JDBC_URL)");
    }

    private static Optional<InvalidSetting> postgresql(String sqlState, String message, ConnectorSettings settings) {
        if (CONNECTION_REJECTED.equals(sqlState) && settings.journalPassword().isEmpty() && message != null
                && message.contains("password")) {
            // Without a password pgjdbc cannot answer a server that asks for one: no start will, until one is set
            return Optional.of(Settings.JOURNAL_PASSWORD.refusal("PostgreSQL asks JOURNAL_USER for a password and "
                    + "none is set (SQL state 08004); set the one PostgreSQL knows"));
        }
        if (INVALID_PASSWORD.equals(sqlState)) {
            // PostgreSQL says the same of a user it does not know, so that the error does not tell who exists
            return Optional.of(Settings.JOURNAL_PASSWORD.refusal("PostgreSQL refused JOURNAL_USER with this password "
                    + "(SQL state 28P01: a wrong password, or no such user); set the pair PostgreSQL knows"));
        }
        if (INVALID_AUTHORIZATION.equals(sqlState)) {
            return Optional.of(Settings.JOURNAL_USER.refusal("PostgreSQL does not let this user in (SQL state 28000: "
                    + "no such role, or pg_hba.conf admits it neither from this host nor to this database)"));
        }
        if (NO_SUCH_DATABASE.equals(sqlState)) {
            return Optional.of(Settings.JOURNAL_JDBC_URL.refusal("PostgreSQL has no database of the name it gives "
                    + "(SQL state 3D000); create the database, or correct its name (the value is a secret: not "
                    + "shown)"));
        }
        return Optional.empty();
    }
}
