package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.flatchrlucca.intake.WebhookToken;
import io.github.flatchrlucca.mapping.LoginRule;
import io.github.flatchrlucca.tenants.TenantSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectorSettingsTest {

    private static final String API_KEY = "KEY-7f3a9c-DO-NOT-PRINT";
    private static final WebhookToken TOKEN = WebhookToken.of("webhook-token-0123456789");

    private final Map<String, String> properties = new HashMap<>();

    // ---- defaults

    @Test
    void withoutLuccaTheDefaultTenantRunsDry() {
        ConnectorSettings settings = read();

        assertThat(settings.luccaBaseUrl()).isEmpty();
        assertThat(settings.defaultTenant(TOKEN).dryRun()).isTrue();
    }

    // ---- the default tenant

    @Test
    void withoutATenantsFileTheEnvironmentIsTheOneTenantAcceptingAnyCompany() {
        properties.put("lucca.instance", "acme");
        properties.put("lucca.api-key", API_KEY);
        properties.put("lucca.contract-types", "1:21");

        ConnectorSettings settings = read();
        TenantSettings tenant = settings.defaultTenant(TOKEN);

        assertThat(settings.hasDefaultTenant()).isTrue();
        assertThat(tenant.id()).isEqualTo(TenantSettings.DEFAULT_ID);
        assertThat(tenant.acceptsCompany("4242")).isTrue();
        assertThat(tenant.acceptsCompany("77")).isTrue();
        assertThat(tenant.luccaBaseUrl()).contains(URI.create("https://acme.ilucca.net"));
        assertThat(tenant.luccaApiKey()).isEqualTo(API_KEY);
        assertThat(tenant.contractTypes().luccaTypeFor("1")).contains(21);
        assertThat(tenant.adminToken()).isEmpty();
    }

    @Test
    void withATenantsFileAloneThereIsNoDefaultTenant() {
        properties.put("tenants.file", "/etc/flatchr-lucca/tenants.yaml");

        assertThat(read().hasDefaultTenant()).isFalse();
        assertThat(read().tenantsFile()).contains(Path.of("/etc/flatchr-lucca/tenants.yaml"));
    }

    @Test
    void withATenantsFileTheDefaultTenantStaysWhenTheEnvironmentStillDescribesOne() {
        properties.put("tenants.file", "/etc/flatchr-lucca/tenants.yaml");
        properties.put("flatchr.webhook-token", "token-of-the-first-customer");

        assertThat(read().hasDefaultTenant()).as("its Flatchr URL keeps working").isTrue();
    }

    @Test
    void thePublicUrlDefaultsToTheServerPort() {
        assertThat(read().publicBaseUrl()).isEqualTo("http://localhost:8080");
    }

    @Test
    void aConfiguredPublicUrlLosesItsTrailingSlashes() {
        properties.put("connector.public-base-url", "https://hooks.acme.fr//");

        assertThat(read().publicBaseUrl()).isEqualTo("https://hooks.acme.fr");
    }

    @Test
    void theDefaultsAreParisAndFiftyCallsAMinute() {
        ConnectorSettings settings = read();

        assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(settings.rateLimitRequests()).isEqualTo(50);
        assertThat(settings.rateLimitWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.loginRule()).isEqualTo(LoginRule.INITIAL_LASTNAME);
        assertThat(settings.departmentPointer()).isEqualTo("/data/vacancy/department");
        assertThat(settings.triggerColumns()).isEmpty();
        assertThat(settings.webhookToken()).isEmpty();
        assertThat(settings.workEmailPattern()).isNull();
        assertThat(settings.departmentId()).isNull();
    }

    @Test
    void blankValuesCountAsUnset() {
        properties.put("connector.timezone", "  ");
        properties.put("flatchr.webhook-token", "  ");
        properties.put("lucca.instance", " ");

        ConnectorSettings settings = read();

        assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(settings.webhookToken()).isEmpty();
        assertThat(settings.luccaBaseUrl()).isEmpty();
    }

    // ---- where Lucca is

    @Test
    void anInstanceNameIsAnIluccaHost() {
        properties.put("lucca.instance", "acme");
        properties.put("lucca.api-key", API_KEY);

        ConnectorSettings settings = read();

        assertThat(settings.luccaBaseUrl()).contains(URI.create("https://acme.ilucca.net"));
    }

    @Test
    void anInstanceNameIsReadInLowerCase() {
        properties.put("lucca.instance", "ACME-Group");
        properties.put("lucca.api-key", API_KEY);

        assertThat(read().luccaBaseUrl()).contains(URI.create("https://acme-group.ilucca.net"));
    }

    @Test
    void aBaseUrlWinsOverAnInstanceName() {
        properties.put("lucca.instance", "acme");
        properties.put("lucca.base-url", "https://sandbox.example.org/");
        properties.put("lucca.api-key", API_KEY);

        assertThat(read().luccaBaseUrl()).contains(URI.create("https://sandbox.example.org"));
    }

    @Test
    void luccaWithoutApiKeyIsRefusedNamingTheKeyVariable() {
        properties.put("lucca.base-url", "https://acme.ilucca.net");

        assertThatIllegalArgumentException().isThrownBy(this::read).withMessageContaining("LUCCA_API_KEY");
    }

    @Test
    void anInstanceWithoutApiKeyIsRefusedToo() {
        properties.put("lucca.instance", "acme");

        assertThatIllegalArgumentException().isThrownBy(this::read).withMessageContaining("LUCCA_API_KEY");
    }

    // ---- other settings

    @Test
    void triggerColumnsAreTrimmedAndLowerCase() {
        properties.put("flatchr.trigger-columns", " 9, Recruté ,,EMBAUCHÉ");

        assertThat(read().triggerColumns()).containsExactlyInAnyOrder("9", "recruté", "embauché");
    }

    @Test
    void theConfiguredValuesAreRead() {
        properties.put("lucca.department-id", "12");
        properties.put("lucca.contract-types", "1:21");
        properties.put("lucca.login-rule", "email");
        properties.put("connector.timezone", "America/Guadeloupe");
        properties.put("lucca.rate-limit.requests", "10");
        properties.put("lucca.work-email-pattern", "{firstname}.{lastname}@acme.fr");

        ConnectorSettings settings = read();

        assertThat(settings.departmentId()).isEqualTo(12);
        assertThat(settings.contractTypes().luccaTypeFor("1")).contains(21);
        assertThat(settings.loginRule()).isEqualTo(LoginRule.EMAIL);
        assertThat(settings.zone()).isEqualTo(ZoneId.of("America/Guadeloupe"));
        assertThat(settings.rateLimitRequests()).isEqualTo(10);
        assertThat(settings.workEmailPattern().apply("Éloïse", "Müller")).isEqualTo("eloise.muller@acme.fr");
    }

    // ---- bad values stop the start

    @ParameterizedTest(name = "{0}=''{1}'' is refused naming {2}")
    @CsvSource(delimiter = '|', textBlock = """
            lucca.base-url             | not a url     | LUCCA_BASE_URL
            lucca.base-url             | ftp://x       | LUCCA_BASE_URL
            lucca.base-url             | https://      | LUCCA_BASE_URL
            lucca.instance             | ac me         | LUCCA_INSTANCE
            lucca.instance             | acme.ilucca.net | LUCCA_INSTANCE
            lucca.department-id        | abc           | LUCCA_DEPARTMENT_ID
            lucca.department-id        | -3            | LUCCA_DEPARTMENT_ID
            lucca.department-id        | 0             | LUCCA_DEPARTMENT_ID
            lucca.legal-entity-id      | 1.5           | LUCCA_LEGAL_ENTITY_ID
            lucca.contract-types       | 1-21          | LUCCA_CONTRACT_TYPES
            lucca.departments          | IT            | LUCCA_DEPARTMENTS
            lucca.login-rule           | nope          | LUCCA_LOGIN_RULE
            connector.timezone         | Mars/Olympus  | CONNECTOR_TIMEZONE
            lucca.rate-limit.requests  | 0             | LUCCA_RATE_LIMIT_REQUESTS
            lucca.rate-limit.requests  | many          | LUCCA_RATE_LIMIT_REQUESTS
            lucca.rate-limit.window-seconds | 0        | LUCCA_RATE_LIMIT_WINDOW_SECONDS
            lucca.work-email-pattern   | nobody        | LUCCA_WORK_EMAIL_PATTERN
            flatchr.department-pointer | no-slash      | FLATCHR_DEPARTMENT_POINTER
            retry.max-age-hours        | -1            | RETRY_MAX_AGE_HOURS
            """)
    void aBadValueIsRefusedNamingItsVariable(String key, String value, String variable) {
        properties.put(key, value);

        assertThatIllegalArgumentException()
                .isThrownBy(this::read)
                .withMessageContaining(variable)
                .withMessageContaining(key);
    }

    /** A wrong value for each setting application.properties reads from the environment. */
    private static final Map<String, String> WRONG = Map.ofEntries(
            Map.entry("camel.server.port", "abc"),
            Map.entry("camel.management.port", "70000"),
            Map.entry("server.idle-timeout-seconds", "0"),
            Map.entry("server.request-timeout-seconds", "-1"),
            Map.entry("connector.data-dir", "data\u0000dir"),
            Map.entry("connector.public-base-url", "hooks.acme.fr"),
            Map.entry("connector.timezone", "Mars/Olympus"),
            Map.entry("flatchr.webhook-token", "too-short"),
            Map.entry("flatchr.department-pointer", "no-slash"),
            Map.entry("flatchr.max-body-bytes", "0"),
            Map.entry("lucca.base-url", "ftp://acme.example"),
            Map.entry("lucca.instance", "ac me"),
            Map.entry("lucca.api-key", "a-key-but-no-lucca"),
            Map.entry("lucca.legal-entity-id", "-3"),
            Map.entry("lucca.department-id", "abc"),
            Map.entry("lucca.role-id", "1.5"),
            Map.entry("lucca.departments", "IT"),
            Map.entry("lucca.department-cache-minutes", "0"),
            Map.entry("lucca.work-email-pattern", "nobody"),
            Map.entry("lucca.login-rule", "surname"),
            Map.entry("lucca.contract-types", "1-21"),
            Map.entry("lucca.rate-limit.requests", "0"),
            Map.entry("lucca.rate-limit.window-seconds", "many"),
            Map.entry("lucca.timeout-ms", "0"),
            Map.entry("tenants.file", "tenants\u0000.yaml"),
            Map.entry("tenants.reload-interval-ms", "0"),
            Map.entry("journal.jdbc-url", "jdbc:mysql://db/flatchr"),
            Map.entry("journal.user", "flatchr-lucca"),
            Map.entry("journal.password", "a-password-but-no-database"),
            Map.entry("shutdown.drain-seconds", "-1"),
            Map.entry("retry.initial-delay-ms", "0"),
            Map.entry("retry.max-delay-ms", "soon"),
            Map.entry("retry.max-age-hours", "-1"),
            Map.entry("retry.key-rejected-delay-ms", "0"),
            Map.entry("delivery.poll-interval-ms", "0"),
            Map.entry("delivery.batch-size", "0"),
            Map.entry("delivery.lease-seconds", "0"),
            Map.entry("admin.token", "too-short"),
            Map.entry("alert.webhook-url", "not a url"),
            Map.entry("alert.queue-age-seconds", "0"),
            Map.entry("alert.check-interval-ms", "0"),
            Map.entry("retention.days", "-1"),
            Map.entry("retention.check-interval-ms", "0"));
    /** Settings for which every value means something. */
    private static final Set<String> ANY_VALUE = Set.of("flatchr.trigger-columns");
    private static final Pattern FROM_ENVIRONMENT = Pattern.compile("^([a-z][\\w.-]*)\\s*=.*?\\{\\{env:([A-Z_]+)",
            Pattern.MULTILINE);

    @Test
    void everySettingReadFromTheEnvironmentIsCheckedAndAWrongValueNamesItsVariable() throws Exception {
        Map<String, String> variables = new HashMap<>();
        FROM_ENVIRONMENT.matcher(Files.readString(Path.of("application.properties"), StandardCharsets.ISO_8859_1))
                .results().forEach(setting -> variables.put(setting.group(1), setting.group(2)));

        assertThat(java.util.stream.Stream.concat(WRONG.keySet().stream(), ANY_VALUE.stream()).toList())
                .as("a wrong value for each setting of application.properties")
                .containsExactlyInAnyOrderElementsOf(variables.keySet());
        WRONG.forEach((key, value) -> {
            properties.clear();
            properties.put(key, value);
            assertThatIllegalArgumentException().as(key + "=" + value).isThrownBy(this::read)
                    .withMessageContaining("Invalid setting " + variables.get(key) + " (" + key + ")");
        });
    }

    @Test
    void theAdminTokenIsNotTheWebhookToken() {
        properties.put("flatchr.webhook-token", "the-same-token-for-both");
        properties.put("admin.token", "the-same-token-for-both");

        assertThatIllegalArgumentException().isThrownBy(this::read).withMessageContaining("ADMIN_TOKEN")
                .withMessageContaining("FLATCHR_WEBHOOK_TOKEN").withMessageNotContaining("the-same-token-for-both");
    }

    @Test
    void aSecretTooShortIsRefusedWithoutBeingRepeated() {
        properties.put("admin.token", "s3cret-admin");

        assertThatIllegalArgumentException().isThrownBy(this::read).withMessageContaining("16 characters")
                .withMessageNotContaining("s3cret-admin");
    }

    @Test
    void healthAndMetricsShareTheWebhooksPortUnlessTheirOwnIsSet() {
        properties.put("camel.server.port", "8081");
        assertThat(read().managementOnServerPort()).isTrue();
        assertThat(read().managementPort()).isEqualTo(8081);

        properties.put("camel.management.port", "9090");
        assertThat(read().managementOnServerPort()).isFalse();
    }

    @ParameterizedTest(name = "{0}=''{1}'' is refused without the API key")
    @CsvSource(delimiter = '|', textBlock = """
            lucca.base-url             | ftp://x
            lucca.department-id        | abc
            lucca.contract-types       | 1-21
            lucca.departments          | IT
            lucca.login-rule           | nope
            connector.timezone         | Mars/Olympus
            lucca.rate-limit.requests  | 0
            lucca.work-email-pattern   | nobody
            flatchr.department-pointer | no-slash
            """)
    void theApiKeyNeverAppearsInAnError(String key, String value) {
        properties.put("lucca.instance", "acme");
        properties.put("lucca.api-key", API_KEY);
        properties.put(key, value);

        assertThatIllegalArgumentException()
                .isThrownBy(this::read)
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain(API_KEY));
    }

    @Test
    void theSettingsDoNotPrintTheApiKey() {
        properties.put("lucca.instance", "acme");
        properties.put("lucca.api-key", API_KEY);

        assertThat(read().toString()).doesNotContain(API_KEY);
    }

    private ConnectorSettings read() {
        return ConnectorSettings.read(new SettingsReader(key -> Optional.ofNullable(properties.get(key))));
    }
}
