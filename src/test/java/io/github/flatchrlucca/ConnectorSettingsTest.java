package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.flatchrlucca.intake.WebhookToken;
import io.github.flatchrlucca.mapping.LoginRule;
import io.github.flatchrlucca.tenants.FlatchrApi;
import io.github.flatchrlucca.tenants.TenantDefaults;
import io.github.flatchrlucca.tenants.TenantSettings;
import io.github.flatchrlucca.tenants.TenantsFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectorSettingsTest {

    private static final String API_KEY = "KEY-7f3a9c-DO-NOT-PRINT";
    private static final String FLATCHR_KEY = "flatchrKEY9b2e4dDONOTPRINT";
    private static final String COMPANY_KEY = "Wy3EOp2NP3p1KMq8";
    private static final WebhookToken TOKEN = WebhookToken.of("webhook-token-0123456789");

    private final Map<String, String> properties = new HashMap<>();

    // ---- defaults

    @Test
    void withoutLuccaTheDefaultTenantRunsDry() {
        ConnectorSettings settings = read();

        assertThat(settings.defaultTenant(TOKEN).luccaBaseUrl()).isEmpty();
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
    void aSingleInstanceStopsAtOnceAndInstancesSharingAJournalDrainFirst() {
        assertThat(read().shutdownDrain()).as("the embedded journal: one instance").isZero();

        properties.put("journal.jdbc-url", "jdbc:postgresql://db:5432/flatchr_lucca");
        properties.put("flatchr.webhook-token", "token-of-every-instance");
        assertThat(read().shutdownDrain()).isEqualTo(Duration.ofSeconds(5));

        properties.put("shutdown.drain-seconds", "2");
        assertThat(read().shutdownDrain()).isEqualTo(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/flatchr-lucca/tenants.yaml"})
    void instancesSharingAJournalWithADefaultTenantMustShareItsWebhookTokenRatherThanEachGenerateOne(String file) {
        properties.put("journal.jdbc-url", "jdbc:postgresql://db:5432/flatchr_lucca");
        properties.put("tenants.file", file);
        // with a tenants file, a Lucca keeps the default tenant
        properties.put("lucca.instance", "acme");
        properties.put("lucca.api-key", API_KEY);

        assertThatIllegalArgumentException().isThrownBy(this::start).withMessageStartingWith(
                "Invalid setting FLATCHR_WEBHOOK_TOKEN (flatchr.webhook-token): is unset while JOURNAL_JDBC_URL is");
    }

    @Test
    void instancesSharingAJournalWithoutADefaultTenantNeedNoWebhookTokenOfTheirOwn() {
        properties.put("journal.jdbc-url", "jdbc:postgresql://db:5432/flatchr_lucca");
        properties.put("tenants.file", "/etc/flatchr-lucca/tenants.yaml");

        assertThat(read().hasDefaultTenant()).isFalse();
    }

    @Test
    void theDefaultsAreParisAndFiftyCallsAMinute() {
        ConnectorSettings settings = read();

        assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(settings.defaultTenant(TOKEN).phoneRegion()).as("numbers without +33 read as French").isEqualTo("FR");
        assertThat(settings.rateLimitRequests()).isEqualTo(50);
        assertThat(settings.rateLimitWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.loginRule()).isEqualTo(LoginRule.INITIAL_LASTNAME);
        assertThat(settings.departmentPointer()).as("no department read from the event").isEmpty();
        assertThat(settings.triggerColumns()).isEmpty();
        assertThat(settings.webhookToken()).isEmpty();
        assertThat(settings.defaultTenant(TOKEN).workEmailPattern()).isNull();
        assertThat(settings.defaultTenant(TOKEN).departmentId()).isNull();
    }

    @Test
    void blankValuesCountAsUnset() {
        properties.put("connector.timezone", "  ");
        properties.put("flatchr.webhook-token", "  ");
        properties.put("lucca.instance", " ");

        ConnectorSettings settings = read();

        assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(settings.webhookToken()).isEmpty();
        assertThat(settings.defaultTenant(TOKEN).luccaBaseUrl()).isEmpty();
    }

    // ---- where Lucca is

    @Test
    void anInstanceNameIsAnIluccaHost() {
        properties.put("lucca.instance", "acme");
        properties.put("lucca.api-key", API_KEY);

        ConnectorSettings settings = read();

        assertThat(settings.defaultTenant(TOKEN).luccaBaseUrl()).contains(URI.create("https://acme.ilucca.net"));
    }

    @Test
    void anInstanceNameIsReadInLowerCase() {
        properties.put("lucca.instance", "ACME-Group");
        properties.put("lucca.api-key", API_KEY);

        assertThat(read().defaultTenant(TOKEN).luccaBaseUrl()).contains(URI.create("https://acme-group.ilucca.net"));
    }

    @Test
    void aBaseUrlAndAnInstanceNameTogetherAreRefusedAsATenantOfTheFileIs() {
        properties.put("lucca.instance", "acme");
        properties.put("lucca.base-url", "https://sandbox.example.org/");
        properties.put("lucca.api-key", API_KEY);

        assertThatIllegalArgumentException().isThrownBy(this::start)
                .withMessage("Invalid setting LUCCA_INSTANCE (lucca.instance): is set as well as LUCCA_BASE_URL; "
                        + "keep one");
    }

    @Test
    void aBaseUrlLosesItsTrailingSlashes() {
        properties.put("lucca.base-url", "https://sandbox.example.org/");
        properties.put("lucca.api-key", API_KEY);

        assertThat(read().defaultTenant(TOKEN).luccaBaseUrl()).contains(URI.create("https://sandbox.example.org"));
    }

    @Test
    void luccaWithoutApiKeyIsRefusedNamingTheKeyVariable() {
        properties.put("lucca.base-url", "https://acme.ilucca.net");

        assertThatIllegalArgumentException().isThrownBy(this::start)
                .withMessage("Invalid setting LUCCA_API_KEY (lucca.api-key): is required");
    }

    @Test
    void anInstanceWithoutApiKeyIsRefusedToo() {
        properties.put("lucca.instance", "acme");

        assertThatIllegalArgumentException().isThrownBy(this::start).withMessageContaining("LUCCA_API_KEY");
    }

    @Test
    void aKeyWithoutLuccaIsRefusedByTheTenantsFilesRule() {
        properties.put("lucca.api-key", API_KEY);

        assertThatIllegalArgumentException().isThrownBy(this::start)
                .withMessage("Invalid setting LUCCA_API_KEY (lucca.api-key): is given, but neither LUCCA_BASE_URL nor "
                        + "LUCCA_INSTANCE says where to send it; remove the key to run this tenant dry");
    }

    @Test
    void theDefaultTenantIsReadByTheRulesOfATenantOfTheFile(@TempDir Path dir) throws IOException {
        properties.put("lucca.instance", "acme");
        properties.put("lucca.api-key", API_KEY);
        properties.put("lucca.department-id", "12");
        properties.put("lucca.departments", "Service IT=12;Marketing=13");
        properties.put("lucca.contract-types", "1:21,2:22");
        properties.put("lucca.work-email-pattern", "{firstname}.{lastname}@acme.fr");
        properties.put("flatchr.api-key", FLATCHR_KEY);
        properties.put("flatchr.company-key", COMPANY_KEY);
        properties.put("flatchr.company-id", "4242");
        properties.put("flatchr.result-tag", "Lucca");
        Path file = Files.writeString(dir.resolve("tenants.yaml"), """
                tenants:
                  - id: acme
                    flatchrCompanyIds: [4242]
                    webhookToken: ${env:ACME_TOKEN}
                    lucca: { instance: acme, apiKey: "${env:ACME_LUCCA_KEY}" }
                    defaults: { departmentId: 12 }
                    departments: { Service IT: 12, Marketing: 13 }
                    contractTypes: { 1: 21, 2: 22 }
                    workEmailPattern: "{firstname}.{lastname}@acme.fr"
                    flatchr: { apiKey: "${env:ACME_FLATCHR_KEY}", companyKey: %s, resultTag: Lucca }
                """.formatted(COMPANY_KEY));
        Map<String, String> environment = Map.of("ACME_TOKEN", "acme-token-0123456789", "ACME_LUCCA_KEY", API_KEY,
                "ACME_FLATCHR_KEY", FLATCHR_KEY);

        ConnectorSettings settings = read();
        TenantSettings fromTheEnvironment = settings.defaultTenant(TOKEN);
        TenantSettings fromTheFile = TenantsFile.read(file, name -> Optional.ofNullable(environment.get(name)),
                settings.tenantDefaults(), Map.of(), Optional.empty()).tenants().get(0);

        for (TenantSettings tenant : List.of(fromTheEnvironment, fromTheFile)) {
            assertThat(tenant.luccaBaseUrl()).contains(URI.create("https://acme.ilucca.net"));
            assertThat(tenant.luccaApiKey()).isEqualTo(API_KEY);
            assertThat(tenant.departmentId()).isEqualTo(12);
            assertThat(tenant.departments().idFor("marketing")).contains(13);
            assertThat(tenant.contractTypes().luccaTypeFor("2")).contains(22);
            assertThat(tenant.workEmailPattern().apply("Éloïse", "Müller")).isEqualTo("eloise.muller@acme.fr");
        }
        assertThat(fromTheEnvironment.flatchrApi()).isEqualTo(fromTheFile.flatchrApi()).isPresent();
        assertThat(fromTheEnvironment).usingRecursiveComparison()
                .comparingOnlyFields("triggerColumns", "rateLimitRequests", "rateLimitWindow", "legalEntityId",
                        "roleId", "rehire", "hireHold", "loginRule", "zone", "phoneRegion")
                .isEqualTo(fromTheFile);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            lucca.api-key        | LUCCA_API_KEY         | lucca.apiKey
            lucca.department-id  | LUCCA_DEPARTMENT_ID   | defaults.departmentId
            lucca.departments    | LUCCA_DEPARTMENTS     | departments
            flatchr.result-tag   | FLATCHR_RESULT_TAG    | flatchr.resultTag
            """)
    void withATenantsFileAndNoDefaultTenantItsOwnSettingsAreRefusedRatherThanIgnored(String key, String variable,
                                                                                     String tenantKey) {
        properties.put("tenants.file", "/etc/flatchr-lucca/tenants.yaml");
        properties.put(key, key.equals("lucca.departments") ? "IT=12" : key.endsWith("-id") ? "12" : "some-value");

        assertThatIllegalArgumentException().isThrownBy(this::read)
                .withMessageStartingWith("Invalid setting " + variable + " (" + key + "): is set, but the environment "
                        + "describes no tenant")
                .withMessageContaining("give each tenant its own " + tenantKey);
    }

    @Test
    void withATenantsFileWhatEveryTenantInheritsIsNoDefaultTenantsOwn() {
        properties.put("tenants.file", "/etc/flatchr-lucca/tenants.yaml");
        properties.put("lucca.rate-limit.requests", "20");
        properties.put("flatchr.trigger-columns", "Hired");
        properties.put("admin.token", "admin-token-0123456789");

        assertThat(read().hasDefaultTenant()).isFalse();
        assertThat(read().tenantDefaults().rateLimitRequests()).isEqualTo(20);
    }

    // ---- other settings

    @Test
    void triggerColumnsAreTrimmedAndLowerCase() {
        properties.put("flatchr.trigger-columns", "9, Recruté ,,EMBAUCHÉ");

        assertThat(read().triggerColumns()).containsExactlyInAnyOrder("9", "recruté", "embauché");
    }

    @Test
    void theConfiguredValuesAreRead() {
        properties.put("lucca.department-id", "12");
        properties.put("lucca.contract-types", "1:21");
        properties.put("lucca.login-rule", "email");
        properties.put("connector.timezone", "America/Guadeloupe");
        properties.put("lucca.timezone", "Europe/London");
        properties.put("connector.phone-region", "ch");
        properties.put("lucca.rate-limit.requests", "10");
        properties.put("lucca.work-email-pattern", "{firstname}.{lastname}@acme.fr");

        TenantSettings settings = read().defaultTenant(TOKEN);

        assertThat(settings.departmentId()).isEqualTo(12);
        assertThat(settings.contractTypes().luccaTypeFor("1")).contains(21);
        assertThat(settings.loginRule()).isEqualTo(LoginRule.EMAIL);
        assertThat(settings.zone()).isEqualTo(ZoneId.of("America/Guadeloupe"));
        assertThat(settings.luccaZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(settings.phoneRegion()).isEqualTo("CH");
        assertThat(settings.rateLimitRequests()).isEqualTo(10);
        assertThat(settings.workEmailPattern().apply("Éloïse", "Müller")).isEqualTo("eloise.muller@acme.fr");
    }

    // ---- bad values stop the start

    @Test
    void anUnknownPhoneRegionStopsTheStartWithOneLineNamingIt() {
        properties.put("connector.phone-region", "Suisse");

        assertThatIllegalArgumentException().isThrownBy(this::start)
                .withMessage("Invalid setting CANDIDATE_PHONE_REGION (connector.phone-region): 'Suisse' is not a "
                        + "two-letter region code such as FR or CH (libphonenumber knows no phone numbers of such a "
                        + "region)");
    }

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
            lucca.contract-types       | 01:21,1:22    | LUCCA_CONTRACT_TYPES
            lucca.departments          | IT            | LUCCA_DEPARTMENTS
            lucca.login-rule           | nope          | LUCCA_LOGIN_RULE
            lucca.rehire               | rehire        | LUCCA_REHIRE
            connector.timezone         | Mars/Olympus  | CONNECTOR_TIMEZONE
            lucca.timezone             | Mars/Olympus  | LUCCA_TIMEZONE
            connector.phone-region     | Suisse        | CANDIDATE_PHONE_REGION
            connector.phone-region     | EU            | CANDIDATE_PHONE_REGION
            lucca.rate-limit.requests  | 0             | LUCCA_RATE_LIMIT_REQUESTS
            lucca.rate-limit.requests  | many          | LUCCA_RATE_LIMIT_REQUESTS
            lucca.rate-limit.window-seconds | 0        | LUCCA_RATE_LIMIT_WINDOW_SECONDS
            lucca.rate-limit.window-seconds | 60000    | LUCCA_RATE_LIMIT_WINDOW_SECONDS
            flatchr.trigger-columns    | ' , '         | FLATCHR_TRIGGER_COLUMNS
            flatchr.trigger-columns    | Offer signed;Onboarding | FLATCHR_TRIGGER_COLUMNS
            lucca.work-email-pattern   | nobody        | LUCCA_WORK_EMAIL_PATTERN
            lucca.work-email-pattern   | {firstname}.{lastname}@acme | LUCCA_WORK_EMAIL_PATTERN
            lucca.work-email-pattern   | {firstname} {lastname}@acme.fr | LUCCA_WORK_EMAIL_PATTERN
            flatchr.department-pointer | no-slash      | FLATCHR_DEPARTMENT_POINTER
            retry.max-age-hours        | -1            | RETRY_MAX_AGE_HOURS
            delivery.hire-hold-seconds | -5            | HIRE_HOLD_SECONDS
            camel.main.shutdown-timeout | 0            | CAMEL_MAIN_SHUTDOWNTIMEOUT
            """)
    void aBadValueIsRefusedNamingItsVariable(String key, String value, String variable) {
        properties.put(key, value);

        assertThatIllegalArgumentException()
                .isThrownBy(this::start)
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
            Map.entry("connector.phone-region", "XX"),
            Map.entry("flatchr.webhook-token", "too-short"),
            Map.entry("flatchr.department-pointer", "no-slash"),
            Map.entry("flatchr.max-body-bytes", "0"),
            Map.entry("flatchr.api-key", "a key with spaces"),
            Map.entry("flatchr.company-key", "4242"),
            Map.entry("flatchr.company-id", "04242"),
            Map.entry("flatchr.api-base-url", "ftp://api.flatchr.io"),
            Map.entry("flatchr.reconcile-interval-seconds", "-1"),
            Map.entry("flatchr.reconcile-lookback-days", "0"),
            Map.entry("flatchr.result-tag", "Lucca"),
            Map.entry("lucca.base-url", "ftp://acme.example"),
            Map.entry("lucca.instance", "ac me"),
            Map.entry("lucca.api-key", "a-key-but-no-lucca"),
            Map.entry("lucca.timezone", "Mars/Olympus"),
            Map.entry("lucca.legal-entity-id", "-3"),
            Map.entry("lucca.department-id", "abc"),
            Map.entry("lucca.role-id", "1.5"),
            Map.entry("lucca.departments", "IT"),
            Map.entry("lucca.department-cache-minutes", "0"),
            Map.entry("lucca.work-email-pattern", "nobody"),
            Map.entry("lucca.login-rule", "surname"),
            Map.entry("lucca.contract-types", "1-21"),
            Map.entry("lucca.rehire", "maybe"),
            Map.entry("lucca.rate-limit.requests", "0"),
            Map.entry("lucca.rate-limit.window-seconds", "many"),
            Map.entry("lucca.timeout-ms", "0"),
            Map.entry("tenants.file", "tenants\u0000.yaml"),
            Map.entry("tenants.reload-interval-ms", "0"),
            Map.entry("journal.jdbc-url", "jdbc:mysql://db/flatchr"),
            Map.entry("journal.user", "flatchr-lucca"),
            Map.entry("journal.password", "a-password-but-no-database"),
            Map.entry("shutdown.drain-seconds", "-1"),
            Map.entry("camel.main.shutdown-timeout", "soon"),
            Map.entry("retry.initial-delay-ms", "0"),
            Map.entry("retry.max-delay-ms", "soon"),
            Map.entry("retry.max-age-hours", "-1"),
            Map.entry("retry.key-rejected-delay-ms", "0"),
            Map.entry("delivery.poll-interval-ms", "0"),
            Map.entry("delivery.batch-size", "0"),
            Map.entry("delivery.hire-hold-seconds", "86401"),
            Map.entry("delivery.lease-seconds", "0"),
            Map.entry("admin.token", "too-short"),
            Map.entry("alert.webhook-url", "not a url"),
            Map.entry("alert.queue-age-seconds", "0"),
            Map.entry("alert.check-interval-ms", "0"),
            Map.entry("alert.retry-delay-ms", "60001"),
            Map.entry("retention.days", "-1"),
            Map.entry("retention.check-interval-ms", "0"));
    /** Settings for which every value means something. */
    private static final Set<String> ANY_VALUE = Set.of("flatchr.trigger-columns");
    /** Settings whose value is wrong only without another's, which the refusal then names as required. */
    private static final Map<String, String> WRONG_WITHOUT = Map.of("flatchr.result-tag", "FLATCHR_API_KEY");

    @Test
    void everyDeclaredSettingIsCheckedAndAWrongValueNamesItsVariable() {
        Map<String, String> variables = Settings.inProperties().stream()
                .collect(Collectors.toMap(Setting::key, Setting::env));

        assertThat(Stream.concat(WRONG.keySet().stream(), ANY_VALUE.stream()).toList())
                .as("a wrong value for each setting of application.properties")
                .containsExactlyInAnyOrderElementsOf(variables.keySet());
        WRONG.forEach((key, value) -> {
            properties.clear();
            properties.put(key, value);
            String refused = WRONG_WITHOUT.getOrDefault(key, variables.get(key));
            assertThatIllegalArgumentException().as(key + "=" + value).isThrownBy(this::start)
                    .withMessageContaining("Invalid setting " + refused).withMessageContaining(variables.get(key));
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "retry.max-age-hours         | 3000000000000000 | RETRY_MAX_AGE_HOURS         | is not from 1 to 8760",
        "retention.days              | 36501            | RETENTION_DAYS              | '36501' is not from 0 to 36500",
        "delivery.batch-size         | 3000000000       | DELIVERY_BATCH_SIZE         | is not from 1 to 1000",
        "server.request-timeout-seconds | 10000000000000000 | HTTP_REQUEST_TIMEOUT_SECONDS | is not from 1 to 3600",
        "delivery.lease-seconds      | 31536000000      | DELIVERY_LEASE_SECONDS      | is not from 1 to 86400",
        "camel.main.shutdown-timeout | 301              | CAMEL_MAIN_SHUTDOWNTIMEOUT  | '301' is not from 1 to 300"})
    void aValueTooLargeForWhatItMeansIsRefusedAtTheStart(String key, String value, String variable, String problem) {
        properties.put(key, value);

        assertThatIllegalArgumentException().isThrownBy(this::start)
                .withMessageStartingWith("Invalid setting " + variable).withMessageContaining(problem);
    }

    @Test
    void aLeaseShorterThanALuccaCallIsRefused() {
        properties.put("delivery.lease-seconds", "20");
        properties.put("lucca.timeout-ms", "10000");

        assertThatIllegalArgumentException().isThrownBy(this::start).withMessageStartingWith(
                "Invalid setting DELIVERY_LEASE_SECONDS (delivery.lease-seconds): 20 s does not outlast a Lucca call");

        properties.put("delivery.lease-seconds", "22");
        start();
    }

    @Test
    void aLeaseThatLeavesLessThanTwoSecondsBeyondALuccaCallIsRefused() {
        // a call of up to 20.4 s: 1.6 s left for the commit that renews the claim and the instances' times
        properties.put("lucca.timeout-ms", "10200");
        properties.put("delivery.lease-seconds", "22");

        assertThatIllegalArgumentException().isThrownBy(this::start).withMessageStartingWith(
                "Invalid setting DELIVERY_LEASE_SECONDS (delivery.lease-seconds): 22 s does not outlast a Lucca call");

        properties.put("delivery.lease-seconds", "23");
        start();
    }

    @Test
    void aFirstRetryLaterThanTheLongestWaitIsRefused() {
        properties.put("retry.initial-delay-ms", "60000");
        properties.put("retry.max-delay-ms", "5000");

        assertThatIllegalArgumentException().isThrownBy(this::start).withMessage("Invalid setting RETRY_MAX_DELAY_MS "
                + "(retry.max-delay-ms): is shorter than RETRY_INITIAL_DELAY_MS, which must come first");
    }

    @Test
    void aFirstRetryNoSoonerThanTheAgeAHireDiesAtIsRefused() {
        properties.put("retry.initial-delay-ms", "7200000");
        properties.put("retry.max-delay-ms", "7200000");
        properties.put("retry.max-age-hours", "2");

        assertThatIllegalArgumentException().isThrownBy(this::start).withMessageStartingWith(
                "Invalid setting RETRY_MAX_AGE_HOURS (retry.max-age-hours): is not longer than RETRY_INITIAL_DELAY_MS");
    }

    @ParameterizedTest(name = "{0}=''{1}''")
    @CsvSource(delimiter = '|', value = {
        "camel.server.port    | '18555 '        | SERVER_PORT",
        "lucca.timeout-ms     | ' 5000'         | LUCCA_TIMEOUT_MS",
        "alert.webhook-url    | ' https://chat.example/hook' | ALERT_WEBHOOK_URL",
        "lucca.api-key        | '0d8c7a61-2222-4000-8000-0000000000aa\n' | LUCCA_API_KEY"})
    void aValueWithSpacesOrALineBreakAroundItIsRefusedRatherThanReadTrimmed(String key, String value,
                                                                             String variable) {
        properties.put("lucca.instance", "acme");
        properties.put("lucca.api-key", API_KEY);
        properties.put(key, value.replace("\\n", "\n"));

        assertThatIllegalArgumentException().isThrownBy(this::start).withMessage("Invalid setting " + variable + " ("
                + key + "): has spaces or a line break around it; set the value alone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://db:5432/flatchr/lucca?user=flatchr&password=TOPSECRET",
        "jdbc:postgresql://flatchr:TOPSECRET/x@db/journal", "jdbc:postgresql://db:TOPSECRET/journal"})
    void aJournalUrlPostgresqlCannotReadIsRefusedWithoutBeingShown(String url) {
        properties.put("journal.jdbc-url", url);

        assertThatIllegalArgumentException().isThrownBy(this::start)
                .withMessageStartingWith("Invalid setting JOURNAL_JDBC_URL (journal.jdbc-url): is not a JDBC URL "
                        + "PostgreSQL's driver can read")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("TOPSECRET"));
    }

    @Test
    void aLuccaKeyWithASpaceInsideIsRefusedWithoutBeingShown() {
        properties.put("lucca.instance", "acme");
        properties.put("lucca.api-key", "0d8c7a61 2222");

        assertThatIllegalArgumentException().isThrownBy(this::start)
                .withMessageContaining("LUCCA_API_KEY").withMessageContaining("contains a space")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("0d8c7a61"));
    }

    @Test
    void aKeyRejectedDelayNoShorterThanTheAgeAHireDiesAtIsRefused() {
        properties.put("retry.key-rejected-delay-ms", "86400000");
        properties.put("retry.max-age-hours", "12");

        assertThatIllegalArgumentException().isThrownBy(this::start).withMessageStartingWith(
                "Invalid setting RETRY_MAX_AGE_HOURS (retry.max-age-hours): is not longer than RETRY_KEY_REJECTED_DELAY_MS");
    }

    @Test
    void aHoldNoShorterThanTheRetriesIsTakenAsTheyCountFromItsEnd() {
        properties.put("delivery.hire-hold-seconds", "86400");
        properties.put("retry.max-age-hours", "1");

        ConnectorSettings settings = start();

        assertThat(settings.hireHold()).isEqualTo(Duration.ofDays(1));
        assertThat(settings.retryMaxAge()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theAdminTokenIsNotTheWebhookToken() {
        properties.put("flatchr.webhook-token", "the-same-token-for-both");
        properties.put("admin.token", "the-same-token-for-both");

        assertThatIllegalArgumentException().isThrownBy(this::start).withMessageContaining("ADMIN_TOKEN")
                .withMessageContaining("FLATCHR_WEBHOOK_TOKEN").withMessageNotContaining("the-same-token-for-both");
    }

    @Test
    void aSecretTooShortIsRefusedWithoutBeingRepeated() {
        properties.put("admin.token", "s3cret-admin");

        assertThatIllegalArgumentException().isThrownBy(this::start).withMessageContaining("16 characters")
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
                .isThrownBy(this::start)
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain(API_KEY));
    }

    @Test
    void theSettingsDoNotPrintTheApiKey() {
        properties.put("lucca.instance", "acme");
        properties.put("lucca.api-key", API_KEY);

        assertThat(read().toString()).doesNotContain(API_KEY);
    }

    // ---- Flatchr's API

    @Test
    void withoutAFlatchrKeyThereIsNoReconciliationNorWriteBack() {
        ConnectorSettings settings = read();

        assertThat(settings.defaultTenant(TOKEN).flatchrApi()).isEmpty();
        assertThat(settings.flatchrApiBaseUrl()).isEqualTo(URI.create("https://api.flatchr.io"));
        assertThat(settings.flatchrReconcileInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.flatchrReconcileLookback()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void aFlatchrKeyAndItsCompanyKeyGiveTheDefaultTenantFlatchrsApiWithTheDefaults() {
        properties.put("flatchr.api-key", FLATCHR_KEY);
        properties.put("flatchr.company-key", COMPANY_KEY);
        properties.put("flatchr.company-id", "4242");

        FlatchrApi api = read().defaultTenant(TOKEN).flatchrApi().orElseThrow();

        assertThat(api.baseUrl()).isEqualTo(URI.create("https://api.flatchr.io"));
        assertThat(api.apiKey()).isEqualTo(FLATCHR_KEY);
        assertThat(api.companyKey()).isEqualTo(COMPANY_KEY);
        assertThat(api.reconcileInterval()).isEqualTo(Duration.ofSeconds(900));
        assertThat(api.reconcileLookback()).isEqualTo(Duration.ofDays(3));
        assertThat(api.resultTag()).isEmpty();
        assertThat(api.reconciles()).isTrue();
        assertThat(api.resultTag()).isEmpty();
    }

    @Test
    void everyFlatchrSettingIsRead() {
        properties.put("flatchr.api-key", FLATCHR_KEY);
        properties.put("flatchr.company-key", COMPANY_KEY);
        properties.put("flatchr.company-id", "4242");
        properties.put("flatchr.api-base-url", "https://api.demo.flatchr.io//");
        properties.put("flatchr.reconcile-interval-seconds", "0");
        properties.put("flatchr.reconcile-lookback-days", "30");
        properties.put("flatchr.result-tag", "Lucca");

        FlatchrApi api = read().defaultTenant(TOKEN).flatchrApi().orElseThrow();

        assertThat(api.baseUrl()).isEqualTo(URI.create("https://api.demo.flatchr.io"));
        assertThat(api.reconcileInterval()).isZero();
        assertThat(api.reconciles()).as("0: never").isFalse();
        assertThat(api.reconcileLookback()).isEqualTo(Duration.ofDays(30));
        assertThat(api.resultTag()).contains("Lucca");
        assertThat(api.resultTag()).isPresent();
    }

    @Test
    void theFilesTenantsInheritWhereFlatchrsApiIsAndHowOftenAndHowFarBackItIsSearched() {
        properties.put("flatchr.api-base-url", "https://flatchr-proxy.example.org");
        properties.put("flatchr.reconcile-interval-seconds", "300");
        properties.put("flatchr.reconcile-lookback-days", "7");
        properties.put("flatchr.trigger-columns", "Recruté");

        TenantDefaults inherited = read().tenantDefaults();

        assertThat(inherited.flatchrApiBaseUrl()).isEqualTo(URI.create("https://flatchr-proxy.example.org"));
        assertThat(inherited.flatchrReconcileInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(inherited.flatchrReconcileLookback()).isEqualTo(Duration.ofDays(7));
        assertThat(inherited.triggerColumns()).containsExactly("recruté");
        assertThat(inherited.rateLimitRequests()).isEqualTo(50);
        assertThat(inherited.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void aFlatchrKeyWithoutItsCompanyKeyIsRefusedNamingTheCompanyKey() {
        properties.put("flatchr.api-key", FLATCHR_KEY);

        assertThatIllegalArgumentException().isThrownBy(this::start)
                .withMessageStartingWith("Invalid setting FLATCHR_COMPANY_KEY (flatchr.company-key): is required when "
                        + "FLATCHR_API_KEY is set; expected 8 to 64 letters and digits")
                .withMessageNotContaining(FLATCHR_KEY);
    }

    @Test
    void aFlatchrKeyWithoutTheCompanysIdIsRefusedNamingIt() {
        properties.put("flatchr.api-key", FLATCHR_KEY);
        properties.put("flatchr.company-key", COMPANY_KEY);

        assertThatIllegalArgumentException().isThrownBy(this::start)
                .withMessageStartingWith("Invalid setting FLATCHR_COMPANY_ID (flatchr.company-id): is required when "
                        + "FLATCHR_API_KEY is set: the webhook's company_id of the company FLATCHR_COMPANY_KEY names")
                .withMessageNotContaining(FLATCHR_KEY).withMessageNotContaining(COMPANY_KEY);
    }

    @Test
    void theDefaultTenantWithACompanyIdTakesThatCompanysWebhooksOnly() {
        // without: any company's, as before tenants existed
        assertThat(read().defaultTenant(TOKEN).acceptsCompany("4343")).isTrue();
        properties.put("flatchr.api-key", FLATCHR_KEY);
        properties.put("flatchr.company-key", COMPANY_KEY);
        properties.put("flatchr.company-id", "4242");

        TenantSettings tenant = read().defaultTenant(TOKEN);

        assertThat(tenant.flatchrCompanyIds()).containsExactly("4242");
        assertThat(tenant.acceptsCompany("4242")).isTrue();
        assertThat(tenant.acceptsCompany("4343")).as("another company's webhook, refused as a file tenant does")
                .isFalse();
    }

    @ParameterizedTest(name = "{0}=''{1}'' is refused without the key")
    @CsvSource(delimiter = '|', textBlock = """
            flatchr.company-key | Wy3EOp2NP3p1KMq8 | FLATCHR_COMPANY_KEY
            flatchr.result-tag  | Lucca            | FLATCHR_RESULT_TAG
            """)
    void whatOnlyServesWithAFlatchrKeyIsRefusedWithoutOne(String key, String value, String variable) {
        properties.put(key, value);

        assertThatIllegalArgumentException().isThrownBy(this::start)
                .withMessage("Invalid setting FLATCHR_API_KEY (flatchr.api-key): is required when " + variable
                        + " is set");
    }

    @ParameterizedTest(name = "company key ''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            4242                                                              | is a number of 4 digits
            Wy3EOp2                                                           | has 7 characters
            Wy3EOp2NP3p1KMq8Wy3EOp2NP3p1KMq8Wy3EOp2NP3p1KMq8Wy3EOp2NP3p1KMq8a | has 65 characters
            Wy3EOp2N-P3p1KMq8                                                 | has characters other than letters
            Wy3EOp2NP3p1KMqé                                                  | has characters other than letters
            """)
    void aCompanyKeyIsEightToSixtyFourLettersAndDigits(String companyKey, String problem) {
        properties.put("flatchr.api-key", FLATCHR_KEY);
        properties.put("flatchr.company-key", companyKey);

        assertThatIllegalArgumentException().isThrownBy(this::start)
                .withMessageStartingWith("Invalid setting FLATCHR_COMPANY_KEY (flatchr.company-key): " + problem)
                .withMessageContaining("such as Wy3EOp2NP3p1KMq8")
                .withMessageNotContaining(FLATCHR_KEY);
    }

    @Test
    void theFlatchrKeyGivenAsTheCompanyKeyIsRefusedWithoutBeingRepeated() {
        properties.put("flatchr.api-key", FLATCHR_KEY);
        properties.put("flatchr.company-key", FLATCHR_KEY);

        assertThatIllegalArgumentException().isThrownBy(this::start)
                .withMessageStartingWith("Invalid setting FLATCHR_COMPANY_KEY (flatchr.company-key): "
                        + "is FLATCHR_API_KEY")
                .withMessageNotContaining(FLATCHR_KEY);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"s3cr3t K3Y", "s3cr3t\tK3Y", "s3cr3t\nK3Y"})
    void aFlatchrKeyThatCannotBeSentIsRefusedWithoutBeingRepeated(String written) {
        String key = written.replace("\\t", "\t").replace("\\n", "\n");
        properties.put("flatchr.api-key", key);
        properties.put("flatchr.company-key", COMPANY_KEY);
        properties.put("flatchr.company-id", "4242");

        assertThatIllegalArgumentException().isThrownBy(this::start)
                .withMessageStartingWith("Invalid setting FLATCHR_API_KEY (flatchr.api-key): contains a space")
                .withMessageNotContaining("s3cr3t").withMessageNotContaining("K3Y");
    }

    @Test
    void aUrlThatCannotBeReadIsRefusedWithoutRepeatingThePasswordItHolds() {
        properties.put("lucca.base-url", "https://connector:50%off@acme.ilucca.net");

        assertThatIllegalArgumentException().isThrownBy(this::start)
                .withMessage("Invalid setting LUCCA_BASE_URL (lucca.base-url): is not a URL (Malformed escape pair at "
                        + "index 20; the value is not shown: it may hold a password or a key)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://connector:p@ss@acme.ilucca.net", "https://connector:p@ss@my_host.example",
            "https://connector:p@ss@acme.ilucca.net:8o/"})
    void aUrlWhosePasswordHoldsAnAtSignIsRefusedWithoutRepeatingIt(String url) {
        properties.put("lucca.base-url", url);

        assertThatIllegalArgumentException().isThrownBy(this::start).withMessageContaining("LUCCA_BASE_URL")
                .withMessageNotContaining("p@ss").withMessageNotContaining("connector:");
    }

    @ParameterizedTest(name = "{0}=''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            flatchr.api-base-url               | api.flatchr.io | is not an http(s) URL
            flatchr.api-base-url               | https://       | is not a URL
            flatchr.reconcile-interval-seconds | -1             | is not 0 (never), or from 60 (a minute) to 604800
            flatchr.reconcile-interval-seconds | 1              | is not 0 (never), or from 60 (a minute) to 604800
            flatchr.reconcile-interval-seconds | 59             | is not 0 (never), or from 60 (a minute) to 604800
            flatchr.reconcile-interval-seconds | 900000         | seconds, not milliseconds
            flatchr.reconcile-interval-seconds | 15m            | is not a whole number
            flatchr.reconcile-lookback-days    | 0              | is not a number of days from 1 to 365
            flatchr.reconcile-lookback-days    | 366            | is not a number of days from 1 to 365
            flatchr.reconcile-lookback-days    | 1.5            | is not a whole number
            """)
    void aWrongFlatchrSettingIsRefusedWithoutRepeatingTheKey(String key, String value, String problem) {
        String variable = key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
        properties.put("flatchr.api-key", FLATCHR_KEY);
        properties.put("flatchr.company-key", COMPANY_KEY);
        properties.put("flatchr.company-id", "4242");
        properties.put(key, value);

        assertThatIllegalArgumentException().isThrownBy(this::start)
                .withMessageStartingWith("Invalid setting " + variable + " (" + key + "): ")
                .withMessageContaining(problem)
                .withMessageNotContaining(FLATCHR_KEY);
    }

    @Test
    void withATenantsFileAloneAFlatchrKeyIsRefusedForNoTenantInheritsIt() {
        properties.put("tenants.file", "/etc/flatchr-lucca/tenants.yaml");
        properties.put("flatchr.api-key", FLATCHR_KEY);
        properties.put("flatchr.company-key", COMPANY_KEY);
        properties.put("flatchr.company-id", "4242");

        assertThatIllegalArgumentException().isThrownBy(this::start)
                .withMessageStartingWith("Invalid setting FLATCHR_API_KEY (flatchr.api-key): is set, but the "
                        + "environment describes no tenant")
                .withMessageContaining("flatchr.apiKey")
                .withMessageNotContaining(FLATCHR_KEY);

        properties.put("flatchr.webhook-token", "token-of-the-first-customer");
        assertThat(read().defaultTenant(TOKEN).flatchrApi()).as("the default tenant kept next to the file").isPresent();
    }

    @Test
    void theSettingsDoNotPrintTheFlatchrKey() {
        properties.put("flatchr.api-key", FLATCHR_KEY);
        properties.put("flatchr.company-key", COMPANY_KEY);
        properties.put("flatchr.company-id", "4242");
        properties.put("flatchr.result-tag", "Lucca");

        ConnectorSettings settings = read();

        assertThat(settings.toString()).doesNotContain(FLATCHR_KEY).doesNotContain(COMPANY_KEY)
                .contains("flatchrApiKey=***");
        assertThat(settings.defaultTenant(TOKEN).toString()).doesNotContain(FLATCHR_KEY).doesNotContain(COMPANY_KEY);
        assertThat(settings.defaultTenant(TOKEN).flatchrApi().orElseThrow().toString()).doesNotContain(FLATCHR_KEY)
                .contains("apiKey=***", "companyKey=***", "reconcileInterval=900s", "reconcileLookback=3d");
    }

    /** What a start does with the settings: reads them, then builds the default tenant when there is one. */
    private ConnectorSettings start() {
        ConnectorSettings settings = read();
        if (settings.hasDefaultTenant()) {
            settings.defaultTenant(TOKEN);
        }
        return settings;
    }

    private ConnectorSettings read() {
        return ConnectorSettings.read(new SettingsReader(key -> Optional.ofNullable(properties.get(key))));
    }
}
