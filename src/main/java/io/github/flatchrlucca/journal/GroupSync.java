package io.github.flatchrlucca.journal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: a committed transaction waits for a sync of the journal's file that began after its commit, and
 * one sync releases every commit made before it began. Hires arriving together share one sync, so the more come
 * at once, the fewer syncs each costs, instead of each waiting in line behind the others' syncs.
 *
 * <p>Written here because nothing below does it: H2 (2.3, MVStore) never forces a commit to the disk by itself,
 * has no setting that would (its only one is the write delay), and offers a sync of its file, one per call
 * ({@link SyncedJournal#syncToDisk}); HikariCP knows nothing of syncs. PostgreSQL groups its own WAL syncs, and
 * does not use this.
 */
final class GroupSync {

    private final Runnable sync;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition synced = lock.newCondition();
    // Commits are numbered in the order they asked for a sync; every commit up to lastSynced is on disk.
    private long lastCommit;
    private long lastSynced;
    // The latest failed sync and the last commit it was for: those commits are not known to be on disk.
    private long lastFailed;
    private RuntimeException failure;
    private boolean syncing;

    /** @param sync forces every write made before it began to stable storage, or throws */
    GroupSync(Runnable sync) {
        this.sync = sync;
    }

    /**
     * Returns once a sync that began after this call has ended: the caller's commit, made before, is on disk.
     * The first caller that finds no sync running runs one for itself and all that wait; the others wait for it.
     *
     * @throws JournalUnavailable when the sync meant for this commit failed
     */
    void awaitSynced() {
        lock.lock();
        try {
            long commit = ++lastCommit;
            while (lastSynced < commit) {
                if (lastFailed >= commit) {
                    throw new JournalUnavailable("sync its file to disk", failure);
                }
                if (syncing) {
                    synced.awaitUninterruptibly();
                } else {
                    syncFor(lastCommit);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs one sync for every commit up to {@code upTo}, without the lock, so that later commits queue meanwhile. */
    private void syncFor(long upTo) {
        syncing = true;
        lock.unlock();
        RuntimeException failed = null;
        try {
            sync.run();
        } catch (RuntimeException e) {
            failed = e;
        } finally {
            lock.lock();
            syncing = false;
            if (failed == null) {
                lastSynced = Math.max(lastSynced, upTo);
            } else {
                // Those commits are not known to be on disk, yet they stand in the file and may reach it: their
                // callers hear that the hire may not have been recorded (a 503), never that it was not.
                lastFailed = upTo;
                failure = failed;
            }
            synced.signalAll();
        }
    }
}
