package io.github.flatchrlucca.tenants;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each tenant in force its own delivery route, made from the route template
 * {@value #TEMPLATE} (delivery.camel.yaml): one queue and one worker per tenant is what keeps one customer's
 * slow or failing Lucca from holding up another's hires. Routes come and go with the tenants of a reload.
 */
public final class TenantRoutes implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(TenantRoutes.class);
    static final String TEMPLATE = "deliver-due-hires-of-a-tenant";

    private final CamelContext camel;
    private final Tenants tenants;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private volatile boolean started;

    public TenantRoutes(CamelContext camel, Tenants tenants) {
        this.camel = camel;
        this.tenants = tenants;
    }

    /**
     * The tenants' routes are made once the context has started and the template is loaded, whichever comes last:
     * the launcher loads the delivery routes after the first answer, then calls {@link #routesLoaded()}; route tests
     * load them all before the start.
     */
    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        started = true;
        sync(tenants.ids());
    }

    /**
     * Every route is loaded, some after the start: makes the tenants' routes.
     *
     * @throws IllegalStateException when no route file holds the template: no tenant's hires would be delivered
     */
    public void routesLoaded() {
        if (!templateLoaded()) {
            throw new IllegalStateException("no route template " + TEMPLATE + " among the routes: each tenant's "
                    + "delivery route is made from it (routes/delivery.camel.yaml)");
        }
        sync(tenants.ids());
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // routes are made once the context is fully started
    }

    /** Makes the routes of tenants that came, and removes those of tenants that went. */
    public synchronized void sync(Collection<String> tenantIds) {
        if (!started || !templateLoaded()) {
            return;
        }
        try {
            addAndRemove(tenantIds);
        } catch (Exception e) {
            throw new IllegalStateException("the delivery routes of the tenants could not be updated", e);
        }
    }

    private void addAndRemove(Collection<String> tenantIds) throws Exception {
        for (String tenant : tenantIds) {
            if (running.add(tenant)) {
                camel.addRouteFromTemplate(routeId(tenant), TEMPLATE, java.util.Map.of("tenant", tenant));
            }
        }
        for (String tenant : Set.copyOf(running)) {
            if (!tenantIds.contains(tenant)) {
                // A delivery in progress finishes first; the tenant's queued hires wait for its return.
                camel.getRouteController().stopRoute(routeId(tenant));
                camel.removeRoute(routeId(tenant));
                running.remove(tenant);
                LOG.info("tenant {} left the configuration: its queued hires wait until it comes back", tenant);
            }
        }
    }

    private boolean templateLoaded() {
        return camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteTemplateDefinition(TEMPLATE)
                != null;
    }

    static String routeId(String tenant) {
        return "deliver-due-hires-" + tenant;
    }
}
