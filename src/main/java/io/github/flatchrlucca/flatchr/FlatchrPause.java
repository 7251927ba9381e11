package io.github.flatchrlucca.flatchr;

import io.github.flatchrlucca.http.AnswerLimits;
import io.github.flatchrlucca.http.Backoff;
import io.github.flatchrlucca.http.RetryAfter;
import io.github.flatchrlucca.routes.Variables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.apache.camel.util.ObjectHelper;

/**
 * When each Flatchr company may be called again. Flatchr documents no rate limit but asks for 429 and Retry-After
 * to be honoured: after a 429, a 408, a 5xx or no answer at all, nothing calls that company (the write-back, the tag
 * look-up, the search, whichever tenant names it) before the pause ends. A hire's own retry is never set before it
 * either, so a pause Flatchr asked for is not spent in calls it would refuse.
 * Kept in this process only: Flatchr's calls are few and not budgeted as Lucca's are, so an instance that never met
 * the 429 learns of it from its own first call.
 */
public final class FlatchrPause {

    // Without a readable Retry-After: the first wait of a failed hire's retry, doubled for each pause that follows
    // without a success between, at most the longest (RETRY_INITIAL_DELAY_MS and RETRY_MAX_DELAY_MS)
    private final Backoff backoff;
    // One answer must not silence a company for days: past an hour the write-back's own retries take over.
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

    /** Until when, and how many pauses in a row (for the backoff when Flatchr says nothing of how long). */
    private record Pause(Instant until, int inARow) {
    }

    private final Clock clock;
    private final Map<String, Pause> pauses = new ConcurrentHashMap<>();

    public FlatchrPause(Clock clock, Duration firstBackoff, Duration longestBackoff) {
        this.clock = clock;
        this.backoff = new Backoff(firstBackoff, longestBackoff);
    }

    /** When the company may be called again; empty when it may be now. */
    public Optional<Instant> until(FlatchrConnection flatchr) {
        Pause pause = pauses.get(flatchr.company());
        return pause == null || !pause.until().isAfter(clock.instant()) ? Optional.empty() : Optional.of(pause.until());
    }

    public boolean paused(@Variable(Variables.FLATCHR) FlatchrConnection flatchr) {
        return until(flatchr).isPresent();
    }

    /**
     * The call route's step once the company's turn is taken: a call to a paused company is not sent, whoever makes
     * it, nor one that waited for its turn behind an answer that asked to wait.
     */
    public void check(@Variable(Variables.FLATCHR) FlatchrConnection flatchr,
                      @Variable(Variables.FLATCHR_CALL) String call) {
        Optional<Instant> until = until(flatchr);
        if (until.isPresent()) {
            throw new FlatchrCallFailed.Paused(call, until.get());
        }
    }

    /**
     * Flatchr answered 429, 408 or 5xx: no call before {@code retryAfterHeader} (seconds or an HTTP-date) has
     * passed, or the backoff when it is missing or unreadable. A shorter pause never shortens a longer one.
     */
    public synchronized Instant pause(FlatchrConnection flatchr, String retryAfterHeader) {
        Instant now = clock.instant();
        Pause before = pauses.get(flatchr.company());
        int inARow = before == null ? 1 : before.inARow() + 1;
        Instant until = now.plus(RetryAfter.of(retryAfterHeader, now, LONGEST_RETRY_AFTER)
                .orElseGet(() -> backoff.after(inARow)));
        if (before != null && before.until().isAfter(until)) {
            until = before.until();
        }
        pauses.put(flatchr.company(), new Pause(until, inARow));
        return until;
    }

    /**
     * The call route's catch of a call that got no answer (refused, reset, timed out): Flatchr is paused as after a
     * 5xx without Retry-After, and the call fails all the same, with what was caught, for its caller to handle. Not
     * for an answer over the connector's size cap: Flatchr answered, the cap is ours, and pausing the company would
     * hold up its other calls (the write-back's) for nothing.
     */
    public void unanswered(@Variable(Variables.FLATCHR) FlatchrConnection flatchr,
                           @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception caught) throws Exception {
        AnswerLimits.AnswerBeyondLimits beyond = ObjectHelper.getException(AnswerLimits.AnswerBeyondLimits.class, caught);
        if (beyond == null || !beyond.tooLarge()) {
            pause(flatchr, null);
        }
        throw caught;
    }

    /** Flatchr took a call: the next pause without Retry-After starts from the first wait again. */
    public synchronized void answered(FlatchrConnection flatchr) {
        Instant now = clock.instant();
        pauses.computeIfPresent(flatchr.company(), (key, pause) -> pause.until().isAfter(now) ? pause : null);
    }
}
