package io.github.flatchrlucca.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.intake.IntakeRules;
import io.github.flatchrlucca.operations.ConnectorMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook's failures are counted as its tenant's webhook outcomes because its routes use the webhook's own
 * routeConfiguration (webhook-problems), whatever the routes are named; the admin API's are answered alike but
 * never counted as webhook traffic.
 */
class ProblemRepliesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProblemReplies replies = new ProblemReplies(JSON, new ConnectorMetrics(registry, null, Clock.systemUTC()));
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    @Test
    void aWebhookRefusalIsAnsweredAndCountedForItsTenant() throws Exception {
        Exchange exchange = failed(Problem.incomplete("h-1", List.of("data.candidate.email"), "no e-mail"));
        exchange.setVariable("tenant", tenant("acme"));

        replies.webhookProblem(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(422);
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(body(exchange).path("fields").get(0).asText()).isEqualTo("data.candidate.email");
        assertThat(webhooks("acme", "rejected")).isEqualTo(1.0);
    }

    @Test
    void beforeItsTokenIsCheckedAWebhookCallHasNoTenantToCountUnder() throws Exception {
        replies.webhookProblem(failed(Problem.unauthorized("A webhook token is required.")));

        assertThat(webhooks("unknown", "unauthorized")).isEqualTo(1.0);
    }

    @Test
    void anAdminRefusalIsAnsweredAlikeAndCountedAsNoWebhookOutcome() throws Exception {
        Exchange exchange = failed(Problem.badRequest("status", "Unknown status."));
        exchange.setVariable("tenant", tenant("acme"));

        replies.problem(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(body(exchange).path("field").asText()).isEqualTo("status");
        assertThat(registry.find("flatchr.webhooks").counters()).isEmpty();
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

    private double webhooks(String tenant, String outcome) {
        Counter counter = registry.find("flatchr.webhooks").tags("tenant", tenant, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static JsonNode body(Exchange exchange) throws Exception {
        return JSON.readTree(exchange.getMessage().getBody(String.class));
    }

    /** A tenant's intake rules, of which the answer to a failure asks only the id. */
    private static IntakeRules tenant(String id) {
        return (IntakeRules) Proxy.newProxyInstance(IntakeRules.class.getClassLoader(), new Class<?>[] {IntakeRules.class},
                (proxy, method, args) -> {
                    assertThat(method.getName()).isEqualTo("id");
                    return id;
                });
    }
}
