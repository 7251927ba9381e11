package io.github.flatchrlucca.tenants;

import io.github.flatchrlucca.intake.WebhookToken;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The tenant the environment settings describe ("default", served at /webhooks/flatchr), read by the code that reads
 * a tenant of the tenants file ({@link TenantEntry}): its settings are put in the file's shape, under the file's
 * keys, so that one set of rules (the Lucca location, the key that goes with it, the Flatchr API's keys, the id
 * tables) checks both, and a rule changed for one cannot drift from the other.
 */
public final class DefaultTenant {

    private DefaultTenant() {
    }

    /**
     * @param values    the tenant's own settings as the environment writes them (the secrets themselves, tables as
     *                  text), by the tenants file's key, such as "lucca.apiKey"; what every tenant inherits is in
     *                  {@code inherited}
     * @param problems  names each key as the environment does, and refuses the first problem
     * @param token     the webhook token: FLATCHR_WEBHOOK_TOKEN, or the one the connector keeps
     * @return the tenant; empty when {@code problems} let a problem pass without refusing it
     */
    public static Optional<TenantSettings> read(Map<String, String> values, SettingProblems problems,
                                                TenantDefaults inherited, WebhookToken token) {
        YamlMapping environment = new YamlMapping(problems, UnaryOperator.identity(), "", "", nested(values));
        return TenantEntry.readDefault(environment, inherited, token, problems);
    }

    /** "lucca.apiKey" becomes the key apiKey of the mapping lucca, as the file writes it. */
    private static Map<String, Object> nested(Map<String, String> values) {
        Map<String, Object> top = new LinkedHashMap<>();
        values.forEach((path, value) -> {
            Map<String, Object> mapping = top;
            String[] keys = path.split("\\.");
            for (int i = 0; i < keys.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) mapping.computeIfAbsent(keys[i],
                        key -> new LinkedHashMap<String, Object>());
                mapping = inner;
            }
            mapping.put(keys[keys.length - 1], value);
        });
        return top;
    }
}
