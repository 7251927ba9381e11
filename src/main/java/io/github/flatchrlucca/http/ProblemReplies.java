package io.github.flatchrlucca.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.intake.IntakeRules;
import io.github.flatchrlucca.journal.JournalRefusedValue;
import io.github.flatchrlucca.journal.JournalUnavailable;
import io.github.flatchrlucca.operations.ConnectorMetrics;
import io.github.flatchrlucca.routes.Variables;
import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The shared answer to anything thrown while handling an HTTP call: problem+json, no stack trace. */
public final class ProblemReplies {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemReplies.class);

    private final ObjectMapper json;
    private final ConnectorMetrics metrics;

    public ProblemReplies(ObjectMapper json, ConnectorMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    /** The admin API's and the status page's answer to a failure. */
    public void problem(Exchange exchange) {
        Problem problem = caught(exchange);
        JsonReply.respond(json, exchange, problem.status(), "application/problem+json", problem.document());
    }

    /** The webhook's answer to a failure, counted as a webhook outcome of its tenant (routeConfiguration webhook-problems). */
    public void webhookProblem(Exchange exchange) {
        Problem problem = caught(exchange);
        IntakeRules tenant = exchange.getVariable(Variables.TENANT, IntakeRules.class);
        // Before the token is checked the tenant is only a claim of the URL: not a label.
        metrics.webhook(tenant == null ? "unknown" : tenant.id(), webhookOutcome(problem.status()));
        JsonReply.respond(json, exchange, problem.status(), "application/problem+json", problem.document());
    }

    private static Problem caught(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // A bean called from an expression arrives wrapped in Camel's own exception: look inside.
        Problem known = ObjectHelper.getException(Problem.class, caught);
        return known != null ? known : unexpected(caught);
    }

    /** The label a webhook answered with this status is counted under. */
    public static String webhookOutcome(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "other-company";
            case 422 -> "rejected";
            case 503 -> "unavailable";
            case 500 -> "failed";
            default -> "invalid";
        };
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
