package io.github.flatchrlucca.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.journal.MoveOut;
import io.github.flatchrlucca.routes.Variables;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.ExchangeBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook's failures are counted as its tenant's webhook outcomes because its routes use the webhook's own
 * routeConfiguration (webhook-problems), whatever the routes are named.
 */
class WebhookRepliesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> counted = new ArrayList<>();
    private final WebhookReplies replies = new WebhookReplies(JSON, (tenant, outcome) -> counted.add(tenant + " " + outcome));
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    @Test
    void aWebhookRefusalIsAnsweredAndCountedForItsTenant() throws Exception {
        Exchange exchange = failed(Problem.incomplete("h-1", List.of("data.candidate.email"), "no e-mail"));
        exchange.setVariable("tenant", tenant("acme"));

        replies.problem(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(422);
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(exchange.getMessage().getBody(String.class)).path("fields").get(0).asText())
                .isEqualTo("data.candidate.email");
        assertThat(counted).containsExactly("acme rejected");
    }

    @Test
    void beforeItsTokenIsCheckedAWebhookCallHasNoTenantToCountUnder() throws Exception {
        replies.problem(failed(Problem.unauthorized("A webhook token is required.")));

        assertThat(counted).containsExactly("unknown unauthorized");
    }

    @Test
    void anUnexpectedFailureIsCountedAsFailedWithoutItsMessage() throws Exception {
        Exchange exchange = failed(new IllegalStateException("secret detail of the failure"));
        exchange.setVariable("tenant", tenant("acme"));

        replies.problem(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(500);
        assertThat(exchange.getMessage().getBody(String.class)).doesNotContain("secret detail");
        assertThat(counted).containsExactly("acme failed");
    }

    @Test
    void aMoveOutOfTwoHiresIsAnsweredForTheOneAPersonDecides() throws Exception {
        Exchange exchange = ExchangeBuilder.anExchange(camel).build();
        exchange.setVariable("tenant", tenant("acme"));
        exchange.setVariable(Variables.MOVE_OUT, List.of(new MoveOut("h-1", MoveOut.Outcome.WITHDRAWN),
                new MoveOut("h-2", MoveOut.Outcome.NEEDS_DECISION)));

        replies.movedOut(exchange);

        assertThat(JSON.readTree(exchange.getMessage().getBody(String.class)))
                .isEqualTo(JSON.readTree("{\"status\": \"needs-decision\", \"hireId\": \"h-2\"}"));
        assertThat(counted).containsExactly("acme needs-decision");
    }

    /** An exchange whose route failed with {@code caught}, as the error handler hands it over. */
    private Exchange failed(Exception caught) {
        return ExchangeBuilder.anExchange(camel).withProperty(Exchange.EXCEPTION_CAUGHT, caught).build();
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
