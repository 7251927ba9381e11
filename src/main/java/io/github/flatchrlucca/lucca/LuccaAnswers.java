package io.github.flatchrlucca.lucca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.http.RetryAfter;
import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.routes.Variables;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.Exchange;

/**
 * Reads Lucca's answer to one call: a success becomes its JSON, anything else the failure that says
 * what to do next. A 429 also pauses every other call, so one refusal does not become fifty.
 */
public final class LuccaAnswers {

    // Lucca's error bodies are undocumented free text; keep enough for an operator, not a novel.
    private static final int KEPT_BODY_CHARS = 4000;
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);
    // One answer must not silence every call for days: past an hour the journal's own retries take over.
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

    /** Told of every answer Lucca gives: which tenant, which call, which status. */
    public interface CallObserver {
        void answered(String tenant, String call, int status);
    }

    private final ObjectMapper json;
    private final LuccaRateLimiter limiter;
    private final CallObserver observer;
    private final Clock clock;

    public LuccaAnswers(ObjectMapper json, LuccaRateLimiter limiter, CallObserver observer, Clock clock) {
        this.json = json;
        this.limiter = limiter;
        this.observer = observer;
        this.clock = clock;
    }

    public JsonNode check(Exchange exchange) throws IOException {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = exchange.getMessage().getBody(String.class);
        String call = String.valueOf(exchange.getVariable(Variables.LUCCA_CALL));
        LuccaConnection lucca = exchange.getVariable(Variables.LUCCA, LuccaConnection.class);
        limiter.answered(exchange.getVariable(Variables.LUCCA_SLOT, Long.class));
        observer.answered(lucca.tenant(), call, status);
        if (LuccaRequests.TRY_KEY.equals(call)) {
            lucca.credentials().answeredFirstTry(status);
        } else {
            // the hire the call is for, if any: a 403 to one hire's create may be that hire's, not the key's
            lucca.credentials().answered(call, exchange.getVariable(Variables.HIRE) instanceof ClaimedHire hire
                    ? hire.hireId() : null, status);
        }
        if (status >= 200 && status < 300) {
            return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
        }
        throw failure(lucca, call, status, kept(body), exchange.getMessage().getHeader("Retry-After", String.class));
    }

    LuccaCallFailed failure(LuccaConnection lucca, String call, int status, String body, String retryAfterHeader) {
        if (status == 429) {
            Duration retryAfter = retryAfter(retryAfterHeader);
            limiter.pauseFor(lucca, retryAfter);
            return new LuccaRateLimited(call, body, retryAfter);
        }
        if (status == 401 || status == 403) {
            return new LuccaKeyRejected(call, status, body);
        }
        if (status >= 400 && status < 500 && status != 408) {
            return new LuccaRefused(call, status, body);
        }
        // 408, 5xx, and anything Lucca does not answer with (a redirect from a wrong base URL, no status):
        // not the hire's fault, so it is tried again, and dies only of old age.
        return new LuccaUnavailable(call, status, body);
    }

    /**
     * Retry-After, capped; a missing or odd value falls back to a whole window. Lucca sends seconds; an HTTP-date
     * (a proxy before it may send one) is honoured too, as the standard allows either.
     */
    Duration retryAfter(String header) {
        return RetryAfter.of(header, clock.instant(), LONGEST_RETRY_AFTER).orElse(DEFAULT_RETRY_AFTER);
    }

    /** Lucca's answer as a failure keeps it: enough for an operator, not a novel. */
    static String kept(String body) {
        if (body == null) {
            return null;
        }
        return body.length() <= KEPT_BODY_CHARS ? body : body.substring(0, KEPT_BODY_CHARS) + "...";
    }
}
