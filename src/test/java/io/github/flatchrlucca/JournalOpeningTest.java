package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JournalOpeningTest {

    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final List<RuntimeException> refusals = new CopyOnWriteArrayList<>();

    @Test
    void theJournalOpensOnAThreadOfItsOwnAndTheRoutesStartOnlyOnceItIsOpen() throws Exception {
        CountDownLatch mayOpen = new CountDownLatch(1);
        CountDownLatch opening = new CountDownLatch(1);
        JournalOpening journal = new JournalOpening(() -> {
            steps.add("opening on " + Thread.currentThread().getName());
            opening.countDown();
            awaitQuietly(mayOpen);
            steps.add("open");
        }, () -> steps.add("when open"), refusals::add);
        assertThat(opening.await(10, TimeUnit.SECONDS)).as("it opens without being asked").isTrue();

        Thread starting = new Thread(() -> journal.onCamelContextStarting(null, false));
        starting.start();
        // it either ends (no wait: the defect) or parks, waiting for the journal
        await().atMost(Duration.ofSeconds(10)).until(() -> Set.of(Thread.State.WAITING, Thread.State.TIMED_WAITING,
                Thread.State.TERMINATED).contains(starting.getState()));
        assertThat(starting.isAlive()).as("the start waits for the journal").isTrue();
        assertThat(steps).containsExactly("opening on journal-opening");

        mayOpen.countDown();
        starting.join(10_000);
        assertThat(starting.isAlive()).isFalse();
        assertThat(steps).containsExactly("opening on journal-opening", "open", "when open");
        assertThat(refusals).isEmpty();
    }

    @Test
    void aJournalThatCannotOpenRefusesTheStartWithItsOwnErrorAndNothingRunsAfter() {
        InvalidSetting inUse = Settings.DATA_DIR.refusal("another connector is using it");
        JournalOpening journal = new JournalOpening(() -> {
            throw inUse;
        }, () -> steps.add("when open"), refusals::add);

        assertThatThrownBy(() -> journal.onCamelContextStarting(null, false)).isSameAs(inUse);
        assertThat(refusals).containsExactly(inUse);
        assertThat(steps).isEmpty();
    }

    @Test
    void aFailureOnceOpenRefusesTheStartToo() {
        IllegalStateException claims = new IllegalStateException("claims could not be released");
        JournalOpening journal = new JournalOpening(() -> steps.add("open"), () -> {
            throw claims;
        }, refusals::add);

        assertThatThrownBy(() -> journal.onCamelContextStarting(null, false)).isSameAs(claims);
        assertThat(refusals).containsExactly(claims);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
