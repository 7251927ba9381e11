package io.github.flatchrlucca.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.flatchrlucca.mapping.LoginRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantsFileWatchTest {

    private static final TenantDefaults INHERITED = new TenantDefaults(Set.of(), 50, Duration.ofSeconds(60),
            LoginRule.INITIAL_LASTNAME, RehirePolicy.CONTRACT, Duration.ZERO, ZoneId.of("Europe/Paris"), "FR", FlatchrApi.DEFAULT_BASE_URL,
            FlatchrApi.DEFAULT_RECONCILE_INTERVAL, FlatchrApi.DEFAULT_RECONCILE_LOOKBACK);
    private static final String DEFAULT_TOKEN = "default-token-0123456789";
    private static final Map<String, String> ENV = Map.of("ACME_TOKEN", "acme-token-0123456789",
            "GLOBEX_TOKEN", "globex-token-0123456789", "INITECH_TOKEN", DEFAULT_TOKEN);
    private static final Optional<TenantSettings> DEFAULT_TENANT = Optional.of(TestTenants.tenant("default",
            DEFAULT_TOKEN));

    @TempDir
    Path dir;

    private final Tenants tenants = TestTenants.inForce();
    private final List<List<String>> inForce = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();
    // each environment variable the watch looked up: only a parse of the file looks any up
    private final List<String> lookedUp = new ArrayList<>();

    @Test
    void theFilesTenantsComeIntoForceAtStartNextToTheEnvironmentsOwn() throws Exception {
        TenantsFileWatch watch = watch(file(tenant("acme", 1)), DEFAULT_TENANT);

        watch.loadAtStart();

        assertThat(tenants.ids()).containsExactly("acme", "default");
        assertThat(inForce).containsExactly(List.of("acme", "default"));
    }

    @Test
    void aBadFileStopsTheStart() throws Exception {
        TenantsFileWatch watch = watch(file(tenant("acme", 1).replace("flatchrCompanyIds", "companies")),
                Optional.empty());

        assertThatIllegalArgumentException().isThrownBy(watch::loadAtStart).withMessageContaining("companies");
        assertThat(tenants.ids()).isEmpty();
    }

    @Test
    void anUnchangedFileChangesNothing() throws Exception {
        TenantsFileWatch watch = watch(file(tenant("acme", 1)), Optional.empty());
        watch.loadAtStart();

        watch.reloadIfChanged();

        assertThat(inForce).hasSize(1);
    }

    @Test
    void aChangedFileTakesEffectOnceTwoChecksInARowReadIt() throws Exception {
        Path file = file(tenant("acme", 1));
        TenantsFileWatch watch = watch(file, Optional.empty());
        watch.loadAtStart();

        Files.writeString(file, tenant("acme", 1) + tenant("globex", 2).replace("tenants:\n", ""));
        watch.reloadIfChanged();
        assertThat(tenants.ids()).as("read once: maybe half written").containsExactly("acme");
        watch.reloadIfChanged();

        assertThat(tenants.ids()).containsExactly("acme", "globex");
        assertThat(inForce).last().isEqualTo(List.of("acme", "globex"));
    }

    @Test
    void aFileReadHalfWrittenButValidIsNotPutInForce() throws Exception {
        String whole = tenant("acme", 1) + tenant("globex", 2).replace("tenants:\n", "")
                + "    lucca: { instance: globex, apiKey: \"${env:GLOBEX_TOKEN}\" }\n";
        Path file = file(whole);
        TenantsFileWatch watch = watch(file, Optional.empty());
        watch.loadAtStart();
        Tenant globex = tenants.find("globex").orElseThrow();

        // written in place, read by a check before the writer is done: globex without its Lucca, then without globex
        Files.writeString(file, whole.substring(0, whole.indexOf("    lucca:")));
        watch.reloadIfChanged();
        Files.writeString(file, whole.substring(0, whole.indexOf("  - id: globex")));
        watch.reloadIfChanged();
        Files.writeString(file, whole);
        watch.reloadIfChanged();

        assertThat(tenants.find("globex")).as("never a dry run, never gone").containsSame(globex);
        assertThat(inForce).hasSize(1);
        assertThat(refusals).isEmpty();
    }

    @Test
    void anInvalidChangeIsRefusedOnceAndThePreviousTenantsStayInForce() throws Exception {
        Path file = file(tenant("acme", 1));
        TenantsFileWatch watch = watch(file, Optional.empty());
        watch.loadAtStart();
        Tenant before = tenants.find("acme").orElseThrow();

        Files.writeString(file, tenant("acme", 1) + tenant("globex", 1).replace("tenants:\n", ""));
        watch.reloadIfChanged();
        watch.reloadIfChanged();

        assertThat(tenants.find("acme")).containsSame(before);
        assertThat(tenants.ids()).containsExactly("acme");
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0)).contains("1", "acme", "globex");
    }

    @Test
    void aFixedFileIsTakenAfterARefusal() throws Exception {
        Path file = file(tenant("acme", 1));
        TenantsFileWatch watch = watch(file, Optional.empty());
        watch.loadAtStart();
        assertThat(watch.fileRefused()).isFalse();
        Files.writeString(file, "tenants: [");
        watch.reloadIfChanged();
        assertThat(watch.fileRefused()).as("its metric's, until a check reads it valid").isTrue();

        Files.writeString(file, tenant("globex", 2));
        twoChecks(watch);

        assertThat(tenants.ids()).containsExactly("globex");
        assertThat(refusals).hasSize(1);
        assertThat(watch.fileRefused()).isFalse();
    }

    @Test
    void aChangeToAFileLargerThanAnyTenantsNeedIsRefusedAndThePreviousTenantsStayInForce() throws Exception {
        Path file = file(tenant("acme", 1));
        TenantsFileWatch watch = watch(file, Optional.empty());
        watch.loadAtStart();
        // valid YAML still (the tenants, then comments): only its size is wrong, as a log or a generator's output is
        String huge = tenant("acme", 1) + tenant("globex", 2).replace("tenants:\n", "")
                + ("# " + "x".repeat(1022) + "\n").repeat(2 * 1024 + 1);
        Files.writeString(file, huge);

        twoChecks(watch);

        assertThat(tenants.ids()).containsExactly("acme");
        assertThat(refusals).singleElement().asString().contains("larger than 2 MiB", "TENANTS_FILE");
        assertThat(watch.fileRefused()).isTrue();
    }

    @Test
    void aRotatedSecretFileIsAChangeEvenWhenTheTenantsFileIsNot() throws Exception {
        Path key = dir.resolve("acme-key");
        Files.writeString(key, "old-key");
        Path file = file(tenant("acme", 1) + "    lucca: { instance: acme, apiKey: \"${file:acme-key}\" }\n");
        TenantsFileWatch watch = watch(file, Optional.empty());
        watch.loadAtStart();

        Files.writeString(key, "new-key");
        twoChecks(watch);

        assertThat(tenants.find("acme").orElseThrow().lucca().authorization()).endsWith("new-key");
        assertThat(inForce).hasSize(2);
    }

    @Test
    void aRotatedFlatchrKeyIsAChangeEvenWhenTheTenantsFileIsNot() throws Exception {
        Path key = dir.resolve("acme-flatchr");
        Files.writeString(key, "oldFlatchrKey0123");
        Path file = file(tenant("acme", 1)
                + "    flatchr: { apiKey: \"${file:acme-flatchr}\", companyKey: Wy3EOp2NP3p1KMq8 }\n");
        TenantsFileWatch watch = watch(file, Optional.empty());
        watch.loadAtStart();

        Files.writeString(key, "newFlatchrKey0123");
        twoChecks(watch);

        assertThat(tenants.find("acme").orElseThrow().settings().flatchrApi().orElseThrow().apiKey())
                .isEqualTo("newFlatchrKey0123");
        assertThat(inForce).hasSize(2);
    }

    @Test
    void aFileWhoseTenantSearchesTheDefaultTenantsCompanyStopsTheStart() throws Exception {
        FlatchrApi api = new FlatchrApi(FlatchrApi.DEFAULT_BASE_URL, "defaultFlatchrKey0123", "Wy3EOp2NP3p1KMq8",
                FlatchrApi.DEFAULT_RECONCILE_INTERVAL, FlatchrApi.DEFAULT_RECONCILE_LOOKBACK, Optional.empty());
        Files.writeString(dir.resolve("acme-flatchr"), "acmeFlatchrKey0123");
        TenantsFileWatch watch = watch(file(tenant("acme", 1)
                        + "    flatchr: { apiKey: \"${file:acme-flatchr}\", companyKey: Wy3EOp2NP3p1KMq8 }\n"),
                DEFAULT_TENANT.map(tenant -> TestTenants.withFlatchrApi(tenant, api)));

        assertThatIllegalArgumentException().isThrownBy(watch::loadAtStart)
                .withMessageContaining("tenants[0] (acme): flatchr.companyKey: is already used by the default tenant "
                        + "(FLATCHR_COMPANY_KEY)");
    }

    @Test
    void aFileThatReusesTheAdminTokenStopsTheStartWithoutQuotingIt() throws Exception {
        TenantsFileWatch watch = watch(file(tenant("acme", 1)), Optional.empty(), Optional.of(ENV.get("ACME_TOKEN")));

        assertThatIllegalArgumentException().isThrownBy(watch::loadAtStart)
                .withMessageContaining("tenants[0] (acme): webhookToken: is the same token as the environment setting "
                        + "ADMIN_TOKEN")
                .withMessageNotContaining(ENV.get("ACME_TOKEN"));
        assertThat(tenants.ids()).isEmpty();
    }

    @Test
    void aChangeThatReusesTheDefaultTenantsTokenIsRefusedAndThePreviousTenantsStayInForce() throws Exception {
        Path file = file(tenant("acme", 1));
        TenantsFileWatch watch = watch(file, DEFAULT_TENANT, Optional.of("admin-token-0123456789"));
        watch.loadAtStart();

        Files.writeString(file, tenant("acme", 1) + tenant("initech", 2).replace("tenants:\n", ""));
        watch.reloadIfChanged();

        assertThat(tenants.ids()).containsExactly("acme", "default");
        assertThat(refusals).singleElement().asString()
                .contains("tenants[1] (initech): webhookToken: is the same token as the environment setting "
                        + "FLATCHR_WEBHOOK_TOKEN")
                .doesNotContain(DEFAULT_TOKEN);
    }

    @Test
    void withoutAFileOnlyTheEnvironmentsTenantIsServedAndNothingIsPolled() {
        TenantsFileWatch watch = new TenantsFileWatch(Optional.empty(), DEFAULT_TENANT, Optional.empty(),
                name -> Optional.empty(), INHERITED, tenants, inForce::add, refusals::add);

        watch.loadAtStart();
        watch.reloadIfChanged();

        assertThat(tenants.ids()).containsExactly("default");
        assertThat(inForce).hasSize(1);
    }

    @Test
    void aCheckOfAnUnchangedFileDoesNotParseItAgain() throws Exception {
        TenantsFileWatch watch = watch(file(tenant("acme", 1)), Optional.empty());
        watch.loadAtStart();
        assertThat(lookedUp).as("the parse at start").containsExactly("ACME_TOKEN");

        twoChecks(watch);
        twoChecks(watch);

        assertThat(lookedUp).as("no parse since").containsExactly("ACME_TOKEN");
        assertThat(inForce).hasSize(1);
    }

    @Test
    void aSecretFileRotatedAfterChecksOfTheUnchangedFileIsStillSeen() throws Exception {
        Path key = dir.resolve("acme-key");
        Files.writeString(key, "old-key");
        Path file = file(tenant("acme", 1) + "    lucca: { instance: acme, apiKey: \"${file:acme-key}\" }\n");
        TenantsFileWatch watch = watch(file, Optional.empty());
        watch.loadAtStart();
        twoChecks(watch);

        Files.writeString(key, "new-key");
        watch.reloadIfChanged();
        assertThat(tenants.find("acme").orElseThrow().lucca().authorization()).as("read once").endsWith("old-key");
        watch.reloadIfChanged();

        assertThat(tenants.find("acme").orElseThrow().lucca().authorization()).endsWith("new-key");
        assertThat(inForce).hasSize(2);
    }

    @Test
    void aSecretFileThatWasMissingIsSeenOnceItIsWritten() throws Exception {
        Path file = file(tenant("acme", 1));
        TenantsFileWatch watch = watch(file, Optional.empty());
        watch.loadAtStart();
        Files.writeString(file, tenant("acme", 1) + "    lucca: { instance: acme, apiKey: \"${file:acme-key}\" }\n");
        twoChecks(watch);
        assertThat(refusals).singleElement().asString().contains("acme-key", "no such file");

        Files.writeString(dir.resolve("acme-key"), "new-key");
        twoChecks(watch);

        assertThat(tenants.find("acme").orElseThrow().lucca().authorization()).endsWith("new-key");
        assertThat(refusals).hasSize(1);
        assertThat(watch.fileRefused()).isFalse();
    }

    @Test
    void aRefusedFileIsNeitherParsedNorAlertedAgainUntilItIsMended() throws Exception {
        Path file = file(tenant("acme", 1));
        TenantsFileWatch watch = watch(file, Optional.empty());
        watch.loadAtStart();
        // valid YAML, refused by the checks after the parse: two tenants claim company 1
        Files.writeString(file, tenant("acme", 1) + tenant("globex", 1).replace("tenants:\n", ""));
        watch.reloadIfChanged();
        List<String> parsedOnce = List.copyOf(lookedUp);

        twoChecks(watch);
        twoChecks(watch);

        assertThat(lookedUp).as("not parsed again").isEqualTo(parsedOnce);
        assertThat(refusals).hasSize(1);
        assertThat(watch.fileRefused()).isTrue();

        Files.writeString(file, tenant("acme", 1) + tenant("globex", 2).replace("tenants:\n", ""));
        twoChecks(watch);

        assertThat(tenants.ids()).containsExactly("acme", "globex");
        assertThat(refusals).hasSize(1);
        assertThat(watch.fileRefused()).isFalse();
    }

    @Test
    void aSecretFileRotatedWhileAParseReadsItTwiceIsReadAgainWhole() throws Exception {
        Path key = dir.resolve("shared-key");
        Files.writeString(key, "old-key");
        String lucca = "    lucca: { instance: acme, apiKey: \"${file:shared-key}\" }\n";
        Path file = file(tenant("acme", 1) + lucca + tenant("globex", 2).replace("tenants:\n", "") + lucca);
        List<String> rotations = new ArrayList<>();
        // globex's token is looked up between acme's key and globex's: the rotation's second write lands mid-parse
        TenantsFileWatch watch = watch(file, Optional.empty(), Optional.empty(), name -> {
            if (name.equals("GLOBEX_TOKEN") && !rotations.isEmpty()) {
                write(key, rotations.remove(0));
            }
            return Optional.ofNullable(ENV.get(name));
        });
        watch.loadAtStart();

        Files.writeString(key, "mid-key");
        rotations.add("new-key");
        twoChecks(watch);
        twoChecks(watch);

        assertThat(tenants.find("acme").orElseThrow().lucca().authorization()).endsWith("new-key");
        assertThat(tenants.find("globex").orElseThrow().lucca().authorization()).endsWith("new-key");
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void twoChecks(TenantsFileWatch watch) {
        watch.reloadIfChanged();
        watch.reloadIfChanged();
    }

    private TenantsFileWatch watch(Path file, Optional<TenantSettings> defaultTenant) {
        return watch(file, defaultTenant, Optional.empty());
    }

    private TenantsFileWatch watch(Path file, Optional<TenantSettings> defaultTenant, Optional<String> adminToken) {
        return watch(file, defaultTenant, adminToken, name -> Optional.ofNullable(ENV.get(name)));
    }

    private TenantsFileWatch watch(Path file, Optional<TenantSettings> defaultTenant, Optional<String> adminToken,
                                   Function<String, Optional<String>> env) {
        return new TenantsFileWatch(Optional.of(file), defaultTenant, adminToken, name -> {
            lookedUp.add(name);
            return env.apply(name);
        }, INHERITED, tenants, inForce::add, refusals::add);
    }

    private Path file(String content) throws Exception {
        return Files.writeString(dir.resolve("tenants.yaml"), content);
    }

    private static String tenant(String id, int companyId) {
        return """
                tenants:
                  - id: %s
                    flatchrCompanyIds: [%d]
                    webhookToken: ${env:%s_TOKEN}
                """.formatted(id, companyId, id.toUpperCase());
    }
}
