package io.github.flatchrlucca.flatchr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.flatchrlucca.routes.Variables;
import java.io.IOException;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * Reads Flatchr's answer to one call: a success becomes its JSON, an application whose details Flatchr does not give
 * becomes a missing node (the reference says to read a 404 as "this API does not have it"), anything else the
 * failure that says what to do next. A 429, 408 or 5xx also pauses every call to that company (Retry-After), so one refusal
 * does not become twenty.
 */
public final class FlatchrAnswers {

    /** Told of every answer Flatchr gives: which tenant, which call, which status. */
    public interface CallObserver {
        void answered(String tenant, String call, int status);
    }

    /** The fields an API commonly wraps a list in: a search's answer so wrapped is read as its list. */
    private static final List<String> LIST_FIELDS = List.of("data", "items", "results", "applicants");

    private final ObjectMapper json;
    private final CallObserver observer;
    private final FlatchrPause pause;

    public FlatchrAnswers(ObjectMapper json, CallObserver observer, FlatchrPause pause) {
        this.json = json;
        this.observer = observer;
        this.pause = pause;
    }

    /**
     * @throws FlatchrCallFailed for an error, and for a 2xx whose body is not JSON, or a search's that holds no list
     *                           ({@code Unreadable})
     */
    public JsonNode check(Exchange exchange) {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String call = String.valueOf(exchange.getVariable(Variables.FLATCHR_CALL));
        FlatchrConnection flatchr = exchange.getVariable(Variables.FLATCHR, FlatchrConnection.class);
        observer.answered(flatchr.tenant(), call, status);
        if (FlatchrRequests.READ_APPLICATION.equals(call) && detailsNotGiven(status)) {
            // the search, with the same key, found the application a moment ago: its details withheld say nothing
            // of the key, and the search's item stands in for them, as for a 404
            return MissingNode.getInstance();
        }
        flatchr.credentials().answered(call, status);
        if (status >= 200 && status < 300) {
            pause.answered(flatchr);
            String body = exchange.getMessage().getBody(String.class);
            JsonNode answer;
            try {
                answer = body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
            } catch (IOException e) {
                throw new FlatchrCallFailed.Unreadable(call, status, "a body that is not JSON");
            }
            return FlatchrRequests.SEARCH.equals(call) ? applications(call, status, answer) : answer;
        }
        FlatchrCallFailed failure = failure(call, status);
        if (failure instanceof FlatchrCallFailed.Unavailable) {
            pause.pause(flatchr, exchange.getMessage().getHeader("Retry-After", String.class));
        }
        throw failure;
    }

    /**
     * A search's answer as the list it is, whoever reads it (the search for hires, for moves, the write-back's search
     * by e-mail): the reference documents one JSON array and asks for a lenient client, so an object that holds the
     * list under one of {@link #LIST_FIELDS} (exactly one of them a list) is read as that list too. Anything else (an
     * object holding no such list, a scalar, an empty body) is unreadable: read as "nothing found", it would move the
     * search's window past days never searched.
     */
    private static JsonNode applications(String call, int status, JsonNode answer) {
        if (answer.isArray()) {
            return answer;
        }
        List<JsonNode> lists = LIST_FIELDS.stream().map(answer::path).filter(JsonNode::isArray).toList();
        if (answer.isObject() && lists.size() == 1) {
            return lists.get(0);
        }
        throw new FlatchrCallFailed.Unreadable(call, status, "a body that is not a list of applications");
    }

    /**
     * An answer to the (undocumented) call for one application's details that refuses this application, not the
     * connector: a 404 as the reference says, and any other 4xx but 401 (the key expired: every call answers it),
     * 408 and 429 (Flatchr cannot answer now). A 403 on one application whose search went through is that
     * application's (a vacancy the key may not read, say); read as a rejected key, it would fail every run at it, the
     * hires after it never recorded, and alert that a key that works is to be replaced. Any but a 404 is counted by
     * the run that asked, and said at its end (ReconciliationSteps#detailsAnswered): one to every application's
     * details (a key without the right to that call) must not go unseen.
     */
    private static boolean detailsNotGiven(int status) {
        return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
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
