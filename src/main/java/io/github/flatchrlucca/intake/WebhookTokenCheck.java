package io.github.flatchrlucca.intake;

import io.github.flatchrlucca.http.Problem;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Refuses a webhook call whose URL does not carry the token, before its body is even read. */
public final class WebhookTokenCheck implements Processor {

    private final WebhookToken token;

    public WebhookTokenCheck(WebhookToken token) {
        this.token = token;
    }

    @Override
    public void process(Exchange exchange) {
        String given = exchange.getIn().getHeader("token", String.class);
        // The token must not travel further with the message (logs, tracing, error handlers).
        exchange.getIn().removeHeader("token");
        if (!token.matches(given)) {
            throw Problem.unauthorized("The token in the webhook URL is missing or wrong.");
        }
    }
}
