package io.github.flatchrlucca.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.http.RetrySchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each tenant's delivery route, made from the template whether it is loaded before the start or after it. */
class TenantRoutesTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final Tenants tenants = TestTenants.inForce(TestTenants.tenant("acme", "acme-webhook-token-0001", "7"),
            TestTenants.tenant("globex", "globex-webhook-token-001", "8"));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final List<String> told = new ArrayList<>();
    // tried again after 10 s, 20 s, 40 s, ... (no jitter), for an hour after the first failure
    private final TenantRoutes routes = new TenantRoutes(camel, tenants, new RetrySchedule(Duration.ofSeconds(10),
            Duration.ofMinutes(10), Duration.ofHours(1), () -> 0.5), clock,
            (tenant, state) -> told.add(tenant + " " + state));

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

    // ---- a route Camel fails to make

    @Test
    void aRouteThatCannotBeMadeIsToldNotRunningAndMadeAtALaterCheckOnceItsTurnHasCome() throws Exception {
        camel.addRoutes(templateWithAStepOfEachTenant());
        camel.getRegistry().bind("step-acme", (Processor) exchange -> { });
        camel.start();

        routes.onCamelContextFullyStarted(camel, false);

        assertThat(camel.getRoute("deliver-due-hires-acme")).as("another tenant's route is made").isNotNull();
        assertThat(camel.getRoute("deliver-due-hires-globex")).isNull();
        assertThat(routes.state("globex")).contains("failed, tried again");
        assertThat(routes.state("acme")).contains("running");
        assertThat(told).containsExactly("globex FAILED");

        camel.getRegistry().bind("step-globex", (Processor) exchange -> { });
        clock.advance(Duration.ofSeconds(9));
        routes.retryFailed();
        assertThat(camel.getRoute("deliver-due-hires-globex")).as("before its turn").isNull();
        routes.sync(tenants.ids());
        assertThat(camel.getRoute("deliver-due-hires-globex")).as("a reload keeps its turn").isNull();

        clock.advance(Duration.ofSeconds(1));
        routes.retryFailed();

        assertThat(camel.getRouteController().getRouteStatus("deliver-due-hires-globex").isStarted()).isTrue();
        assertThat(routes.state("globex")).contains("running");
        assertThat(told).containsExactly("globex FAILED", "globex RUNNING");
    }

    @Test
    void theTriesEndAfterAsLongAsAHiresRetriesAndANewConfigurationTriesAgain() throws Exception {
        camel.addRoutes(templateWithAStepOfEachTenant());
        camel.getRegistry().bind("step-acme", (Processor) exchange -> { });
        camel.start();
        routes.onCamelContextFullyStarted(camel, false);

        while (routes.state("globex").orElseThrow().equals("failed, tried again")) {
            assertThat(clock.instant()).as("tries without end").isBefore(Instant.parse("2026-03-02T11:00:00Z"));
            clock.advance(Duration.ofSeconds(10));
            routes.retryFailed();
        }

        assertThat(routes.state("globex")).contains("failed, no more tries");
        assertThat(told).containsExactly("globex FAILED", "globex GIVEN_UP");
        assertThat(clock.instant()).isAfter(Instant.parse("2026-03-02T10:00:00Z"));
        camel.getRegistry().bind("step-globex", (Processor) exchange -> { });
        clock.advance(Duration.ofHours(1));
        routes.retryFailed();
        assertThat(camel.getRoute("deliver-due-hires-globex")).as("no more tries").isNull();

        routes.sync(tenants.ids());

        assertThat(camel.getRoute("deliver-due-hires-globex")).as("tried by a new configuration").isNotNull();
        assertThat(told).containsExactly("globex FAILED", "globex GIVEN_UP", "globex RUNNING");
    }

    @Test
    void theRouteOfATenantThatLeftIsNotTriedAgain() throws Exception {
        camel.addRoutes(templateWithAStepOfEachTenant());
        camel.getRegistry().bind("step-acme", (Processor) exchange -> { });
        camel.start();
        routes.onCamelContextFullyStarted(camel, false);
        camel.getRegistry().bind("step-globex", (Processor) exchange -> { });

        routes.sync(List.of("acme"));
        clock.advance(Duration.ofMinutes(5));
        routes.retryFailed();

        assertThat(camel.getRoute("deliver-due-hires-globex")).isNull();
        assertThat(routes.state("globex")).isEmpty();
    }

    /** Each tenant's route calls a step of its own, which Camel cannot find (and so cannot make the route) unless bound. */
    private static RouteBuilder templateWithAStepOfEachTenant() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                routeTemplate(TenantRoutes.TEMPLATE).templateParameter("tenant")
                        .from("seda:delivery-rounds-{{tenant}}").process("#step-{{tenant}}");
            }
        };
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
