package io.github.flatchrlucca.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailingDetailsTest {

    /** The tenant's last successful search began then. */
    private static final Instant SUCCEEDED = Instant.parse("2026-12-02T09:00:00Z");
    private final FailingDetails details = new FailingDetails();

    @Test
    void runsFailingWithinAnHourDoNotGiveAnApplicationsDetailsUp() {
        for (int run = 1; run <= FailingDetails.GIVEN_UP_AFTER; run++) {
            assertThat(details.failed("acme", "z7gWQnjXG77hJRak")).isEqualTo(run);
        }

        // the schedule's runs after a failure: 15 then 30 minutes apart
        assertThat(details.givenUp("acme", "z7gWQnjXG77hJRak", SUCCEEDED, SUCCEEDED.plus(Duration.ofMinutes(60))))
                .as("an hour's outage of that call").isFalse();
    }

    @Test
    void anApplicationsDetailsAreGivenUpAfterFailingAtEnoughRunsOnceNoSearchSucceededForADay() {
        for (int run = 1; run <= FailingDetails.GIVEN_UP_AFTER; run++) {
            details.failed("acme", "z7gWQnjXG77hJRak");
        }
        Instant aDayLater = SUCCEEDED.plus(FailingDetails.FAILING_FOR);

        assertThat(details.givenUp("acme", "z7gWQnjXG77hJRak", SUCCEEDED, aDayLater.minusSeconds(1)))
                .as("a second short of a day").isFalse();
        assertThat(details.givenUp("acme", "z7gWQnjXG77hJRak", SUCCEEDED, aDayLater)).isTrue();
        assertThat(details.givenUp("globex", "z7gWQnjXG77hJRak", SUCCEEDED, aDayLater)).as("another tenant's")
                .isFalse();
        assertThat(details.givenUp("acme", "Wy3EOp2NP3p1KMq8", SUCCEEDED, aDayLater)).as("another application")
                .isFalse();
    }

    /** A restart forgets the runs, not the day: the journal keeps the last success, so three runs give them up again. */
    @Test
    void aDayWithoutASuccessfulSearchAtFewerRunsHereDoesNotGiveThemUp() {
        for (int run = 1; run < FailingDetails.GIVEN_UP_AFTER; run++) {
            details.failed("acme", "z7gWQnjXG77hJRak");
        }

        assertThat(details.givenUp("acme", "z7gWQnjXG77hJRak", SUCCEEDED,
                SUCCEEDED.plus(FailingDetails.FAILING_FOR.multipliedBy(2)))).isFalse();
    }

    @Test
    void itRemembersABoundedNumberOfApplications() {
        for (int i = 0; i < FailingDetails.GIVEN_UP_AFTER; i++) {
            details.failed("acme", "application-0");
        }
        for (int i = 1; i <= FailingDetails.REMEMBERED; i++) {
            details.failed("acme", "application-" + i);
        }

        assertThat(details.givenUp("acme", "application-0", SUCCEEDED, SUCCEEDED.plus(FailingDetails.FAILING_FOR)))
                .as("the oldest, forgotten: asked again").isFalse();
    }
}
