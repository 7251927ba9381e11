package io.github.flatchrlucca.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration INITIAL = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofMinutes(30);
    private static final Duration MAX_AGE = Duration.ofHours(24);

    // 0.5 is the middle of [0, 1): no jitter at all
    private static final double NO_JITTER = 0.5;

    @ParameterizedTest(name = "after {0} failed attempt(s) the wait is {1} ms")
    @CsvSource({
            "1, 5000",
            "2, 10000",
            "3, 20000",
            "4, 40000",
            "9, 1280000"})
    void theWaitDoublesFromTheInitialDelay(int attempts, long expectedMillis) {
        assertThat(waitAfter(attempts, NO_JITTER)).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @ParameterizedTest(name = "after {0} failed attempts the wait is capped")
    @CsvSource({"10", "11", "31", "1000", "2147483647"})
    void theWaitStopsGrowingAtTheMaximumDelay(int attempts) {
        assertThat(waitAfter(attempts, NO_JITTER)).isEqualTo(MAX);
    }

    @ParameterizedTest(name = "{0} attempts count as a first failure")
    @CsvSource({"0", "-1"})
    void noAttemptYetWaitsTheInitialDelay(int attempts) {
        assertThat(waitAfter(attempts, NO_JITTER)).isEqualTo(INITIAL);
    }

    @Test
    void theLowestRandomShortensTheWaitByAFifth() {
        assertThat(waitAfter(2, 0.0)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void theHighestRandomLengthensTheWaitByAFifth() {
        assertThat(waitAfter(2, 1.0)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void jitterNeverTakesTheWaitPastTheMaximum() {
        assertThat(waitAfter(20, 0.0)).isEqualTo(Duration.ofMinutes(24));
        assertThat(waitAfter(20, 1.0)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theWaitIsNeverZero() {
        RetrySchedule immediate = new RetrySchedule(Duration.ZERO, MAX, MAX_AGE, () -> NO_JITTER);

        assertThat(immediate.next(1, NOW)).isEqualTo(NOW.plusMillis(1));
    }

    @Test
    void aHireIsNotExpiredWithinItsMaximumAge() {
        RetrySchedule schedule = schedule(NO_JITTER);

        assertThat(schedule.expired(NOW, NOW.plus(MAX_AGE).minusMillis(1))).isFalse();
    }

    @Test
    void aHireIsNotExpiredExactlyAtItsMaximumAge() {
        RetrySchedule schedule = schedule(NO_JITTER);

        assertThat(schedule.expired(NOW, NOW.plus(MAX_AGE))).isFalse();
    }

    @Test
    void aHireIsExpiredPastItsMaximumAge() {
        RetrySchedule schedule = schedule(NO_JITTER);

        assertThat(schedule.expired(NOW, NOW.plus(MAX_AGE).plusMillis(1))).isTrue();
    }

    private static Duration waitAfter(int attempts, double random) {
        return Duration.between(NOW, schedule(random).next(attempts, NOW));
    }

    private static RetrySchedule schedule(double random) {
        return new RetrySchedule(INITIAL, MAX, MAX_AGE, () -> random);
    }
}
