package io.github.flatchrlucca.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of request bodies the server reads and handles at once: a body is read only once its bytes are free,
 * and they are given back when it is answered or its client is gone. A body in hand costs several times its size
 * (the server's buffer, the text, the JSON tree, the journal's row and the chunk that writes it): 32 webhooks of
 * the largest accepted size at once took a 128 MiB heap out of memory, and a stopped connector loses what it was
 * sending, which Flatchr does not resend. Bodies beyond the budget wait their turn, in the order they came, unread
 * (their clients' sends wait in the network's buffers); none is refused for it. Webhooks of a few kilobytes, as
 * Flatchr sends them, never wait unless thousands arrive at once.
 *
 * <p>Written here because neither Vert.x nor Camel bounds the memory of bodies in hand: Vert.x's body handler
 * limits one body's size, and Camel's throttler counts exchanges, not bytes, after the body is read.
 */
public final class BodyBudget {

    /** One body's share of the budget, from its arrival to {@link #end}. */
    public final class Share {
        private final long bytes;
        private final Runnable whenGranted;
        private boolean grantedAtOnce;
        private boolean holding;
        private boolean ended;

        private Share(long bytes, Runnable whenGranted) {
            this.bytes = bytes;
            this.whenGranted = whenGranted;
        }

        /** The bytes were free when asked for: the body goes on at once, and the share's callback never runs. */
        public boolean grantedAtOnce() {
            synchronized (BodyBudget.this) {
                return grantedAtOnce;
            }
        }
    }

    private final long capacity;
    private final ArrayDeque<Share> waiting = new ArrayDeque<>();
    private long inUse;

    /**
     * A sixteenth of the heap, and never less than one body of the largest size: a body in hand costs about five
     * times its size (measured with 1 MiB webhooks), so the bodies in hand keep within about a third of the heap.
     */
    public static BodyBudget ofHeap(long maxHeapBytes, long maxBodyBytes) {
        return new BodyBudget(Math.max(maxBodyBytes, maxHeapBytes / 16));
    }

    /** @param capacity the bytes of bodies in hand at once; a single body larger than this has it all to itself */
    public BodyBudget(long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("a body budget must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Asks for {@code bytes} (at most the whole budget) for one body. Granted at once when they are free and nobody
     * waits before it ({@link Share#grantedAtOnce}); otherwise {@code whenGranted} runs later, on the thread that
     * gives the bytes back.
     */
    public synchronized Share take(long bytes, Runnable whenGranted) {
        Share share = new Share(Math.min(Math.max(bytes, 0), capacity), whenGranted);
        if (waiting.isEmpty() && inUse + share.bytes <= capacity) {
            hold(share);
            share.grantedAtOnce = true;
        } else {
            waiting.add(share);
        }
        return share;
    }

    /**
     * The body is answered, or its client gone: its bytes go to the bodies waiting, in the order they came, and a
     * share still waiting leaves the line. Ending a share twice changes nothing.
     */
    public void end(Share share) {
        List<Share> granted = new ArrayList<>();
        synchronized (this) {
            if (share.ended) {
                return;
            }
            share.ended = true;
            if (share.holding) {
                inUse -= share.bytes;
            } else {
                waiting.remove(share);
            }
            while (!waiting.isEmpty() && inUse + waiting.peek().bytes <= capacity) {
                Share next = waiting.poll();
                hold(next);
                granted.add(next);
            }
        }
        // outside the lock: each runs its request's next step, which may end a share itself
        granted.forEach(next -> next.whenGranted.run());
    }

    /** Bytes held by the bodies in hand. */
    public synchronized long inUse() {
        return inUse;
    }

    /** Bodies waiting for their bytes. */
    public synchronized int waiting() {
        return waiting.size();
    }

    private void hold(Share share) {
        share.holding = true;
        inUse += share.bytes;
    }
}
