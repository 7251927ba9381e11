package io.github.flatchrlucca.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(15));

    @ParameterizedTest(name = "after {0} failure(s) the wait is {1} s")
    @CsvSource({"1, 30", "2, 60", "3, 120", "5, 480"})
    void theFirstWaitDoublesForEachFailureAfterTheFirst(int failures, long seconds) {
        assertThat(backoff.after(failures)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "after {0} failures the wait is the longest")
    @CsvSource({"6", "7", "64", "2147483647"})
    void theWaitStopsAtTheLongest(int failures) {
        assertThat(backoff.after(failures)).isEqualTo(Duration.ofMinutes(15));
    }

    @ParameterizedTest(name = "{0} failures wait as the first one does")
    @CsvSource({"0", "-1", "-2147483648"})
    void noFailureYetWaitsTheFirstWait(int failures) {
        assertThat(backoff.after(failures)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aFirstWaitLongerThanTheLongestIsTheLongest() {
        assertThat(new Backoff(Duration.ofDays(2), Duration.ofDays(1)).after(1)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aFirstWaitOfNoneOrLessIsNeverDoubled() {
        assertThat(new Backoff(Duration.ZERO, Duration.ofMinutes(15)).after(100)).isZero();
        assertThat(new Backoff(Duration.ofSeconds(-1), Duration.ofMinutes(15)).after(100))
                .isEqualTo(Duration.ofSeconds(-1));
    }

    @Test
    void theLargestDurationsDoNotOverflow() {
        Duration largest = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

        assertThat(new Backoff(Duration.ofNanos(1), largest).after(Integer.MAX_VALUE)).isEqualTo(largest);
        assertThat(new Backoff(largest.dividedBy(2).plusNanos(1), largest).after(2)).isEqualTo(largest);
    }
}
