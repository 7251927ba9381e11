package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.http.RetryAfter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeException;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * What the team's chat said when it did not take an alert (routeConfiguration alert-failures): how long it asked to
 * wait before the next try, and a line for the log. The line names the chat's status or the failure's kind, never
 * the failure's message, which holds the chat's URL, a secret.
 */
public final class ChatRefusals implements Processor {

    /**
     * The longest wait a Retry-After gets: a chat asking for longer is tried again after this, and the alert is
     * given up if it still refuses. An alert is worth little an hour late, and it holds its place among the alerts
     * in the air meanwhile (routes/operations.camel.yaml).
     */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    private final Clock clock;

    public ChatRefusals(Clock clock) {
        this.clock = clock;
    }

    /**
     * As each try fails: Camel's redelivery waits as long as the chat's Retry-After asks, instead of its backoff,
     * when the failure is an answer that has one. Each try starts from the message as it was before the first, so
     * a wait set at one try is gone at the next.
     */
    @Override
    public void process(Exchange exchange) {
        askedToWait(exchange.getException()).ifPresent(wait ->
                exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, wait.toMillis()));
    }

    /**
     * Whether the chat's refusal may pass, so that the alert is tried again: busy (429), timed out (408), failing
     * (5xx), or no answer at all. Any other answer (a 404 or 403 of a wrong or revoked webhook URL) would be the same
     * at every try.
     */
    public boolean mayPass(@ExchangeException Exception failure) {
        return passing(failure);
    }

    static boolean passing(Throwable failure) {
        if (failure instanceof HttpOperationFailedException answer) {
            int status = answer.getStatusCode();
            return status == 408 || status == 429 || status >= 500;
        }
        return failure instanceof IOException;
    }

    /** The log's line for an alert given up: what the chat answered, or the kind of failure when it gave no answer. */
    public String said(Exchange exchange) {
        return describe(exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Exception.class));
    }

    static String describe(Throwable failure) {
        if (failure instanceof HttpOperationFailedException answer) {
            return "the chat answered " + answer.getStatusCode();
        }
        return failure.getClass().getSimpleName();
    }

    /**
     * The Retry-After of the chat's answer (seconds, as Slack and Mattermost send it, or an HTTP-date), at most the
     * longest; empty without one, or with one that cannot be read: the backoff's own wait.
     */
    Optional<Duration> askedToWait(Throwable failure) {
        if (!(failure instanceof HttpOperationFailedException answer) || answer.getResponseHeaders() == null) {
            return Optional.empty();
        }
        return answer.getResponseHeaders().entrySet().stream()
                .filter(header -> "Retry-After".equalsIgnoreCase(header.getKey()))
                .map(Map.Entry::getValue).findFirst()
                .flatMap(value -> RetryAfter.of(value, clock.instant(), LONGEST_WAIT));
    }
}
