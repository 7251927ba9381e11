package io.github.flatchrlucca;

import io.github.flatchrlucca.journal.JournalClock;
import io.github.flatchrlucca.intake.WebhookToken;
import io.github.flatchrlucca.mapping.LoginRule;
import io.github.flatchrlucca.tenants.DefaultTenant;
import io.github.flatchrlucca.tenants.RehirePolicy;
import io.github.flatchrlucca.tenants.TenantDefaults;
import io.github.flatchrlucca.tenants.TenantSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every connector setting, read once at start and validated, so that nothing fails later on a typo.
 *
 * @param flatchrApiBaseUrl        FLATCHR_API_BASE_URL: the default tenant's, and what the file's tenants inherit
 * @param flatchrReconcileInterval FLATCHR_RECONCILE_INTERVAL_SECONDS, inherited likewise; zero: never
 * @param flatchrReconcileLookback FLATCHR_RECONCILE_LOOKBACK_DAYS, inherited likewise
 * @param defaultTenantValues      the default tenant's own settings (its Lucca, key, ids, tables, Flatchr API keys)
 *                                 as set, by the tenants file's keys: read by a tenant's rules in
 *                                 {@link #defaultTenant}. Secrets among them: never shown
 */
public record ConnectorSettings(
        int serverPort,
        int managementPort,
        Duration httpIdleTimeout,
        Duration httpRequestTimeout,
        Path dataDir,
        String publicBaseUrl,
        ZoneId zone,
        String phoneRegion,
        Optional<String> webhookToken,
        Set<String> triggerColumns,
        String departmentPointer,
        int maxBodyBytes,
        URI flatchrApiBaseUrl,
        Duration flatchrReconcileInterval,
        Duration flatchrReconcileLookback,
        Map<String, String> defaultTenantValues,
        Duration departmentCacheTtl,
        LoginRule loginRule,
        RehirePolicy rehire,
        Duration hireHold,
        int rateLimitRequests,
        Duration rateLimitWindow,
        Duration retryInitialDelay,
        Duration retryMaxDelay,
        Duration retryMaxAge,
        Duration keyRejectedDelay,
        Duration lease,
        Optional<String> adminToken,
        Optional<URI> alertWebhookUrl,
        Duration alertQueueAge,
        Duration retention,
        Optional<String> journalJdbcUrl,
        String journalUser,
        String journalPassword,
        Duration shutdownDrain,
        Optional<Path> tenantsFile) {

    /**
     * How much longer than a Lucca call and the instances' disagreement on the time (JournalClock.DISAGREEMENT) a lease
     * must be: the room for the commit that renews a hire's claim and takes the call's slot, after its clock read. A commit takes milliseconds; a second also covers a pause of the JVM. One
     * slower than that holds its call back (the hire is tried again once its claim ends), never sends it twice.
     */
    private static final Duration COMMIT_MARGIN = Duration.ofSeconds(1);

    /**
     * The environment describes a tenant of its own ("default", at /webhooks/flatchr): always without a tenants
     * file; with one, only when a webhook token or a Lucca is set, so a connector that moves to a tenants file
     * keeps its existing Flatchr URL working.
     */
    public boolean hasDefaultTenant() {
        return describesTenant(tenantsFile, webhookToken, defaultTenantValues);
    }

    /**
     * The tenant these settings describe, for the single-tenant connector and next to a tenants file, read and
     * checked by the rules of a tenant of the file ({@link DefaultTenant}).
     *
     * @param token FLATCHR_WEBHOOK_TOKEN, or the token the connector keeps when it is unset
     * @throws InvalidSetting naming the first setting that breaks a tenant's rules
     */
    public TenantSettings defaultTenant(WebhookToken token) {
        return DefaultTenant.read(defaultTenantValues, EnvironmentTenant.PROBLEMS, tenantDefaults(), token)
                .orElseThrow(() -> new IllegalStateException("a problem of the default tenant is thrown, not kept"));
    }

    /** What a tenant of the tenants file takes from these settings when it does not say. */
    public TenantDefaults tenantDefaults() {
        return new TenantDefaults(triggerColumns, rateLimitRequests, rateLimitWindow, loginRule, rehire, hireHold,
                zone, phoneRegion, flatchrApiBaseUrl, flatchrReconcileInterval, flatchrReconcileLookback);
    }

    /**
     * Health and metrics are served on the webhook's port: whoever reaches the webhook reaches them, so what
     * names a customer (tenant ids in metric labels and health details) needs the admin token there.
     */
    public boolean managementOnServerPort() {
        return managementPort == serverPort;
    }

    /** The journal is the embedded H2 file, owned by this one process; else PostgreSQL, shared by instances. */
    public boolean embeddedJournal() {
        return journalJdbcUrl.isEmpty();
    }

    /** Settings may end up in a log or a debugger: never with their secrets. */
    @Override
    public String toString() {
        return "ConnectorSettings[dataDir=" + dataDir + ", lucca=" + defaultTenantValues.getOrDefault("lucca.baseUrl",
                defaultTenantValues.getOrDefault("lucca.instance", "dry-run")) + ", apiKey="
                + (defaultTenantValues.containsKey("lucca.apiKey") ? "***" : "unset") + ", webhookToken="
                + webhookToken.map(token -> "***").orElse("generated") + ", adminToken="
                + adminToken.map(token -> "***").orElse("unset") + ", alerts=" + alertWebhookUrl.map(url -> "***").orElse("off")
                + ", journal=" + journalJdbcUrl.map(url -> "***").orElse("embedded") + ", journalPassword="
                + (journalPassword.isEmpty() ? "unset" : "***") + ", flatchrApiKey="
                + (defaultTenantValues.containsKey("flatchr.apiKey") ? "***" : "unset") + "]";
    }

    /** Reads every setting as {@link Settings} declares it, then checks the rules between them. */
    static ConnectorSettings read(SettingsReader in) {
        in.checkAll();
        int serverPort = in.get(Settings.SERVER_PORT);
        Optional<String> webhookToken = in.optional(Settings.WEBHOOK_TOKEN);
        Optional<String> adminToken = in.optional(Settings.ADMIN_TOKEN);
        if (adminToken.isPresent() && adminToken.equals(webhookToken)) {
            throw Settings.ADMIN_TOKEN.refusal("is the same as FLATCHR_WEBHOOK_TOKEN; the webhook URL travels "
                    + "through Flatchr and must never open the admin API");
        }
        notBefore(in, Settings.RETRY_INITIAL_DELAY, Settings.RETRY_MAX_DELAY);
        if (in.get(Settings.RETRY_INITIAL_DELAY).compareTo(in.get(Settings.RETRY_MAX_AGE)) >= 0) {
            throw Settings.RETRY_MAX_AGE.refusal("is not longer than RETRY_INITIAL_DELAY_MS: a hire would be dead at "
                    + "its first passing failure, never tried again");
        }
        if (in.get(Settings.KEY_REJECTED_DELAY).compareTo(in.get(Settings.RETRY_MAX_AGE)) >= 0) {
            throw Settings.RETRY_MAX_AGE.refusal("is not longer than RETRY_KEY_REJECTED_DELAY_MS: every hire would be "
                    + "dead at the first refusal of the key, though no hire is at fault");
        }
        Duration lease = in.get(Settings.LEASE);
        if (lease.toMillis() < 2 * in.get(Settings.LUCCA_TIMEOUT) + COMMIT_MARGIN.plus(JournalClock.DISAGREEMENT)
                .toMillis()) {
            throw Settings.LEASE.refusal(lease.toSeconds() + " s does not outlast a Lucca call of up to twice "
                    + "LUCCA_TIMEOUT_MS (its connection and its answer) by two seconds, left for the commit that "
                    + "renews the claim and for the instances' times: a call is sent only while its claim covers it, and too short a lease would hold back "
                    + "every call whose commit was a little slow");
        }
        Optional<String> journalUrl = in.optional(Settings.JOURNAL_JDBC_URL);
        onlyWithTheJournalUrl(in, journalUrl, Settings.JOURNAL_USER);
        onlyWithTheJournalUrl(in, journalUrl, Settings.JOURNAL_PASSWORD);
        Optional<Path> tenantsFile = in.optional(Settings.TENANTS_FILE);
        Map<String, String> defaultTenantValues = EnvironmentTenant.values(in);
        if (!describesTenant(tenantsFile, webhookToken, defaultTenantValues)) {
            onlyWithTheDefaultTenant(in);
        } else if (journalUrl.isPresent() && webhookToken.isEmpty()) {
            // A generated token is kept in the instance's own DATA_DIR: each instance sharing the journal would make
            // its own, and a DATA_DIR that does not outlive its pod a new one at each restart; Flatchr's one URL
            // would then be answered 401 by every instance but one, and those hires lost.
            throw Settings.WEBHOOK_TOKEN.refusal("is unset while JOURNAL_JDBC_URL is: instances sharing a journal "
                    + "must share the default tenant's token, and one generated into each DATA_DIR would differ; set "
                    + "the same one on every instance (one generated before is in DATA_DIR/webhook-token)");
        }
        return new ConnectorSettings(
                serverPort,
                in.get(Settings.MANAGEMENT_PORT),
                in.get(Settings.HTTP_IDLE_TIMEOUT),
                in.get(Settings.HTTP_REQUEST_TIMEOUT),
                in.get(Settings.DATA_DIR),
                in.optional(Settings.PUBLIC_BASE_URL).map(Object::toString).orElse("http://localhost:" + serverPort),
                in.get(Settings.TIMEZONE),
                in.get(Settings.PHONE_REGION),
                webhookToken,
                in.optional(Settings.TRIGGER_COLUMNS).orElse(Set.of()),
                in.optional(Settings.DEPARTMENT_POINTER).orElse(""),
                in.get(Settings.MAX_BODY_BYTES),
                in.get(Settings.FLATCHR_API_BASE_URL),
                in.get(Settings.FLATCHR_RECONCILE_INTERVAL),
                in.get(Settings.FLATCHR_RECONCILE_LOOKBACK),
                Map.copyOf(defaultTenantValues),
                in.get(Settings.DEPARTMENT_CACHE),
                in.get(Settings.LOGIN_RULE),
                in.get(Settings.REHIRE),
                in.get(Settings.HIRE_HOLD),
                in.get(Settings.RATE_LIMIT_REQUESTS),
                in.get(Settings.RATE_LIMIT_WINDOW),
                in.get(Settings.RETRY_INITIAL_DELAY),
                in.get(Settings.RETRY_MAX_DELAY),
                in.get(Settings.RETRY_MAX_AGE),
                in.get(Settings.KEY_REJECTED_DELAY),
                lease,
                adminToken,
                in.optional(Settings.ALERT_WEBHOOK_URL),
                in.get(Settings.ALERT_QUEUE_AGE),
                in.get(Settings.RETENTION),
                journalUrl,
                in.optional(Settings.JOURNAL_USER).orElse(""),
                in.optional(Settings.JOURNAL_PASSWORD).orElse(""),
                // The drain is for instances behind a load balancer, which only a shared journal allows: one instance
                // on its embedded journal stops at once.
                in.optional(Settings.SHUTDOWN_DRAIN).orElse(Duration.ofSeconds(journalUrl.isPresent() ? 5 : 0)),
                tenantsFile);
    }

    /** {@code later} is refused when shorter than {@code first}: a setting that must come no sooner than another. */
    private static void notBefore(SettingsReader in, Setting<Duration> first, Setting<Duration> later) {
        if (in.get(later).compareTo(in.get(first)) < 0) {
            throw later.refusal("is shorter than " + first.env() + ", which must come first");
        }
    }

    /** Whether the environment describes a tenant of its own ({@link #hasDefaultTenant()}). */
    private static boolean describesTenant(Optional<Path> tenantsFile, Optional<String> webhookToken,
                                           Map<String, String> defaultTenantValues) {
        return tenantsFile.isEmpty() || webhookToken.isPresent() || defaultTenantValues.containsKey("lucca.baseUrl")
                || defaultTenantValues.containsKey("lucca.instance");
    }

    /**
     * A setting of the default tenant's own, set when there is no default tenant, would be ignored: no tenant of the
     * file inherits it (what belongs to one customer never leaks to another). An operator who sets it for all of
     * them, or forgot the Lucca of the default tenant, is told rather than ignored.
     */
    private static void onlyWithTheDefaultTenant(SettingsReader in) {
        EnvironmentTenant.ownSettings().stream().filter(setting -> in.text(setting).isPresent()).findFirst()
                .ifPresent(setting -> {
                    throw setting.refusal("is set, but the environment describes no tenant (TENANTS_FILE is set, "
                            + "FLATCHR_WEBHOOK_TOKEN and a Lucca are not) and no tenant of the file inherits it; give "
                            + "each tenant its own " + setting.tenantKey().orElseThrow() + ", or unset "
                            + setting.env());
                });
    }

    /** A database user or password without a database is a forgotten JOURNAL_JDBC_URL. */
    private static void onlyWithTheJournalUrl(SettingsReader in, Optional<String> journalUrl, Setting<String> setting) {
        if (journalUrl.isEmpty() && in.text(setting).isPresent()) {
            throw setting.refusal("is set while JOURNAL_JDBC_URL is not; set JOURNAL_JDBC_URL to use PostgreSQL, or "
                    + "unset " + setting.env() + " for the embedded journal");
        }
    }
}
