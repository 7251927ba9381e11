package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PostgreSQL journal's pool of connections, as the connector opens it. */
class JournalPoolTest {

    private static final String URL = "jdbc:postgresql://db:5432/flatchr_lucca";

    @TempDir
    Path dataDir;
    private final Map<String, String> properties = new HashMap<>();

    @Test
    void aPostgresqlJournalsStatementsWaitForAnAnswerThirtySecondsAtMostOnConnectionsKeptAlive() {
        properties.put("journal.jdbc-url", URL);

        Properties driver = pool().getDataSourceProperties();

        assertThat(driver.getProperty("socketTimeout")).isEqualTo("30");
        assertThat(driver.getProperty("tcpKeepAlive")).isEqualTo("true");
    }

    @Test
    void eachJournalConnectionReadsCommittedWhateverTheDatabasesDefault() {
        properties.put("journal.jdbc-url", URL);
        assertThat(pool().getTransactionIsolation()).isEqualTo("TRANSACTION_READ_COMMITTED");
        properties.remove("journal.jdbc-url");
        assertThat(pool().getTransactionIsolation()).as("the embedded journal").isEqualTo("TRANSACTION_READ_COMMITTED");
    }

    @Test
    void theDriversSettingsInTheJournalUrlWinOverThePools() {
        properties.put("journal.jdbc-url", URL + "?socketTimeout=120");

        // as HikariCP hands them to pgjdbc: the pool's settings with each connection, read under the URL's
        Properties connection = org.postgresql.Driver.parseURL(pool().getJdbcUrl(), pool().getDataSourceProperties());

        assertThat(connection.getProperty("socketTimeout")).isEqualTo("120");
        assertThat(connection.getProperty("tcpKeepAlive")).isEqualTo("true");
    }

    private HikariConfig pool() {
        properties.put("connector.data-dir", dataDir.toString());
        properties.put("flatchr.webhook-token", "token-of-every-instance");
        return ConnectorConfiguration.journalPoolSettings(ConnectorSettings.read(new SettingsReader(
                key -> Optional.ofNullable(properties.get(key)))));
    }
}
