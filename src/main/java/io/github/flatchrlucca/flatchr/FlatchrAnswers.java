package io.github.flatchrlucca.flatchr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.flatchrlucca.routes.Variables;
import java.io.IOException;
import org.apache.camel.Exchange;

/**
 * Reads Flatchr's answer to one call: a success becomes its JSON, an application Flatchr does not have becomes a
 * missing node (the reference says to read that 404 as "this API does not have it"), anything else the failure
 * that says what to do next. A 429, 408 or 5xx also pauses every call to that company (Retry-After), so one refusal
 * does not become twenty.
 */
public final class FlatchrAnswers {

    /** Told of every answer Flatchr gives: which tenant, which call, which status. */
    public interface CallObserver {
        void answered(String tenant, String call, int status);
    }

    private final ObjectMapper json;
    private final CallObserver observer;
    private final FlatchrPause pause;

    public FlatchrAnswers(ObjectMapper json, CallObserver observer, FlatchrPause pause) {
        this.json = json;
        this.observer = observer;
        this.pause = pause;
    }

    /** @throws FlatchrCallFailed for an error, and for a 2xx whose body is not JSON ({@code Unreadable}) */
    public JsonNode check(Exchange exchange) {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String call = String.valueOf(exchange.getVariable(Variables.FLATCHR_CALL));
        FlatchrConnection flatchr = exchange.getVariable(Variables.FLATCHR, FlatchrConnection.class);
        observer.answered(flatchr.tenant(), call, status);
        flatchr.credentials().answered(status);
        if (status >= 200 && status < 300) {
            pause.answered(flatchr);
            String body = exchange.getMessage().getBody(String.class);
            try {
                return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
            } catch (IOException e) {
                throw new FlatchrCallFailed.Unreadable(call, status);
            }
        }
        if (status == 404 && FlatchrRequests.READ_APPLICATION.equals(call)) {
            return MissingNode.getInstance();
        }
        FlatchrCallFailed failure = failure(call, status);
        if (failure instanceof FlatchrCallFailed.Unavailable) {
            pause.pause(flatchr, exchange.getMessage().getHeader("Retry-After", String.class));
        }
        throw failure;
    }

    static FlatchrCallFailed failure(String call, int status) {
        if (status == 401 || status == 403) {
            return new FlatchrCallFailed.KeyRejected(call, status);
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new FlatchrCallFailed.Refused(call, status);
        }
        return new FlatchrCallFailed.Unavailable(call, status);
    }
}
