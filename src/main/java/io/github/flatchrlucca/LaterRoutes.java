package io.github.flatchrlucca;

import io.github.flatchrlucca.operations.ReadinessCheck;
import io.github.flatchrlucca.tenants.TenantRoutes;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.slf4j.LoggerFactory;

/**
 * Builds and starts the routes a webhook does not need (delivery and each tenant's delivery route, Lucca's calls,
 * the admin API, the status page, Flatchr's search and write-back, the operations' timers) once Camel Main has
 * started the others and the server answers: building routes is the largest cost of a start, and Flatchr's webhooks
 * are taken meanwhile. The instance is ready (readiness) only once they are all started, so that a load balancer
 * sends it nothing they would answer 404. A route file that cannot be built stops the connector as it would have
 * before the first answer; the hires it accepted meanwhile are in the journal, delivered after the next start.
 */
final class LaterRoutes extends MainListenerSupport {

    private final List<String> locations;
    private volatile boolean started;

    LaterRoutes(List<String> locations) {
        this.locations = List.copyOf(locations);
    }

    @Override
    public void beforeStart(BaseMainSupport main) {
        HealthCheckRegistry.get(main.getCamelContext()).register(new ReadinessCheck("routes", () -> started,
                "Webhooks are taken; the other routes are starting."));
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        long began = System.nanoTime();
        CamelContext camel = main.getCamelContext();
        List<Resource> resources = locations.stream()
                .map(location -> PluginHelper.getResourceLoader(camel).resolveResource(location)).toList();
        try {
            PluginHelper.getRoutesLoader(camel).loadRoutes(resources);
            // the template of each tenant's delivery route came with them
            camel.getRegistry().findByType(TenantRoutes.class).forEach(TenantRoutes::routesLoaded);
        } catch (Exception failure) {
            FlatchrLucca.refuseToStart(failure);
        }
        started = true;
        LoggerFactory.getLogger(LaterRoutes.class).info("Webhooks are taken; the routes of {} started {} ms later",
                locations.stream().map(location -> location.substring(location.lastIndexOf('/') + 1)).toList(),
                (System.nanoTime() - began) / 1_000_000);
    }
}
