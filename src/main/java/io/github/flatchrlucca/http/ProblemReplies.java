package io.github.flatchrlucca.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.journal.JournalRefusedValue;
import io.github.flatchrlucca.journal.JournalUnavailable;
import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The shared answer to anything thrown while handling an HTTP call: problem+json, no stack trace. */
public final class ProblemReplies {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemReplies.class);

    private final ObjectMapper json;

    public ProblemReplies(ObjectMapper json) {
        this.json = json;
    }

    /** The admin API's and the status page's answer to a failure. */
    public void problem(Exchange exchange) {
        Problem problem = caught(exchange);
        JsonReply.respond(json, exchange, problem.status(), "application/problem+json", problem.document());
    }

    /**
     * The problem to answer a failure with: the one thrown, or what the failure means to the caller (400, 503,
     * 500). The webhook's answer, counted as its tenant's outcome, is the intake's (WebhookReplies.problem).
     */
    public static Problem caught(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // A bean called from an expression arrives wrapped in Camel's own exception: look inside.
        Problem known = ObjectHelper.getException(Problem.class, caught);
        return known != null ? known : unexpected(caught);
    }

    private static Problem unexpected(Throwable caught) {
        // The intake checks every field's size first: a value the journal still refuses is this call's fault, not
        // an outage, and sending it again would not help.
        JournalRefusedValue refused = ObjectHelper.getException(JournalRefusedValue.class, caught);
        if (refused != null) {
            LOG.warn("answered 400: {}", refused.getMessage());
            return Problem.badRequest("body", "A value in the body is too long or malformed to be recorded; "
                    + "nothing was recorded.");
        }
        JournalUnavailable journal = ObjectHelper.getException(JournalUnavailable.class, caught);
        if (journal != null) {
            LOG.error("answered 503: {} ({})", journal.getMessage(), journal.getCause() == null ? "no cause"
                    : journal.getCause().getClass().getSimpleName());
            return Problem.unavailable();
        }
        LOG.error("an HTTP call failed unexpectedly", caught);
        return Problem.internal();
    }
}
