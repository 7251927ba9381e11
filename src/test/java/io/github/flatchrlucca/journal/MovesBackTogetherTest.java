package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.intake.HireVerdict;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances sharing a PostgreSQL journal (READ COMMITTED) move back into hired, at once, two withdrawn hires of
 * one application: the webhook's, on one, and a search's, on the other.
 */
class MovesBackTogetherTest {

    private static final String TENANT = "acme";
    private static final String PAYLOAD = "{\"event\":\"drag_applicant\",\"company_id\":4242}";
    private static final String HOW = "by Marie Curie, to Refused";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private EmbeddedPostgres server;
    private HikariDataSource one;
    private HikariDataSource other;

    @BeforeEach
    void start() throws Exception {
        server = EmbeddedPostgres.builder().start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE journal");
        }
        one = pool();
        other = pool();
        JournalSchema.bringUpToDate(one);
    }

    @AfterEach
    void stop() throws Exception {
        one.close();
        other.close();
        server.close();
    }

    /**
     * The webhook's hire learnt Flatchr's id of the application; a search recorded it by that id under the e-mail
     * corrected since, which the recruiter corrected once more before the move back. Each move back, held in its
     * transaction until both are under way, looks whether another hire of the application stands.
     */
    @Test
    void ofTwoHiresOfOneApplicationMovedBackAtOnceOneIsQueued() throws Exception {
        Journal webhooks = new Journal(one, clock, Duration.ofMinutes(10), "instance-a");
        Journal searches = new Journal(other, clock, Duration.ofMinutes(10), "instance-b");
        String webhook = Intakes.recordIntake(webhooks, PAYLOAD, hire(sameApplication("1")), TENANT, Duration.ZERO)
                .hireId();
        String found = searches.record(PAYLOAD, TENANT, Origin.FLATCHR_API, "4242:z7gW", sameApplication("1b"),
                "z7gW", null, List.of(), Duration.ZERO, clock.instant()).hireId();
        new WriteBacks(one, clock, Duration.ofMinutes(10), "instance-a").applicantFound(webhook, "z7gW");
        clock.advance(Duration.ofMinutes(1));
        Intakes.movedOutOfHired(webhooks, TENANT, movedOut("1", sameApplication("1")), HOW);
        Intakes.movedOutOfHired(webhooks, TENANT, movedOut("z7gW", sameApplication("1b")), HOW);
        clock.advance(Duration.ofMinutes(1));
        Instant asked = clock.instant();
        WithdrawnHire withdrawn = searches.withdrawnHires(TENANT).stream()
                .filter(hire -> hire.hireId().equals(found)).findFirst().orElseThrow();
        clock.advance(Duration.ofMinutes(1));

        try (Connection holder = server.getDatabase("postgres", "journal").getConnection();
             Statement statement = holder.createStatement()) {
            // each move back writes its hire's history last: held there, with its hire changed and not committed
            holder.setAutoCommit(false);
            statement.execute("LOCK TABLE hire_event IN SHARE MODE");
            CompletableFuture<IntakeResult> byWebhook = CompletableFuture.supplyAsync(() -> Intakes.recordIntake(
                    webhooks, PAYLOAD, hire(sameApplication("1c")), TENANT, Duration.ZERO));
            waitingForLocks(1);
            CompletableFuture<Boolean> bySearch = CompletableFuture.supplyAsync(() ->
                    searches.movedBackIntoHiredSeenInFlatchr(withdrawn, asked.minusSeconds(30), Duration.ZERO, asked,
                            asked, new CurrentEvent("{}", sameApplication("1b"), null)));
            waitingForLocks(2);
            holder.commit();
            byWebhook.get(30, TimeUnit.SECONDS);
            bySearch.get(30, TimeUnit.SECONDS);
        }

        JournalReader reader = new JournalReader(one);
        assertThat(List.of(reader.find(webhook).orElseThrow().status(), reader.find(found).orElseThrow().status()))
                .as("two would make two accounts in Lucca").containsOnlyOnce(HireStatus.RECEIVED)
                .containsOnlyOnce(HireStatus.WITHDRAWN);
    }

    /** Until {@code count} transactions of the journal wait for a lock. */
    private void waitingForLocks(int count) throws SQLException {
        try (Connection connection = server.getDatabase("postgres", "journal").getConnection();
             Statement statement = connection.createStatement()) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < until) {
                try (ResultSet waiting = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE "
                        + "datname = 'journal' AND wait_event_type = 'Lock'")) {
                    waiting.next();
                    if (waiting.getInt(1) >= count) {
                        return;
                    }
                }
            }
            throw new AssertionError(count + " transaction(s) never waited for a lock");
        }
    }

    private HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(server.getJdbcUrl("postgres", "journal"));
        pool.setUsername("postgres");
        pool.setPassword("postgres");
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        pool.setMaximumPoolSize(2);
        return pool;
    }

    private static HireVerdict hire(String sameApplication) {
        return new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", "1", List.of(), sameApplication);
    }

    private static HireVerdict movedOut(String applicantId, String sameApplication) {
        return new HireVerdict(HireVerdict.Kind.MOVED_OUT, HOW, "4242", applicantId, List.of(), sameApplication, null);
    }

    private static String sameApplication(String applicantId) {
        return "person-" + applicantId + "@example.org|5";
    }
}
