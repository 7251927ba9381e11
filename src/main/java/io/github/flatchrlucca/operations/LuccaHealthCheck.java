package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.lucca.LuccaCredentials;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Says what Lucca's last answer made of the API key, and whether the connector runs dry. It stays UP on
 * purpose: while Lucca refuses the key, hires must still be accepted and kept, so readiness must not turn
 * Flatchr's calls away. A rejected key is reported here, in the metrics and by an alert.
 */
public final class LuccaHealthCheck extends AbstractHealthCheck {

    private final LuccaCredentials credentials;
    private final boolean dryRun;

    public LuccaHealthCheck(LuccaCredentials credentials, boolean dryRun) {
        super("flatchr-lucca", "lucca");
        this.credentials = credentials;
        this.dryRun = dryRun;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.up()
                .detail("credentials", dryRun ? "not used" : credentials.state().name().toLowerCase(Locale.ROOT))
                .detail("mode", dryRun ? "dry-run" : "live");
    }
}
