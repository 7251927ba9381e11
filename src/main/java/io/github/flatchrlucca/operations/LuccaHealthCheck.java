package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.Tenants;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.TreeMap;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Says, for each tenant, what Lucca's last answer made of its API key, or that it runs dry, what Flatchr's API
 * made of its key when it has one, whether Lucca lists its default department once that is known, and whether its
 * delivery route runs (one Camel could not make leaves its hires waiting: told here, by an alert and the log). It
 * stays UP on purpose: while Lucca refuses a key, hires must still be accepted and kept, so readiness must not turn
 * Flatchr's calls away (nor one customer's key turn away every customer's hires). A rejected key is
 * reported here, in the metrics and by an alert. On the public port the details are counts ("2 tenants whose key
 * is rejected"), which name no customer; the admin API's tenants view names them, behind its token.
 */
public final class LuccaHealthCheck extends AbstractHealthCheck {

    private final Tenants tenants;
    private final boolean perTenant;
    private final Function<String, Optional<String>> resultTag;
    private final Function<String, Optional<String>> defaultDepartment;
    private final Function<String, Optional<String>> deliveryRoute;

    /**
     * @param perTenant whether details may name each tenant: only where health is off the public port
     *                  (MANAGEMENT_PORT), since tenant ids are customer names; otherwise details are counts
     */
    public LuccaHealthCheck(Tenants tenants, boolean perTenant) {
        this(tenants, perTenant, tenant -> Optional.empty(), tenant -> Optional.empty(), tenant -> Optional.empty());
    }

    /**
     * @param resultTag         what the tenant's result tag in Flatchr is to the write-back: "ok", or why it is not
     * @param defaultDepartment what the tenant's default department is in its Lucca: "ok", or what is wrong with it
     * @param deliveryRoute     what the tenant's delivery route is: "running", or why its hires are not delivered
     */
    public LuccaHealthCheck(Tenants tenants, boolean perTenant, Function<String, Optional<String>> resultTag,
                            Function<String, Optional<String>> defaultDepartment,
                            Function<String, Optional<String>> deliveryRoute) {
        super("flatchr-lucca", "lucca");
        this.tenants = tenants;
        this.perTenant = perTenant;
        this.resultTag = resultTag;
        this.defaultDepartment = defaultDepartment;
        this.deliveryRoute = deliveryRoute;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.up();
        Map<String, Long> counts = new TreeMap<>();
        for (Tenant tenant : tenants.all()) {
            String credentials = tenant.dryRun() ? "not used"
                    : tenant.lucca().credentials().state().name().toLowerCase(Locale.ROOT);
            String mode = tenant.dryRun() ? "dry-run" : "live";
            if (perTenant) {
                builder.detail(tenant.id() + ".credentials", credentials);
                builder.detail(tenant.id() + ".mode", mode);
            }
            counts.merge("tenants.credentials." + credentials.replace(' ', '-'), 1L, Long::sum);
            counts.merge("tenants.mode." + mode, 1L, Long::sum);
            String flatchrApi = tenant.flatchr().map(flatchr -> flatchr.credentials().state().name()
                    .toLowerCase(Locale.ROOT)).orElse("not used");
            if (perTenant) {
                builder.detail(tenant.id() + ".flatchrApi", flatchrApi);
            }
            counts.merge("tenants.flatchrApi." + flatchrApi.replace(' ', '-'), 1L, Long::sum);
            Optional<String> tag = resultTag.apply(tenant.id());
            if (perTenant) {
                tag.ifPresent(state -> builder.detail(tenant.id() + ".resultTag", state));
            }
            tag.ifPresent(state -> counts.merge("tenants.resultTag." + ("ok".equals(state) ? "ok" : "unusable"), 1L,
                    Long::sum));
            Optional<String> department = defaultDepartment.apply(tenant.id());
            if (perTenant) {
                department.ifPresent(state -> builder.detail(tenant.id() + ".defaultDepartment", state));
            }
            department.ifPresent(state -> counts.merge("tenants.defaultDepartment." + ("ok".equals(state) ? "ok"
                    : "not-in-lucca"), 1L, Long::sum));
            Optional<String> route = deliveryRoute.apply(tenant.id());
            if (perTenant) {
                route.ifPresent(state -> builder.detail(tenant.id() + ".deliveryRoute", state));
            }
            route.ifPresent(state -> counts.merge("tenants.deliveryRoute." + ("running".equals(state) ? "running"
                    : "failed"), 1L, Long::sum));
        }
        counts.forEach(builder::detail);
    }
}
