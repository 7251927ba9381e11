package io.github.flatchrlucca.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.flatchrlucca.mapping.LoginRule;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantsFileTest {

    private static final String ACME_TOKEN = "acme-token-0123456789abcdef";
    private static final String ACME_KEY = "acme-KEY-7f3a9c-DO-NOT-PRINT";
    private static final String BETA_TOKEN = "beta-token-0123456789abcdef";
    private static final String ACME_FLATCHR_KEY = "acmeFLATCHRkey9b2e4dDONOTPRINT";
    private static final String COMPANY_KEY = "Wy3EOp2NP3p1KMq8";
    /** The tenant acme's Flatchr API, with only its required keys. */
    private static final String FLATCHR = "flatchr: { apiKey: '${env:ACME_FLATCHR_API_KEY}', companyKey: "
            + COMPANY_KEY;
    // unlike the connector's built-in defaults, so that inheriting them shows
    private static final TenantDefaults ENVIRONMENT = new TenantDefaults(
            Set.of("recrutés"), 40, Duration.ofSeconds(30), LoginRule.FIRSTNAME_LASTNAME,
            RehirePolicy.REPORT, Duration.ofSeconds(120), ZoneId.of("Europe/Brussels"), "BE", URI.create("https://api.demo.flatchr.io"), Duration.ofSeconds(600),
            Duration.ofDays(7));

    private static final String FULL_EXAMPLE = """
            tenants:
              - id: acme
                flatchrCompanyIds: [4242]
                webhookToken: ${env:ACME_WEBHOOK_TOKEN}
                triggerColumns: [Embauché, 12]            # optional; default: the environment's
                flatchr:
                  apiKey: ${env:ACME_FLATCHR_API_KEY}
                  companyKey: Wy3EOp2NP3p1KMq8
                  apiBaseUrl: https://flatchr-proxy.acme.fr/
                  reconcileIntervalSeconds: 300
                  reconcileLookbackDays: 14
                  resultTag: Lucca
                lucca:
                  baseUrl: https://acme.ilucca.net
                  apiKey: ${env:ACME_LUCCA_API_KEY}
                  rateLimit: { requests: 50, windowSeconds: 60 }
                defaults: { legalEntityId: 3, departmentId: 99, roleId: 5 }
                departments: { "Service IT": 12 }
                contractTypes: { 1: 21, 2: 22 }
                rehire: contract
                hireHoldSeconds: 300
                login: initial-lastname
                workEmailPattern: "{firstname}.{lastname}@acme.fr"
                timezone: Europe/Paris
                phoneRegion: ch
            """;

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>(Map.of(
            "ACME_WEBHOOK_TOKEN", ACME_TOKEN, "ACME_LUCCA_API_KEY", ACME_KEY, "BETA_WEBHOOK_TOKEN", BETA_TOKEN,
            "ACME_FLATCHR_API_KEY", ACME_FLATCHR_KEY));
    private final Map<String, String> environmentTokens = new HashMap<>();
    private Optional<TenantSettings> defaultTenant = Optional.empty();

    private Path file() {
        return dir.resolve("tenants.yaml");
    }

    private LoadedTenants read(String yaml) {
        return TenantsFile.read(yaml, file(), name -> Optional.ofNullable(environment.get(name)), ENVIRONMENT,
                environmentTokens, defaultTenant);
    }

    private TenantSettings onlyTenant(String yaml) {
        LoadedTenants loaded = read(yaml);
        assertThat(loaded.tenants()).hasSize(1);
        return loaded.tenants().get(0);
    }

    /** A file with the tenant acme, its required keys first and then {@code lines}, each a key of acme. */
    private static String acme(String... lines) {
        StringBuilder yaml = new StringBuilder("""
                tenants:
                  - id: acme
                    flatchrCompanyIds: [4242]
                    webhookToken: ${env:ACME_WEBHOOK_TOKEN}
                """);
        for (String line : lines) {
            yaml.append("    ").append(line).append('\n');
        }
        return yaml.toString();
    }

    /** The file is refused for these problems only, in this order. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(String yaml, String... problems) {
        return assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(InvalidTenantsFile.class)
                .hasMessage(refusal(problems));
    }

    private String refusal(String... problems) {
        return "Invalid tenants file " + file() + ": " + problems.length + " problem(s)\n"
                + String.join("\n", problems);
    }

    // ---- what a tenant says

    @Test
    void theFullExampleGivesEverySetting() {
        TenantSettings acme = onlyTenant(FULL_EXAMPLE);

        assertThat(acme.id()).isEqualTo("acme");
        assertThat(acme.flatchrCompanyIds()).containsExactly("4242");
        assertThat(acme.webhookToken().reveal()).isEqualTo(ACME_TOKEN);
        assertThat(acme.triggerColumns()).containsExactlyInAnyOrder("embauché", "12");
        assertThat(acme.luccaBaseUrl()).contains(URI.create("https://acme.ilucca.net"));
        assertThat(acme.dryRun()).isFalse();
        assertThat(acme.luccaApiKey()).isEqualTo(ACME_KEY);
        assertThat(acme.rateLimitRequests()).isEqualTo(50);
        assertThat(acme.rateLimitWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(acme.legalEntityId()).isEqualTo(3);
        assertThat(acme.departmentId()).isEqualTo(99);
        assertThat(acme.roleId()).isEqualTo(5);
        assertThat(acme.departments().idFor("service it")).contains(12);
        assertThat(acme.departments().idFor("Marketing")).isEmpty();
        assertThat(acme.contractTypes().luccaTypeFor("1")).contains(21);
        assertThat(acme.contractTypes().luccaTypeFor("2")).contains(22);
        assertThat(acme.rehire()).isEqualTo(RehirePolicy.CONTRACT);
        assertThat(acme.hireHold()).isEqualTo(Duration.ofMinutes(5));
        assertThat(acme.loginRule()).isEqualTo(LoginRule.INITIAL_LASTNAME);
        assertThat(acme.workEmailPattern().apply("Éloïse", "Müller")).isEqualTo("eloise.muller@acme.fr");
        assertThat(acme.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(acme.phoneRegion()).isEqualTo("CH");
        FlatchrApi flatchr = acme.flatchrApi().orElseThrow();
        assertThat(flatchr.apiKey()).isEqualTo(ACME_FLATCHR_KEY);
        assertThat(flatchr.companyKey()).isEqualTo(COMPANY_KEY);
        assertThat(flatchr.baseUrl()).isEqualTo(URI.create("https://flatchr-proxy.acme.fr"));
        assertThat(flatchr.reconcileInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(flatchr.reconcileLookback()).isEqualTo(Duration.ofDays(14));
        assertThat(flatchr.resultTag()).contains("Lucca");
        assertThat(acme.toString()).doesNotContain(COMPANY_KEY, ACME_FLATCHR_KEY, ACME_KEY, ACME_TOKEN);
    }

    @Test
    void aTenantsHoldMayOutlastTheRetriesAsTheyCountFromItsEnd() {
        TenantSettings acme = onlyTenant(acme("hireHoldSeconds: 86400"));

        assertThat(acme.hireHold()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aTableMayBeWrittenAsTheEnvironmentWritesIt() {
        TenantSettings acme = onlyTenant(acme("departments: 'Service IT=12;Marketing=13'",
                "contractTypes: '1:21,2:22'"));

        assertThat(acme.departments().idFor("marketing")).contains(13);
        assertThat(acme.contractTypes().luccaTypeFor("2")).contains(22);
    }

    @Test
    void whatATenantDoesNotSayComesFromTheEnvironment() {
        TenantSettings acme = onlyTenant(acme("lucca: { instance: acme, apiKey: '${env:ACME_LUCCA_API_KEY}' }"));

        assertThat(acme.triggerColumns()).containsExactly("recrutés");
        assertThat(acme.rateLimitRequests()).isEqualTo(40);
        assertThat(acme.rateLimitWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(acme.loginRule()).isEqualTo(LoginRule.FIRSTNAME_LASTNAME);
        assertThat(acme.rehire()).isEqualTo(RehirePolicy.REPORT);
        assertThat(acme.hireHold()).isEqualTo(Duration.ofSeconds(120));
        assertThat(acme.zone()).isEqualTo(ZoneId.of("Europe/Brussels"));
        assertThat(acme.phoneRegion()).isEqualTo("BE");
    }

    @Test
    void whereFlatchrsApiIsAndHowOftenAndHowFarBackItIsSearchedComeFromTheEnvironment() {
        FlatchrApi flatchr = onlyTenant(acme(FLATCHR + " }")).flatchrApi().orElseThrow();

        assertThat(flatchr.baseUrl()).isEqualTo(URI.create("https://api.demo.flatchr.io"));
        assertThat(flatchr.reconcileInterval()).isEqualTo(Duration.ofSeconds(600));
        assertThat(flatchr.reconcileLookback()).isEqualTo(Duration.ofDays(7));
        assertThat(flatchr.resultTag()).as("a company's own: never inherited").isEmpty();
        assertThat(flatchr.resultTag()).isEmpty();
    }

    @Test
    void aZeroIntervalNeverReconcilesAndTheKeyServesTheWriteBackAlone() {
        FlatchrApi flatchr = onlyTenant(acme(FLATCHR + ", reconcileIntervalSeconds: 0, resultTag: 'Lucca' }"))
                .flatchrApi().orElseThrow();

        assertThat(flatchr.reconciles()).isFalse();
        assertThat(flatchr.resultTag()).isPresent();
    }

    @Test
    void aCompanyKeyIsTrimmedAndABlankResultTagIsAbsent() {
        FlatchrApi flatchr = onlyTenant(acme(FLATCHR.replace(COMPANY_KEY, "' " + COMPANY_KEY + " '")
                + ", resultTag: ' ', apiBaseUrl: '' }")).flatchrApi().orElseThrow();

        assertThat(flatchr.companyKey()).isEqualTo(COMPANY_KEY);
        assertThat(flatchr.resultTag()).isEmpty();
        assertThat(flatchr.baseUrl()).as("inherited").isEqualTo(URI.create("https://api.demo.flatchr.io"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "flatchr:", "flatchr: null"})
    void withoutFlatchrTheTenantWorksFromWebhooksAlone(String flatchr) {
        assertThat(onlyTenant(acme(flatchr)).flatchrApi()).isEmpty();
    }

    @Test
    void aFlatchrKeyIsNotOneOfTheConnectorsTokensAndMayServeTwoCompaniesOfOneAccount() {
        environmentTokens.put("ADMIN_TOKEN", ACME_FLATCHR_KEY);

        LoadedTenants loaded = read(acme(FLATCHR + " }") + """
                  - id: beta
                    flatchrCompanyIds: [5151]
                    webhookToken: ${env:BETA_WEBHOOK_TOKEN}
                    flatchr: { apiKey: '${env:ACME_FLATCHR_API_KEY}', companyKey: Zq8pX2mN7rT4vB1k }
                """);

        assertThat(loaded.tenants()).extracting(tenant -> tenant.flatchrApi().orElseThrow().companyKey())
                .containsExactly(COMPANY_KEY, "Zq8pX2mN7rT4vB1k");
    }

    @Test
    void aTenantWithFlatchrsApiHasOneCompany() {
        assertInvalid(acme(FLATCHR + " }").replace("flatchrCompanyIds: [4242]", "flatchrCompanyIds: [4242, 4243]"),
                "tenants[0] (acme): flatchrCompanyIds: lists 2 companies, and the flatchr section (one companyKey) "
                + "searches and writes back to one company only; give each company a tenant of its own, or leave "
                + "flatchr out");
        assertThat(onlyTenant(acme().replace("flatchrCompanyIds: [4242]", "flatchrCompanyIds: [4242, 4243]"))
                .flatchrCompanyIds()).as("without flatchr, any number").hasSize(2);
    }

    @Test
    void twoTenantsDoNotSearchOneCompany() {
        environment.put("BETA_FLATCHR_API_KEY", "betaFLATCHRkey0123456789");

        assertInvalid(acme(FLATCHR + " }") + """
                  - id: beta
                    flatchrCompanyIds: [5151]
                    webhookToken: ${env:BETA_WEBHOOK_TOKEN}
                    flatchr: { apiKey: '${env:BETA_FLATCHR_API_KEY}', companyKey: Wy3EOp2NP3p1KMq8 }
                """, "tenants[1] (beta): flatchr.companyKey: is already used by tenant acme; a Flatchr company's "
                + "hires go to one tenant");
    }

    @Test
    void noTenantSearchesTheCompanyOfTheDefaultTenant() {
        defaultTenant = Optional.of(TestTenants.withFlatchrApi(TestTenants.tenant(TenantSettings.DEFAULT_ID,
                "default-token-0123456789", "4545"), new FlatchrApi(URI.create("https://api.flatchr.io"),
                "defaultFlatchrKey0123456789", COMPANY_KEY, Duration.ofMinutes(15), Duration.ofDays(3),
                Optional.empty())));

        assertInvalid(acme(FLATCHR + " }"), "tenants[0] (acme): flatchr.companyKey: is already used by the default "
                + "tenant (FLATCHR_COMPANY_KEY); a Flatchr company's hires go to one tenant");
        assertThat(read(acme(FLATCHR.replace(COMPANY_KEY, "Zq8pX2mN7rT4vB1k") + " }")).tenants())
                .as("another company is free").hasSize(1);
    }

    @Test
    void noTenantListsTheCompanyOfTheDefaultTenant() {
        defaultTenant = Optional.of(TestTenants.tenant(TenantSettings.DEFAULT_ID, "default-token-0123456789",
                "4242"));

        assertInvalid(acme(), "tenants[0] (acme): flatchrCompanyIds: company 4242 is already the default tenant "
                + "(FLATCHR_COMPANY_ID)'s; a Flatchr company's hires go to one tenant");
        assertThat(read(acme().replace("flatchrCompanyIds: [4242]", "flatchrCompanyIds: [4243]")).tenants())
                .as("another company is free").hasSize(1);
    }

    @Test
    void whatBelongsToACompanyIsNeverInherited() {
        TenantSettings acme = onlyTenant(acme());

        assertThat(acme.legalEntityId()).isNull();
        assertThat(acme.departmentId()).isNull();
        assertThat(acme.roleId()).isNull();
        assertThat(acme.departments().idFor("Service IT")).isEmpty();
        assertThat(acme.contractTypes().isEmpty()).isTrue();
        assertThat(acme.workEmailPattern()).isNull();
        assertThat(acme.flatchrApi()).as("nor the environment's Flatchr key, company key or result tag").isEmpty();
    }

    @Test
    void anEmptyTriggerColumnListMeansAnyHiredColumnRatherThanTheEnvironments() {
        assertThat(onlyTenant(acme("triggerColumns: []")).triggerColumns()).isEmpty();
    }

    @Test
    void anIdLeftBlankIsAbsent() {
        assertThat(onlyTenant(acme("defaults: { legalEntityId: '', roleId: 5 }")).legalEntityId()).isNull();
    }

    @Test
    void theZoneOfTheLuccaClockIsParisUnlessTheTenantSaysAnother() {
        assertThat(onlyTenant(acme("lucca: { rateLimit: { requests: 10 } }")).luccaZone())
                .isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(onlyTenant(acme("lucca: { timezone: Europe/London }")).luccaZone())
                .isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void aRateLimitMayChangeOnlyTheRequests() {
        TenantSettings acme = onlyTenant(acme("lucca: { rateLimit: { requests: 10 } }"));

        assertThat(acme.rateLimitRequests()).isEqualTo(10);
        assertThat(acme.rateLimitWindow()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void companyIdsAreWholeNumbersKeptAsTrimmedText() {
        assertThat(onlyTenant(acme().replace("[4242]", "[4242, ' 17 ', '123456789012345678']")).flatchrCompanyIds())
                .containsExactlyInAnyOrder("4242", "17", "123456789012345678");
    }

    @Test
    void aCompanyIdThatNoWebhookCouldCarryIsRefused() {
        assertInvalid(acme().replace("[4242]", "[4242, abc-42, -1, '4242.0', '04242']"),
                "tenants[0] (acme): flatchrCompanyIds[1]: is not a Flatchr company id: a whole number such as 4242",
                "tenants[0] (acme): flatchrCompanyIds[2]: is not a Flatchr company id: a whole number such as 4242",
                "tenants[0] (acme): flatchrCompanyIds[3]: is not a Flatchr company id: a whole number such as 4242",
                "tenants[0] (acme): flatchrCompanyIds[4]: is not a Flatchr company id: a whole number such as 4242");
    }

    @Test
    void tenantsComeInFileOrder() {
        LoadedTenants loaded = read(acme() + """
                  - id: beta
                    flatchrCompanyIds: [5151]
                    webhookToken: ${env:BETA_WEBHOOK_TOKEN}
                """);

        assertThat(loaded.tenants()).extracting(TenantSettings::id).containsExactly("acme", "beta");
        assertThat(loaded.tenants().get(1).acceptsCompany("5151")).isTrue();
        assertThat(loaded.tenants().get(1).acceptsCompany("4242")).isFalse();
    }

    // ---- where Lucca is

    @Test
    void anInstanceNameIsAnIluccaHost() {
        TenantSettings acme = onlyTenant(acme("lucca: { instance: ACME, apiKey: '${env:ACME_LUCCA_API_KEY}' }"));

        assertThat(acme.luccaBaseUrl()).contains(URI.create("https://acme.ilucca.net"));
    }

    @Test
    void aBaseUrlLosesItsTrailingSlashes() {
        TenantSettings acme = onlyTenant(acme(
                "lucca: { baseUrl: 'https://acme.ilucca-test.net//', apiKey: '${env:ACME_LUCCA_API_KEY}' }"));

        assertThat(acme.luccaBaseUrl()).contains(URI.create("https://acme.ilucca-test.net"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "lucca:", "lucca: {}", "lucca: { rateLimit: { requests: 10 } }"})
    void withoutALuccaTheTenantRunsDry(String lucca) {
        TenantSettings acme = onlyTenant(acme(lucca));

        assertThat(acme.dryRun()).isTrue();
        assertThat(acme.luccaBaseUrl()).isEmpty();
        assertThat(acme.luccaApiKey()).isEmpty();
    }

    // ---- secrets in files

    @Test
    void secretsMayBeReadFromFilesRelativeToTheTenantsFileOrAbsolute() throws Exception {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/acme-token"), ACME_TOKEN + "\n");
        Path key = Files.writeString(dir.resolve("acme-lucca"), ACME_KEY + "\n");

        TenantSettings acme = onlyTenant(acme("lucca: { instance: acme, apiKey: '${file:" + key + "}' }")
                .replace("${env:ACME_WEBHOOK_TOKEN}", "${file:secrets/acme-token}"));

        assertThat(acme.webhookToken().reveal()).isEqualTo(ACME_TOKEN);
        assertThat(acme.luccaApiKey()).isEqualTo(ACME_KEY);
    }

    @Test
    void readingFromThePathFindsRelativeSecretsNextToTheFile() throws Exception {
        Files.writeString(dir.resolve("acme-token"), ACME_TOKEN);
        Files.writeString(file(), acme().replace("${env:ACME_WEBHOOK_TOKEN}", "${file:acme-token}"));

        LoadedTenants loaded = TenantsFile.read(file(), name -> Optional.empty(), ENVIRONMENT, Map.of(),
                Optional.empty());

        assertThat(loaded.tenants().get(0).webhookToken().reveal()).isEqualTo(ACME_TOKEN);
    }

    @Test
    void aTenantsFileThatIsNotUtf8IsRefused() throws Exception {
        Files.write(file(), acme("login: 'initial-lastname' # é").getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> TenantsFile.read(file(), name -> Optional.empty(), ENVIRONMENT, Map.of(),
                Optional.empty()))
                .isInstanceOf(InvalidTenantsFile.class)
                .hasMessage(refusal("cannot be read (not UTF-8 text)"));
    }

    @Test
    void aTenantsFileLargerThanAnyTenantsNeedIsRefusedNamingTheSetting() throws Exception {
        assertThat(FULL_EXAMPLE.getBytes(StandardCharsets.UTF_8).length * 1_000L)
                .as("a thousand tenants with every key, as documented").isLessThan(2 * 1024 * 1024);
        String comments = ("# " + "x".repeat(1021) + "\n").repeat(2 * 1024 - 1);
        String acme = acme();
        Files.writeString(file(), acme + comments + "#" + "x".repeat(1024 - acme.length() - 2) + "\n");
        assertThat(Files.size(file())).isEqualTo(2 * 1024 * 1024);
        assertThat(readFile().tenants()).as("a file of the cap itself").hasSize(1);

        Files.writeString(file(), "\n", StandardOpenOption.APPEND);

        assertThatThrownBy(this::readFile)
                .isInstanceOf(InvalidTenantsFile.class)
                .hasMessage(refusal("is larger than 2 MiB, more than a thousand tenants take: is TENANTS_FILE the "
                        + "right path?"));
    }

    private LoadedTenants readFile() {
        return TenantsFile.read(file(), name -> Optional.ofNullable(environment.get(name)), ENVIRONMENT,
                environmentTokens, defaultTenant);
    }

    @Test
    void aMissingTenantsFileIsNamed() {
        assertThatThrownBy(() -> TenantsFile.read(file(), name -> Optional.empty(), ENVIRONMENT, Map.of(),
                Optional.empty()))
                .isInstanceOf(InvalidTenantsFile.class)
                .hasMessage(refusal("cannot be read (no such file)"));
    }

    @Test
    void aTenantsFileThatIsAPipeIsRefusedNotWaitedOnForEver() throws Exception {
        // a named pipe no one writes to: reading it would block the start, or every reload check, for ever
        Process mkfifo = new ProcessBuilder("mkfifo", file().toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(30), this::readFile))
                .isInstanceOf(InvalidTenantsFile.class)
                .hasMessage(refusal("cannot be read (not a regular file: a folder, a pipe or a device)"));
    }

    // ---- fingerprint

    @Test
    void theFingerprintStaysEqualWhileNothingChanges() throws Exception {
        Files.writeString(dir.resolve("acme-token"), ACME_TOKEN);
        String yaml = acme().replace("${env:ACME_WEBHOOK_TOKEN}", "${file:acme-token}");

        assertThat(read(yaml).fingerprint()).isEqualTo(read(yaml).fingerprint()).matches("[0-9a-f]{64}");
    }

    @Test
    void theFingerprintChangesWhenAReferencedSecretFileChanges() throws Exception {
        Files.writeString(dir.resolve("acme-token"), ACME_TOKEN);
        String yaml = acme().replace("${env:ACME_WEBHOOK_TOKEN}", "${file:acme-token}");
        String before = read(yaml).fingerprint();

        Files.writeString(dir.resolve("acme-token"), "rotated-token-0123456789");

        assertThat(read(yaml).fingerprint()).isNotEqualTo(before);
    }

    @Test
    void theFingerprintChangesWhenAReferencedVariableChanges() {
        String yaml = acme("lucca: { instance: acme, apiKey: '${env:ACME_LUCCA_API_KEY}' }");
        String before = read(yaml).fingerprint();

        environment.put("ACME_LUCCA_API_KEY", "rotated-KEY-0123456789");

        assertThat(read(yaml).fingerprint()).isNotEqualTo(before);
    }

    @Test
    void theFingerprintChangesWhenTheFlatchrKeyIsRotatedBehindAnUnchangedReference() throws Exception {
        Files.writeString(dir.resolve("acme-flatchr"), ACME_FLATCHR_KEY + "\n");
        String yaml = acme(FLATCHR.replace("${env:ACME_FLATCHR_API_KEY}", "${file:acme-flatchr}") + " }");
        String before = read(yaml).fingerprint();
        assertThat(read(yaml).fingerprint()).isEqualTo(before);

        Files.writeString(dir.resolve("acme-flatchr"), "rotatedFLATCHRkey0123456789\n");

        assertThat(read(yaml).fingerprint()).isNotEqualTo(before);
        assertThat(onlyTenant(yaml).flatchrApi().orElseThrow().apiKey()).isEqualTo("rotatedFLATCHRkey0123456789");
    }

    @Test
    void theFingerprintChangesWhenTheTextChanges() {
        assertThat(read(acme("# a comment")).fingerprint()).isNotEqualTo(read(acme()).fingerprint());
    }

    // ---- the file as a whole

    @Test
    void aSyntaxErrorIsPlacedByLineAndColumn() {
        assertInvalid("tenants:\n  - id: [acme\n", "line 3, column 1: not valid YAML "
                + "(while parsing a flow sequence: expected ',' or ']', but got <stream end>)");
    }

    @Test
    void aSyntaxErrorDoesNotQuoteTheLineItIsOn() {
        assertInvalid(acme().replace("${env:ACME_WEBHOOK_TOKEN}", ACME_TOKEN + ": x"),
                "line 4, column 46: not valid YAML (mapping values are not allowed here)")
                .hasMessageNotContaining(ACME_TOKEN);
    }

    @Test
    void aKeyWrittenTwiceIsASyntaxError() {
        assertInvalid(acme("webhookToken: ${env:BETA_WEBHOOK_TOKEN}"),
                "line 5, column 5: not valid YAML (while constructing a mapping: found duplicate key webhookToken)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "# nothing yet", "- id: acme", "tenants"})
    void aFileThatIsNotAMappingIsRefused(String yaml) {
        assertInvalid(yaml, "must be a mapping whose key 'tenants' lists the tenants");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tenants:", "tenants: []", "tenants: acme"})
    void aFileWithoutTenantsIsRefused(String yaml) {
        assertInvalid(yaml, "tenants: lists no tenant; write one item (- id: ...) per tenant");
    }

    @Test
    void anUnknownKeyAtTheTopIsRefused() {
        assertInvalid(acme() + "tenant: x\n", "unknown key 'tenant'; known keys: tenants");
    }

    @Test
    void aTenantThatIsNotAMappingIsRefused() {
        assertInvalid("tenants: [acme]", "tenants[0]: must be a mapping (id: ..., flatchrCompanyIds: ..., ...)");
    }

    // ---- every problem at once

    @Test
    void everyUnsetSecretOfEveryTenantIsNamedAtOnce() {
        environment.clear();

        assertInvalid(FULL_EXAMPLE + """
                  - id: beta
                    flatchrCompanyIds: [5151, 5152]
                    webhookToken: ${env:BETA_WEBHOOK_TOKEN}
                    lucca:
                      instance: beta
                      apiKey: ${env:BETA_LUCCA_API_KEY}
                """,
                "tenants[0] (acme): webhookToken: environment variable ACME_WEBHOOK_TOKEN is not set, or blank",
                "tenants[0] (acme): flatchr.apiKey: environment variable ACME_FLATCHR_API_KEY is not set, or blank",
                "tenants[0] (acme): lucca.apiKey: environment variable ACME_LUCCA_API_KEY is not set, or blank",
                "tenants[1] (beta): webhookToken: environment variable BETA_WEBHOOK_TOKEN is not set, or blank",
                "tenants[1] (beta): lucca.apiKey: environment variable BETA_LUCCA_API_KEY is not set, or blank");
    }

    @Test
    void everyWrongKeyOfATenantIsNamedDownToTheNestedOnes() {
        assertInvalid(acme("webhokToken: x",
                        "lucca: { baseUrl: 'ftp://acme.ilucca.net', apiKey: '${env:GAMMA_LUCCA_API_KEY}', "
                                + "rateLimit: { requests: 0, windowSeconds: 1.5 } }",
                        "defaults: { legalEntityId: -3, roleId: admin }",
                        "departments: { Service IT: 0, Marketing: }",
                        "timezone: Europe/Pariss"),
                "tenants[0] (acme): unknown key 'webhokToken'; known keys: id, flatchrCompanyIds, webhookToken, "
                        + "triggerColumns, flatchr, lucca, defaults, departments, contractTypes, rehire, hireHoldSeconds, "
                        + "login, workEmailPattern, timezone, phoneRegion, adminToken",
                "tenants[0] (acme): lucca.baseUrl: 'ftp://acme.ilucca.net' is not an http(s) URL with a host",
                "tenants[0] (acme): lucca.apiKey: environment variable GAMMA_LUCCA_API_KEY is not set, or blank",
                "tenants[0] (acme): lucca.rateLimit.requests: '0' is not a whole number greater than zero",
                "tenants[0] (acme): lucca.rateLimit.windowSeconds: must be a whole number, not a decimal number",
                "tenants[0] (acme): defaults.legalEntityId: '-3' is not a whole number greater than zero",
                "tenants[0] (acme): defaults.roleId: 'admin' is not a whole number greater than zero",
                "tenants[0] (acme): departments.Service IT: '0' is not a whole number greater than zero",
                "tenants[0] (acme): departments.Marketing: needs a Lucca id",
                "tenants[0] (acme): timezone: 'Europe/Pariss' is not a time zone such as Europe/Paris "
                        + "(Unknown time-zone ID: Europe/Pariss)");
    }

    @Test
    void aTenantWithAWrongIdHasItsOtherKeysCheckedToo() {
        environment.remove("ACME_WEBHOOK_TOKEN");

        assertInvalid(acme("timezone: Europe/Pariss").replace("id: acme", "id: Acme"),
                "tenants[0] (Acme): id: 'Acme' is not a tenant id: 1 to 40 lower-case letters, digits and '-', "
                        + "not starting with '-'",
                "tenants[0] (Acme): webhookToken: environment variable ACME_WEBHOOK_TOKEN is not set, or blank",
                "tenants[0] (Acme): timezone: 'Europe/Pariss' is not a time zone such as Europe/Paris "
                        + "(Unknown time-zone ID: Europe/Pariss)");
    }

    @Test
    void theChecksAcrossTenantsAreMadeNextToEachTenantsOwnProblems() {
        environment.put("BETA_WEBHOOK_TOKEN", ACME_TOKEN);

        assertInvalid(acme("timezone: Europe/Pariss") + """
                  - id: Beta
                    flatchrCompanyIds: [4242, 5151]
                    webhookToken: ${env:BETA_WEBHOOK_TOKEN}
                  - id: acme
                    flatchrCompanyIds: [5151]
                    webhookToken: ${env:GAMMA_WEBHOOK_TOKEN}
                  - gamma
                """,
                "tenants[0] (acme): timezone: 'Europe/Pariss' is not a time zone such as Europe/Paris "
                        + "(Unknown time-zone ID: Europe/Pariss)",
                "tenants[1] (Beta): id: 'Beta' is not a tenant id: 1 to 40 lower-case letters, digits and '-', "
                        + "not starting with '-'",
                "tenants[1] (Beta): flatchrCompanyIds: company 4242 is already tenant acme's; "
                        + "a Flatchr company's hires go to one tenant",
                "tenants[1] (Beta): webhookToken: is the same token as tenant acme's; a token must identify one customer",
                "tenants[2] (acme): id: 'acme' is already the id of tenants[0] (acme)",
                "tenants[2] (acme): flatchrCompanyIds: company 5151 is already tenants[1] (Beta)'s; "
                        + "a Flatchr company's hires go to one tenant",
                "tenants[2] (acme): webhookToken: environment variable GAMMA_WEBHOOK_TOKEN is not set, or blank",
                "tenants[3]: must be a mapping (id: ..., flatchrCompanyIds: ..., ...)")
                .hasMessageNotContaining(ACME_TOKEN);
    }

    @Test
    void aMisspeltTenantsKeyIsNamedNextToTheMissingList() {
        assertInvalid(acme().replace("tenants:", "tenant:"), "unknown key 'tenant'; known keys: tenants",
                "tenants: lists no tenant; write one item (- id: ...) per tenant");
    }

    // ---- one wrong key

    static Stream<Arguments> wrongKeys() {
        return Stream.of(
                Arguments.of("webhokToken: x", "tenants[0] (acme): unknown key 'webhokToken'; known keys: id, "
                        + "flatchrCompanyIds, webhookToken, triggerColumns, flatchr, lucca, defaults, departments, "
                        + "contractTypes, rehire, hireHoldSeconds, login, workEmailPattern, timezone, phoneRegion, adminToken"),
                Arguments.of(FLATCHR + ", apikey: x }", "tenants[0] (acme): flatchr: unknown key 'apikey'; known keys: "
                        + "apiKey, companyKey, apiBaseUrl, reconcileIntervalSeconds, reconcileLookbackDays, resultTag"),
                Arguments.of("flatchr: [x]",
                        "tenants[0] (acme): flatchr: must be a mapping of keys to values, not a list"),
                Arguments.of("flatchr: { companyKey: " + COMPANY_KEY + " }",
                        "tenants[0] (acme): flatchr.apiKey: is required when flatchr.companyKey is set"),
                Arguments.of("flatchr: { apiKey: '${env:ACME_FLATCHR_API_KEY}' }",
                        "tenants[0] (acme): flatchr.companyKey: is required when flatchr.apiKey is set; expected "
                                + FlatchrApi.COMPANY_KEY_SHAPE),
                Arguments.of("flatchr: { apiKey: '${env:GAMMA_FLATCHR_API_KEY}', companyKey: " + COMPANY_KEY + " }",
                        "tenants[0] (acme): flatchr.apiKey: environment variable GAMMA_FLATCHR_API_KEY is not set, "
                                + "or blank"),
                Arguments.of("flatchr: { apiKey: '${file:nowhere}', companyKey: " + COMPANY_KEY + " }",
                        "tenants[0] (acme): flatchr.apiKey: secret file DIR/nowhere cannot be read (no such file)"),
                Arguments.of(FLATCHR.replace(COMPANY_KEY, "4242") + " }", "tenants[0] (acme): flatchr.companyKey: "
                        + "is a number of 4 digits; expected 8 to 64 letters and digits such as Wy3EOp2NP3p1KMq8, "
                        + "shown on Flatchr's Settings > Advanced > API page (not the webhook's numeric company_id)"),
                Arguments.of(FLATCHR + ", apiBaseUrl: 'ftp://api.flatchr.io' }", "tenants[0] (acme): "
                        + "flatchr.apiBaseUrl: 'ftp://api.flatchr.io' is not an http(s) URL with a host"),
                Arguments.of(FLATCHR + ", reconcileIntervalSeconds: -1 }", "tenants[0] (acme): "
                        + "flatchr.reconcileIntervalSeconds: '-1' is not a whole number from 0 to 604800"),
                Arguments.of(FLATCHR + ", reconcileIntervalSeconds: 5 }", "tenants[0] (acme): "
                        + "flatchr.reconcileIntervalSeconds: '5' is not 0 (never), or from 60 (a minute) to 604800 "
                        + "(a week): seconds, not milliseconds"),
                Arguments.of(FLATCHR + ", reconcileIntervalSeconds: 900000 }", "tenants[0] (acme): "
                        + "flatchr.reconcileIntervalSeconds: '900000' is not a whole number from 0 to 604800"),
                Arguments.of(FLATCHR + ", reconcileIntervalSeconds: 15m }", "tenants[0] (acme): "
                        + "flatchr.reconcileIntervalSeconds: '15m' is not a whole number from 0 to 604800"),
                Arguments.of(FLATCHR + ", reconcileLookbackDays: 0 }", "tenants[0] (acme): "
                        + "flatchr.reconcileLookbackDays: '0' is not a whole number from 1 to 365"),
                Arguments.of(FLATCHR + ", reconcileLookbackDays: 1.5 }", "tenants[0] (acme): "
                        + "flatchr.reconcileLookbackDays: must be a whole number, not a decimal number"),
                Arguments.of(FLATCHR + ", resultTag: [Lucca] }",
                        "tenants[0] (acme): flatchr.resultTag: must be text, not a list"),
                Arguments.of("lucca: { apikey: x }", "tenants[0] (acme): lucca: unknown key 'apikey'; "
                        + "known keys: baseUrl, instance, apiKey, timezone, rateLimit"),
                Arguments.of("lucca: { rateLimit: { request: 5 } }", "tenants[0] (acme): lucca.rateLimit: unknown key "
                        + "'request'; known keys: requests, windowSeconds"),
                Arguments.of("defaults: { departementId: 5 }", "tenants[0] (acme): defaults: unknown key "
                        + "'departementId'; known keys: legalEntityId, departmentId, roleId"),
                Arguments.of("triggerColumns: Embauché",
                        "tenants[0] (acme): triggerColumns: must be a list such as [a, b], not text"),
                Arguments.of("triggerColumns: [Embauché, {a: b}]",
                        "tenants[0] (acme): triggerColumns[1]: must be text or a whole number, not a mapping"),
                Arguments.of("triggerColumns: [Embauché, ' ']", "tenants[0] (acme): triggerColumns[1]: is empty"),
                // refused in FLATCHR_TRIGGER_COLUMNS too: one title naming no column, the next columns not triggers
                Arguments.of("triggerColumns: [Embauché; Promesse signée]", "tenants[0] (acme): triggerColumns[0]: "
                        + "contains ';', which no column title has: list each column as an item of its own"),
                Arguments.of("lucca: { baseUrl: 'https://acme.ilucca.net', instance: acme, "
                                + "apiKey: '${env:ACME_LUCCA_API_KEY}' }",
                        "tenants[0] (acme): lucca.instance: is set as well as lucca.baseUrl; keep one"),
                Arguments.of("lucca: { baseUrl: 'ftp://acme.ilucca.net', apiKey: '${env:ACME_LUCCA_API_KEY}' }",
                        "tenants[0] (acme): lucca.baseUrl: 'ftp://acme.ilucca.net' is not an http(s) URL with a host"),
                Arguments.of("lucca: { instance: acme.ilucca.net, apiKey: '${env:ACME_LUCCA_API_KEY}' }",
                        "tenants[0] (acme): lucca.instance: 'acme.ilucca.net' is not an instance name such as 'acme' "
                                + "(for acme.ilucca.net); use lucca.baseUrl for other hosts"),
                Arguments.of("lucca: { instance: acme }", "tenants[0] (acme): lucca.apiKey: is required"),
                Arguments.of("lucca: { apiKey: '${env:ACME_LUCCA_API_KEY}' }",
                        "tenants[0] (acme): lucca.apiKey: is given, but neither lucca.baseUrl nor lucca.instance says "
                                + "where to send it; remove the key to run this tenant dry"),
                Arguments.of("lucca: { instance: acme, apiKey: '${env:GAMMA_LUCCA_API_KEY}' }",
                        "tenants[0] (acme): lucca.apiKey: environment variable GAMMA_LUCCA_API_KEY is not set, or blank"),
                Arguments.of("lucca: { instance: acme, apiKey: '${file:nowhere}' }", "tenants[0] (acme): lucca.apiKey: "
                        + "secret file " + "DIR/nowhere cannot be read (no such file)"),
                Arguments.of("lucca: { rateLimit: { requests: 0 } }",
                        "tenants[0] (acme): lucca.rateLimit.requests: '0' is not a whole number greater than zero"),
                Arguments.of("lucca: { rateLimit: { windowSeconds: 1.5 } }",
                        "tenants[0] (acme): lucca.rateLimit.windowSeconds: must be a whole number, not a decimal number"),
                Arguments.of("lucca: { rateLimit: { windowSeconds: 60000 } }",
                        "tenants[0] (acme): lucca.rateLimit.windowSeconds: '60000' is not a whole number from 1 to 3600"),
                Arguments.of("defaults: { legalEntityId: -3 }",
                        "tenants[0] (acme): defaults.legalEntityId: '-3' is not a whole number greater than zero"),
                Arguments.of("defaults: { roleId: admin }",
                        "tenants[0] (acme): defaults.roleId: 'admin' is not a whole number greater than zero"),
                Arguments.of("departments: [Service IT]",
                        "tenants[0] (acme): departments: must be a mapping of keys to values, not a list"),
                Arguments.of("departments: 'Service IT'", "tenants[0] (acme): departments: department table: item "
                        + "\"Service IT\" is not of the form department name=luccaDepartmentId"),
                Arguments.of("departments: { Service IT: 12, service  it: 13 }", "tenants[0] (acme): departments: "
                        + "department table: key \"service  it\" repeats key \"Service IT\" already in the table"),
                Arguments.of("departments: { Service IT: 0 }",
                        "tenants[0] (acme): departments.Service IT: '0' is not a whole number greater than zero"),
                Arguments.of("departments: { Service IT: }", "tenants[0] (acme): departments.Service IT: needs a Lucca id"),
                Arguments.of("contractTypes: { CDI: 21 }", "tenants[0] (acme): contractTypes: contract type table: "
                        + "key \"CDI\" is not a Flatchr contract type id (a number from 1, without leading zeros)"),
                Arguments.of("contractTypes: { '01': 21, 1: 22 }", "tenants[0] (acme): contractTypes: contract type "
                        + "table: key \"01\" is not a Flatchr contract type id (a number from 1, without leading zeros)"),
                Arguments.of("contractTypes: { 1: 21, '1': 22 }",
                        "tenants[0] (acme): contractTypes.1: the key is written twice"),
                Arguments.of("rehire: always", "tenants[0] (acme): rehire: 'always' is not 'contract' or 'report'"),
                Arguments.of("hireHoldSeconds: 86401",
                        "tenants[0] (acme): hireHoldSeconds: '86401' is not a whole number from 0 to 86400"),
                Arguments.of("login: first.last", "tenants[0] (acme): login: unknown login rule \"first.last\"; "
                        + "accepted values: initial-lastname, firstname.lastname, email"),
                Arguments.of("workEmailPattern: '{firstname}.{lastname}'",
                        "tenants[0] (acme): workEmailPattern: work e-mail pattern \"{firstname}.{lastname}\" has no @"),
                Arguments.of("workEmailPattern: '{firstname}@@acme.fr'", "tenants[0] (acme): workEmailPattern: work "
                        + "e-mail pattern \"{firstname}@@acme.fr\" makes no e-mail address: for Jeanne Dupont it gives "
                        + "\"jeanne@@acme.fr\" (one @, then a domain with a dot, as in {firstname}.{lastname}@acme.fr)"),
                Arguments.of("timezone: Europe/Pariss", "tenants[0] (acme): timezone: 'Europe/Pariss' is not a time "
                        + "zone such as Europe/Paris (Unknown time-zone ID: Europe/Pariss)"),
                Arguments.of("lucca: { timezone: Europe/Londres }", "tenants[0] (acme): lucca.timezone: "
                        + "'Europe/Londres' is not a time zone such as Europe/Paris (Unknown time-zone ID: "
                        + "Europe/Londres)"),
                // the EU is an ISO reserved code, but no phone numbers are of it
                Arguments.of("phoneRegion: EU", "tenants[0] (acme): phoneRegion: 'EU' is not a two-letter region "
                        + "code such as FR or CH (libphonenumber knows no phone numbers of such a region)"),
                Arguments.of("phoneRegion: Suisse", "tenants[0] (acme): phoneRegion: 'Suisse' is not a two-letter "
                        + "region code such as FR or CH (libphonenumber knows no phone numbers of such a region)"));
    }

    @Test
    void aUrlThatCannotBeReadIsRefusedWithoutRepeatingThePasswordOrKeyItHolds() {
        // '%' not followed by two hex digits, common in a password: no URL, so no user info to leave out by name
        assertInvalid(acme("lucca: { baseUrl: 'https://connector:50%off@acme.ilucca.net', "
                        + "apiKey: '${env:ACME_LUCCA_API_KEY}' }",
                "flatchr: { apiKey: '${env:ACME_FLATCHR_API_KEY}', companyKey: Wy3EOp2NP3p1KMq8, "
                        + "apiBaseUrl: 'https://api.flatchr.io/?key=s3cr3t|k3y' }"),
                "tenants[0] (acme): flatchr.apiBaseUrl: is not a URL (Illegal character in query at index 34; the "
                        + "value is not shown: it may hold a password or a key)",
                "tenants[0] (acme): lucca.baseUrl: is not a URL (Malformed escape pair at index 20; the value is not "
                        + "shown: it may hold a password or a key)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongKeys")
    void aWrongKeyIsNamedWithItsTenant(String line, String problem) {
        assertInvalid(acme(line), problem.replace("DIR", dir.toString()));
    }

    // ---- id

    @Test
    void anIdIsRequired() {
        assertInvalid(acme().replace("- id: acme\n    ", "- "), "tenants[0]: id: is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme", "acme corp", "-acme", "a-very-long-tenant-id-of-more-than-forty-chars"})
    void anIdIsShortLowerCaseAndPlain(String id) {
        assertInvalid(acme().replace("id: acme", "id: '" + id + "'"), "tenants[0] (" + id + "): id: '" + id
                + "' is not a tenant id: 1 to 40 lower-case letters, digits and '-', not starting with '-'");
    }

    @Test
    void theEnvironmentsTenantIdIsTaken() {
        assertInvalid(acme().replace("id: acme", "id: default"), "tenants[0] (default): id: 'default' is the tenant "
                + "the environment settings describe; choose another id");
    }

    @Test
    void anIdIsUsedOnce() {
        assertInvalid(acme() + """
                  - id: acme
                    flatchrCompanyIds: [5151]
                    webhookToken: ${env:BETA_WEBHOOK_TOKEN}
                """, "tenants[1] (acme): id: 'acme' is already the id of tenants[0] (acme)");
    }

    // ---- Flatchr companies

    @ParameterizedTest
    @ValueSource(strings = {"flatchrCompanyIds: []", "flatchrCompanyIds:"})
    void aTenantListsItsCompanies(String companies) {
        assertInvalid(acme().replace("flatchrCompanyIds: [4242]", companies), "tenants[0] (acme): flatchrCompanyIds: "
                + "must list the Flatchr company ids whose hires go to this tenant, such as [4242]");
    }

    @Test
    void aCompanyBelongsToOneTenant() {
        assertInvalid(acme() + """
                  - id: beta
                    flatchrCompanyIds: [5151, "4242"]
                    webhookToken: ${env:BETA_WEBHOOK_TOKEN}
                """, "tenants[1] (beta): flatchrCompanyIds: company 4242 is already tenant acme's; "
                + "a Flatchr company's hires go to one tenant");
    }

    // ---- webhook token

    @Test
    void aWebhookTokenIsRequired() {
        assertInvalid(acme().replace("webhookToken: ${env:ACME_WEBHOOK_TOKEN}", "webhookToken: ''"),
                "tenants[0] (acme): webhookToken: is required");
    }

    @Test
    void aTokenWrittenInTheFileIsRefusedWithoutBeingQuoted() {
        assertInvalid(acme().replace("${env:ACME_WEBHOOK_TOKEN}", ACME_TOKEN), "tenants[0] (acme): webhookToken: "
                + "must be a reference such as ${env:ACME_LUCCA_API_KEY} or ${file:/run/secrets/acme-lucca}, "
                + "never the secret itself")
                .hasMessageNotContaining(ACME_TOKEN);
    }

    @Test
    void aKeyWrittenInTheFileIsRefusedWithoutBeingQuoted() {
        assertInvalid(acme("lucca: { instance: acme, apiKey: " + ACME_KEY + " }"), "tenants[0] (acme): lucca.apiKey: "
                + "must be a reference such as ${env:ACME_LUCCA_API_KEY} or ${file:/run/secrets/acme-lucca}, "
                + "never the secret itself")
                .hasMessageNotContaining(ACME_KEY);
    }

    @Test
    void aFlatchrKeyWrittenInTheFileIsRefusedWithoutBeingQuoted() {
        assertInvalid(acme(FLATCHR.replace("'${env:ACME_FLATCHR_API_KEY}'", ACME_FLATCHR_KEY) + " }"),
                "tenants[0] (acme): flatchr.apiKey: must be a reference such as ${env:ACME_LUCCA_API_KEY} or "
                        + "${file:/run/secrets/acme-lucca}, never the secret itself")
                .hasMessageNotContaining(ACME_FLATCHR_KEY);
    }

    @Test
    void aFlatchrKeyThatCannotBeSentIsRefusedWithoutBeingQuoted() {
        environment.put("ACME_FLATCHR_API_KEY", "acmeFLATCHR key9b2e4d");

        assertInvalid(acme(FLATCHR + " }"), "tenants[0] (acme): flatchr.apiKey: contains a space, a line break, a "
                + "control character or a character that is not printable ASCII, such as a zero-width space (the value "
                + "is a secret: not shown)")
                .hasMessageNotContaining("acmeFLATCHR").hasMessageNotContaining("key9b2e4d");
    }

    @Test
    void aLuccaKeyThatCannotBeSentIsRefusedWithoutBeingQuoted() {
        environment.put("ACME_LUCCA_API_KEY", "acmeLUCCA-key\nX-Injected: yes");

        assertInvalid(acme("lucca: { instance: acme, apiKey: '${env:ACME_LUCCA_API_KEY}' }"), "tenants[0] (acme): "
                + "lucca.apiKey: contains a space, a line break, a control character or a character that is not "
                + "printable ASCII, such as a zero-width space (the value is a secret: not shown)")
                .hasMessageNotContaining("acmeLUCCA");
    }

    @ParameterizedTest(name = "a key pasted with U+{0} is refused")
    @ValueSource(strings = {"200B", "00A0", "FEFF", "00E9"})
    void aKeyPastedWithAnInvisibleOrNonAsciiCharacterIsRefusedAsLuccaWouldRefuseItWithoutBeingQuoted(String code) {
        environment.put("ACME_LUCCA_API_KEY", "11111111-2222-3333-4444-555555555555"
                + Character.toString(Integer.parseInt(code, 16)));

        assertInvalid(acme("lucca: { instance: acme, apiKey: '${env:ACME_LUCCA_API_KEY}' }"), "tenants[0] (acme): "
                + "lucca.apiKey: contains a space, a line break, a control character or a character that is not "
                + "printable ASCII, such as a zero-width space (the value is a secret: not shown)")
                .hasMessageNotContaining("5555");
    }

    @Test
    void theFlatchrKeyGivenAsTheCompanyKeyIsRefusedWithoutBeingQuoted() {
        environment.put("ACME_FLATCHR_API_KEY", COMPANY_KEY);

        assertInvalid(acme(FLATCHR + " }"), "tenants[0] (acme): flatchr.companyKey: is flatchr.apiKey (not shown); "
                + "expected " + FlatchrApi.COMPANY_KEY_SHAPE);
    }

    @Test
    void aCompanyKeyThatIsNotOneIsNotQuotedForItMayBeTheKey() {
        assertInvalid(acme(FLATCHR.replace(COMPANY_KEY, "'" + ACME_FLATCHR_KEY + "-x'") + " }"),
                "tenants[0] (acme): flatchr.companyKey: has characters other than letters and digits (the value is "
                        + "not shown: it may be a secret pasted in the wrong place); expected "
                        + FlatchrApi.COMPANY_KEY_SHAPE)
                .hasMessageNotContaining(ACME_FLATCHR_KEY);
    }

    @Test
    void anEmptyFlatchrMappingNamesBothKeysItNeeds() {
        assertInvalid(acme("flatchr: {}"), "tenants[0] (acme): flatchr.apiKey: is required",
                "tenants[0] (acme): flatchr.companyKey: is required; expected " + FlatchrApi.COMPANY_KEY_SHAPE);
    }

    @Test
    void everyWrongFlatchrKeyIsNamedAtOnceNextToTheTenantsOtherProblems() {
        environment.remove("ACME_FLATCHR_API_KEY");

        assertInvalid(acme("""
                        flatchr:
                          apiKey: ${env:ACME_FLATCHR_API_KEY}
                          companyKey: Wy3EOp2
                          apiBaseUrl: api.flatchr.io
                          reconcileIntervalSeconds: -5
                          reconcileLookbackDays: 0
                          resultTags: Lucca""".replace("\n", "\n    "), "timezone: Europe/Pariss"),
                "tenants[0] (acme): flatchr: unknown key 'resultTags'; known keys: apiKey, companyKey, apiBaseUrl, "
                        + "reconcileIntervalSeconds, reconcileLookbackDays, resultTag",
                "tenants[0] (acme): flatchr.apiKey: environment variable ACME_FLATCHR_API_KEY is not set, or blank",
                "tenants[0] (acme): flatchr.companyKey: has 7 characters; expected " + FlatchrApi.COMPANY_KEY_SHAPE,
                "tenants[0] (acme): flatchr.apiBaseUrl: 'api.flatchr.io' is not an http(s) URL with a host",
                "tenants[0] (acme): flatchr.reconcileIntervalSeconds: '-5' is not a whole number from 0 to 604800",
                "tenants[0] (acme): flatchr.reconcileLookbackDays: '0' is not a whole number from 1 to 365",
                "tenants[0] (acme): timezone: 'Europe/Pariss' is not a time zone such as Europe/Paris "
                        + "(Unknown time-zone ID: Europe/Pariss)");
    }

    @Test
    void aNumberWrittenAsTheTokenIsNotQuotedEither() {
        assertInvalid(acme().replace("${env:ACME_WEBHOOK_TOKEN}", "[1234567890123456789]"),
                "tenants[0] (acme): webhookToken: must be text, not a list")
                .hasMessageNotContaining("1234567890123456789");
    }

    @Test
    void aShortTokenIsRefusedWithoutBeingQuoted() {
        environment.put("ACME_WEBHOOK_TOKEN", "short-secret");

        assertInvalid(acme(), "tenants[0] (acme): webhookToken: must be at least 16 characters long")
                .hasMessageNotContaining("short-secret");
    }

    @Test
    void anUnsetTokenVariableIsNamed() {
        environment.remove("ACME_WEBHOOK_TOKEN");

        assertInvalid(acme(), "tenants[0] (acme): webhookToken: environment variable ACME_WEBHOOK_TOKEN is not set, "
                + "or blank");
    }

    @Test
    void twoTenantsDoNotShareAToken() {
        environment.put("BETA_WEBHOOK_TOKEN", ACME_TOKEN);

        assertInvalid(acme() + """
                  - id: beta
                    flatchrCompanyIds: [5151]
                    webhookToken: ${env:BETA_WEBHOOK_TOKEN}
                """, "tenants[1] (beta): webhookToken: is the same token as tenant acme's; "
                + "a token must identify one customer")
                .hasMessageNotContaining(ACME_TOKEN);
    }

    @Test
    void aTenantsOwnAdminTokenIsReadAsASecretReference() {
        environment.put("ACME_ADMIN_TOKEN", "acme-admin-token-0123456789");

        TenantSettings acme = onlyTenant(acme() + "    adminToken: ${env:ACME_ADMIN_TOKEN}\n");

        assertThat(acme.adminToken()).contains("acme-admin-token-0123456789");
        assertThat(acme.toString()).doesNotContain("acme-admin-token-0123456789");
        assertThat(onlyTenant(acme()).adminToken()).as("none unless given").isEmpty();
    }

    @Test
    void aTenantsAdminTokenFollowsAdminTokensRuleAndNotTheWebhooksWhichAUrlCarries() {
        // base64, as `openssl rand -base64 24` makes it: a header carries + / = as they are
        environment.put("ACME_ADMIN_TOKEN", "k3+Vq/Zx9PmL0aTw7uYbRc2d+Nf/==");

        assertThat(onlyTenant(acme("adminToken: ${env:ACME_ADMIN_TOKEN}")).adminToken())
                .contains("k3+Vq/Zx9PmL0aTw7uYbRc2d+Nf/==");

        environment.put("ACME_ADMIN_TOKEN", "short+admin/tok");
        assertInvalid(acme("adminToken: ${env:ACME_ADMIN_TOKEN}"),
                "tenants[0] (acme): adminToken: must be at least 16 characters long")
                .hasMessageNotContaining("short+admin/tok");
    }

    @Test
    void anAdminTokenIsNeverAWebhookToken() {
        environment.put("ACME_ADMIN_TOKEN", BETA_TOKEN);

        assertInvalid(acme() + "    adminToken: ${env:ACME_ADMIN_TOKEN}\n" + """
                  - id: beta
                    flatchrCompanyIds: [5151]
                    webhookToken: ${env:BETA_WEBHOOK_TOKEN}
                """, "tenants[1] (beta): webhookToken: is the same token as tenant acme's; "
                + "a token must identify one customer")
                .hasMessageNotContaining(BETA_TOKEN);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"webhookToken, ADMIN_TOKEN", "webhookToken, FLATCHR_WEBHOOK_TOKEN", "adminToken, ADMIN_TOKEN",
            "adminToken, FLATCHR_WEBHOOK_TOKEN"})
    void noTokenOfTheFileIsATokenOfTheEnvironment(String key, String setting) {
        environment.put("ACME_ADMIN_TOKEN", "acme-admin-token-0123456789");
        environmentTokens.put("ADMIN_TOKEN", "admin-token-0123456789");
        environmentTokens.put("FLATCHR_WEBHOOK_TOKEN", "default-token-0123456789");
        String taken = environmentTokens.get(setting);
        environment.put(key.equals("webhookToken") ? "ACME_WEBHOOK_TOKEN" : "ACME_ADMIN_TOKEN", taken);

        assertInvalid(acme("adminToken: ${env:ACME_ADMIN_TOKEN}"), "tenants[0] (acme): " + key + ": is the same "
                + "token as the environment setting " + setting + "; each token must open one thing only")
                .hasMessageNotContaining(taken);
    }

    @Test
    void theEnvironmentsTokensAreCheckedAgainstEveryTenant() {
        environmentTokens.put("FLATCHR_WEBHOOK_TOKEN", BETA_TOKEN);

        assertInvalid(acme() + """
                  - id: beta
                    flatchrCompanyIds: [5151]
                    webhookToken: ${env:BETA_WEBHOOK_TOKEN}
                """, "tenants[1] (beta): webhookToken: is the same token as the environment setting "
                + "FLATCHR_WEBHOOK_TOKEN; each token must open one thing only");
        assertThat(read(acme()).tenants()).as("acme's own token is free").hasSize(1);
    }

    @Test
    void aRotatedAdminTokenChangesTheFingerprint() {
        environment.put("ACME_ADMIN_TOKEN", "acme-admin-token-0123456789");
        String yaml = acme() + "    adminToken: ${env:ACME_ADMIN_TOKEN}\n";
        String before = read(yaml).fingerprint();

        environment.put("ACME_ADMIN_TOKEN", "acme-admin-token-rotated-01");

        assertThat(read(yaml).fingerprint()).isNotEqualTo(before);
    }
}
