package io.github.flatchrlucca.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.journal.Intakes;
import io.github.flatchrlucca.journal.Instances;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.Reconciliations;
import io.github.flatchrlucca.journal.TestJournal;
import io.github.flatchrlucca.journal.WriteBacks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.event.CamelContextStoppedEvent;
import org.apache.camel.impl.event.CamelContextStoppingEvent;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GracefulStopTest {

    private static final CamelContext CAMEL = new DefaultCamelContext();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final DataSource pool = h2.dataSource();
    private final Journal journal = new Journal(pool, clock, Duration.ofMinutes(3), "instance-a");
    private final Journal otherInstance = new Journal(pool, clock, Duration.ofMinutes(3), "instance-b");
    private final List<String> closed = new ArrayList<>();
    private final Instances instances = new Instances(pool, clock, "instance-a");
    private final Instances otherInstances = new Instances(pool, clock, "instance-b");
    private final WriteBacks writeBacks = new WriteBacks(pool, clock, Duration.ofMinutes(5), "instance-a");
    private final WriteBacks otherWriteBacks = new WriteBacks(pool, clock, Duration.ofMinutes(5), "instance-b");
    private final Reconciliations searches = new Reconciliations(pool, clock, Duration.ofMinutes(5), "instance-a");
    private final Reconciliations otherSearches = new Reconciliations(pool, clock, Duration.ofMinutes(5),
            "instance-b");
    private final GracefulStop stop = new GracefulStop(journal, writeBacks, searches, instances, Duration.ZERO,
            () -> closed.add("journal connections"));
    private final AbstractHealthCheck readiness = stop.readiness();

    @Test
    void aRunningInstanceIsReady() {
        assertThat(readiness()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aStoppingInstanceIsNotReadyAndTakesNoNewHire() throws Exception {
        String waiting = hire("1");

        stop.notify(new CamelContextStoppingEvent(CAMEL));

        assertThat(readiness()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(journal.claim(waiting)).isNull();
        assertThat(otherInstance.claim(waiting)).as("another instance takes it").isNotNull();
    }

    @Test
    void onceStoppedItGivesBackWhatItStillHoldsAndOnlyThat() throws Exception {
        String held = hire("1");
        String heldByTheOther = hire("2");
        journal.claim(held);
        otherInstance.claim(heldByTheOther);

        stop.notify(new CamelContextStoppingEvent(CAMEL));
        stop.notify(new CamelContextStoppedEvent(CAMEL));

        assertThat(otherInstance.dueHireIds("acme", 10)).containsExactly(held);
    }

    @Test
    void onceStoppedItGivesBackTheWriteBacksAndSearchesItStillHoldsAndOnlyThose() throws Exception {
        String held = delivered("1");
        String heldByTheOther = delivered("2");
        writeBacks.claim(held);
        otherWriteBacks.claim(heldByTheOther);
        searches.claim("acme", true).orElseThrow();
        otherSearches.claim("globex", true).orElseThrow();

        stop.notify(new CamelContextStoppingEvent(CAMEL));
        stop.notify(new CamelContextStoppedEvent(CAMEL));

        assertThat(otherWriteBacks.dueHireIds("acme", 10)).as("written by another instance at once")
                .containsExactly(held);
        assertThat(otherSearches.claim("acme", true)).as("searched by another instance at once").isPresent();
        assertThat(searches.claim("globex", true)).as("the other instance's search").isEmpty();
    }

    @Test
    void aHireWhoseCreateMayStillBeOnItsWayWhenTheStopTimesOutIsLeftToItsLease() throws Exception {
        String creating = hire("1");
        journal.claim(creating);
        journal.markCreateAttempted(creating, "{\"login\":\"jdupont\"}", "https://acme.ilucca.net");

        stop.notify(new CamelContextStoppingEvent(CAMEL));
        stop.notify(new CamelContextStoppedEvent(CAMEL));

        assertThat(otherInstance.dueHireIds("acme", 10)).as("its create may land after another's look-up").isEmpty();
        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertThat(otherInstance.dueHireIds("acme", 10)).containsExactly(creating);
    }

    @Test
    void onceStoppedItSaysItIsGoneSoThatAnInstanceStartedNextKnowsTheConnectorWasDown() throws Exception {
        instances.seen();
        assertThat(otherInstances.othersSeenWithin(Duration.ofSeconds(30))).isTrue();

        stop.notify(new CamelContextStoppingEvent(CAMEL));
        stop.notify(new CamelContextStoppedEvent(CAMEL));

        assertThat(otherInstances.othersSeenWithin(Duration.ofSeconds(30))).isFalse();
    }

    @Test
    void theJournalsConnectionsAreClosedOnlyOnceTheContextHasStopped() throws Exception {
        stop.notify(new CamelContextStoppingEvent(CAMEL));
        assertThat(closed).as("deliveries still finishing need the journal").isEmpty();

        stop.notify(new CamelContextStoppedEvent(CAMEL));

        assertThat(closed).containsExactly("journal connections");
    }

    /** A hire delivered by another instance, with its outcome to write back to Flatchr. */
    private String delivered(String applicantId) {
        String hireId = hire(applicantId);
        otherInstance.claim(hireId);
        otherInstance.markDelivered(hireId, 416, List.of());
        return hireId;
    }

    private HealthCheck.State readiness() {
        readiness.setCamelContext(CAMEL);
        return readiness.call().getState();
    }

    private String hire(String applicantId) {
        return Intakes.recordIntake(journal, "{}", new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", applicantId, List.of()),
                "acme", Duration.ZERO).hireId();
    }
}
