package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.intake.FlatchrEventClassifier;
import io.github.flatchrlucca.tenants.TestTenants;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * V33 makes a marked hire the tenant's own only when its replay was checked against the tenant's companies: before
 * 995318b a cancelled hire was replayed without that check (found by the review of V33).
 */
class ReplayedHiresOfAnotherCompanyTest {

    private static final String EVENT = "{\"event\":\"drag_applicant\",\"company_id\":\"9999\",\"data\":{\"applicant\":"
            + "{\"id\":\"z7gWQnjXab\"},\"applicant_id\":\"7ab\",\"candidate\":{\"firstname\":\"Jane\",\"lastname\":"
            + "\"Roe\",\"email\":\"jane.roe@other.example\"},\"vacancy\":{\"id\":\"55\",\"title\":\"Welder\"},"
            + "\"column\":{\"hired\":true}}}";

    private final JdbcConnectionPool db = JdbcConnectionPool.create(
            "jdbc:h2:mem:review-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @AfterEach
    void close() {
        db.dispose();
    }

    /**
     * Before 995318b a CANCELLED hire of another company was replayed without any check of the tenant's companies.
     * acme never named 9999 here: the hire is another customer's. V33 still makes it acme's own.
     */
    @Test
    void aCancelledHireReplayedWithoutTheCheckOfItsCompanyStaysAnotherCompanys() throws Exception {
        Flyway.configure().dataSource(db).locations(JournalSchema.LOCATION).target("32").load().migrate();
        Instant now = Instant.parse("2026-12-05T09:00:00Z");
        Journal journal = new Journal(db, new MutableClock(now), Duration.ofMinutes(10), "instance-a");
        String hireId = Intakes.recordIntake(journal, EVENT, new FlatchrEventClassifier().classify(
                new ObjectMapper().readTree(EVENT), TestTenants.inForce(TestTenants.tenant("acme",
                        "acme-token-0123456789", "4242")).find("acme").orElseThrow()), "acme", Duration.ZERO).hireId();
        JournalReader reader = new JournalReader(db);
        assertThat(reader.find(hireId).orElseThrow().otherCompany()).isEqualTo("9999");
        assertThat(journal.cancel(hireId)).isTrue();
        // the old AdminApi.replay: a CANCELLED hire went to journal.replay unchecked, keys kept
        assertThat(journal.replay(hireId, EVENT, "https://acme.ilucca.net")).isTrue();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE hire SET status = 'DELIVERED', lucca_user_id = 416 WHERE hire_id = '" + hireId + "'");
        }

        JournalSchema.bringUpToDate(db);

        assertThat(reader.find(hireId).orElseThrow().otherCompany())
                .as("still another company's: acme never named 9999").isEqualTo("9999");
    }

    /** Replayed once its tenant named the company, then dead and cancelled before any Lucca call. */
    @Test
    void aRejectedHireReplayedOnceNamedThenCancelledBeforeAnyCallIsMadeOwn() throws Exception {
        Flyway.configure().dataSource(db).locations(JournalSchema.LOCATION).target("32").load().migrate();
        Journal journal = new Journal(db, new MutableClock(Instant.parse("2026-12-05T09:00:00Z")), Duration.ofMinutes(10),
                "instance-a");
        String hireId = Intakes.recordIntake(journal, EVENT, new FlatchrEventClassifier().classify(
                new ObjectMapper().readTree(EVENT), TestTenants.inForce(TestTenants.tenant("acme",
                        "acme-token-0123456789", "4242")).find("acme").orElseThrow()), "acme", Duration.ZERO).hireId();
        assertThat(journal.replay(hireId, EVENT, "https://acme.ilucca.net")).isTrue();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE hire SET status = 'DEAD' WHERE hire_id = '" + hireId + "'");
        }
        assertThat(journal.cancel(hireId)).isTrue();

        JournalSchema.bringUpToDate(db);

        assertThat(new JournalReader(db).find(hireId).orElseThrow().otherCompany()).isNull();
    }
}
