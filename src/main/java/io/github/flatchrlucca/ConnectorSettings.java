package io.github.flatchrlucca;

import io.github.flatchrlucca.intake.WebhookToken;
import io.github.flatchrlucca.mapping.ContractTypeTable;
import io.github.flatchrlucca.mapping.DepartmentTable;
import io.github.flatchrlucca.mapping.LoginRule;
import io.github.flatchrlucca.mapping.WorkEmailPattern;
import io.github.flatchrlucca.tenants.FlatchrApi;
import io.github.flatchrlucca.tenants.RehirePolicy;
import io.github.flatchrlucca.tenants.TenantDefaults;
import io.github.flatchrlucca.tenants.TenantSettings;
import com.fasterxml.jackson.core.JsonPointer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
        int batchSize,
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

    // Lucca instance names are the DNS label before .ilucca.net.
    private static final Pattern INSTANCE = Pattern.compile("[a-z0-9][a-z0-9-]*");

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

    static ConnectorSettings read(SettingsReader in) {
        int serverPort = in.port("camel.server.port", "SERVER_PORT", 8080);
        Optional<URI> lucca = luccaBaseUrl(in);
        String apiKey = in.text("lucca.api-key").orElse("");
        if (lucca.isPresent() && apiKey.isEmpty()) {
            throw SettingsReader.invalid("lucca.api-key", "LUCCA_API_KEY", "is required when Lucca is configured");
        }
        if (lucca.isEmpty() && !apiKey.isEmpty()) {
            // a key without a Lucca is a forgotten LUCCA_INSTANCE more often than a wish to run dry
            throw SettingsReader.invalid("lucca.api-key", "LUCCA_API_KEY", "is set, but neither LUCCA_BASE_URL nor "
                    + "LUCCA_INSTANCE says where to send it; unset it to run dry");
        }
        Optional<String> webhookToken = in.secret("flatchr.webhook-token", "FLATCHR_WEBHOOK_TOKEN");
        Optional<String> adminToken = in.secret("admin.token", "ADMIN_TOKEN");
        if (adminToken.isPresent() && adminToken.equals(webhookToken)) {
            throw SettingsReader.invalid("admin.token", "ADMIN_TOKEN", "is the same as FLATCHR_WEBHOOK_TOKEN; the "
                    + "webhook URL travels through Flatchr and must never open the admin API");
        }
        Optional<String> journalUrl = in.text("journal.jdbc-url").map(url -> {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw SettingsReader.invalid("journal.jdbc-url", "JOURNAL_JDBC_URL",
                        "only PostgreSQL is supported (jdbc:postgresql://host:5432/database)");
            }
            return url;
        });
        onlyWithTheJournalUrl(in, journalUrl, "journal.user", "JOURNAL_USER");
        onlyWithTheJournalUrl(in, journalUrl, "journal.password", "JOURNAL_PASSWORD");
        checkRouteSettings(in);
        Optional<Path> tenantsFile = in.text("tenants.file").map(file -> in.parse("tenants.file", "TENANTS_FILE", file,
                "a file path", Path::of));
        URI flatchrApiBaseUrl = in.httpUrl("flatchr.api-base-url", "FLATCHR_API_BASE_URL")
                .map(uri -> URI.create(uri.toString().replaceAll("/+$", ""))).orElse(FlatchrApi.DEFAULT_BASE_URL);
        Duration reconcileInterval = Duration.ofSeconds(in.between("flatchr.reconcile-interval-seconds",
                "FLATCHR_RECONCILE_INTERVAL_SECONDS", FlatchrApi.DEFAULT_RECONCILE_INTERVAL.getSeconds(), 0,
                FlatchrApi.MAX_RECONCILE_INTERVAL_SECONDS, "from 0 (never) to "
                        + FlatchrApi.MAX_RECONCILE_INTERVAL_SECONDS + " (a week): seconds, not milliseconds"));
        Duration reconcileLookback = Duration.ofDays(in.between("flatchr.reconcile-lookback-days",
                "FLATCHR_RECONCILE_LOOKBACK_DAYS", FlatchrApi.DEFAULT_RECONCILE_LOOKBACK.toDays(), 1,
                FlatchrApi.MAX_RECONCILE_LOOKBACK_DAYS, "a number of days from 1 to "
                        + FlatchrApi.MAX_RECONCILE_LOOKBACK_DAYS));
        boolean defaultTenant = tenantsFile.isEmpty() || webhookToken.isPresent() || lucca.isPresent();
        Optional<FlatchrApi> flatchrApi = flatchrApi(in, defaultTenant, flatchrApiBaseUrl, reconcileInterval,
                reconcileLookback);
        return new ConnectorSettings(
                serverPort,
                in.port("camel.management.port", "MANAGEMENT_PORT", serverPort),
                Duration.ofSeconds(in.positiveLong("server.idle-timeout-seconds", "HTTP_IDLE_TIMEOUT_SECONDS", 65)),
                Duration.ofSeconds(in.positiveLong("server.request-timeout-seconds", "HTTP_REQUEST_TIMEOUT_SECONDS", 30)),
                in.parse("connector.data-dir", "DATA_DIR", in.text("connector.data-dir", "./data"), "a folder path",
                        Path::of),
                in.httpUrl("connector.public-base-url", "PUBLIC_BASE_URL").map(Object::toString)
                        .orElse("http://localhost:" + serverPort).replaceAll("/+$", ""),
                in.zone("connector.timezone", "CONNECTOR_TIMEZONE", "Europe/Paris"),
                webhookToken,
                triggerColumns(in.text("flatchr.trigger-columns", "")),
                in.parse("flatchr.department-pointer", "FLATCHR_DEPARTMENT_POINTER",
                        in.text("flatchr.department-pointer", ""), "a JSON pointer",
                        pointer -> JsonPointer.compile(pointer).toString()),
                in.positiveInt("flatchr.max-body-bytes", "FLATCHR_MAX_BODY_BYTES", 1_048_576),
                flatchrApiBaseUrl,
                reconcileInterval,
                reconcileLookback,
                flatchrApi,
                lucca,
                apiKey,
                in.id("lucca.legal-entity-id", "LUCCA_LEGAL_ENTITY_ID").orElse(null),
                in.id("lucca.department-id", "LUCCA_DEPARTMENT_ID").orElse(null),
                in.id("lucca.role-id", "LUCCA_ROLE_ID").orElse(null),
                in.parse("lucca.departments", "LUCCA_DEPARTMENTS", in.text("lucca.departments", ""),
                        "a department table such as 'Service IT=12;Marketing=13'", DepartmentTable::parse),
                Duration.ofMinutes(in.positiveLong("lucca.department-cache-minutes", "LUCCA_DEPARTMENT_CACHE_MINUTES", 60)),
                in.text("lucca.work-email-pattern").map(pattern -> in.parse("lucca.work-email-pattern",
                        "LUCCA_WORK_EMAIL_PATTERN", pattern, "an e-mail pattern such as {firstname}.{lastname}@acme.fr",
                        WorkEmailPattern::parse)).orElse(null),
                in.parse("lucca.login-rule", "LUCCA_LOGIN_RULE", in.text("lucca.login-rule", "initial-lastname"),
                        "a login rule", LoginRule::parse),
                in.parse("lucca.contract-types", "LUCCA_CONTRACT_TYPES", in.text("lucca.contract-types", ""),
                        "a contract type table such as '1:21,2:22'", ContractTypeTable::parse),
                in.parse("lucca.rehire", "LUCCA_REHIRE", in.text("lucca.rehire", "contract"), RehirePolicy.EXPECTED,
                        RehirePolicy::parse),
                Duration.ofSeconds(in.between("delivery.hire-hold-seconds", "HIRE_HOLD_SECONDS", 0, 0,
                        TenantSettings.MAX_HIRE_HOLD_SECONDS, "from 0 (no hold) to "
                                + TenantSettings.MAX_HIRE_HOLD_SECONDS + " (a day): seconds")),
                in.positiveInt("lucca.rate-limit.requests", "LUCCA_RATE_LIMIT_REQUESTS", 50),
                Duration.ofSeconds(in.positiveLong("lucca.rate-limit.window-seconds", "LUCCA_RATE_LIMIT_WINDOW_SECONDS", 60)),
                Duration.ofMillis(in.positiveLong("retry.initial-delay-ms", "RETRY_INITIAL_DELAY_MS", 5000)),
                Duration.ofMillis(in.positiveLong("retry.max-delay-ms", "RETRY_MAX_DELAY_MS", 1_800_000)),
                Duration.ofHours(in.positiveLong("retry.max-age-hours", "RETRY_MAX_AGE_HOURS", 24)),
                Duration.ofMillis(in.positiveLong("retry.key-rejected-delay-ms", "RETRY_KEY_REJECTED_DELAY_MS", 60_000)),
                in.positiveInt("delivery.batch-size", "DELIVERY_BATCH_SIZE", 20),
                Duration.ofSeconds(in.positiveLong("delivery.lease-seconds", "DELIVERY_LEASE_SECONDS", 180)),
                adminToken,
                in.secretHttpUrl("alert.webhook-url", "ALERT_WEBHOOK_URL"),
                Duration.ofSeconds(in.positiveLong("alert.queue-age-seconds", "ALERT_QUEUE_AGE_SECONDS", 3600)),
                Duration.ofDays(in.nonNegativeLong("retention.days", "RETENTION_DAYS", 90)),
                journalUrl,
                in.text("journal.user", ""),
                in.text("journal.password", ""),
                // The drain is for instances behind a load balancer, which only a shared journal allows: one instance
                // on its embedded journal stops at once.
                Duration.ofSeconds(in.nonNegativeLong("shutdown.drain-seconds", "SHUTDOWN_DRAIN_SECONDS",
                        journalUrl.isPresent() ? 5 : 0)),
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
        Optional<String> apiKey = in.text("flatchr.api-key");
        apiKey.flatMap(FlatchrApi::apiKeyProblem).ifPresent(problem -> {
            throw SettingsReader.invalid("flatchr.api-key", "FLATCHR_API_KEY", problem);
        });
        Optional<String> companyKey = in.text("flatchr.company-key");
        Optional<String> resultTag = in.text("flatchr.result-tag");
        if (apiKey.isEmpty()) {
            if (companyKey.isPresent()) {
                throw SettingsReader.invalid("flatchr.company-key", "FLATCHR_COMPANY_KEY", "is set, but "
                        + "FLATCHR_API_KEY is not; set the key to use Flatchr's API, or unset FLATCHR_COMPANY_KEY");
            }
            if (resultTag.isPresent()) {
                throw SettingsReader.invalid("flatchr.result-tag", "FLATCHR_RESULT_TAG", "is set, but "
                        + "FLATCHR_API_KEY is not, and the outcome is written to Flatchr with it; set the key, "
                        + "or unset FLATCHR_RESULT_TAG");
            }
            return Optional.empty();
        }
        if (!defaultTenant) {
            // a tenant of the file never inherits it: an operator who sets it for all of them would be ignored
            throw SettingsReader.invalid("flatchr.api-key", "FLATCHR_API_KEY", "is set, but the environment describes "
                    + "no tenant (TENANTS_FILE is set, FLATCHR_WEBHOOK_TOKEN and a Lucca are not) and no tenant of the "
                    + "file inherits it; give each tenant its own flatchr.apiKey, or unset FLATCHR_API_KEY");
        }
        String company = companyKey.orElseThrow(() -> SettingsReader.invalid("flatchr.company-key",
                "FLATCHR_COMPANY_KEY", "is required when FLATCHR_API_KEY is set: " + FlatchrApi.COMPANY_KEY_SHAPE));
        FlatchrApi.companyKeyProblem(company).ifPresent(problem -> {
            throw SettingsReader.invalid("flatchr.company-key", "FLATCHR_COMPANY_KEY", problem);
        });
        if (company.equals(apiKey.get())) {
            throw SettingsReader.invalid("flatchr.company-key", "FLATCHR_COMPANY_KEY",
                    "is FLATCHR_API_KEY (not shown); expected " + FlatchrApi.COMPANY_KEY_SHAPE);
        }
        return Optional.of(new FlatchrApi(baseUrl, apiKey.get(), company, interval, lookback, resultTag));
    }

    /**
     * The settings only the routes read, as placeholders ({{delivery.poll-interval-ms}}...): checked here all the
     * same, so that a wrong one stops the start like any other instead of failing a route.
     */
    private static void checkRouteSettings(SettingsReader in) {
        in.positiveLong("lucca.timeout-ms", "LUCCA_TIMEOUT_MS", 10_000);
        in.positiveLong("delivery.poll-interval-ms", "DELIVERY_POLL_INTERVAL_MS", 250);
        in.positiveLong("alert.check-interval-ms", "ALERT_CHECK_INTERVAL_MS", 60_000);
        in.positiveLong("retention.check-interval-ms", "RETENTION_CHECK_INTERVAL_MS", 3_600_000);
        in.positiveLong("tenants.reload-interval-ms", "TENANTS_RELOAD_INTERVAL_MS", 5000);
    }

    /** A database user or password without a database is a forgotten JOURNAL_JDBC_URL. */
    private static void onlyWithTheJournalUrl(SettingsReader in, Optional<String> journalUrl, String key, String env) {
        if (journalUrl.isEmpty() && in.text(key).isPresent()) {
            throw SettingsReader.invalid(key, env, "is set while JOURNAL_JDBC_URL is not; set JOURNAL_JDBC_URL to use "
                    + "PostgreSQL, or unset " + env + " for the embedded journal");
        }
    }

    /** A full base URL wins; otherwise the short instance name customers know from Lucca and Flatchr. */
    private static Optional<URI> luccaBaseUrl(SettingsReader in) {
        Optional<URI> base = in.httpUrl("lucca.base-url", "LUCCA_BASE_URL")
                .map(uri -> URI.create(uri.toString().replaceAll("/+$", "")));
        if (base.isPresent()) {
            return base;
        }
        return in.text("lucca.instance").map(instance -> {
            String name = instance.toLowerCase(java.util.Locale.ROOT);
            if (!INSTANCE.matcher(name).matches()) {
                throw SettingsReader.invalid("lucca.instance", "LUCCA_INSTANCE",
                        "'" + instance + "' is not an instance name such as 'acme' (for acme.ilucca.net); "
                                + "use LUCCA_BASE_URL for other hosts");
            }
            return URI.create("https://" + name + ".ilucca.net");
        });
    }

    private static Set<String> triggerColumns(String text) {
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(column -> !column.isEmpty())
                .map(column -> column.toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
