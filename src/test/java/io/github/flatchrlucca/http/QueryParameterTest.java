package io.github.flatchrlucca.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

/** A query parameter outside an HTTP request, where headers stand for it (ConnectorRoutesTest: over HTTP). */
class QueryParameterTest {

    @Test
    void aParameterGivenMoreThanOnceIsABadRequestNamingItNotItsFirstValue() {
        Message request = new DefaultMessage(new DefaultCamelContext());
        // platform-http: status=dead&status=received
        request.setHeader("status", List.of("dead", "received"));

        assertThatExceptionOfType(Problem.class).isThrownBy(() -> QueryParameter.of(request, "status"))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.document().get("field")).isEqualTo("status");
                });
    }

    @Test
    void aParameterGivenOnceIsItsValueTrimmedAndABlankOneIsNone() {
        Message request = new DefaultMessage(new DefaultCamelContext());
        request.setHeader("status", " dead ");
        request.setHeader("tenant", " ");

        assertThat(QueryParameter.of(request, "status")).isEqualTo("dead");
        assertThat(QueryParameter.of(request, "tenant")).isNull();
        assertThat(QueryParameter.of(request, "from")).isNull();
    }
}
