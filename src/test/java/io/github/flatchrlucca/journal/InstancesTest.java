package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flatchrlucca.MutableClock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which instances sharing the journal are up: an instance starting alone knows the connector was down. */
class InstancesTest {

    private static final Duration UP_WITHIN = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final DataSource pool = h2.dataSource();
    private final Instances one = new Instances(pool, clock, "instance-a");
    private final Instances other = new Instances(pool, clock, "instance-b");

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
    void aProcessRestartedOnTheEmbeddedJournalSecondsAfterACrashFindsTheConnectorWasDown() {
        one.seen();
        // killed: it never said it was gone; systemd starts the next process five seconds later
        clock.advance(Duration.ofSeconds(5));
        Instances restarted = new Instances(pool, clock, "instance-c");
        assertThat(restarted.othersSeenWithin(UP_WITHIN)).as("the crashed process looks up").isTrue();

        restarted.forgetOthers();
        restarted.seen();

        assertThat(restarted.othersSeenWithin(UP_WITHIN)).isFalse();
        assertThat(one.othersSeenWithin(UP_WITHIN)).as("its own row kept").isTrue();
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
}
