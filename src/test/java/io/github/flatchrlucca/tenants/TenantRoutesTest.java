package io.github.flatchrlucca.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each tenant's delivery route, made from the template whether it is loaded before the start or after it. */
class TenantRoutesTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final Tenants tenants = TestTenants.inForce(TestTenants.tenant("acme", "acme-webhook-token-0001", "7"),
            TestTenants.tenant("globex", "globex-webhook-token-001", "8"));
    private final TenantRoutes routes = new TenantRoutes(camel, tenants);

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void withTheTemplateLoadedBeforeTheStartEachTenantGetsItsRouteOnceStarted() throws Exception {
        camel.addRoutes(template());
        camel.start();

        routes.onCamelContextFullyStarted(camel, false);

        assertThat(camel.getRoute("deliver-due-hires-acme")).isNotNull();
        assertThat(camel.getRoute("deliver-due-hires-globex")).isNotNull();
    }

    @Test
    void withTheTemplateLoadedAfterTheStartTheRoutesComeWithIt() throws Exception {
        camel.start();
        routes.onCamelContextFullyStarted(camel, false);
        routes.sync(tenants.ids());
        assertThat(camel.getRoutes()).as("no template yet: nothing to make the routes from").isEmpty();

        camel.addRoutes(template());
        routes.routesLoaded();

        assertThat(camel.getRoute("deliver-due-hires-acme")).isNotNull();
        assertThat(camel.getRoute("deliver-due-hires-globex")).isNotNull();
        assertThat(camel.getRouteController().getRouteStatus("deliver-due-hires-acme").isStarted()).isTrue();
    }

    @Test
    void routeFilesWithoutTheTemplateStopTheStartRatherThanDeliverNothing() {
        camel.start();
        routes.onCamelContextFullyStarted(camel, false);

        assertThatIllegalStateException().isThrownBy(routes::routesLoaded)
                .withMessageContaining("no route template deliver-due-hires-of-a-tenant");
    }

    private static RouteBuilder template() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                routeTemplate(TenantRoutes.TEMPLATE).templateParameter("tenant")
                        .from("seda:delivery-rounds-{{tenant}}").to("log:delivery-round");
            }
        };
    }
}
