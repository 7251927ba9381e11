package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flatchrlucca.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which instances sharing the journal are up: an instance starting alone knows the connector was down. */
class InstancesTest {

    private static final Duration UP_WITHIN = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private final JdbcConnectionPool pool = JdbcConnectionPool.create(
            "jdbc:h2:mem:instances-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final Instances one = migrated(new Instances(pool, clock, "instance-a"));
    private final Instances other = new Instances(pool, clock, "instance-b");

    @AfterEach
    void close() {
        pool.dispose();
    }

    @Test
    void anInstanceAloneSeesNoOtherAndNeverCountsItself() {
        one.seen();

        assertThat(one.othersSeenWithin(UP_WITHIN)).isFalse();
        assertThat(other.othersSeenWithin(UP_WITHIN)).isTrue();
    }

    @Test
    void anInstanceNotSeenForAWhileIsDown() {
        one.seen();
        clock.advance(UP_WITHIN.plusSeconds(1));

        assertThat(other.othersSeenWithin(UP_WITHIN)).isFalse();
        one.seen();
        assertThat(other.othersSeenWithin(UP_WITHIN)).as("seen again").isTrue();
    }

    @Test
    void anInstanceThatSaysItIsGoneIsDownAtOnce() {
        one.seen();
        one.gone();

        assertThat(other.othersSeenWithin(UP_WITHIN)).isFalse();
    }

    @Test
    void anInstanceKilledWithoutAWordIsForgottenAfterADay() throws Exception {
        one.seen();
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        other.seen();

        try (var connection = pool.getConnection(); var rows = connection.createStatement()
                .executeQuery("SELECT instance_id FROM connector_instance")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("instance-b");
            assertThat(rows.next()).isFalse();
        }
    }

    private <T> T migrated(T store) {
        Flyway.configure().dataSource(pool).locations("classpath:db/journal").load().migrate();
        return store;
    }
}
