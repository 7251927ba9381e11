package io.github.flatchrlucca.tenants;

import io.github.flatchrlucca.mapping.LoginRule;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

/**
 * What a tenant of the tenants file takes from the environment settings when it does not say. Only how the
 * connector works is inherited; what belongs to one company (its Flatchr ids, token, Lucca, key, ids and
 * tables, work e-mail pattern) never is, so that one customer's settings cannot leak into another's.
 */
public record TenantDefaults(
        Set<String> triggerColumns,
        int rateLimitRequests,
        Duration rateLimitWindow,
        LoginRule loginRule,
        ZoneId zone) {

    public TenantDefaults {
        triggerColumns = Set.copyOf(triggerColumns);
    }
}
