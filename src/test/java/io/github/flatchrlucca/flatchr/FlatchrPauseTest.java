package io.github.flatchrlucca.flatchr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.http.KeyState;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FlatchrPauseTest {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final FlatchrPause pause = new FlatchrPause(clock, Duration.ofSeconds(30), Duration.ofMinutes(15));
    private final FlatchrConnection acme = connection("acme", "Wy3EOp2NP3p1KMq8");

    @Test
    void aRetryAfterInSecondsHoldsEveryCallToTheCompanyUntilItHasPassed() {
        pause.pause(acme, "60");

        assertThat(pause.until(acme)).contains(T0.plusSeconds(60));
        assertThat(pause.paused(connection("acme-bis", "Wy3EOp2NP3p1KMq8"))).as("the same company, another tenant")
                .isTrue();
        assertThat(pause.paused(connection("globex", "Qa7RTe5KMw2ZXc1V"))).as("another company").isFalse();
        clock.advance(Duration.ofSeconds(59));
        assertThat(pause.paused(acme)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(pause.paused(acme)).isFalse();
    }

    @Test
    void aRetryAfterAsAnHttpDateIsHonouredToo() {
        pause.pause(acme, "Wed, 02 Dec 2026 09:02:30 GMT");

        assertThat(pause.until(acme)).contains(T0.plusSeconds(150));
    }

    @Test
    void withoutAReadableRetryAfterTheWaitDoublesUpToABoundAndStartsOverAfterASuccess() {
        assertThat(pause.pause(acme, null)).isEqualTo(T0.plusSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(pause.pause(acme, "soon")).isEqualTo(clock.instant().plusSeconds(60));
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofHours(1));
            pause.pause(acme, "");
        }
        assertThat(pause.until(acme)).as("bounded").contains(clock.instant().plus(Duration.ofMinutes(15)));

        clock.advance(Duration.ofHours(1));
        pause.answered(acme);
        assertThat(pause.pause(acme, null)).isEqualTo(clock.instant().plusSeconds(30));
    }

    @Test
    void aRetryAfterIsBoundedAndAShorterOneNeverShortensALongerOne() {
        assertThat(pause.pause(acme, "86400")).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(pause.pause(acme, "5")).isEqualTo(T0.plus(Duration.ofHours(1)));
        FlatchrConnection globex = connection("globex", "Qa7RTe5KMw2ZXc1V");
        assertThat(pause.pause(globex, "Tue, 01 Dec 2026 09:00:00 GMT")).as("a date gone by")
                .isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void aCallToAPausedCompanyIsNotSent() {
        pause.pause(acme, "60");

        Throwable notSent = catchThrowable(() -> pause.check(acme, "write-tag"));

        assertThat(notSent).isInstanceOf(FlatchrCallFailed.Paused.class)
                .hasMessage("write-tag not sent: Flatchr is not called until 2026-12-02T09:01:00Z");
        clock.advance(Duration.ofSeconds(60));
        pause.check(acme, "write-tag");
    }

    @Test
    void aCallWithoutAnswerPausesTheCompanyAndStillFailsWithWhatWasCaught() {
        ConnectException refused = new ConnectException("refused");

        Throwable failed = catchThrowable(() -> pause.unanswered(acme, refused));

        assertThat(failed).as("the caller sees the call's own failure").isSameAs(refused);
        assertThat(pause.until(acme)).contains(T0.plusSeconds(30));
    }

    private static FlatchrConnection connection(String tenant, String companyKey) {
        return new FlatchrConnection(tenant, URI.create("https://api.flatchr.io"), "key-" + tenant, companyKey,
                new KeyState(state -> { }));
    }
}
