package io.github.flatchrlucca.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.tenants.Tenants;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class StatusPageTest {

    private static final CamelContext CAMEL = new DefaultCamelContext();
    private static final Tenants TENANTS = new Tenants("/data/vacancy/department", Duration.ZERO,
            (tenant, state) -> { });
    private final StatusPage page = new StatusPage(new AdminTokenCheck(Optional.of("admin-token-of-the-partner"),
            TENANTS));

    @Test
    void thePageIsServedWithAPolicyThatRunsOnlyItsOwnScript() {
        Exchange exchange = request();

        page.page(exchange);

        Message answer = exchange.getMessage();
        assertThat(answer.getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(answer.getHeader(Exchange.CONTENT_TYPE)).isEqualTo("text/html; charset=utf-8");
        assertThat(answer.getHeader("Content-Security-Policy", String.class))
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(answer.getHeader("Authorization")).as("nothing of the request goes back").isNull();
        assertThat(new String(answer.getBody(byte[].class), StandardCharsets.UTF_8))
                .contains("assets/status-page.js", "assets/status-page.css");
    }

    @Test
    void itsAssetsAreServedWithTheirTypes() {
        assertThat(asset("status-page.js").getHeader(Exchange.CONTENT_TYPE)).isEqualTo("text/javascript; charset=utf-8");
        assertThat(asset("status-page.css").getHeader(Exchange.CONTENT_TYPE)).isEqualTo("text/css; charset=utf-8");
        assertThat(asset("favicon.svg").getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/svg+xml");
    }

    @Test
    void nothingElseOfTheJarIsServed() {
        for (String file : new String[] {"index.html", "../application.properties", "../../application.properties", "", null}) {
            assertThatThrownBy(() -> page.asset(file, request())).isInstanceOf(Problem.class)
                    .satisfies(problem -> assertThat(((Problem) problem).status()).isEqualTo(404));
        }
    }

    @Test
    void adminWithoutItsSlashIsSentToThePage() {
        Exchange exchange = request();

        page.withSlash(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(308);
        assertThat(exchange.getMessage().getHeader("Location")).isEqualTo("admin/");
    }

    @Test
    void withoutAnyAdminTokenThereIsNoPageLikeThereIsNoApi() {
        StatusPage off = new StatusPage(new AdminTokenCheck(Optional.empty(), TENANTS));

        for (Runnable call : new Runnable[] {() -> off.page(request()), () -> off.withSlash(request()),
            () -> off.asset("status-page.js", request())}) {
            assertThatThrownBy(call::run).isInstanceOf(Problem.class)
                    .satisfies(problem -> assertThat(((Problem) problem).status()).isEqualTo(404));
        }
    }

    private Message asset(String file) {
        Exchange exchange = request();
        page.asset(file, exchange);
        return exchange.getMessage();
    }

    private static Exchange request() {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setHeader("Authorization", "Bearer something");
        return exchange;
    }
}
