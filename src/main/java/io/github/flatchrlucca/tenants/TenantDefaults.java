package io.github.flatchrlucca.tenants;

import io.github.flatchrlucca.mapping.LoginRule;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

/**
 * What a tenant of the tenants file takes from the environment settings when it does not say. Only how the
 * connector works is inherited; what belongs to one company (its Flatchr ids, token, Lucca, key, ids and
 * tables, work e-mail pattern, Flatchr API key, company key and result tag) never is, so that one customer's
 * settings cannot leak into another's.
 *
 * @param hireHold                 HIRE_HOLD_SECONDS, how long a new hire waits before its first delivery
 * @param phoneRegion              CANDIDATE_PHONE_REGION, where phone numbers without a country code are read
 * @param flatchrApiBaseUrl        FLATCHR_API_BASE_URL, for a tenant whose {@code flatchr} says no {@code apiBaseUrl}
 * @param flatchrReconcileInterval FLATCHR_RECONCILE_INTERVAL_SECONDS; zero: never
 * @param flatchrReconcileLookback FLATCHR_RECONCILE_LOOKBACK_DAYS, in whole days
 */
public record TenantDefaults(
        Set<String> triggerColumns,
        int rateLimitRequests,
        Duration rateLimitWindow,
        LoginRule loginRule,
        RehirePolicy rehire,
        Duration hireHold,
        ZoneId zone,
        String phoneRegion,
        URI flatchrApiBaseUrl,
        Duration flatchrReconcileInterval,
        Duration flatchrReconcileLookback) {

    public TenantDefaults {
        triggerColumns = Set.copyOf(triggerColumns);
    }
}
