package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The journal's time: this machine's, moved by the offset last measured, unless that moved by a query's jitter only. */
class JournalClockTest {

    private static final Instant MACHINE = Instant.parse("2026-12-06T08:00:00Z");
    private final JournalClock clock = new JournalClock(Clock.fixed(MACHINE, ZoneOffset.UTC));

    @Test
    void thisMachinesTimeUntilAnOffsetIsMeasured() {
        assertThat(clock.instant()).isEqualTo(MACHINE);
        assertThat(clock.millis()).isEqualTo(MACHINE.toEpochMilli());
    }

    @Test
    void movedByTheOffsetMeasuredEitherWay() {
        clock.offBy(Duration.ofMinutes(-3), Duration.ZERO);
        assertThat(clock.instant()).as("the journal three minutes behind").isEqualTo(MACHINE.minusSeconds(180));
        assertThat(clock.millis()).isEqualTo(MACHINE.minusSeconds(180).toEpochMilli());

        clock.offBy(Duration.ofSeconds(20), Duration.ZERO);
        assertThat(clock.instant()).isEqualTo(MACHINE.plusSeconds(20));
    }

    @Test
    void anOffsetThatMovesByAQuerysJitterOnlyIsNotApplied() {
        clock.offBy(Duration.ofMillis(200), Duration.ZERO);
        assertThat(clock.instant()).as("under the jitter").isEqualTo(MACHINE);

        clock.offBy(Duration.ofSeconds(20), Duration.ZERO);
        clock.offBy(Duration.ofSeconds(20).plusMillis(240), Duration.ZERO);
        clock.offBy(Duration.ofSeconds(20).minusMillis(240), Duration.ZERO);
        assertThat(clock.instant()).as("each look's jitter").isEqualTo(MACHINE.plusSeconds(20));

        clock.offBy(Duration.ofSeconds(20).plus(JournalClock.JITTER).plusMillis(1), Duration.ZERO);
        assertThat(clock.instant()).isEqualTo(MACHINE.plusSeconds(20).plus(JournalClock.JITTER).plusMillis(1));
    }

    /** A slow look's reading is off by up to half its wait: followed only when it moved more than that. */
    @Test
    void anOffsetMeasuredWithALargerErrorIsFollowedOnlyWhenItMovedMoreThanThatError() {
        clock.offBy(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(clock.instant()).as("within the look's error").isEqualTo(MACHINE);

        clock.offBy(Duration.ofMinutes(-3), Duration.ofMillis(300));
        assertThat(clock.instant()).as("minutes off, whatever the look's error").isEqualTo(MACHINE.minusSeconds(180));
    }

    @Test
    void inAnotherZoneTheSameInstant() {
        clock.offBy(Duration.ofMinutes(5), Duration.ZERO);
        Clock paris = clock.withZone(java.time.ZoneId.of("Europe/Paris"));
        assertThat(paris.instant()).isEqualTo(MACHINE.plusSeconds(300));
        assertThat(paris.getZone()).isEqualTo(java.time.ZoneId.of("Europe/Paris"));
    }
}
