package io.github.flatchrlucca.lucca;

/**
 * How many people the people directories of every Lucca instance hold together, at most. A directory keeps
 * everyone its Lucca lists, former employees included, and a person costs about 520 bytes in its maps (measured:
 * 100,000 people with addresses of 30 to 40 characters took 52 MB); a large Lucca, or several tenants' Luccas
 * together, took a 128 MiB heap out of memory at the first delivery round, and a connector that ends on it
 * (-XX:+ExitOnOutOfMemoryError) reads them all again once restarted: a crash loop, nothing delivered. A directory
 * that would go past the budget is dropped instead ({@link PeopleDirectory}), and its Lucca's hires are looked up
 * one by one.
 */
public final class PeopleBudget {

    /** What a person is counted for: the measured 520 bytes, rounded to a figure the sizing can be told in. */
    static final long BYTES_PER_PERSON = 512;

    private final long capacity;
    private long held;

    /**
     * A quarter of the heap: about 64,700 people with -Xmx128m (the JVM leaves a survivor space out of the heap it
     * reports). The rest of that heap holds the journal and the queues (about 30 MiB live after a saturation run),
     * the webhooks in hand (their sixteenth of the heap, at about five times their size: some 40 MiB at worst), and
     * leaves a fifth free for a read's pages and the collector. 63,000 people read into such a heap fit.
     */
    public static PeopleBudget ofHeap(long maxHeapBytes) {
        return new PeopleBudget(Math.max(1, maxHeapBytes / 4 / BYTES_PER_PERSON));
    }

    /** @param capacity the people held at once by every directory together */
    public PeopleBudget(long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("a people budget must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** One more person held, if the budget has room for them; nothing is taken when it has not. */
    synchronized boolean take() {
        if (held >= capacity) {
            return false;
        }
        held++;
        return true;
    }

    /** People a directory no longer holds (dropped, or forgotten with its Lucca). */
    synchronized void giveBack(long people) {
        held -= people;
    }

    /** The people the directories may still take. */
    synchronized long room() {
        return capacity - held;
    }

    public synchronized long held() {
        return held;
    }

    public long capacity() {
        return capacity;
    }
}
