package io.github.flatchrlucca.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkippedApplicationsTest {

    private final SkippedApplications skipped = new SkippedApplications();

    @Test
    void anApplicationIsNewOncePerTenant() {
        assertThat(skipped.firstTime("acme", "z7gWQnjXG77hJRak")).isTrue();
        assertThat(skipped.firstTime("acme", "z7gWQnjXG77hJRak")).as("found again by the next search").isFalse();
        assertThat(skipped.firstTime("globex", "z7gWQnjXG77hJRak")).as("another tenant's").isTrue();
    }

    @Test
    void theOldestIsForgottenPastTheBoundAndIsThenNewAgain() {
        for (int i = 0; i < SkippedApplications.REMEMBERED; i++) {
            assertThat(skipped.firstTime("acme", "application-" + i)).isTrue();
        }
        assertThat(skipped.firstTime("acme", "application-0")).as("still remembered").isFalse();
        assertThat(skipped.firstTime("acme", "one-more")).isTrue();

        // application-0 was looked up last, yet the memory keeps the order they were first skipped in
        assertThat(skipped.firstTime("acme", "application-0")).as("the oldest, forgotten").isTrue();
        assertThat(skipped.firstTime("acme", "application-2")).as("still remembered").isFalse();
    }
}
