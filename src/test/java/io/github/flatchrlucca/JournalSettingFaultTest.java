package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import io.github.flatchrlucca.journal.DataDirectoryLock;
import io.github.flatchrlucca.journal.LockInAnotherProcess;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which journal that would not open is a wrong setting (exit code 78, not restarted) and which is worth another start
 * (exit code 1). The failures are built as they reach the start: PostgreSQL's SQLSTATE on pgjdbc's exception, under
 * HikariCP's time-out (which keeps that state), under the journal's own failure.
 */
class JournalSettingFaultTest {

    private static final String PASSWORD = "TOPSECRET-journal-password";
    private static final String URL = "jdbc:postgresql://db:5432/flatchr_lucca?password=" + PASSWORD;

    private final Map<String, String> properties = new HashMap<>(Map.of("journal.jdbc-url", URL,
            "journal.user", "flatchr_lucca", "journal.password", PASSWORD,
            "flatchr.webhook-token", "token-of-every-instance"));

    @ParameterizedTest
    @CsvSource({
        "28P01, JOURNAL_PASSWORD (journal.password), password authentication failed for user \"flatchr_lucca\"",
        "28000, JOURNAL_USER (journal.user),         role \"flatchr_lucca\" does not exist",
        "3D000, JOURNAL_JDBC_URL (journal.jdbc-url), database \"flatchr_lucca\" does not exist"})
    void aPostgresqlThatRefusesTheUserPasswordOrDatabaseIsAWrongSettingNamedWithoutItsSecrets(String sqlState,
                                                                                              String setting,
                                                                                              String serverSays) {
        Exception failure = opening(new SQLException("FATAL: " + serverSays, sqlState));

        Optional<InvalidSetting> fault = JournalSettingFault.of(failure, settings());

        assertThat(fault).get().extracting(InvalidSetting::getMessage).asString()
                .startsWith("Invalid setting " + setting + ": PostgreSQL ").contains("SQL state " + sqlState)
                .doesNotContain(PASSWORD, "db:5432", "\n");
        assertThat(FlatchrLucca.exitCode(new IllegalStateException(fault.get())))
                .isEqualTo(FlatchrLucca.WRONG_SETTING);
    }

    @Test
    void aPostgresqlThatAsksForAPasswordNoneWasGivenIsJournalPasswordsFault() {
        properties.remove("journal.password");
        Exception failure = opening(new SQLException("The server requested SCRAM-based authentication, but no password "
                + "was provided.", "08004"));

        Optional<InvalidSetting> fault = JournalSettingFault.of(failure, settings());

        assertThat(fault).get().extracting(InvalidSetting::getMessage).asString()
                .startsWith("Invalid setting JOURNAL_PASSWORD (journal.password): PostgreSQL asks JOURNAL_USER for a "
                        + "password and none is set").doesNotContain("db:5432", "\n");
        assertThat(FlatchrLucca.exitCode(new IllegalStateException(fault.get())))
                .isEqualTo(FlatchrLucca.WRONG_SETTING);
    }

    @Test
    void aConnectionRejectedForAnotherReasonThanAPasswordIsNotBlamedOnJournalPassword() {
        // pgjdbc says 08004 of other refusals too (an SSL the server does not offer), with a password or without
        Exception failure = opening(new SQLException("The server does not support SSL.", "08004"));

        assertThat(JournalSettingFault.of(failure, settings())).isEmpty();
        properties.remove("journal.password");
        assertThat(JournalSettingFault.of(failure, settings())).isEmpty();
    }

    @ParameterizedTest
    // refused (nothing listens yet), the server starting up or shutting down, too many connections
    @ValueSource(strings = {"08001", "57P03", "57P01", "53300"})
    void aPostgresqlNotReachableOrNotReadyIsNobodysSettingAndTheStartIsTriedAgain(String sqlState) {
        Exception failure = opening(new SQLException("Connection refused", sqlState));

        assertThat(JournalSettingFault.of(failure, settings())).isEmpty();
        assertThat(FlatchrLucca.exitCode(failure)).isEqualTo(1);
    }

    @Test
    void aFailureWithoutAnSqlStateIsNobodysSetting() {
        assertThat(JournalSettingFault.of(opening(new SQLException("socket closed")), settings())).isEmpty();
        assertThat(JournalSettingFault.of(new IllegalStateException("no SQL at all"), settings())).isEmpty();
    }

    @Test
    void anEmbeddedJournalAnotherConnectorHoldsIsDataDirsFault() {
        properties.clear();
        properties.put("connector.data-dir", "/var/lib/flatchr-lucca");
        Exception failure = opening(new SQLException("Database may be already in use", "90020",
                ErrorCode.DATABASE_ALREADY_OPEN_1));

        assertThat(JournalSettingFault.of(failure, settings())).get().extracting(InvalidSetting::getMessage)
                .asString().startsWith("Invalid setting DATA_DIR (connector.data-dir): another connector is using "
                        + "/var/lib/flatchr-lucca");
    }

    /** H2's own lock on the journal's file may be gone (EmbeddedJournal.url): the lock file refuses all the same. */
    @Test
    void anEmbeddedJournalWhoseDataDirLockAnotherProcessHoldsIsDataDirsFaultWithTheSameLine(@TempDir Path dataDir)
            throws Exception {
        properties.clear();
        properties.put("connector.data-dir", dataDir.toString());
        Process other = LockInAnotherProcess.holding(dataDir.resolve("journal.lock"));
        try (DataDirectoryLock lock = new DataDirectoryLock(dataDir)) {
            RuntimeException failure = catchRuntimeException(lock::take);

            Optional<InvalidSetting> fault = JournalSettingFault.of(failure, settings());

            assertThat(fault).get().extracting(InvalidSetting::getMessage).isEqualTo(JournalSettingFault.of(
                    opening(new SQLException("Database may be already in use", "90020",
                            ErrorCode.DATABASE_ALREADY_OPEN_1)), settings()).orElseThrow().getMessage());
            assertThat(FlatchrLucca.exitCode(failure)).isEqualTo(1);
            assertThat(FlatchrLucca.exitCode(new IllegalStateException(fault.get())))
                    .isEqualTo(FlatchrLucca.WRONG_SETTING);
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void anEmbeddedJournalsOwnSqlStatesAreNotReadAsPostgresqls() {
        properties.clear();

        assertThat(JournalSettingFault.of(opening(new SQLException("Wrong user name or password", "28000")),
                settings())).isEmpty();
    }

    /** As the journal's opening fails on it: HikariCP's time-out, carrying the driver's state, wrapped once more. */
    private static Exception opening(SQLException driver) {
        return new IllegalStateException("The journal could not be reached", new SQLTransientConnectionException(
                "journal - Connection is not available, request timed out after 3000ms", driver.getSQLState(), driver));
    }

    private ConnectorSettings settings() {
        return ConnectorSettings.read(new SettingsReader(key -> Optional.ofNullable(properties.get(key))));
    }
}
