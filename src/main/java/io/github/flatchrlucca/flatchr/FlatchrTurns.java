package io.github.flatchrlucca.flatchr;

import io.github.flatchrlucca.routes.Variables;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Variable;

/**
 * One call at a time to each Flatchr company, from this instance: Flatchr documents no rate limit and asks to be
 * called gently (flatchr-api.md), while the search's timer, the write-back's timer and an operator's backfill each
 * call on a thread of their own, and two tenants may name one company. The call route takes the company's turn right
 * before its HTTP call and gives it back right after, answered or not; callers wait in the order they came. A
 * caller that waits longer than a few calls could last gives up with {@link FlatchrCallFailed.Busy}, which its
 * route handles as any failure (the search later, the write-back with its backoff), so that a call that hangs
 * holds up no timer for long. Instances sharing a journal do not share turns: each makes at most one call at a time.
 */
public final class FlatchrTurns {

    private final Duration longestWait;
    private final Map<String, Semaphore> turns = new ConcurrentHashMap<>();

    /** @param longestWait how long a call waits for its company's turn before it fails, not sent */
    public FlatchrTurns(Duration longestWait) {
        this.longestWait = longestWait;
    }

    /**
     * Waits for the company's turn; once taken, {@link #giveBack} must follow, whatever the call comes to.
     *
     * @throws FlatchrCallFailed.Busy when the turn did not come within the longest wait
     */
    public void take(@Variable(Variables.FLATCHR) FlatchrConnection flatchr,
                     @Variable(Variables.FLATCHR_CALL) String call) throws InterruptedException {
        if (!turn(flatchr).tryAcquire(longestWait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new FlatchrCallFailed.Busy(call, longestWait);
        }
    }

    public void giveBack(@Variable(Variables.FLATCHR) FlatchrConnection flatchr) {
        turn(flatchr).release();
    }

    /**
     * How long a claim renewed right before a call must last: the call's wait for its turn and the call itself, twice
     * over (the second half is the renewal's own commit's: WriteBacks.renewClaim sends nothing with less than half
     * left), and never less than {@code atLeast}.
     */
    public Duration leaseCovering(Duration longestCall, Duration atLeast) {
        Duration covering = longestWait.plus(longestCall).multipliedBy(2);
        return covering.compareTo(atLeast) > 0 ? covering : atLeast;
    }

    // one per company at its Flatchr, as its pause: a handful of tenants, never removed
    private Semaphore turn(FlatchrConnection flatchr) {
        return turns.computeIfAbsent(flatchr.company(), company -> new Semaphore(1, true));
    }
}
