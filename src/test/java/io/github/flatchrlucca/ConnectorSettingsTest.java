package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.flatchrlucca.intake.WebhookToken;
import io.github.flatchrlucca.mapping.LoginRule;
import io.github.flatchrlucca.tenants.TenantSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
        return ConnectorSettings.read(new SettingsReader(key -> Optional.ofNullable(properties.get(key))), 8080);
    }
}
