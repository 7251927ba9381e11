package io.github.flatchrlucca;

import io.github.flatchrlucca.intake.WebhookToken;
import io.github.flatchrlucca.mapping.ContractTypeTable;
import io.github.flatchrlucca.mapping.DepartmentTable;
import io.github.flatchrlucca.mapping.LoginRule;
import io.github.flatchrlucca.mapping.WorkEmailPattern;
import io.github.flatchrlucca.tenants.FlatchrApi;
import io.github.flatchrlucca.tenants.LuccaLocation;
import io.github.flatchrlucca.tenants.RehirePolicy;
import io.github.flatchrlucca.tenants.TenantDefaults;
import io.github.flatchrlucca.tenants.TenantSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Every connector setting, read once at start and validated, so that nothing fails later on a typo.
 *
 * @param flatchrApiBaseUrl        FLATCHR_API_BASE_URL: the default tenant's, and what the file's tenants inherit
 * @param flatchrReconcileInterval FLATCHR_RECONCILE_INTERVAL_SECONDS, inherited likewise; zero: never
 * @param flatchrReconcileLookback FLATCHR_RECONCILE_LOOKBACK_DAYS, inherited likewise
 * @param flatchrApi               the default tenant's access to Flatchr's API (FLATCHR_API_KEY and the settings
 *                                 above); empty: no reconciliation, no write-back
 */
public record ConnectorSettings(
        int serverPort,
        int managementPort,
        Duration httpIdleTimeout,
        Duration httpRequestTimeout,
        Path dataDir,
        String publicBaseUrl,
        ZoneId zone,
        Optional<String> webhookToken,
        Set<String> triggerColumns,
        String departmentPointer,
        int maxBodyBytes,
        URI flatchrApiBaseUrl,
        Duration flatchrReconcileInterval,
        Duration flatchrReconcileLookback,
        Optional<FlatchrApi> flatchrApi,
        Optional<URI> luccaBaseUrl,
        String luccaApiKey,
        Integer legalEntityId,
        Integer departmentId,
        Integer roleId,
        DepartmentTable departments,
        Duration departmentCacheTtl,
        WorkEmailPattern workEmailPattern,
        LoginRule loginRule,
        ContractTypeTable contractTypes,
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
     * The environment describes a tenant of its own ("default", at /webhooks/flatchr): always without a tenants
     * file; with one, only when a webhook token or a Lucca is set, so a connector that moves to a tenants file
     * keeps its existing Flatchr URL working.
     */
    public boolean hasDefaultTenant() {
        return tenantsFile.isEmpty() || webhookToken.isPresent() || luccaBaseUrl.isPresent();
    }

    /** The tenant these settings describe, for the single-tenant connector and next to a tenants file. */
    public TenantSettings defaultTenant(WebhookToken token) {
        return new TenantSettings(TenantSettings.DEFAULT_ID, Set.of(), token, triggerColumns, luccaBaseUrl, luccaApiKey,
                rateLimitRequests, rateLimitWindow, legalEntityId, departmentId, roleId, departments, contractTypes,
                rehire, hireHold, loginRule, workEmailPattern, zone, Optional.empty(), flatchrApi);
    }

    /** What a tenant of the tenants file takes from these settings when it does not say. */
    public TenantDefaults tenantDefaults() {
        return new TenantDefaults(triggerColumns, rateLimitRequests, rateLimitWindow, loginRule, rehire, hireHold, zone,
                flatchrApiBaseUrl, flatchrReconcileInterval, flatchrReconcileLookback);
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
        return "ConnectorSettings[dataDir=" + dataDir + ", luccaBaseUrl=" + luccaBaseUrl.map(Object::toString).orElse("dry-run")
                + ", apiKey=" + (luccaApiKey.isEmpty() ? "unset" : "***") + ", webhookToken="
                + webhookToken.map(token -> "***").orElse("generated") + ", adminToken="
                + adminToken.map(token -> "***").orElse("unset") + ", alerts=" + alertWebhookUrl.map(url -> "***").orElse("off")
                + ", journal=" + journalJdbcUrl.orElse("embedded") + ", journalPassword="
                + (journalPassword.isEmpty() ? "unset" : "***") + ", flatchrApi="
                + flatchrApi.map(FlatchrApi::toString).orElse("unset") + "]";
    }

    /** Reads every setting as {@link Settings} declares it, then checks the rules between them. */
    static ConnectorSettings read(SettingsReader in) {
        in.checkAll();
        int serverPort = in.get(Settings.SERVER_PORT);
        Optional<URI> lucca = luccaBaseUrl(in);
        String apiKey = in.optional(Settings.LUCCA_API_KEY).orElse("");
        LuccaLocation.apiKeyProblem(lucca.isPresent(), !apiKey.isEmpty(), Settings.LUCCA_BASE_URL.env(),
                Settings.LUCCA_INSTANCE.env()).ifPresent(problem -> {
                    throw Settings.LUCCA_API_KEY.refusal(problem);
                });
        Optional<String> webhookToken = in.optional(Settings.WEBHOOK_TOKEN);
        Optional<String> adminToken = in.optional(Settings.ADMIN_TOKEN);
        if (adminToken.isPresent() && adminToken.equals(webhookToken)) {
            throw Settings.ADMIN_TOKEN.refusal("is the same as FLATCHR_WEBHOOK_TOKEN; the webhook URL travels "
                    + "through Flatchr and must never open the admin API");
        }
        Optional<String> journalUrl = in.optional(Settings.JOURNAL_JDBC_URL);
        onlyWithTheJournalUrl(in, journalUrl, Settings.JOURNAL_USER);
        onlyWithTheJournalUrl(in, journalUrl, Settings.JOURNAL_PASSWORD);
        Optional<Path> tenantsFile = in.optional(Settings.TENANTS_FILE);
        URI flatchrApiBaseUrl = in.get(Settings.FLATCHR_API_BASE_URL);
        Duration reconcileInterval = in.get(Settings.FLATCHR_RECONCILE_INTERVAL);
        Duration reconcileLookback = in.get(Settings.FLATCHR_RECONCILE_LOOKBACK);
        boolean defaultTenant = tenantsFile.isEmpty() || webhookToken.isPresent() || lucca.isPresent();
        Optional<FlatchrApi> flatchrApi = flatchrApi(in, defaultTenant, flatchrApiBaseUrl, reconcileInterval,
                reconcileLookback);
        return new ConnectorSettings(
                serverPort,
                in.optional(Settings.MANAGEMENT_PORT).orElse(serverPort),
                in.get(Settings.HTTP_IDLE_TIMEOUT),
                in.get(Settings.HTTP_REQUEST_TIMEOUT),
                in.get(Settings.DATA_DIR),
                in.optional(Settings.PUBLIC_BASE_URL).map(Object::toString).orElse("http://localhost:" + serverPort),
                in.get(Settings.TIMEZONE),
                webhookToken,
                in.optional(Settings.TRIGGER_COLUMNS).orElse(Set.of()),
                in.optional(Settings.DEPARTMENT_POINTER).orElse(""),
                in.get(Settings.MAX_BODY_BYTES),
                flatchrApiBaseUrl,
                reconcileInterval,
                reconcileLookback,
                flatchrApi,
                lucca,
                apiKey,
                in.optional(Settings.LEGAL_ENTITY_ID).orElse(null),
                in.optional(Settings.DEPARTMENT_ID).orElse(null),
                in.optional(Settings.ROLE_ID).orElse(null),
                in.optional(Settings.DEPARTMENTS).orElseGet(() -> DepartmentTable.parse("")),
                in.get(Settings.DEPARTMENT_CACHE),
                in.optional(Settings.WORK_EMAIL_PATTERN).orElse(null),
                in.get(Settings.LOGIN_RULE),
                in.optional(Settings.CONTRACT_TYPES).orElseGet(() -> ContractTypeTable.parse("")),
                in.get(Settings.REHIRE),
                in.get(Settings.HIRE_HOLD),
                in.get(Settings.RATE_LIMIT_REQUESTS),
                in.get(Settings.RATE_LIMIT_WINDOW),
                in.get(Settings.RETRY_INITIAL_DELAY),
                in.get(Settings.RETRY_MAX_DELAY),
                in.get(Settings.RETRY_MAX_AGE),
                in.get(Settings.KEY_REJECTED_DELAY),
                in.get(Settings.LEASE),
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

    /**
     * The default tenant's access to Flatchr's API: a key, and the company key that goes with it, or neither. What
     * only serves with a key (the company key, the result tag) is refused without one: it is a forgotten key more
     * often than a wish to do without. The key is never repeated in a refusal.
     *
     * @param defaultTenant whether the environment describes a tenant at all ({@link #hasDefaultTenant()})
     */
    private static Optional<FlatchrApi> flatchrApi(SettingsReader in, boolean defaultTenant, URI baseUrl,
                                                   Duration interval, Duration lookback) {
        Optional<String> apiKey = in.optional(Settings.FLATCHR_API_KEY);
        Optional<String> companyKey = in.optional(Settings.FLATCHR_COMPANY_KEY);
        Optional<String> resultTag = in.optional(Settings.FLATCHR_RESULT_TAG);
        if (apiKey.isEmpty()) {
            if (companyKey.isPresent()) {
                throw Settings.FLATCHR_COMPANY_KEY.refusal("is set, but FLATCHR_API_KEY is not; set the key to use "
                        + "Flatchr's API, or unset FLATCHR_COMPANY_KEY");
            }
            if (resultTag.isPresent()) {
                throw Settings.FLATCHR_RESULT_TAG.refusal("is set, but FLATCHR_API_KEY is not, and the outcome is "
                        + "written to Flatchr with it; set the key, or unset FLATCHR_RESULT_TAG");
            }
            return Optional.empty();
        }
        if (!defaultTenant) {
            // a tenant of the file never inherits it: an operator who sets it for all of them would be ignored
            throw Settings.FLATCHR_API_KEY.refusal("is set, but the environment describes no tenant (TENANTS_FILE is "
                    + "set, FLATCHR_WEBHOOK_TOKEN and a Lucca are not) and no tenant of the file inherits it; give "
                    + "each tenant its own flatchr.apiKey, or unset FLATCHR_API_KEY");
        }
        String company = companyKey.orElseThrow(() -> Settings.FLATCHR_COMPANY_KEY.refusal(
                "is required when FLATCHR_API_KEY is set: " + FlatchrApi.COMPANY_KEY_SHAPE));
        FlatchrApi.sameKeysProblem(company, apiKey.get(), Settings.FLATCHR_API_KEY.env()).ifPresent(problem -> {
            throw Settings.FLATCHR_COMPANY_KEY.refusal(problem);
        });
        return Optional.of(new FlatchrApi(baseUrl, apiKey.get(), company, interval, lookback, resultTag));
    }

    /** A database user or password without a database is a forgotten JOURNAL_JDBC_URL. */
    private static void onlyWithTheJournalUrl(SettingsReader in, Optional<String> journalUrl, Setting<String> setting) {
        if (journalUrl.isEmpty() && in.text(setting).isPresent()) {
            throw setting.refusal("is set while JOURNAL_JDBC_URL is not; set JOURNAL_JDBC_URL to use PostgreSQL, or "
                    + "unset " + setting.env() + " for the embedded journal");
        }
    }

    /** A full base URL or the short instance name customers know from Lucca and Flatchr: one, not both. */
    private static Optional<URI> luccaBaseUrl(SettingsReader in) {
        try {
            return LuccaLocation.of(in.optional(Settings.LUCCA_BASE_URL), in.optional(Settings.LUCCA_INSTANCE));
        } catch (IllegalArgumentException both) {
            throw Settings.LUCCA_INSTANCE.refusal("is set as well as LUCCA_BASE_URL; " + both.getMessage());
        }
    }
}
