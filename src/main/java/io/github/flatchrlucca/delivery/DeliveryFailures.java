package io.github.flatchrlucca.delivery;

import io.github.flatchrlucca.http.RetrySchedule;
import io.github.flatchrlucca.journal.CallHeldBack;
import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalRefusedValue;
import io.github.flatchrlucca.journal.JournalUnavailable;
import io.github.flatchrlucca.journal.EventDetail;
import io.github.flatchrlucca.lucca.LuccaCallFailed;
import io.github.flatchrlucca.lucca.PeopleOverBudget;
import io.github.flatchrlucca.lucca.LuccaRateLimited;
import io.github.flatchrlucca.signals.DeliveryAlerts;
import io.github.flatchrlucca.signals.DeliveryCounts;
import io.github.flatchrlucca.tenants.TenantChanged;
import io.github.flatchrlucca.routes.Variables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a hire whose attempt failed, one method per kind of failure named in the routes'
 * error handling. Every outcome is written to the journal: a failure is never only a log line. Every failed
 * attempt counts, whatever failed (Lucca, the network, the journal itself): it is followed by a wait that grows
 * with the attempts, and past RETRY_MAX_AGE_HOURS by death, so that no hire is ever retried without an end.
 */
public final class DeliveryFailures {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFailures.class);

    private final Journal journal;
    private final RetrySchedule schedule;
    private final Duration keyRejectedDelay;
    private final Clock clock;
    private final DeliveryCounts metrics;
    private final DeliveryAlerts alerts;
    // Failed attempts whose outcome the journal could not take: written at the next round it answers.
    private final Map<String, LeftBehind> leftBehind = new ConcurrentHashMap<>();

    private record LeftBehind(ClaimedHire hire, EventDetail failure) {
    }

    public DeliveryFailures(Journal journal, RetrySchedule schedule, Duration keyRejectedDelay, Clock clock,
                            DeliveryCounts metrics, DeliveryAlerts alerts) {
        this.journal = journal;
        this.schedule = schedule;
        this.keyRejectedDelay = keyRejectedDelay;
        this.clock = clock;
        this.metrics = metrics;
        this.alerts = alerts;
    }

    /** 400, 404, 409, 422: sending the same again would fail again. Lucca's answer is kept for a person. */
    public void refused(Exchange exchange) {
        die(hire(exchange), failure(exchange), "lucca-refused");
    }

    /**
     * Lucca refused the create (a 4xx) and the route reads Lucca again to understand why: it made nothing, whatever
     * fails next (the read, a namesake) and names its own call, so that neither the next attempt nor a stop takes it
     * for a create whose answer was lost. A stop that came while it was on its way took it for one: its mark is taken
     * back now, and the team's chat, told of a move out's, told it is gone.
     */
    public void createRefused(Exchange exchange) {
        ClaimedHire hire = hire(exchange);
        journal.markCreateRefused(hire.hireId());
        tellIfNoLongerUndecided(hire, journal.createAnsweredAfterStop(hire.hireId(), failure(exchange)));
    }

    /** The journal refuses a value of this hire (too long, malformed): it would refuse it at every attempt. */
    public void valueRefused(Exchange exchange) {
        JournalRefusedValue refused = caught(exchange, JournalRefusedValue.class);
        die(hire(exchange), new EventDetail(exchange.getVariable(Variables.LUCCA_CALL, String.class), null, null,
                refused.getMessage()), "journal-refused-value");
    }

    /** Delivering it would take a guess no retry changes (a namesake, names without Latin letters). */
    public void needsAPerson(Exchange exchange) {
        HireNeedsAPerson why = caught(exchange, HireNeedsAPerson.class);
        die(hire(exchange), new EventDetail(exchange.getVariable(Variables.LUCCA_CALL, String.class), null, null,
                why.getMessage()), why.reason());
    }

    /**
     * The hire falls back to a default department Lucca does not list: every attempt would be refused until the
     * setting is fixed. Dead at once, nothing sent, for a replay once it is.
     */
    public void defaultDepartmentUnlisted(Exchange exchange) {
        die(hire(exchange), new EventDetail(null, null, null, caught(exchange, DefaultDepartmentUnlisted.class)
                .getMessage()), "default-department-unlisted");
    }

    /**
     * 401, 403: no hire is at fault, but the key is nobody else's to fix: every hire of the tenant waits, at least
     * RETRY_KEY_REJECTED_DELAY_MS and longer as its attempts grow, and dies of old age like any other, so that a
     * key left broken comes to a person through the dead hires' alerts too.
     */
    public void keyRejected(Exchange exchange) {
        LuccaCallFailed cause = caught(exchange, LuccaCallFailed.class);
        ClaimedHire hire = hire(exchange);
        LOG.error("LUCCA REJECTS THE API KEY of tenant {} ({}): its hires are kept and tried again until the key is "
                + "valid and has the rights it needs", hire.tenant(), cause.status());
        Instant backoff = schedule.next(hire.attempts(), clock.instant());
        Instant keyDelay = clock.instant().plus(keyRejectedDelay);
        retryOrDie(hire, failure(exchange), backoff.isAfter(keyDelay) ? backoff : keyDelay, "key-rejected");
    }

    /** 429: back when Lucca says, not before; that wait does not grow with the attempts. */
    public void rateLimited(Exchange exchange) {
        LuccaRateLimited cause = caught(exchange, LuccaRateLimited.class);
        retryOrDie(hire(exchange), failure(exchange), clock.instant().plus(cause.retryAfter()), "rate-limited");
    }

    /**
     * Another hire of ours, being delivered now, holds the address or the candidate's own e-mail (the same person hired
     * into another vacancy): later, further apart each time, as long as that one takes, until RETRY_MAX_AGE_HOURS.
     */
    public void addressBusy(Exchange exchange) {
        ClaimedHire hire = hire(exchange);
        retryOrDie(hire, new EventDetail(null, null, null, caught(exchange, AddressBusy.class).getMessage()),
                schedule.next(hire.attempts(), clock.instant()), "address-busy");
    }

    /**
     * 408, 5xx, timeouts, lost connections, a call held back for a slow journal and anything unexpected: later,
     * further apart each time. A create held back was never sent: forgotten first, as a stop's is ({@link #stopped}).
     */
    public void retryLater(Exchange exchange) {
        ClaimedHire hire = hire(exchange);
        if (caught(exchange, CallHeldBack.class) != null && createUnsent(exchange)) {
            try {
                tellIfNoLongerUndecided(hire, journal.forgetHeldBackCreate(hire.hireId(), hire.createSent()));
            } catch (JournalUnavailable down) {
                // set aside as any outcome the journal cannot take, its create kept: "perhaps created" is the safe side
                leaveBehind(hire, failure(exchange));
                return;
            }
        }
        retryOrDie(hire, failure(exchange), schedule.next(hire.attempts(), clock.instant()), reason(exchange));
    }

    /**
     * The journal failed in the middle of a delivery, so the attempt's outcome cannot be written now and the hire
     * is still claimed by this instance. It is an attempt like any other: once the journal answers again (the next
     * round), the hire is given back with the next wait of its backoff, or dies of old age.
     */
    public void journalUnavailable(Exchange exchange) {
        String call = exchange.getVariable(Variables.LUCCA_CALL, String.class);
        leaveBehind(hire(exchange), new EventDetail(call, null, null, "the journal could not be reached"
                + (call == null ? " during the delivery" : " during " + call)));
    }

    /**
     * The hire was cancelled or withdrawn during its attempt: the attempt stops here and gives the hire back. Stopped
     * at its create, which was recorded before it would have been sent (the stop came while it waited for its turn in
     * Lucca's rate limit): Lucca never saw it, so nobody is asked to look for the account it would have made.
     */
    public void stopped(Exchange exchange) {
        ClaimedHire hire = hire(exchange);
        if (createUnsent(exchange)) {
            tellIfNoLongerUndecided(hire, journal.giveBackStopped(hire.hireId(), hire.createSent()));
        } else {
            journal.releaseClaim(hire.hireId());
        }
        // "hire 1f0c... was cancelled during its attempt", or withdrawn
        LOG.info("{}: the attempt ends here", exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)
                .getMessage());
    }

    /**
     * A reload took the hire's tenant away, or gave it another Lucca, during its attempt: no hire is at fault, and
     * nothing more is sent where the attempt began. Handed back as it was, this attempt not counted: it waits for its
     * tenant's return (its round no longer comes), or goes to the new Lucca at the next round.
     */
    public void tenantChanged(Exchange exchange) {
        String call = exchange.getVariable(Variables.LUCCA_CALL, String.class);
        // Stopped at its create: the hire goes back without it, or the next attempt (and a cancel) would take it for a
        // create whose answer was lost.
        ClaimedHire hire = hire(exchange);
        tellIfNoLongerUndecided(hire, journal.handBack(hire.hireId(), new EventDetail(call, null, null,
                caught(exchange, TenantChanged.class).getMessage() + (call == null ? "" : " before " + call)
                        + ": handed back, this attempt not counted"), createUnsent(exchange), hire.createSent()));
    }

    /** The team's chat was told a move out needed a decision: it is told the decision is no longer needed. */
    private void tellIfNoLongerUndecided(ClaimedHire hire, Optional<String> markTakenBack) {
        if (markTakenBack.filter(Journal.MOVED_OUT_CREATE_UNKNOWN::equals).isPresent()) {
            alerts.decisionNoLongerNeeded(hire.tenant(), hire.hireId());
        }
    }

    /**
     * Whether the call the attempt stopped at, never sent, is its create, which was recorded in the journal before it
     * would have been sent: Lucca never saw it.
     */
    private static boolean createUnsent(Exchange exchange) {
        Delivery delivery = exchange.getVariable(Variables.DELIVERY, Delivery.class);
        return delivery != null && delivery.isRecordedCreate(exchange.getMessage().getBody());
    }

    /**
     * Called at the start of every delivery round: writes the outcomes the journal could not take. False while
     * the journal still cannot be reached: those hires stay left behind, nothing is lost.
     */
    public boolean writeLeftBehind() {
        for (LeftBehind left : List.copyOf(leftBehind.values())) {
            leftBehind.remove(left.hire().hireId());
            retryOrDie(left.hire(), left.failure(), schedule.next(left.hire().attempts(), clock.instant()),
                    "journal-unavailable");
            if (leftBehind.containsKey(left.hire().hireId())) {
                return false;
            }
        }
        return true;
    }

    private void retryOrDie(ClaimedHire hire, EventDetail failure, Instant next, String reason) {
        // from the end of its hold, as its wait for Lucca: a hire held a day has the whole window for its retries
        if (schedule.expired(hire.waitingSince(), next)) {
            die(hire, failure, "expired");
        } else if (recorded(hire, failure, afterAStop(hire, written -> journal.retryLater(hire.hireId(), next,
                written)))) {
            metrics.hire(hire.tenant(), "retried", reason);
        }
    }

    private void die(ClaimedHire hire, EventDetail failure, String reason) {
        if (recorded(hire, failure, afterAStop(hire, written -> journal.markDead(hire.hireId(), written)))) {
            metrics.hire(hire.tenant(), "dead", reason);
            alerts.hireDead(hire.tenant(), hire.hireId(), failure.error());
        }
    }

    /**
     * The outcome's write, after what Lucca's answer to a create settles of a stop (a cancel, a move out of hired) that
     * came while it was on its way: one that made nothing (a 4xx, a 429) takes back the "the account may exist" mark
     * ({@link Journal#createAnsweredAfterStop}), before the write finds the hire stopped and gives it back.
     */
    private Predicate<EventDetail> afterAStop(ClaimedHire hire, Predicate<EventDetail> write) {
        return written -> {
            tellIfNoLongerUndecided(hire, journal.createAnsweredAfterStop(hire.hireId(), written));
            return write.test(written);
        };
    }

    /**
     * Writes an outcome: true when it was written, false when the hire was cancelled or taken over meanwhile (the
     * write changed nothing) or the journal is down (the hire is left behind, to be written once it answers). Lucca's
     * answer the journal refuses (a NUL PostgreSQL will not store, say) is left out, and the same outcome written
     * without it: a retry stays a retry, counted as one, and a death is still alerted. What is left is the
     * connector's own words (the call, the status, the error), which are no candidate's data for the journal to refuse.
     */
    private boolean recorded(ClaimedHire hire, EventDetail failure, Predicate<EventDetail> write) {
        try {
            return write.test(failure);
        } catch (JournalUnavailable e) {
            LOG.warn("the outcome of an attempt could not be written: the journal cannot be reached");
            leaveBehind(hire, failure);
            return false;
        } catch (JournalRefusedValue e) {
            if (failure.body() == null) {
                throw e; // nothing of Lucca's left to leave out
            }
            LOG.warn("hire {}: {}; written without Lucca's answer", hire.hireId(), e.getMessage());
            return recorded(hire, new EventDetail(failure.call(), failure.status(), null, failure.error()
                    + " (Lucca's answer was dropped: the journal could not store it)"), write);
        }
    }

    private void leaveBehind(ClaimedHire hire, EventDetail failure) {
        leftBehind.put(hire.hireId(), new LeftBehind(hire, failure));
    }

    private static String reason(Exchange exchange) {
        if (caught(exchange, LuccaCallFailed.class) != null) {
            return "lucca-unavailable";
        }
        if (caught(exchange, PeopleOverBudget.class) != null) {
            return "people-over-budget";
        }
        if (caught(exchange, CallHeldBack.class) != null) {
            return "journal-slow";
        }
        return caught(exchange, java.io.IOException.class) != null ? "connection" : "unexpected";
    }

    private static ClaimedHire hire(Exchange exchange) {
        return exchange.getVariable(Variables.HIRE, ClaimedHire.class);
    }

    /** Lucca's own words when it answered; otherwise only the kind of failure, which holds no personal data. */
    private static EventDetail failure(Exchange exchange) {
        LuccaCallFailed lucca = caught(exchange, LuccaCallFailed.class);
        if (lucca != null) {
            return new EventDetail(lucca.call(), lucca.status(), lucca.body(), lucca.getMessage());
        }
        Throwable caught = rootCause(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        String call = exchange.getVariable(Variables.LUCCA_CALL, String.class);
        // the budget's and the held-back call's own words name no one, and say what happened
        String what = caught instanceof PeopleOverBudget || caught instanceof CallHeldBack ? caught.getMessage()
                : caught.getClass().getSimpleName();
        return new EventDetail(call, null, null, what + (call == null ? " while preparing the hire" : " during " + call));
    }

    /** Lucca's failure may arrive wrapped, when a step called Lucca through a producer template. */
    private static <T extends Throwable> T caught(Exchange exchange, Class<T> type) {
        return ObjectHelper.getException(type, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    private static Throwable rootCause(Throwable caught) {
        Throwable root = caught;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
