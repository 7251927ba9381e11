package io.github.flatchrlucca.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flatchrlucca.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailingDetailsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private final FailingDetails details = new FailingDetails(clock);

    @Test
    void runsFailingWithinAnHourDoNotGiveAnApplicationsDetailsUp() {
        // the schedule's runs after a failure: now, 15 then 30 minutes later
        for (int run = 1; run <= FailingDetails.GIVEN_UP_AFTER; run++) {
            assertThat(details.failed("acme", "z7gWQnjXG77hJRak")).isEqualTo(run);
            clock.advance(Duration.ofMinutes(15L * run));
        }

        assertThat(details.givenUp("acme", "z7gWQnjXG77hJRak")).as("an hour's outage of that call").isFalse();
    }

    @Test
    void anApplicationsDetailsAreGivenUpAfterFailingAtEnoughRunsOverADay() {
        for (int run = 1; run < FailingDetails.GIVEN_UP_AFTER; run++) {
            details.failed("acme", "z7gWQnjXG77hJRak");
        }
        clock.advance(FailingDetails.FAILING_FOR.minusSeconds(1));
        details.failed("acme", "z7gWQnjXG77hJRak");
        assertThat(details.givenUp("acme", "z7gWQnjXG77hJRak")).as("a second short of a day").isFalse();

        clock.advance(Duration.ofSeconds(1));

        assertThat(details.givenUp("acme", "z7gWQnjXG77hJRak")).isTrue();
        assertThat(details.givenUp("globex", "z7gWQnjXG77hJRak")).as("another tenant's").isFalse();
        assertThat(details.givenUp("acme", "Wy3EOp2NP3p1KMq8")).as("another application").isFalse();
    }

    @Test
    void aDayOfFailuresAtFewerRunsDoesNotGiveThemUp() {
        for (int run = 1; run < FailingDetails.GIVEN_UP_AFTER; run++) {
            details.failed("acme", "z7gWQnjXG77hJRak");
        }
        clock.advance(FailingDetails.FAILING_FOR.multipliedBy(2));

        assertThat(details.givenUp("acme", "z7gWQnjXG77hJRak")).isFalse();
    }

    @Test
    void itRemembersABoundedNumberOfApplications() {
        for (int i = 0; i < FailingDetails.GIVEN_UP_AFTER; i++) {
            details.failed("acme", "application-0");
        }
        for (int i = 1; i <= FailingDetails.REMEMBERED; i++) {
            details.failed("acme", "application-" + i);
        }
        clock.advance(FailingDetails.FAILING_FOR);

        assertThat(details.givenUp("acme", "application-0")).as("the oldest, forgotten: asked again").isFalse();
    }
}
