package io.github.flatchrlucca.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.TestJournal;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The readiness check "journal" tells what the journal answered when the timer last asked, and never asks itself; the
 * watch tells how far this instance's clock is off the journal's.
 */
class JournalWatchTest {

    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final JournalThatStops journal = new JournalThatStops(h2.dataSource());
    private final JournalWatch watch = new JournalWatch(new JournalReader(journal), Clock.systemUTC());
    private final ReadinessCheck check = new ReadinessCheck("journal", watch::answers, JournalWatch.DOWN);

    JournalWatchTest() {
        check.setCamelContext(new DefaultCamelContext());
    }

    @Test
    void aHealthRequestIsAnsweredFromTheLastLookWithoutAskingTheJournal() {
        watch.look();
        assertThat(journal.askedSinceLastTime()).as("the timer's look").isEqualTo(1);
        journal.stop();

        HealthCheck.Result stillUp = check.call();

        assertThat(stillUp.getState()).as("as last seen").isEqualTo(HealthCheck.State.UP);
        assertThat(journal.askedSinceLastTime()).as("a journal that is down answers after 3 s: never waited for on the "
                + "request's path").isZero();
    }

    @Test
    void downWithItsMessageOnceTheJournalStopsAnsweringAndUpOnceItAnswersAgain() {
        watch.look();
        journal.stop();

        watch.look();
        HealthCheck.Result down = check.call();
        journal.start();
        watch.look();
        HealthCheck.Result back = check.call();

        assertThat(check.getId()).isEqualTo("journal");
        assertThat(check.isLiveness()).as("restarting does not bring a database back").isFalse();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValue(JournalWatch.DOWN);
        assertThat(back.getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void howFarThisInstancesClockIsAheadOfTheJournalsIsReadAtEachLook() {
        JournalWatch ahead = new JournalWatch(new JournalReader(journal), Clock.offset(Clock.systemUTC(),
                Duration.ofSeconds(90)));
        assertThat(ahead.clockAheadSeconds()).as("before the first look").isNaN();

        ahead.look();
        watch.look();

        assertThat(ahead.clockAheadSeconds()).isCloseTo(90, within(1.0));
        assertThat(watch.clockAheadSeconds()).as("the same clock as the embedded journal's").isCloseTo(0, within(1.0));
        journal.stop();
        ahead.look();
        assertThat(ahead.answers()).isFalse();
        assertThat(ahead.clockAheadSeconds()).as("as last read").isCloseTo(90, within(1.0));
        journal.start();
    }
}
