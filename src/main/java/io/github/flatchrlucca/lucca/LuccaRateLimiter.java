package io.github.flatchrlucca.lucca;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The client-side limit on every call to one Lucca instance: at most {@code requests} calls in any
 * sliding {@code window}, and none at all while Lucca has asked us to wait (429 Retry-After).
 * Hand-written because Camel's throttle EIP keeps its count per throttle step, while this budget is
 * shared by every kind of call (lookups, creates, contracts) and must be paused by Lucca's answers.
 */
public final class LuccaRateLimiter {

    /** How the limiter waits; tests pass one that advances a fake clock. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int requests;
    private final Duration window;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Consumer<Duration> waited;
    private final Deque<Instant> granted = new ArrayDeque<>();
    private Instant pausedUntil = Instant.MIN;

    /** @param waited told how long each call waited for its turn (zero when it did not) */
    public LuccaRateLimiter(int requests, Duration window, Clock clock, Sleeper sleeper, Consumer<Duration> waited) {
        this.requests = requests;
        this.window = window;
        this.clock = clock;
        this.sleeper = sleeper;
        this.waited = waited;
    }

    public static LuccaRateLimiter realTime(int requests, Duration window, Consumer<Duration> waited) {
        return new LuccaRateLimiter(requests, window, Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()),
                waited);
    }

    /** Blocks until one more call may be sent, then counts it. */
    public void acquire() throws InterruptedException {
        Instant start = clock.instant();
        while (true) {
            Duration wait = reserveOrWait();
            if (wait.isZero()) {
                waited.accept(Duration.between(start, clock.instant()));
                return;
            }
            sleeper.sleep(wait);
        }
    }

    /** Lucca said 429: nobody calls it again before it says we may. */
    public synchronized void pauseFor(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    private synchronized Duration reserveOrWait() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        while (!granted.isEmpty() && !granted.peekFirst().plus(window).isAfter(now)) {
            granted.pollFirst();
        }
        if (granted.size() < requests) {
            granted.addLast(now);
            return Duration.ZERO;
        }
        return Duration.between(now, granted.peekFirst().plus(window));
    }
}
