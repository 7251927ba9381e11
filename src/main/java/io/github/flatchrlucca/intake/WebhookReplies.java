package io.github.flatchrlucca.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.journal.IntakeResult;
import io.github.flatchrlucca.journal.JournalUnavailable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every answer the webhook gives. Each one starts from a clean message, so no header of the request
 * (nor anything else a step set) leaks back to the caller.
 */
public final class WebhookReplies {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReplies.class);

    private final ObjectMapper json;

    public WebhookReplies(ObjectMapper json) {
        this.json = json;
    }

    public void ignored(Exchange exchange) {
        HireVerdict verdict = exchange.getVariable("verdict", HireVerdict.class);
        respond(exchange, 200, "application/json", Map.of("status", "ignored", "reason", verdict.reason()));
    }

    /** After the journal committed: only now may Flatchr hear that the hire is safe. */
    public void recorded(Exchange exchange) {
        IntakeResult result = exchange.getVariable("intake", IntakeResult.class);
        switch (result.outcome()) {
            case ACCEPTED -> respond(exchange, 202, "application/json", status("accepted", result.hireId()));
            case DUPLICATE -> respond(exchange, 200, "application/json", status("duplicate", result.hireId()));
            case REJECTED -> throw WebhookProblem.incomplete(result.hireId(),
                    exchange.getVariable("verdict", HireVerdict.class).missingFields());
        }
    }

    /** The shared answer to anything thrown while handling a webhook: problem+json, no stack trace. */
    public void problem(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        WebhookProblem problem = caught instanceof WebhookProblem known ? known : unexpected(caught);
        respond(exchange, problem.status(), "application/problem+json", problem.document());
    }

    private static WebhookProblem unexpected(Throwable caught) {
        if (caught instanceof JournalUnavailable) {
            LOG.error("webhook refused with 503: {}", caught.getMessage(), caught.getCause());
            return WebhookProblem.unavailable();
        }
        LOG.error("webhook failed unexpectedly", caught);
        return WebhookProblem.internal();
    }

    private static Map<String, Object> status(String status, String hireId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("hireId", hireId);
        return body;
    }

    private void respond(Exchange exchange, int status, String contentType, Map<String, Object> body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        try {
            message.setBody(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook answer could not be written", e);
        }
    }
}
