package io.github.flatchrlucca;

import io.github.flatchrlucca.intake.WebhookToken;
import io.github.flatchrlucca.mapping.ContractTypeTable;
import io.github.flatchrlucca.mapping.DepartmentTable;
import io.github.flatchrlucca.mapping.LoginRule;
import io.github.flatchrlucca.mapping.WorkEmailPattern;
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

/** Every connector setting, read once at start and validated, so that nothing fails later on a typo. */
public record ConnectorSettings(
        Path dataDir,
        String publicBaseUrl,
        ZoneId zone,
        Optional<String> webhookToken,
        Set<String> triggerColumns,
        String departmentPointer,
        int maxBodyBytes,
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
                loginRule, workEmailPattern, zone, Optional.empty());
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
                + (journalPassword.isEmpty() ? "unset" : "***") + "]";
    }

    static ConnectorSettings read(SettingsReader in, int serverPort) {
        Optional<URI> lucca = luccaBaseUrl(in);
        String apiKey = in.text("lucca.api-key").orElse("");
        if (lucca.isPresent() && apiKey.isEmpty()) {
            throw SettingsReader.invalid("lucca.api-key", "LUCCA_API_KEY", "is required when Lucca is configured");
        }
        return new ConnectorSettings(
                Path.of(in.text("connector.data-dir", "./data")),
                in.text("connector.public-base-url", "http://localhost:" + serverPort).replaceAll("/+$", ""),
                in.zone("connector.timezone", "CONNECTOR_TIMEZONE", "Europe/Paris"),
                in.text("flatchr.webhook-token"),
                triggerColumns(in.text("flatchr.trigger-columns", "")),
                in.parse("flatchr.department-pointer", "FLATCHR_DEPARTMENT_POINTER",
                        in.text("flatchr.department-pointer", "/data/vacancy/department"), "a JSON pointer",
                        pointer -> JsonPointer.compile(pointer).toString()),
                in.positiveInt("flatchr.max-body-bytes", "FLATCHR_MAX_BODY_BYTES", 1_048_576),
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
                in.positiveInt("lucca.rate-limit.requests", "LUCCA_RATE_LIMIT_REQUESTS", 50),
                Duration.ofSeconds(in.positiveLong("lucca.rate-limit.window-seconds", "LUCCA_RATE_LIMIT_WINDOW_SECONDS", 60)),
                Duration.ofMillis(in.positiveLong("retry.initial-delay-ms", "RETRY_INITIAL_DELAY_MS", 5000)),
                Duration.ofMillis(in.positiveLong("retry.max-delay-ms", "RETRY_MAX_DELAY_MS", 1_800_000)),
                Duration.ofHours(in.positiveLong("retry.max-age-hours", "RETRY_MAX_AGE_HOURS", 24)),
                Duration.ofMillis(in.positiveLong("retry.key-rejected-delay-ms", "RETRY_KEY_REJECTED_DELAY_MS", 60_000)),
                in.positiveInt("delivery.batch-size", "DELIVERY_BATCH_SIZE", 20),
                Duration.ofSeconds(in.positiveLong("delivery.lease-seconds", "DELIVERY_LEASE_SECONDS", 180)),
                in.text("admin.token"),
                in.httpUrl("alert.webhook-url", "ALERT_WEBHOOK_URL"),
                Duration.ofSeconds(in.positiveLong("alert.queue-age-seconds", "ALERT_QUEUE_AGE_SECONDS", 3600)),
                Duration.ofDays(in.nonNegativeLong("retention.days", "RETENTION_DAYS", 90)),
                in.text("journal.jdbc-url").map(url -> {
                    if (!url.startsWith("jdbc:postgresql:")) {
                        throw SettingsReader.invalid("journal.jdbc-url", "JOURNAL_JDBC_URL",
                                "only PostgreSQL is supported (jdbc:postgresql://host:5432/database)");
                    }
                    return url;
                }),
                in.text("journal.user", ""),
                in.text("journal.password", ""),
                Duration.ofSeconds(in.nonNegativeLong("shutdown.drain-seconds", "SHUTDOWN_DRAIN_SECONDS", 5)),
                in.text("tenants.file").map(Path::of));
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
