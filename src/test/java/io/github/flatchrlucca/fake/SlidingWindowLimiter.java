package io.github.flatchrlucca.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * At most {@code limit} admitted requests in any sliding window. Refused requests do not take a slot,
 * so the wait it announces is exact: a client that honours it is admitted.
 */
final class SlidingWindowLimiter {

    private final int limit;
    private final Duration window;
    private final Deque<Instant> admitted = new ArrayDeque<>(); // guarded by this

    SlidingWindowLimiter(int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a limit needs at least one request in a positive window");
        }
        this.limit = limit;
        this.window = window;
    }

    /** Empty when the request is admitted, else how long until a slot frees. */
    synchronized Optional<Duration> refusal(Instant now) {
        while (!admitted.isEmpty() && !admitted.peekFirst().plus(window).isAfter(now)) {
            admitted.removeFirst();
        }
        if (admitted.size() < limit) {
            admitted.addLast(now);
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, admitted.peekFirst().plus(window)));
    }
}
