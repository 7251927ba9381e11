package io.github.flatchrlucca.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailingDetailsTest {

    private final FailingDetails details = new FailingDetails();

    @Test
    void anApplicationsDetailsAreGivenUpAfterFailingAtEnoughRuns() {
        for (int run = 1; run < FailingDetails.GIVEN_UP_AFTER; run++) {
            assertThat(details.failed("acme", "z7gWQnjXG77hJRak")).isEqualTo(run);
            assertThat(details.givenUp("acme", "z7gWQnjXG77hJRak")).as("after %d", run).isFalse();
        }
        details.failed("acme", "z7gWQnjXG77hJRak");

        assertThat(details.givenUp("acme", "z7gWQnjXG77hJRak")).isTrue();
        assertThat(details.givenUp("globex", "z7gWQnjXG77hJRak")).as("another tenant's").isFalse();
        assertThat(details.givenUp("acme", "Wy3EOp2NP3p1KMq8")).as("another application").isFalse();
    }

    @Test
    void itRemembersABoundedNumberOfApplications() {
        for (int i = 0; i < FailingDetails.GIVEN_UP_AFTER; i++) {
            details.failed("acme", "application-0");
        }
        for (int i = 1; i <= FailingDetails.REMEMBERED; i++) {
            details.failed("acme", "application-" + i);
        }

        assertThat(details.givenUp("acme", "application-0")).as("the oldest, forgotten: asked again").isFalse();
    }
}
