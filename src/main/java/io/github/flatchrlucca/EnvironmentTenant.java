package io.github.flatchrlucca;

import io.github.flatchrlucca.tenants.SettingProblems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default tenant's own settings as the environment gives them, under the tenants file's keys that
 * {@link Settings} declares next to each variable, for {@link io.github.flatchrlucca.tenants.DefaultTenant} to read
 * by a tenant's rules; and how those rules name a key (by its variable) and refuse one (at the first problem, as
 * every setting is refused).
 */
final class EnvironmentTenant implements SettingProblems {

    /**
     * Settings with a tenants-file key that are not the default tenant's alone: how the connector works, which every
     * tenant of the file inherits ({@link ConnectorSettings#tenantDefaults()}, the default tenant's too); the webhook
     * token, given apart since the connector may keep one of its own; ADMIN_TOKEN, which opens every tenant.
     */
    private static final List<Setting<?>> NOT_ITS_OWN = List.of(Settings.TIMEZONE, Settings.PHONE_REGION,
            Settings.WEBHOOK_TOKEN,
            Settings.TRIGGER_COLUMNS, Settings.FLATCHR_API_BASE_URL, Settings.FLATCHR_RECONCILE_INTERVAL,
            Settings.FLATCHR_RECONCILE_LOOKBACK, Settings.LOGIN_RULE, Settings.REHIRE, Settings.RATE_LIMIT_REQUESTS,
            Settings.RATE_LIMIT_WINDOW, Settings.HIRE_HOLD, Settings.ADMIN_TOKEN);

    // compared by identity: each setting is declared once, and a record's equals would compare its every field
    private static final List<Setting<?>> OWN = Settings.ALL.stream().filter(setting -> setting.tenantKey().isPresent()
            && NOT_ITS_OWN.stream().noneMatch(notOwn -> notOwn == setting)).toList();

    static final EnvironmentTenant PROBLEMS = new EnvironmentTenant();

    private EnvironmentTenant() {
    }

    /** The settings the default tenant has for itself alone, each by its tenants-file key. */
    static List<Setting<?>> ownSettings() {
        return OWN;
    }

    /** Each of {@link #ownSettings()} that is set, as text, by its tenants-file key ("lucca.apiKey"). */
    static Map<String, String> values(SettingsReader in) {
        Map<String, String> values = new LinkedHashMap<>();
        ownSettings().forEach(setting -> in.text(setting)
                .ifPresent(text -> values.put(setting.tenantKey().orElseThrow(), text)));
        return values;
    }

    @Override
    public String nameOf(String keys) {
        return setting(keys).map(Setting::env).orElse(keys);
    }

    @Override
    public void report(String where, String keys, String problem) {
        throw setting(keys).orElseThrow(() -> new IllegalStateException("the default tenant's key '" + keys
                + "' is no setting's: " + problem)).refusal(problem);
    }

    /** Nothing is counted: the first problem is thrown. */
    @Override
    public int count() {
        return 0;
    }

    private static Optional<Setting<?>> setting(String tenantKey) {
        return OWN.stream().filter(setting -> setting.tenantKey().orElseThrow().equals(tenantKey))
                .findFirst();
    }
}
