package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.journal.JournalClock;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.JournalUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the journal answered when it was last asked, for the readiness check "journal": without it no hire can be
 * accepted (the webhook answers 503), so a load balancer should send Flatchr's calls elsewhere. A timer asks (route
 * watch-journal), never a health request: a journal that is down answers only after the pool's connection timeout
 * (3 s), and Camel serves the management port's requests (health and metrics) one after the other, so a readiness
 * request that waited for it held the liveness request behind it past the kubelet's timeout, and Kubernetes
 * restarted a connector that cannot start while the journal is down. Not a liveness check: restarting does not
 * bring a database back.
 * <p>
 * Its answer is the journal's time, and with it how far this instance's clock is off the journal's, which the
 * {@link JournalClock} every lease, hold and Lucca rate-limit window is reckoned on follows: instances sharing a journal
 * agree on them whatever their machines' clocks say. The first look is made before any route starts. A clock that far
 * off is still told, in the log when it goes past {@link #SKEW_TOLD} and when it is back under half of it, and as a
 * metric with its alert rule: the log's lines are dated by this machine's clock.
 */
public final class JournalWatch {

    private static final Logger LOG = LoggerFactory.getLogger(JournalWatch.class);

    /** The readiness check's message while the journal does not answer. */
    public static final String DOWN = "The journal cannot be reached: webhooks are answered 503 until it is back.";

    /** A skew past which the log says so: far above a query's own time, well under a rate-limit window's effect. */
    static final Duration SKEW_TOLD = Duration.ofSeconds(5);

    private final JournalReader reader;
    private final Clock clock;
    private final JournalClock journalTime;
    // The start opened the journal, or stopped (JournalOpening): until the timer's first look, it answered.
    private volatile boolean answers = true;
    // null until the journal's time was read
    private volatile Duration skew;
    private boolean skewTold;

    /**
     * @param clock       this machine's clock, the one measured
     * @param journalTime told each measured offset
     */
    public JournalWatch(JournalReader reader, Clock clock, JournalClock journalTime) {
        this.reader = reader;
        this.clock = clock;
        this.journalTime = journalTime;
    }

    /** The timer's: asks the journal its time, and keeps its answer for the readiness check and the metric. */
    public synchronized void look() {
        Instant asked = clock.instant();
        Instant journalSays;
        try {
            journalSays = reader.time();
        } catch (JournalUnavailable e) {
            answers = false;
            return;
        }
        answers = true;
        Instant answered = clock.instant();
        // against the middle of the question's round trip, whose length would otherwise count as skew
        Duration halfTrip = Duration.between(asked, answered).dividedBy(2);
        skew = Duration.between(asked.plus(halfTrip), journalSays);
        // half the trip is the measure's error: a slow look still sets a clock minutes off right, within that error
        journalTime.offBy(skew, halfTrip);
        // back in step only under half the limit: a clock hovering at the limit (NTP slewing it, a query's jitter)
        // would otherwise log at every look
        boolean tooFar = skew.abs().compareTo(skewTold ? SKEW_TOLD.dividedBy(2) : SKEW_TOLD) > 0;
        if (tooFar && !skewTold) {
            LOG.warn("This instance's clock is {} ms ahead of the journal's (negative: behind): leases, holds and "
                    + "Lucca's rate limit follow the journal's, but the log's times are this clock's; keep it in step "
                    + "(NTP)", -skew.toMillis());
        } else if (!tooFar && skewTold) {
            LOG.info("This instance's clock is in step with the journal's again ({} ms ahead)", -skew.toMillis());
        }
        skewTold = tooFar;
    }

    /** Whether the journal answered when last asked: the health request's question, which never waits. */
    public boolean answers() {
        return answers;
    }

    /** How far this instance's clock is ahead of the journal's (negative: behind), in seconds; NaN before the first look. */
    public double clockAheadSeconds() {
        Duration known = skew;
        return known == null ? Double.NaN : -known.toMillis() / 1000.0;
    }
}
