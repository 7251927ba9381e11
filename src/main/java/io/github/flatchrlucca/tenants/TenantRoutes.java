package io.github.flatchrlucca.tenants;

import io.github.flatchrlucca.http.RetrySchedule;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each tenant in force its own delivery route, made from the route template
 * {@value #TEMPLATE} (delivery.camel.yaml): one queue and one worker per tenant is what keeps one customer's
 * slow or failing Lucca from holding up another's hires. Routes come and go with the tenants of a reload.
 *
 * <p>A route Camel fails to make leaves its tenant in force but not running: its hires are kept in the journal, and
 * nothing delivers them. That is told (the team's chat, health), and the route is made again at the reload checks,
 * later each time as a hire's retries are, until the hires' own retry age ends the tries: a person must look then,
 * and the next configuration put in force (a change of the file) or a restart tries again.
 */
public final class TenantRoutes implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(TenantRoutes.class);
    static final String TEMPLATE = "deliver-due-hires-of-a-tenant";

    private final CamelContext camel;
    private final Tenants tenants;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final BiConsumer<String, State> changed;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    // the tenants in force whose route could not be made; read by health outside the lock
    private final Map<String, Failure> failed = new ConcurrentHashMap<>();
    private volatile boolean started;

    /** What became of a tenant's delivery route, as told to {@code changed}. */
    public enum State {
        /** Made after it had failed: the tenant's hires are delivered again. */
        RUNNING,
        /** Could not be made: the tenant's hires wait; tried again later. */
        FAILED,
        /** Failed for as long as a hire is retried: no more tries until a configuration comes into force. */
        GIVEN_UP
    }

    /**
     * @param schedule when a route that could not be made is tried again, and until when (a hire's retries')
     * @param changed  told when a tenant's route could not be made (once until it is), when its tries end, and when
     *                 it is made after that
     */
    public TenantRoutes(CamelContext camel, Tenants tenants, RetrySchedule schedule, Clock clock,
                        BiConsumer<String, State> changed) {
        this.camel = camel;
        this.tenants = tenants;
        this.schedule = schedule;
        this.clock = clock;
        this.changed = changed;
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

    /**
     * Makes the routes of tenants that came, and removes those of tenants that went. A configuration put in force
     * tries anew a route whose tries had ended; one still being tried keeps its turn ({@link #retryFailed}).
     */
    public synchronized void sync(Collection<String> tenantIds) {
        if (!started || !templateLoaded()) {
            return;
        }
        failed.keySet().retainAll(tenantIds);
        for (String tenant : tenantIds) {
            Failure failure = failed.get(tenant);
            if (!running.contains(tenant) && (failure == null || failure.next() == null)) {
                make(tenant, Optional.empty());
            }
        }
        try {
            removeGone(tenantIds);
        } catch (Exception e) {
            throw new IllegalStateException("the delivery routes of the tenants could not be updated", e);
        }
    }

    /** At each reload check: makes again the routes that could not be made, each once its next try has come. */
    public synchronized void retryFailed() {
        Instant now = clock.instant();
        Map.copyOf(failed).forEach((tenant, failure) -> {
            if (failure.next() != null && !now.isBefore(failure.next())) {
                make(tenant, Optional.of(failure));
            }
        });
    }

    /**
     * What a tenant's delivery route is: "running", or why its hires are not delivered; empty for a tenant whose
     * route was not made yet (the routes are made once the context and the template are up).
     */
    public Optional<String> state(String tenant) {
        Failure failure = failed.get(tenant);
        if (failure != null) {
            return Optional.of(failure.next() == null ? "failed, no more tries" : "failed, tried again");
        }
        return running.contains(tenant) ? Optional.of("running") : Optional.empty();
    }

    private void make(String tenant, Optional<Failure> before) {
        try {
            camel.addRouteFromTemplate(routeId(tenant), TEMPLATE, Map.of("tenant", tenant));
        } catch (Exception e) {
            Instant now = clock.instant();
            Instant since = before.map(Failure::since).orElse(now);
            int attempts = before.map(Failure::attempts).orElse(0) + 1;
            Failure failure = new Failure(since, attempts,
                    schedule.expired(since, now) ? null : schedule.next(attempts, now));
            failed.put(tenant, failure);
            LOG.error("The delivery route of tenant {} could not be made ({} time(s)): its hires wait in the journal; "
                    + "{}", tenant, failure.attempts(), failure.next() == null ? "no more tries until TENANTS_FILE "
                    + "changes or a restart" : "tried again at " + failure.next(), e);
            if (before.isEmpty() || failure.next() == null) {
                changed.accept(tenant, failure.next() == null ? State.GIVEN_UP : State.FAILED);
            }
            return;
        }
        running.add(tenant);
        if (failed.remove(tenant) != null) {
            LOG.info("The delivery route of tenant {} is made: its hires are delivered again", tenant);
            changed.accept(tenant, State.RUNNING);
        }
    }

    private void removeGone(Collection<String> tenantIds) throws Exception {
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

    /**
     * A route that could not be made: since its first failure, how many tries failed, and when the next is due
     * (null: no more, the tries took as long as a hire's may).
     */
    private record Failure(Instant since, int attempts, Instant next) {
    }

    private boolean templateLoaded() {
        return camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteTemplateDefinition(TEMPLATE)
                != null;
    }

    static String routeId(String tenant) {
        return "deliver-due-hires-" + tenant;
    }
}
