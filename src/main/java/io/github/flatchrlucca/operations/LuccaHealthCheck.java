package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.Tenants;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Says, for each tenant, what Lucca's last answer made of its API key, or that it runs dry. It stays UP on
 * purpose: while Lucca refuses a key, hires must still be accepted and kept, so readiness must not turn
 * Flatchr's calls away (nor one customer's key turn away every customer's hires). A rejected key is
 * reported here, in the metrics and by an alert.
 */
public final class LuccaHealthCheck extends AbstractHealthCheck {

    private final Tenants tenants;

    public LuccaHealthCheck(Tenants tenants) {
        super("flatchr-lucca", "lucca");
        this.tenants = tenants;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.up();
        for (Tenant tenant : tenants.all()) {
            builder.detail(tenant.id() + ".credentials", tenant.dryRun() ? "not used"
                    : tenant.lucca().credentials().state().name().toLowerCase(Locale.ROOT));
            builder.detail(tenant.id() + ".mode", tenant.dryRun() ? "dry-run" : "live");
        }
    }
}
