package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import io.github.flatchrlucca.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import javax.sql.DataSource;
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
        assertThat(JournalSchema.NEWEST_MIGRATION).isEqualTo(migrations().last());
    }

    /** The migrations' versions, as their files say: numbers may be left out (each fix of a session takes its own). */
    private static java.util.SortedSet<Integer> migrations() throws java.io.IOException {
        java.util.SortedSet<Integer> versions = new java.util.TreeSet<>();
        for (Path folder : new Path[] {Path.of("src/main/resources/db/journal"), Path.of("src/main/java/db/journal")}) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(file -> file.getFileName().toString())
                        .forEach(name -> versions.add(Integer.parseInt(name.substring(1, name.indexOf("__")))));
            }
        }
        return versions;
    }

    /** The migration before the newest: the version the previous release left a journal at. */
    private static int previousMigration() throws java.io.IOException {
        return migrations().headSet(JournalSchema.NEWEST_MIGRATION).last();
    }

    @Test
    void aNewJournalHasNoVersionAndIsMigratedToTheNewest() {
        assertThat(JournalSchema.appliedVersion(journal)).isEmpty();

        JournalSchema.bringUpToDate(journal);

        assertThat(JournalSchema.appliedVersion(journal)).hasValue(JournalSchema.NEWEST_MIGRATION);
    }

    @Test
    void onANewJournalEveryStatementNamingAHireByItsIdFindsItByItsKey() throws SQLException {
        JournalSchema.bringUpToDate(journal);
        List<String> statements = statementsNamingAHire();
        assertThat(statements).as("the claim among them").anyMatch(sql -> sql.contains("attempts = attempts + 1"));

        // H2 keeps the plan a statement got when first prepared: on a new (empty) journal a claim "WHERE hire_id = ?
        // AND status IN (...) AND next_attempt_at <= ?" went through an index of (status, next_attempt_at), and read
        // every queued hire at each claim once the journal filled (V13)
        try (Connection connection = journal.getConnection()) {
            for (String sql : statements) {
                assertThat(firstIndex(connection, sql)).as(sql).startsWith("PUBLIC.PRIMARY_KEY");
            }
        }
    }

    /** The statements naming a hire by its id that a delivery, an operator, a move out and retention prepare. */
    private static List<String> statementsNamingAHire() {
        Set<String> prepared = new LinkedHashSet<>();
        try (TestJournal other = TestJournal.inMemory()) {
            DataSource watched = WatchedStatements.of(other.dataSource(), prepared::add);
            MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
            Journal journal = new Journal(watched, clock, Duration.ofMinutes(5), "instance-a");
            String delivered = hire(journal, "1");
            journal.claim(delivered);
            new RateLimitStore(watched).takeOrWait("lucca", 10, Duration.ofMinutes(1), clock.instant(),
                    journal.stillHolding(delivered));
            journal.markCreateAttempted(delivered, "{}", "lucca");
            journal.markCreateRefused(delivered);
            journal.recordLuccaUser(delivered, 416, "lucca");
            journal.markDelivered(delivered, 416, List.of());
            journal.movedOutOfHired("acme", "4242:1", null, null, "by Marie Curie, to Refused");
            journal.decided(delivered, null, "kept");
            String dead = hire(journal, "2");
            journal.claim(dead);
            journal.retryLater(dead, clock.instant(), new EventDetail("create-user", 503, null, "down"));
            journal.deliverNow(dead);
            journal.claim(dead);
            journal.handBack(dead, new EventDetail(null, null, null, "tenant left"), false, null);
            journal.claim(dead);
            journal.markDead(dead, new EventDetail("create-user", 400, null, "refused"));
            journal.replay(dead, "{}", "lucca");
            journal.cancel(dead);
            String dry = hire(journal, "3");
            journal.claim(dry);
            journal.markDryRun(dry, "{}", List.of());
            String found = hire(journal, "4");
            journal.claim(found);
            journal.markAlreadyInLucca(found, 417, List.of());
            String withdrawn = hire(journal, "5");
            journal.movedOutOfHired("acme", "4242:5", null, null, "by Marie Curie, to Refused");
            hire(journal, "5");
            journal.claim(withdrawn);
            journal.releaseClaim(withdrawn);
            WriteBacks writeBacks = new WriteBacks(watched, clock, Duration.ofMinutes(5), "instance-a");
            ClaimedWriteBacks.claimDue(writeBacks, "acme", 10).forEach(hire -> {
                writeBacks.renewClaim(hire.hireId());
                writeBacks.applicantFound(hire.hireId(), "applicant");
                writeBacks.written(hire.hireId(), "Lucca: written");
            });
            clock.advance(Duration.ofDays(100));
            journal.erasePersonalData(clock.instant(), clock.instant(), List.of());
        }
        return prepared.stream().filter(sql -> sql.contains("FROM hire WHERE hire_id")
                || sql.startsWith("UPDATE hire SET") && sql.contains("WHERE hire_id")).toList();
    }

    private static String hire(Journal journal, String applicantId) {
        return journal.recordIntake("{}", "acme", "4242:" + applicantId, null, null, null, Duration.ZERO).hireId();
    }

    /** The index H2 reads the statement's first table through, planned now as it would be if prepared now. */
    private static String firstIndex(Connection connection, String sql) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            for (int parameter = 1; parameter <= explain.getParameterMetaData().getParameterCount(); parameter++) {
                explain.setString(parameter, "0");
            }
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                String text = plan.getString(1);
                int index = text.indexOf("/* ") + 3;
                return text.substring(index, text.indexOf(" */", index));
            }
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
    void aJournalOneVersionBehindIsMigrated() throws Exception {
        // the journal as the previous version left it
        Flyway.configure().dataSource(journal).locations(JournalSchema.LOCATION)
                .target(String.valueOf(previousMigration())).load().migrate();
        assertThat(JournalSchema.appliedVersion(journal)).hasValue(previousMigration());

        JournalSchema.bringUpToDate(journal);

        assertThat(JournalSchema.appliedVersion(journal)).hasValue(JournalSchema.NEWEST_MIGRATION);
    }

    @Test
    void theEventsOfHiresRecordedBeforeV23AreReadWholeAfterIt() throws Exception {
        // the journal as the versions before V23 left it, the event in the hire's row
        Flyway.configure().dataSource(journal).locations(JournalSchema.LOCATION)
                .target(String.valueOf(migrations().headSet(23).last())).load().migrate();
        Instant now = Instant.parse("2026-12-05T09:00:00Z");
        String event = "{\"data\":{\"vacancy\":{\"description\":\"" + "Équipe 🚀 ".repeat(50_000) + "\"}}}";
        recordAsBefore("large", event, 0, now, now);
        recordAsBefore("small", "{}", 0, now, now);

        JournalSchema.bringUpToDate(journal);

        Journal after = new Journal(journal, new MutableClock(now), Duration.ofMinutes(10), "instance-a");
        assertThat(after.claim("large").payload()).isEqualTo(event);
        assertThat(after.claim("small").payload()).isEqualTo("{}");
    }

    @Test
    void aHireHeldBeforeV27WaitsFromTheEndOfItsHoldAfterIt() throws Exception {
        Flyway.configure().dataSource(journal).locations(JournalSchema.LOCATION)
                .target(String.valueOf(migrations().headSet(27).last())).load().migrate();
        Instant arrival = Instant.parse("2026-12-05T09:00:00Z");
        Instant holdEnd = arrival.plus(Duration.ofHours(2));
        recordAsBefore("held", "{}", 0, arrival, holdEnd);
        // tried already: the end of its hold was not kept, and its wait counts from its arrival
        recordAsBefore("tried", "{}", 1, arrival, holdEnd.plus(Duration.ofMinutes(5)));

        JournalSchema.bringUpToDate(journal);

        JournalReader reader = new JournalReader(journal);
        assertThat(reader.find("held").orElseThrow().waitingSince()).isEqualTo(holdEnd);
        assertThat(reader.find("tried").orElseThrow().waitingSince()).isEqualTo(arrival);
    }

    /**
     * Hires recorded before V31 kept no plain id beside their key by Flatchr's encoded one: V32 gives them the one their
     * event carries (an int or a string), so that a move out naming the plain id only finds them. More than one of its
     * pages of hires, so that none past the first is left out.
     */
    @Test
    void theHiresRecordedBeforeV31KeepThePlainIdTheirEventCarriesAfterV32() throws Exception {
        Flyway.configure().dataSource(journal).locations(JournalSchema.LOCATION)
                .target(String.valueOf(migrations().headSet(32).last())).load().migrate();
        Instant now = Instant.parse("2026-12-05T09:00:00Z");
        String event = "{\"company_id\":4242,\"data\":{\"applicant\":{\"id\":\"G6KzqPkNZ0n3%04d\"},"
                + "\"applicant_id\":%s}}";
        for (int page = 0; page <= db.journal.V32__Plain_ids_of_earlier_hires.PAGE; page++) {
            recordAsBefore("earlier-" + page, event.formatted(page, 100_000 + page), 0, now, now);
            execute("UPDATE hire SET dedupe_key = 'acme:4242:G6KzqPkNZ0n3%04d' WHERE hire_id = 'earlier-%d'"
                    .formatted(page, page));
        }
        event = event.formatted(9999, "%s");
        recordAsBefore("last", event.formatted("\"1234\""), 0, now, now);
        recordAsBefore("plain", "{\"data\":{\"applicant\":{\"id\":77},\"applicant_id\":\"77\"}}", 0, now, now);
        recordAsBefore("other", event.formatted(88), 0, now, now);
        recordAsBefore("found", event.formatted(99), 0, now, now);
        recordAsBefore("erased", event.formatted(66), 0, now, now);
        execute("UPDATE hire SET dedupe_key = 'acme:4242:G6KzqPkNZ0n39999' WHERE hire_id = 'last'");
        execute("UPDATE hire SET dedupe_key = 'acme:4242:77' WHERE hire_id = 'plain'");
        execute("UPDATE hire SET dedupe_key = 'acme:other-company:4242:G6KzqPkNZ0n39999' WHERE hire_id = 'other'");
        execute("UPDATE hire SET dedupe_key = 'acme:4242:found', origin = 'flatchr-api' WHERE hire_id = 'found'");
        execute("UPDATE hire SET dedupe_key = 'acme:4242:erased', erased_at = received_at WHERE hire_id = 'erased'");

        JournalSchema.bringUpToDate(journal);

        assertThat(plainKey("earlier-0")).isEqualTo("acme:4242:100000");
        assertThat(plainKey("earlier-" + db.journal.V32__Plain_ids_of_earlier_hires.PAGE))
                .isEqualTo("acme:4242:" + (100_000 + db.journal.V32__Plain_ids_of_earlier_hires.PAGE));
        assertThat(plainKey("last")).as("on the second page").isEqualTo("acme:4242:1234");
        assertThat(plainKey("plain")).as("keyed by it already").isNull();
        assertThat(plainKey("other")).as("another company's: never the tenant's").isNull();
        assertThat(plainKey("found")).as("a search's: keyed by Flatchr's API's id").isNull();
        assertThat(plainKey("erased")).as("nothing left to deliver").isNull();
        Journal after = new Journal(journal, new MutableClock(now), Duration.ofMinutes(10), "instance-a");
        assertThat(after.movedOutOfHired("acme", "4242:1234", null, null, "to Refused"))
                .containsExactly(new MoveOut("last", MoveOut.Outcome.WITHDRAWN));
    }

    /**
     * Hires of another company an operator replayed before V33 (allowed once the tenant named that company) kept the
     * mark: delivered, never written back, and the same webhook sent again was a second hire. V33 gives each hire a
     * replay finished or queued the keys the intake gives that webhook today, so that it is its duplicate. Not a hire
     * never replayed (rejected, or closed by a cancel before any Lucca call: the tenant may still not name its
     * company), one whose key another hire holds (the application's hire), nor one whose event retention erased.
     */
    @Test
    void theHiresOfAnotherCompanyReplayedBeforeV33AreTheTenantsOwnAfterIt() throws Exception {
        Flyway.configure().dataSource(journal).locations(JournalSchema.LOCATION)
                .target(String.valueOf(migrations().headSet(33).last())).load().migrate();
        Instant now = Instant.parse("2026-12-05T09:00:00Z");
        for (String hire : List.of("delivered", "queued", "made", "cancelled", "rejected", "held", "erased")) {
            recordAsBefore(hire, otherCompanys(hire), 0, now, now);
            execute("UPDATE hire SET dedupe_key = 'acme:other-company:9999:z7gWQnjX" + hire + "' WHERE hire_id = '"
                    + hire + "'");
        }
        execute("UPDATE hire SET status = 'DELIVERED', lucca_user_id = 416 WHERE hire_id IN ('delivered', 'held')");
        execute("UPDATE hire SET status = 'RETRYING', attempts = 1 WHERE hire_id = 'queued'");
        execute("UPDATE hire SET status = 'CANCELLED', lucca_user_id = 417 WHERE hire_id = 'made'");
        execute("UPDATE hire SET status = 'CANCELLED' WHERE hire_id = 'cancelled'");
        execute("UPDATE hire SET status = 'REJECTED' WHERE hire_id = 'rejected'");
        execute("UPDATE hire SET status = 'DELIVERED', payload = NULL, erased_at = received_at WHERE hire_id = "
                + "'erased'");
        recordAsBefore("since", otherCompanys("held"), 0, now, now);
        execute("UPDATE hire SET dedupe_key = 'acme:9999:z7gWQnjXheld' WHERE hire_id = 'since'");
        for (int page = 0; page <= db.journal.V33__Replayed_hires_of_another_company.PAGE; page++) {
            recordAsBefore("page-" + page, otherCompanys("p" + page), 0, now, now);
            execute("UPDATE hire SET status = 'DELIVERED', dedupe_key = 'acme:other-company:9999:z7gWQnjXp" + page
                    + "' WHERE hire_id = 'page-" + page + "'");
        }

        JournalSchema.bringUpToDate(journal);

        Journal after = new Journal(journal, new MutableClock(now), Duration.ofMinutes(10), "instance-a");
        for (String hire : List.of("delivered", "queued", "made", "page-0",
                "page-" + db.journal.V33__Replayed_hires_of_another_company.PAGE)) {
            String suffix = hire.startsWith("page-") ? "p" + hire.substring(5) : hire;
            assertThat(keys(hire)).as(hire).containsExactly("acme:9999:z7gWQnjX" + suffix, "acme:9999:7" + suffix,
                    ApplicationKey.of("acme", "jane.roe." + suffix + "@acme2.example|55"));
            assertThat(Intakes.recordIntake(after, otherCompanys(suffix), new io.github.flatchrlucca.intake
                    .FlatchrEventClassifier().classify(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    otherCompanys(suffix)), new io.github.flatchrlucca.intake.AnyCompanyRules("acme", Duration.ZERO)),
                    "acme", Duration.ZERO)).as(hire).isEqualTo(new IntakeResult(hire, IntakeResult.Outcome.DUPLICATE));
        }
        for (String hire : List.of("cancelled", "rejected", "held", "erased")) {
            assertThat(keys(hire)).as(hire).containsExactly("acme:other-company:9999:z7gWQnjX" + hire, null, null);
        }
        assertThat(column("delivered", "writeback_status")).as("its outcome, long known, is not written now").isNull();
    }

    /** The event of a hire Flatchr company 9999 sent to acme's URL, one application a suffix. */
    private static String otherCompanys(String suffix) {
        return ("{\"event\":\"drag_applicant\",\"company_id\":\"9999\",\"data\":{\"applicant\":{\"id\":"
                + "\"z7gWQnjX%1$s\"},\"applicant_id\":\"7%1$s\",\"candidate\":{\"firstname\":\"Jane\",\"lastname\":"
                + "\"Roe\",\"email\":\"jane.roe.%1$s@acme2.example\"},\"vacancy\":{\"id\":\"55\",\"title\":"
                + "\"Welder\"},\"column\":{\"hired\":true}}}").formatted(suffix);
    }

    /** The hire's key, its key by Flatchr's plain id, and its e-mail-and-vacancy key. */
    private List<String> keys(String hireId) throws SQLException {
        return java.util.Arrays.asList(column(hireId, "dedupe_key"), column(hireId, "plain_dedupe_key"),
                column(hireId, "match_key"));
    }

    private String column(String hireId, String column) throws SQLException {
        try (Connection connection = journal.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT " + column + " FROM hire WHERE hire_id = ?")) {
            select.setString(1, hireId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private String plainKey(String hireId) throws SQLException {
        try (Connection connection = journal.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT plain_dedupe_key FROM hire WHERE hire_id = ?")) {
            select.setString(1, hireId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    @Test
    void aFailedMigrationIsNotCountedAsApplied() throws Exception {
        JournalSchema.bringUpToDate(journal);
        execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '"
                + JournalSchema.NEWEST_MIGRATION + "'");

        assertThat(JournalSchema.appliedVersion(journal)).hasValue(previousMigration());
    }

    @Test
    void aJournalThatCannotBeReachedSaysSo() {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:file:" + folder.resolve("none") + ";IFEXISTS=TRUE");

        assertThatExceptionOfType(JournalUnavailable.class).isThrownBy(() -> JournalSchema.bringUpToDate(missing))
                .withMessageContaining("could not be reached");
    }

    @Test
    void aJournalStillOpeningIsWaitedForWithinThePatienceOfAStart() {
        TimingOut opening = new TimingOut(journal, 2, null);

        assertThat(JournalSchema.appliedVersion(opening.source(), Duration.ofMinutes(1))).isEmpty();
        assertThat(opening.asked).as("two time-outs, then the connection").isEqualTo(3);
    }

    @Test
    void aJournalStillOpeningPastThePatienceOfAStartStopsIt() {
        TimingOut opening = new TimingOut(journal, 5, null);

        assertThatExceptionOfType(JournalUnavailable.class)
                .isThrownBy(() -> JournalSchema.appliedVersion(opening.source(), Duration.ZERO))
                .withMessageContaining("could not be reached");
        assertThat(opening.asked).isEqualTo(1);
    }

    @Test
    void aTimeOutWithAFailureBehindItIsADatabaseDownNotOneOpening() {
        TimingOut refused = new TimingOut(journal, 5, new SQLException("Connection refused"));

        assertThatExceptionOfType(JournalUnavailable.class)
                .isThrownBy(() -> JournalSchema.appliedVersion(refused.source(), Duration.ofMinutes(1)))
                .withMessageContaining("could not be reached");
        assertThat(refused.asked).isEqualTo(1);
    }

    /** A pool's answers: a time-out (HikariCP's, with its last failure as the cause, if any) a few times, then the journal. */
    private static final class TimingOut {
        private final DataSource journal;
        private final SQLException failure;
        private int timeOuts;
        int asked;

        TimingOut(DataSource journal, int timeOuts, SQLException failure) {
            this.journal = journal;
            this.timeOuts = timeOuts;
            this.failure = failure;
        }

        DataSource source() {
            return (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                        if (!method.getName().equals("getConnection") || method.getParameterCount() != 0) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        asked++;
                        if (timeOuts-- > 0) {
                            throw new java.sql.SQLTransientConnectionException("journal - Connection is not "
                                    + "available, request timed out after 3000ms", null, failure);
                        }
                        return journal.getConnection();
                    });
        }
    }

    /** A queued hire of tenant acme, written as an earlier version wrote one (today's Journal writes today's columns). */
    private void recordAsBefore(String hireId, String event, int attempts, Instant queuedAt, Instant nextAttemptAt)
            throws SQLException {
        try (Connection connection = journal.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO hire (hire_id, tenant, dedupe_key, origin, status, payload, received_at, queued_at, "
                + "updated_at, attempts, next_attempt_at) VALUES (?, 'acme', ?, 'webhook', ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, hireId);
            insert.setString(2, "acme:4242:" + hireId);
            insert.setString(3, attempts == 0 ? "RECEIVED" : "RETRYING");
            insert.setString(4, event);
            insert.setObject(5, Jdbc.at(queuedAt));
            insert.setObject(6, Jdbc.at(queuedAt));
            insert.setObject(7, Jdbc.at(queuedAt));
            insert.setInt(8, attempts);
            insert.setObject(9, Jdbc.at(nextAttemptAt));
            insert.executeUpdate();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = journal.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
