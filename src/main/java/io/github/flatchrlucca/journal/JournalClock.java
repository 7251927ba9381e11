package io.github.flatchrlucca.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The time every instance sharing a journal reckons with: this machine's clock, moved by how far it is off the
 * journal's (measured by the operations' watch of the journal, {@link #offBy}). Leases, holds, next attempts and Lucca's
 * rate-limit windows are written by one instance and compared by another: reckoned on each instance's own clock, one
 * three minutes ahead took over a hire another was still delivering, and one 20 s ahead granted 63 calls in 45 s
 * against a budget of 50 a minute. On the journal's time they agree whatever the machines' clocks say, as ShedLock's
 * {@code usingDbTime()} does for its locks. An embedded journal's time is this machine's: the offset stays zero.
 * A {@link Clock} of its own, not a query per reading: the journal and the delivery read the time many times a
 * second, and the journal's time moves with this machine's between two measurements.
 */
public final class JournalClock extends Clock {

    /**
     * Under this a newly measured offset is not applied, nor under the measure's own error (half its question's round
     * trip): times moving back and forth by that much at every look would buy nothing, where a lease lasts minutes and
     * a rate-limit window seconds, and a look that waited (a pooled connection, a stalled database) would move them by
     * half its wait.
     */
    public static final Duration JITTER = Duration.ofMillis(250);
    /**
     * How far two instances' journal times may still differ while the journal answers within half a second: each may
     * be off the journal's by a change it did not follow (under {@link #JITTER}) plus its measure's error (half a
     * round trip), in opposite directions. A claim is given up this much before its end, as another instance
     * may see it end that much sooner.
     */
    public static final Duration DISAGREEMENT = JITTER.multipliedBy(4);

    private final Clock local;
    private volatile Duration offset = Duration.ZERO;

    public JournalClock(Clock local) {
        this.local = local;
    }

    /**
     * The journal's time is {@code journalAhead} ahead of this machine's (negative: behind), as last measured, give or
     * take {@code error}.
     */
    public void offBy(Duration journalAhead, Duration error) {
        Duration ignored = error.compareTo(JITTER) > 0 ? error : JITTER;
        if (journalAhead.minus(offset).abs().compareTo(ignored) > 0) {
            offset = journalAhead;
        }
    }

    @Override
    public Instant instant() {
        return local.instant().plus(offset);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return local.getZone();
    }

    /** The journal's time in another zone: the same instants, which are all the journal compares. */
    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(local.withZone(zone), offset);
    }
}
