package io.github.flatchrlucca.http;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a hire that failed for a passing reason is tried again: exponential from the first delay, capped,
 * with jitter so that hires that failed together during an outage do not all come back together.
 */
public final class RetrySchedule {

    private static final double JITTER = 0.2;

    private final Backoff backoff;
    private final Duration maxAge;
    private final DoubleSupplier random;

    public RetrySchedule(Duration initialDelay, Duration maxDelay, Duration maxAge, DoubleSupplier random) {
        this.backoff = new Backoff(initialDelay, maxDelay);
        this.maxAge = maxAge;
        this.random = random;
    }

    /** The next attempt after {@code attempts} failed ones (1 for the first failure). */
    public Instant next(int attempts, Instant now) {
        long base = backoff.after(attempts).toMillis();
        double factor = 1 + JITTER * (2 * random.getAsDouble() - 1);
        return now.plusMillis(Math.max(1, Math.min(backoff.longest().toMillis(), Math.round(base * factor))));
    }

    /** The earliest start of what is still within the maximum age at {@code now}: anything older has expired. */
    public Instant windowStart(Instant now) {
        return now.minus(maxAge);
    }

    /**
     * Past its maximum age, counted from {@code since} (a hire's wait for Lucca began, an outcome became known), it
     * stops being retried and is dead, for a person to look at.
     */
    public boolean expired(Instant since, Instant at) {
        return at.isAfter(since.plus(maxAge));
    }
}
