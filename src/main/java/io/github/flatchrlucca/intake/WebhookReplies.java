package io.github.flatchrlucca.intake;

import io.github.flatchrlucca.http.JsonReply;
import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.http.ProblemReplies;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.journal.IntakeResult;
import io.github.flatchrlucca.journal.MoveOut;
import io.github.flatchrlucca.signals.WebhookCounts;
import io.github.flatchrlucca.routes.Variables;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * Every answer the webhook gives. Each one starts from a clean message, so no header of the request
 * (nor anything else a step set) leaks back to the caller.
 */
public final class WebhookReplies {

    private final ObjectMapper json;
    private final WebhookCounts metrics;

    public WebhookReplies(ObjectMapper json, WebhookCounts metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    public void ignored(Exchange exchange) {
        ignored(exchange, exchange.getVariable(Variables.VERDICT, HireVerdict.class).reason());
    }

    private void ignored(Exchange exchange, String reason) {
        metrics.webhook(tenant(exchange), "ignored");
        respond(exchange, 200, "application/json", Map.of("status", "ignored", "reason", reason));
    }

    /**
     * A candidate moved out of hired: still 200, as before, with what it meant to the hire the journal holds
     * (withdrawn, needs-decision, already stopped, already moved out), or ignored when the journal holds none. Of two hires of one
     * application (a webhook's and a search's whose e-mails differed), the answer is the most pressing one's.
     */
    public void movedOut(Exchange exchange) {
        Optional<MoveOut> foremost = exchange.getVariable(Variables.MOVE_OUT, List.class).stream()
                .map(MoveOut.class::cast).min(Comparator.comparing(MoveOut::outcome));
        if (foremost.isEmpty()) {
            // the move's own reason names the recruiter who moved the candidate: not Flatchr's answer to read
            ignored(exchange, FlatchrEventClassifier.NOT_A_TRIGGER);
            return;
        }
        metrics.webhook(tenant(exchange), foremost.get().label());
        respond(exchange, 200, "application/json", status(foremost.get().label(), foremost.get().hireId()));
    }

    /** After the journal committed: only now may Flatchr hear that the hire is safe. */
    public void recorded(Exchange exchange) {
        IntakeResult result = exchange.getVariable(Variables.INTAKE, IntakeResult.class);
        HireVerdict verdict = exchange.getVariable(Variables.VERDICT, HireVerdict.class);
        // However often it is sent, a hire of another company is refused, never "duplicate".
        if (verdict.isOtherCompany()) {
            throw Problem.otherCompany(result.hireId(), verdict.reason());
        }
        switch (result.outcome()) {
            case ACCEPTED -> {
                metrics.webhook(tenant(exchange), "accepted");
                respond(exchange, 202, "application/json", status("accepted", result.hireId()));
            }
            case DUPLICATE -> {
                metrics.webhook(tenant(exchange), "duplicate");
                respond(exchange, 200, "application/json", status("duplicate", result.hireId()));
            }
            case REJECTED -> throw Problem.incomplete(result.hireId(), verdict.fields(), verdict.rejection());
        }
    }

    /** The webhook's answer to a failure, counted as a webhook outcome of its tenant (routeConfiguration webhook-problems). */
    public void problem(Exchange exchange) {
        Problem problem = ProblemReplies.caught(exchange);
        IntakeRules tenant = exchange.getVariable(Variables.TENANT, IntakeRules.class);
        // Before the token is checked the tenant is only a claim of the URL: not a label.
        metrics.webhook(tenant == null ? "unknown" : tenant.id(), outcome(problem.status()));
        respond(exchange, problem.status(), "application/problem+json", problem.document());
    }

    /** The label a webhook answered with this status is counted under. */
    public static String outcome(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "other-company";
            case 422 -> "rejected";
            case 503 -> "unavailable";
            case 500 -> "failed";
            default -> "invalid";
        };
    }

    private static String tenant(Exchange exchange) {
        return exchange.getVariable(Variables.TENANT, IntakeRules.class).id();
    }

    private static Map<String, Object> status(String status, String hireId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("hireId", hireId);
        return body;
    }

    private void respond(Exchange exchange, int status, String contentType, Map<String, Object> body) {
        JsonReply.respond(json, exchange, status, contentType, body);
    }
}
