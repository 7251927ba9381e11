package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JournalSchemaTest {

    @TempDir
    Path folder;

    private final JdbcConnectionPool journal = JdbcConnectionPool.create(
            "jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @AfterEach
    void close() {
        journal.dispose();
    }

    @Test
    void theNewestMigrationIsTheNewestFileOfDbJournal() throws Exception {
        int newest = 0;
        for (Path folder : new Path[] {Path.of("src/main/resources/db/journal"), Path.of("src/main/java/db/journal")}) {
            try (Stream<Path> files = Files.list(folder)) {
                newest = Math.max(newest, files.map(file -> file.getFileName().toString())
                        .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElse(0));
            }
        }
        assertThat(JournalSchema.NEWEST_MIGRATION).isEqualTo(newest);
    }

    @Test
    void aNewJournalHasNoVersionAndIsMigratedToTheNewest() {
        assertThat(JournalSchema.appliedVersion(journal)).isEmpty();

        JournalSchema.bringUpToDate(journal);

        assertThat(JournalSchema.appliedVersion(journal)).hasValue(JournalSchema.NEWEST_MIGRATION);
    }

    @Test
    void noIndexOfTheHireTableLeadsWithItsStatus() throws SQLException {
        JournalSchema.bringUpToDate(journal);

        // H2 keeps the plan a statement got when first prepared: on a new (empty) journal it claimed a hire
        // "WHERE hire_id = ? AND status IN (...)" through such an index, reading every queued hire (V13)
        try (Connection connection = journal.getConnection(); Statement statement = connection.createStatement();
             ResultSet leading = statement.executeQuery("SELECT INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS "
                     + "WHERE TABLE_NAME = 'HIRE' AND ORDINAL_POSITION = 1")) {
            Map<String, String> firstColumns = new HashMap<>();
            while (leading.next()) {
                firstColumns.put(leading.getString(1), leading.getString(2));
            }
            assertThat(firstColumns).as("the hire table's indexes").containsValue("HIRE_ID")
                    .doesNotContainValue("STATUS");
        }
    }

    @Test
    void aJournalAlreadyAtThisVersionIsLeftAsItIs() throws SQLException {
        JournalSchema.bringUpToDate(journal);
        // were Flyway asked again, it would refuse this history: a checksum no migration file has
        execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = 1 WHERE \"version\" = '1'");

        JournalSchema.bringUpToDate(journal);

        assertThat(JournalSchema.appliedVersion(journal)).hasValue(JournalSchema.NEWEST_MIGRATION);
    }

    @Test
    void aJournalOneVersionBehindIsMigrated() {
        // the journal as the previous version left it
        Flyway.configure().dataSource(journal).locations(JournalSchema.LOCATION)
                .target(String.valueOf(JournalSchema.NEWEST_MIGRATION - 1)).load().migrate();
        assertThat(JournalSchema.appliedVersion(journal)).hasValue(JournalSchema.NEWEST_MIGRATION - 1);

        JournalSchema.bringUpToDate(journal);

        assertThat(JournalSchema.appliedVersion(journal)).hasValue(JournalSchema.NEWEST_MIGRATION);
    }

    @Test
    void aFailedMigrationIsNotCountedAsApplied() throws SQLException {
        JournalSchema.bringUpToDate(journal);
        execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '"
                + JournalSchema.NEWEST_MIGRATION + "'");

        assertThat(JournalSchema.appliedVersion(journal)).hasValue(JournalSchema.NEWEST_MIGRATION - 1);
    }

    @Test
    void aJournalThatCannotBeReachedSaysSo() {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:file:" + folder.resolve("none") + ";IFEXISTS=TRUE");

        assertThatExceptionOfType(JournalUnavailable.class).isThrownBy(() -> JournalSchema.bringUpToDate(missing))
                .withMessageContaining("could not be reached");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = journal.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
