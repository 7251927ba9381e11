package io.github.flatchrlucca.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    // a Wednesday
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void secondsAreTheWait() {
        assertThat(RetryAfter.of(" 120 ", NOW, HOUR)).contains(Duration.ofSeconds(120));
    }

    @Test
    void anHttpDateIsTheWaitUntilThen() {
        assertThat(RetryAfter.of("Wed, 02 Dec 2026 09:02:30 GMT", NOW, HOUR)).contains(Duration.ofSeconds(150));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "-99999999999999999999", "Tue, 01 Dec 2026 09:00:00 GMT",
            "Wed, 02 Dec 2026 09:00:00 GMT"})
    void noWaitOrATimeGoneByIsASecond(String header) {
        assertThat(RetryAfter.of(header, NOW, HOUR)).contains(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3601", "9223372036854775807", "99999999999999999999", "Thu, 03 Dec 2026 09:00:00 GMT"})
    void aLongerWaitIsTheLongestTheCallerTakes(String header) {
        assertThat(RetryAfter.of(header, NOW, HOUR)).contains(HOUR);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "soon", "1.5", "12s", "Thu, 02 Dec 2026 09:02:30 GMT", "2026-12-02T09:02:30Z"})
    void aMissingOrUnreadableHeaderSaysNothing(String header) {
        assertThat(RetryAfter.of(header, NOW, HOUR)).isEmpty();
    }
}
