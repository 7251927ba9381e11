package io.github.flatchrlucca.tenants;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
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

    /** The template is read with the routes: the tenants' routes are made once they are all loaded. */
    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        started = true;
        sync(tenants.ids());
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // routes are made once the context is fully started
    }

    /** Makes the routes of tenants that came, and removes those of tenants that went. */
    public synchronized void sync(Collection<String> tenantIds) {
        if (!started) {
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

    static String routeId(String tenant) {
        return "deliver-due-hires-" + tenant;
    }
}
