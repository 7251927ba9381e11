package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupSyncTest {

    // Each sync blocks until the test lets it end, so that commits can be made while it runs.
    private final Semaphore syncMayEnd = new Semaphore(0);
    private final AtomicInteger syncsStarted = new AtomicInteger();
    private final AtomicInteger syncsEnded = new AtomicInteger();
    private final List<Thread> committers = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task);
        committers.add(thread);
        return thread;
    });
    private RuntimeException nextSyncFails;

    private final GroupSync groupSync = new GroupSync(() -> {
        syncsStarted.incrementAndGet();
        syncMayEnd.acquireUninterruptibly();
        RuntimeException failure = nextSyncFails;
        nextSyncFails = null;
        syncsEnded.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
    });

    @AfterEach
    void stop() {
        syncMayEnd.release(100);
        threads.shutdownNow();
    }

    @Test
    void aCommitIsReleasedOnlyByASyncThatBeganAfterIt() throws Exception {
        Future<Integer> first = commit();
        waitUntil(() -> syncsStarted.get() == 1);
        Future<Integer> second = commit(); // made while the first one's sync runs: that sync does not cover it
        waitUntilWaiting(2);

        syncMayEnd.release();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        waitUntil(() -> syncsStarted.get() == 2);
        assertThat(second).isNotDone();

        syncMayEnd.release();
        assertThat(second.get(5, TimeUnit.SECONDS)).as("syncs ended when the second commit was released").isEqualTo(2);
    }

    @Test
    void commitsMadeDuringOneSyncShareTheNext() throws Exception {
        Future<Integer> first = commit();
        waitUntil(() -> syncsStarted.get() == 1);
        List<Future<Integer>> together = List.of(commit(), commit(), commit(), commit());
        waitUntilWaiting(5);

        syncMayEnd.release();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        syncMayEnd.release();
        for (Future<Integer> commit : together) {
            assertThat(commit.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        }
        assertThat(syncsStarted).as("one sync for the four commits made together").hasValue(2);
    }

    @Test
    void aFailedSyncFailsTheCommitsItWasForAndTheNextCommitSyncsAgain() throws Exception {
        nextSyncFails = new IllegalStateException("disk full");
        Future<Integer> failed = commit();
        syncMayEnd.release();

        assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
                .isThrownBy(() -> failed.get(5, TimeUnit.SECONDS))
                .havingCause().isInstanceOf(JournalUnavailable.class)
                .withRootCauseInstanceOf(IllegalStateException.class);

        Future<Integer> next = commit();
        syncMayEnd.release();
        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo(2);
    }

    /** A committer that has just committed: returns how many syncs had ended when it was released. */
    private Future<Integer> commit() {
        return threads.submit(() -> {
            groupSync.awaitSynced();
            return syncsEnded.get();
        });
    }

    /** Committers park (WAITING) only inside awaitSynced, once numbered: no sleep stands in for it. */
    private void waitUntilWaiting(int committersWaiting) {
        waitUntil(() -> committers.stream().filter(thread -> thread.getState() == Thread.State.WAITING).count()
                >= committersWaiting);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        CompletableFuture<Void> met = CompletableFuture.runAsync(() -> {
            while (!condition.getAsBoolean()) {
                Thread.onSpinWait();
            }
        });
        met.orTimeout(5, TimeUnit.SECONDS).join();
    }
}
