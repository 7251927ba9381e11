package io.github.flatchrlucca.lucca;

import io.github.flatchrlucca.journal.JournalClock;
import io.github.flatchrlucca.journal.RateLimitStore;
import io.github.flatchrlucca.routes.Variables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.apache.camel.Variable;

/**
 * The client-side limit on every call to a Lucca instance: at most the tenant's {@code requests} calls in any
 * sliding window, and none at all while Lucca has asked us to wait (429 Retry-After). Each Lucca instance has
 * its own budget, so one customer's rate limit never holds up another's. The count lives in the journal, so
 * that several connector instances together stay within the customer's one budget.
 * Not Camel's throttle EIP: that one counts per throttle step and per process, while this budget is shared
 * by every kind of call and every instance, and must be paused by Lucca's own answers.
 */
public final class LuccaRateLimiter {

    // Lucca counts a call when it arrives, the limiter when it lets it go: room for the time in between
    private static final Duration NETWORK_SLACK = Duration.ofMillis(250);

    /**
     * How far apart the clocks that count one Lucca's calls may be. Instances sharing a journal (PostgreSQL) stamp
     * their calls, and count the others', each on its own reckoning of the journal's time, which two of them may have
     * {@link JournalClock#DISAGREEMENT} apart; one connector on its embedded journal is alone (DATA_DIR's lock), and
     * its windows need no such room: a second more in each of the bench's two-second windows was half again as long
     * for a burst.
     */
    public static Duration clockDisagreement(boolean sharedJournal) {
        return sharedJournal ? JournalClock.DISAGREEMENT : Duration.ZERO;
    }

    /**
     * Added to each tenant's rate-limit window, so that the connector itself never causes a 429: the network's room,
     * and the clocks' disagreement (with the network's room alone, a call stamped by an instance a second behind left
     * the window of the one counting it 0.75 s before it left Lucca's, and the next call drew a 429).
     */
    public static Duration windowSlack(Duration clockDisagreement) {
        return NETWORK_SLACK.plus(clockDisagreement);
    }

    /** How the limiter waits; tests pass one that advances a fake clock. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RateLimitStore store;
    private final Clock clock;
    private final Sleeper sleeper;
    private final BiConsumer<String, Duration> waited;
    private final Duration longestSleep;
    private final Duration longestCall;
    private final Duration clockDisagreement;

    /**
     * @param waited told, with the tenant, how long each call waited for its turn (zero when it did not)
     * @param lease       how long a hire's claim lasts unrenewed (DELIVERY_LEASE_SECONDS): a call made for a hire
     *                    waits for its turn a third of it at a time, asking again (which renews the claim) in between
     * @param longestCall how long a call may last once sent, its connection and its answer (twice LUCCA_TIMEOUT_MS)
     * @param clockDisagreement how far apart the instances counting the calls may reckon time ({@link
     *                    #clockDisagreement(boolean)})
     */
    public LuccaRateLimiter(RateLimitStore store, Clock clock, Sleeper sleeper, BiConsumer<String, Duration> waited,
                            Duration lease, Duration longestCall, Duration clockDisagreement) {
        this.store = store;
        this.clock = clock;
        this.sleeper = sleeper;
        this.waited = waited;
        this.longestSleep = lease.dividedBy(3);
        this.longestCall = longestCall;
        this.clockDisagreement = clockDisagreement;
    }

    /**
     * Blocks until one more call may be sent, then counts it: returns its slot, for {@link #answered}. A long wait (a
     * 429's Retry-After, a full window of an hour) asks again every third of the lease.
     *
     * @param stillHolding when the call is made for a hire: that this instance still holds it, checked (and its
     *                     claim renewed) in the commit that takes the slot; null for a call made for no hire
     * @throws io.github.flatchrlucca.journal.CallHeldBack when the claim, renewed before that commit, could end before
     *                     the call once sent: the call is not sent, and its slot stays counted
     */
    public long acquire(@Variable(Variables.LUCCA) LuccaConnection lucca,
                        @Variable(Variables.STILL_HOLDING) RateLimitStore.Precondition stillHolding) throws InterruptedException {
        Instant start = clock.instant();
        RateLimitStore.Precondition precondition = stillHolding == null ? RateLimitStore.Precondition.NONE
                : stillHolding;
        while (true) {
            RateLimitStore.Turn turn = store.takeOrWait(lucca.instance(), lucca.requests(), lucca.window(),
                    clock.instant(), precondition);
            if (turn.taken()) {
                waited.accept(lucca.tenant(), Duration.between(start, clock.instant()));
                // Nothing bounds how long the commit took after the claim's renewal read the clock. Refused here, the
                // slot stays counted: a call counted but not sent can only make the budget stricter, never draw a 429,
                // and giving it back would be one more commit on a journal that was just slow.
                turn.hold().covers(longestCall);
                return turn.slot();
            }
            // A Retry-After or a tenant's window can be an hour: slept at once, the hire's claim, renewed only when
            // the turn is asked for again, would run out, and another instance take the hire over as if this one had
            // died. Each ask checks the claim and renews it.
            sleeper.sleep(turn.delay().compareTo(longestSleep) > 0 ? longestSleep : turn.delay());
        }
    }

    /**
     * Lucca answered the call that took {@code slot}: from now on it counts from now, which is never before
     * Lucca counted it. A call that gets no answer (a lost connection) keeps counting from its sending.
     */
    public void answered(Long slot) {
        if (slot != null) {
            store.countFromAnswer(slot, clock.instant());
        }
    }

    /**
     * Lucca said 429: nobody calls that instance again before it says we may. The pause ends on this instance's
     * reckoning of the journal's time, and other instances read it on theirs, which may be a second ahead
     * ({@link #clockDisagreement(boolean)}): it lasts that much longer, or another instance's call reached Lucca up to a second before its Retry-After
     * was over, drew another 429 and paused every call again.
     */
    public void pauseFor(LuccaConnection lucca, Duration retryAfter) {
        store.pauseUntil(lucca.instance(), clock.instant().plus(retryAfter).plus(clockDisagreement));
    }
}
