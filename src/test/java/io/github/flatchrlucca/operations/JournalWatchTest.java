package io.github.flatchrlucca.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.journal.Intakes;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalClock;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.TestJournal;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The readiness check "journal" tells what the journal answered when the timer last asked, and never asks itself; the
 * watch tells how far this instance's clock is off the journal's.
 */
class JournalWatchTest {

    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final JournalThatStops journal = new JournalThatStops(h2.dataSource());
    private final JournalWatch watch = watching(Clock.systemUTC(), new JournalClock(Clock.systemUTC()));
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
        JournalWatch ahead = watching(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(90)),
                new JournalClock(Clock.systemUTC()));
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

    @Test
    void theTimeTheConnectorReckonsWithIsTheJournalsWhateverThisMachinesClockSays() {
        Clock threeMinutesAhead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(3));
        JournalClock journalTime = new JournalClock(threeMinutesAhead);
        JournalWatch ahead = watching(threeMinutesAhead, journalTime);
        assertThat(Duration.between(Instant.now(), journalTime.instant())).as("before the first look: this machine's")
                .isCloseTo(Duration.ofMinutes(3), Duration.ofSeconds(1));

        ahead.look();

        // the embedded journal's time is the test's own clock
        assertThat(Duration.between(Instant.now(), journalTime.instant())).isCloseTo(Duration.ZERO,
                Duration.ofSeconds(1));
        assertThat(ahead.clockAheadSeconds()).as("still told: the log's times are this machine's")
                .isCloseTo(180, within(1.0));
    }

    /**
     * Two instances share the journal; the second's machine clock runs past the first's lease. Reckoned on its own
     * clock it took over the hire the first was delivering (a second create of the same person); on the journal's,
     * it waits for the lease to end.
     */
    @Test
    void anInstanceWhoseClockRunsAheadDoesNotTakeOverAHireAnotherIsDelivering() {
        Duration lease = Duration.ofMinutes(3);
        JournalClock onTime = new JournalClock(Clock.systemUTC());
        Journal delivering = new Journal(journal, onTime, lease, "instance-a");
        Clock aheadOfTheLease = Clock.offset(Clock.systemUTC(), lease.plusSeconds(5));
        JournalClock otherTime = new JournalClock(aheadOfTheLease);
        Journal other = new Journal(journal, otherTime, lease, "instance-b");
        watching(Clock.systemUTC(), onTime).look();
        watching(aheadOfTheLease, otherTime).look();
        String hireId = Intakes.recordIntake(delivering, "{}",
                new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", "1", List.of()), "acme", Duration.ZERO).hireId();

        assertThat(delivering.claim(hireId)).as("instance-a delivers it").isNotNull();

        assertThat(other.claim(hireId)).as("its lease has not ended on the journal's time").isNull();
    }

    /** A look that waited 4 s (for a pooled connection, a stalled database) measures the offset 2 s off at worst. */
    @Test
    void aLookThatWaitedLeavesTheTimeTheConnectorReckonsWithAsItWas() {
        int[] reads = {0};
        Clock waitingFourSecondsAtEachRead = reading(() -> Instant.now().plus(Duration.ofSeconds(4L * reads[0]++)));
        JournalClock journalTime = new JournalClock(Clock.systemUTC());

        watching(waitingFourSecondsAtEachRead, journalTime).look();

        assertThat(Duration.between(Instant.now(), journalTime.instant())).isCloseTo(Duration.ZERO,
                Duration.ofMillis(200));
    }

    /** A journal that always answers slowly (a distant PostgreSQL) is followed all the same, within the look's error. */
    @Test
    void aClockMinutesOffIsSetRightBySlowLooksToo() {
        int[] reads = {0};
        Duration ahead = Duration.ofMinutes(3);
        Clock threeMinutesAheadAndSlowToAnswer = reading(() -> Instant.now().plus(ahead)
                .plus(Duration.ofMillis(600L * reads[0]++)));
        JournalClock journalTime = new JournalClock(Clock.offset(Clock.systemUTC(), ahead));

        watching(threeMinutesAheadAndSlowToAnswer, journalTime).look();

        assertThat(Duration.between(Instant.now(), journalTime.instant())).isCloseTo(Duration.ZERO,
                Duration.ofSeconds(1));
    }

    @Test
    void aClockHoveringAtTheLimitIsToldOnceAndBackInStepOnlyWellUnderIt() {
        Duration[] ahead = {Duration.ZERO};
        Clock drifting = reading(() -> Instant.now().plus(ahead[0]));
        JournalWatch hovering = watching(drifting, new JournalClock(drifting));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(JournalWatch.class);
        logger.addAppender(log);
        try {
            for (int seconds : new int[] {6, 4, 6, 4, 6}) {
                ahead[0] = Duration.ofSeconds(seconds);
                hovering.look();
            }
            assertThat(log.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("ms ahead of the journal's");
            });
            ahead[0] = Duration.ofSeconds(1);
            hovering.look();
            assertThat(log.list).hasSize(2).last().extracting(ILoggingEvent::getLevel).isEqualTo(Level.INFO);
        } finally {
            logger.detachAppender(log);
        }
    }

    /** A machine's clock that reads {@code now}: one moving as the test says. */
    private static Clock reading(Supplier<Instant> now) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    private JournalWatch watching(Clock machine, JournalClock journalTime) {
        return new JournalWatch(new JournalReader(journal), machine, journalTime);
    }
}
