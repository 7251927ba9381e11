package io.github.flatchrlucca.delivery;

import io.github.flatchrlucca.journal.Hire;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalUnavailable;
import io.github.flatchrlucca.journal.LuccaFailure;
import io.github.flatchrlucca.lucca.LuccaCallFailed;
import io.github.flatchrlucca.lucca.LuccaRateLimited;
import io.github.flatchrlucca.operations.Alerts;
import io.github.flatchrlucca.operations.ConnectorMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a hire whose attempt failed, one method per kind of failure named in the routes'
 * error handling. Every outcome is written to the journal: a failure is never only a log line.
 */
public final class DeliveryFailures {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFailures.class);

    private final Journal journal;
    private final RetrySchedule schedule;
    private final Duration keyRejectedDelay;
    private final Clock clock;
    private final ConnectorMetrics metrics;
    private final Alerts alerts;
    private final Consumer<Hire> journalLost;

    /** @param journalLost told when an outcome could not be written because the journal is down */
    public DeliveryFailures(Journal journal, RetrySchedule schedule, Duration keyRejectedDelay, Clock clock,
                            ConnectorMetrics metrics, Alerts alerts, Consumer<Hire> journalLost) {
        this.journal = journal;
        this.schedule = schedule;
        this.keyRejectedDelay = keyRejectedDelay;
        this.clock = clock;
        this.metrics = metrics;
        this.alerts = alerts;
        this.journalLost = journalLost;
    }

    /** 400, 404, 409, 422: sending the same again would fail again. Lucca's answer is kept for a person. */
    public void refused(Exchange exchange) {
        die(exchange, "lucca-refused");
    }

    /** 401, 403: no hire is at fault, so none dies of it; all wait until the key works again. */
    public void keyRejected(Exchange exchange) {
        LuccaCallFailed cause = caught(exchange, LuccaCallFailed.class);
        Hire hire = hire(exchange);
        LOG.error("LUCCA REJECTS THE API KEY of tenant {} ({}): its hires are kept and retried every {} s until the "
                + "key is valid and has the rights it needs", hire.tenant(), cause.status(), keyRejectedDelay.toSeconds());
        if (recorded(hire, () -> journal.retryLater(hire.hireId(), clock.instant().plus(keyRejectedDelay),
                failure(exchange)))) {
            metrics.hire(hire.tenant(), "retried", "key-rejected");
        }
    }

    /** 429: back when Lucca says, not before; that wait does not grow with the attempts. */
    public void rateLimited(Exchange exchange) {
        LuccaRateLimited cause = caught(exchange, LuccaRateLimited.class);
        retryOrDie(exchange, clock.instant().plus(cause.retryAfter()), "rate-limited");
    }

    /** 408, 5xx, timeouts, lost connections and anything unexpected: later, further apart each time. */
    public void retryLater(Exchange exchange) {
        Hire hire = hire(exchange);
        retryOrDie(exchange, schedule.next(hire.attempts(), clock.instant()), reason(exchange));
    }

    private void retryOrDie(Exchange exchange, Instant next, String reason) {
        Hire hire = hire(exchange);
        if (schedule.expired(hire.queuedAt(), next)) {
            die(exchange, "expired");
        } else {
            if (recorded(hire, () -> journal.retryLater(hire.hireId(), next, failure(exchange)))) {
                metrics.hire(hire.tenant(), "retried", reason);
            }
        }
    }

    private void die(Exchange exchange, String reason) {
        LuccaFailure failure = failure(exchange);
        Hire hire = hire(exchange);
        if (recorded(hire, () -> journal.markDead(hire.hireId(), failure))) {
            metrics.hire(hire.tenant(), "dead", reason);
            alerts.hireDead(hire.tenant(), hire.hireId(), failure.error());
        }
    }

    /** Writes an outcome; with the journal down the hire stays claimed, to be given back once it returns. */
    private boolean recorded(Hire hire, Runnable write) {
        try {
            write.run();
            return true;
        } catch (JournalUnavailable e) {
            LOG.warn("the outcome of an attempt could not be written: the journal cannot be reached");
            journalLost.accept(hire);
            return false;
        }
    }

    private static String reason(Exchange exchange) {
        if (caught(exchange, LuccaCallFailed.class) != null) {
            return "lucca-unavailable";
        }
        return caught(exchange, java.io.IOException.class) != null ? "connection" : "unexpected";
    }

    private static Hire hire(Exchange exchange) {
        return exchange.getVariable("hire", Hire.class);
    }

    /** Lucca's own words when it answered; otherwise only the kind of failure, which holds no personal data. */
    private static LuccaFailure failure(Exchange exchange) {
        LuccaCallFailed lucca = caught(exchange, LuccaCallFailed.class);
        if (lucca != null) {
            return new LuccaFailure(lucca.call(), lucca.status(), lucca.body(), lucca.getMessage());
        }
        Throwable caught = rootCause(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        String call = exchange.getVariable("luccaCall", String.class);
        return new LuccaFailure(call, null, null, caught.getClass().getSimpleName()
                + (call == null ? " while preparing the hire" : " during " + call));
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
