package io.github.flatchrlucca.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.flatchrlucca.http.Problem;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookTokenCheckTest {

    private static final CamelContext CAMEL = new DefaultCamelContext();

    @TempDir
    Path dataDir;

    @Test
    void theRightTokenPasses() {
        Exchange exchange = exchangeWithToken("s3cret-0123456789");

        assertThatCode(() -> check().process(exchange)).doesNotThrowAnyException();
    }

    @Test
    void theRightTokenIsRemovedFromTheMessage() {
        Exchange exchange = exchangeWithToken("s3cret-0123456789");
        exchange.getIn().setHeader("X-Other", "kept");

        check().process(exchange);

        assertThat(exchange.getIn().getHeaders()).doesNotContainKey("token").containsEntry("X-Other", "kept");
    }

    @Test
    void aWrongTokenIsUnauthorized() {
        assertUnauthorized(exchangeWithToken("guess"));
    }

    @Test
    void aMissingTokenIsUnauthorized() {
        assertUnauthorized(new DefaultExchange(CAMEL));
    }

    @Test
    void aWrongTokenIsRemovedFromTheMessageToo() {
        Exchange exchange = exchangeWithToken("guess");

        assertThatExceptionOfType(Problem.class).isThrownBy(() -> check().process(exchange));

        assertThat(exchange.getIn().getHeaders()).doesNotContainKey("token");
    }

    @Test
    void theRefusalDoesNotRepeatTheTokenGiven() {
        assertThatExceptionOfType(Problem.class)
                .isThrownBy(() -> check().process(exchangeWithToken("guess-123")))
                .satisfies(problem -> assertThat(problem.document().values()).noneMatch(
                        value -> String.valueOf(value).contains("guess-123") || String.valueOf(value).contains("s3cret-0123456789")));
    }

    private void assertUnauthorized(Exchange exchange) {
        assertThatExceptionOfType(Problem.class)
                .isThrownBy(() -> check().process(exchange))
                .satisfies(problem -> assertThat(problem.status()).isEqualTo(401));
    }

    private WebhookTokenCheck check() {
        return new WebhookTokenCheck(WebhookToken.configuredOrKept(Optional.of("s3cret-0123456789"), dataDir));
    }

    private static Exchange exchangeWithToken(String token) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setHeader("token", token);
        return exchange;
    }
}
