package io.github.flatchrlucca.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admin API's and the status page's failures are answered as problem+json, without the failure's own words
 * when it was unexpected (the webhook's, counted too, are WebhookRepliesTest's).
 */
class ProblemRepliesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProblemReplies replies = new ProblemReplies(JSON);
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    @Test
    void anAdminRefusalIsAnsweredWithTheFieldItNames() throws Exception {
        Exchange exchange = failed(Problem.badRequest("status", "Unknown status."));

        replies.problem(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(body(exchange).path("field").asText()).isEqualTo("status");
    }

    @Test
    void anUnexpectedFailureIsA500WithoutItsMessage() throws Exception {
        Exchange exchange = failed(new IllegalStateException("secret detail of the failure"));

        replies.problem(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(500);
        assertThat(exchange.getMessage().getBody(String.class)).doesNotContain("secret detail");
    }

    private Exchange failed(Exception caught) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, caught);
        return exchange;
    }

    private static JsonNode body(Exchange exchange) throws Exception {
        return JSON.readTree(exchange.getMessage().getBody(String.class));
    }
}
