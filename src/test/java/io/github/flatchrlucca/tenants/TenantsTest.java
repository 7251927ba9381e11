package io.github.flatchrlucca.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.intake.FlatchrEventClassifier;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.lucca.LuccaConnection;
import io.github.flatchrlucca.http.KeyState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TenantsTest {

    private final List<String> credentialChanges = new ArrayList<>();
    private final Tenants tenants = new Tenants("/data/vacancy/department", Duration.ofMillis(250),
            (tenant, state) -> credentialChanges.add(tenant + " " + state));

    @Test
    void aReplacementSaysWhichTenantsCameAndWent() {
        tenants.replace(List.of(tenant("acme", "key-1"), tenant("globex", "key-2")));

        Tenants.Change change = tenants.replace(List.of(tenant("acme", "key-1"), tenant("initech", "key-3")));

        assertThat(change.added()).containsExactly("initech");
        assertThat(change.removed()).containsExactly("globex");
        assertThat(tenants.ids()).containsExactly("acme", "initech");
        assertThat(tenants.find("globex")).isEmpty();
    }

    @Test
    void whatLuccaSaidOfAKeyOutlivesAReloadThatKeepsTheKey() {
        tenants.replace(List.of(tenant("acme", "key-1")));
        KeyState before = tenants.find("acme").orElseThrow().lucca().credentials();

        tenants.replace(List.of(tenant("acme", "key-1")));

        assertThat(tenants.find("acme").orElseThrow().lucca().credentials()).isSameAs(before);
    }

    @Test
    void aRotatedKeyStartsUntriedAndIsAnnouncedUnderItsTenant() {
        tenants.replace(List.of(tenant("acme", "key-1")));
        KeyState old = tenants.find("acme").orElseThrow().lucca().credentials();

        tenants.replace(List.of(tenant("acme", "key-2")));

        KeyState rotated = tenants.find("acme").orElseThrow().lucca().credentials();
        assertThat(rotated).isNotSameAs(old);
        assertThat(rotated.state()).isEqualTo(KeyState.State.UNKNOWN);
        rotated.answered("search-user", 401);
        assertThat(credentialChanges).containsExactly("acme REJECTED");
    }

    @Test
    void aKeyRotatedAfterARejectionIsToldAcceptedAtItsFirstSuccessAndAFirstKeyIsNot() {
        tenants.replace(List.of(tenant("acme", "key-1"), tenant("globex", "key-g")));
        tenants.find("globex").orElseThrow().lucca().credentials().answered("search-user", 200);
        tenants.find("acme").orElseThrow().lucca().credentials().answered("search-user", 401);

        tenants.replace(List.of(tenant("acme", "key-2"), tenant("globex", "key-g")));
        tenants.find("acme").orElseThrow().lucca().credentials().answered("search-user", 200);

        assertThat(credentialChanges).containsExactly("acme REJECTED", "acme OK");
    }

    @Test
    void eachNewKeyIsToTryOnceADryTenantsNeverAndARotatedOneAgain() {
        tenants.replace(List.of(tenant("acme", "key-1"), tenant("globex", "key-g"),
                TestTenants.tenant("initech", "initech-token-0123456789", "7")));

        assertThat(tenants.keysToTry()).extracting(LuccaConnection::tenant).containsExactlyInAnyOrder("acme", "globex");
        assertThat(tenants.keysToTry()).as("each once").isEmpty();

        tenants.replace(List.of(tenant("acme", "key-2"), tenant("globex", "key-g")));
        assertThat(tenants.keysToTry()).extracting(LuccaConnection::tenant).containsExactly("acme");
    }

    @Test
    void eachTenantReadsPhoneNumbersWithoutACountryCodeAsOfItsOwnRegion() throws Exception {
        tenants.replace(List.of(tenant("acme", "key-1"), TestTenants.withPhoneRegion(tenant("geneva", "key-2"), "CH")));
        JsonNode hire = new ObjectMapper().readTree("""
                {"data": {"candidate": {"firstname": "Léa", "lastname": "Favre", "phone": "079 123 45 67"}}}""");

        assertThat(tenants.find("geneva").orElseThrow().mapper().map(hire, Instant.EPOCH, Instant.EPOCH).draft().personalMobile())
                .isEqualTo("+41791234567");
        assertThat(tenants.find("acme").orElseThrow().mapper().map(hire, Instant.EPOCH, Instant.EPOCH).draft().personalMobile())
                .as("the same digits, read in France").isEqualTo("+33791234567");
    }

    @Test
    void aTenantsLuccaConnectionCarriesItsBudgetWithTheNetworkSlack() {
        tenants.replace(List.of(tenant("acme", "key-1")));

        var lucca = tenants.find("acme").orElseThrow().lucca();

        assertThat(lucca.tenant()).isEqualTo("acme");
        assertThat(lucca.endpoint()).isEqualTo("https://acme.ilucca.net");
        assertThat(lucca.authorization()).isEqualTo("lucca application=key-1");
        assertThat(lucca.requests()).isEqualTo(50);
        assertThat(lucca.window()).isEqualTo(Duration.ofMillis(60_250));
        assertThat(lucca.toString()).doesNotContain("key-1");
    }

    @Test
    void aHireGoesToItsOwnTenantAndAHireOfAGoneTenantIsRefused() {
        tenants.replace(List.of(tenant("acme", "key-1")));

        assertThat(tenants.forHire(hire("acme")).id()).isEqualTo("acme");
        assertThatExceptionOfType(TenantChanged.class).isThrownBy(() -> tenants.forHire(hire("globex")))
                .withMessage("tenant globex left the configuration");
    }

    @Test
    void aHiresNextCallShowsTheKeyInForceNowAtTheSameLucca() {
        tenants.replace(List.of(tenant("acme", "key-1")));
        LuccaConnection started = tenants.luccaOf("acme");

        tenants.replace(List.of(tenant("acme", "key-2")));

        assertThat(tenants.luccaNow(started).authorization()).isEqualTo("lucca application=key-2");
        assertThat(tenants.luccaNow(started).credentials()).isNotSameAs(started.credentials());
    }

    @Test
    void aHiresNextCallGoesNowhereOnceItsTenantLeftOrHasAnotherLucca() {
        tenants.replace(List.of(tenant("acme", "key-1")));
        LuccaConnection started = tenants.luccaOf("acme");

        tenants.replace(List.of(tenant("globex", "key-2")));
        assertThat(tenants.inForce("acme")).isFalse();
        assertThatExceptionOfType(TenantChanged.class).isThrownBy(() -> tenants.luccaNow(started))
                .withMessage("tenant acme left the configuration");

        tenants.replace(List.of(tenantAt("acme", "https://acme.ilucca-test.net", "key-1")));
        assertThat(tenants.inForce("acme")).isTrue();
        assertThatExceptionOfType(TenantChanged.class).isThrownBy(() -> tenants.luccaNow(started))
                .withMessage("tenant acme has another Lucca now");

        // a dry run now: nothing is sent at all
        tenants.replace(List.of(TestTenants.tenant("acme", "token-of-acme-0123456789", "1")));
        assertThatExceptionOfType(TenantChanged.class).isThrownBy(() -> tenants.luccaNow(started))
                .withMessage("tenant acme has another Lucca now");
    }

    @Test
    void aLuccaAsOneKeySeesItIsUsedWhileATenantInForceHasBoth() {
        tenants.replace(List.of(tenant("acme", "key-1"), tenantAt("acme-retail", "https://acme.ilucca-test.net",
                "key-2")));
        String acmes = tenants.luccaOf("acme").people();
        String retails = tenants.luccaOf("acme-retail").people();
        assertThat(tenants.usesPeopleOf(acmes)).isTrue();

        tenants.replace(List.of(tenantAt("acme-retail", "https://acme.ilucca-test.net", "key-2")));

        assertThat(tenants.usesPeopleOf(acmes)).as("no tenant has it any more").isFalse();
        assertThat(tenants.usesPeopleOf(retails)).isTrue();
        tenants.replace(List.of(tenantAt("acme-retail", "https://acme.ilucca-test.net", "key-3")));
        assertThat(tenants.usesPeopleOf(retails)).as("its key changed: the people the old one saw are not").isFalse();
    }

    @Test
    void theDefaultTenantAcceptsAnyCompanyButOneAnotherTenantLists() {
        tenants.replace(List.of(anyCompany(), TestTenants.tenant("acme", "acme-token-0123456789", "4242")));

        Tenant defaultTenant = tenants.find(TenantSettings.DEFAULT_ID).orElseThrow();
        assertThat(defaultTenant.acceptsCompany("1111")).isTrue();
        assertThat(defaultTenant.acceptsCompany("4242")).isFalse();
        assertThat(tenants.find("acme").orElseThrow().acceptsCompany("4242")).isTrue();
    }

    @Test
    void aHireOfAnotherTenantsCompanySentToTheDefaultTenantIsOfAnotherCompany() throws Exception {
        tenants.replace(List.of(anyCompany(), TestTenants.tenant("acme", "acme-token-0123456789", "4242")));
        Tenant defaultTenant = tenants.find(TenantSettings.DEFAULT_ID).orElseThrow();

        HireVerdict acmes = new FlatchrEventClassifier().classify(hireFrom("4242"), defaultTenant);

        assertThat(acmes.isOtherCompany()).isTrue();
        assertThat(acmes.rejection()).contains("company_id 4242");
        assertThat(new FlatchrEventClassifier().classify(hireFrom("1111"), defaultTenant).kind())
                .isEqualTo(HireVerdict.Kind.HIRE);
    }

    @Test
    void theDefaultTenantFollowsAReloadOfTheOtherTenants() {
        tenants.replace(List.of(anyCompany()));
        Tenant before = tenants.find(TenantSettings.DEFAULT_ID).orElseThrow();
        tenants.replace(List.of(anyCompany(), TestTenants.tenant("acme", "acme-token-0123456789", "4242")));
        Tenant withAcme = tenants.find(TenantSettings.DEFAULT_ID).orElseThrow();

        tenants.replace(List.of(anyCompany()));

        assertThat(before.acceptsCompany("4242")).isTrue();
        assertThat(withAcme.acceptsCompany("4242")).isFalse();
        assertThat(tenants.find(TenantSettings.DEFAULT_ID).orElseThrow().acceptsCompany("4242")).isTrue();
    }

    @Test
    void onlyTheTenantsWithAResultTagWriteBack() {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca")),
                TestTenants.withResultTag("globex", Optional.empty()), tenant("initech", "key-i")));

        assertThat(tenants.writingBack()).as("globex has Flatchr's API but no tag, initech neither")
                .containsExactly("acme");
    }

    @Test
    void whoWritesBackIsReadFromTheTenantsInForceAfterAReload() {
        // as Retention is given it at start, and asks it long after
        Supplier<Collection<String>> writingBack = tenants::writingBack;
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca")),
                TestTenants.withResultTag("globex", Optional.empty())));
        assertThat(writingBack.get()).containsExactly("acme");

        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.empty()),
                TestTenants.withResultTag("globex", Optional.of("Lucca"))));

        assertThat(writingBack.get()).as("acme's tag removed, globex's added").containsExactly("globex");
    }

    private static TenantSettings anyCompany() {
        return TestTenants.tenant(TenantSettings.DEFAULT_ID, "default-token-0123456789");
    }

    private static JsonNode hireFrom(String companyId) throws Exception {
        return new ObjectMapper().readTree("""
                { "event": "drag_applicant", "company_id": %s,
                  "data": {
                    "candidate": {"id": 77, "firstname": "Éloïse", "lastname": "Müller", "email": "eloise@gmail.com"},
                    "applicant": {"id": 1234},
                    "column": {"id": 9, "title": "Recruté", "hired": true}
                  } }
                """.formatted(companyId));
    }

    private static ClaimedHire hire(String tenant) {
        return new ClaimedHire("hire-1", tenant, "{}", Instant.EPOCH, Instant.EPOCH, null, 0, null, null, null);
    }

    private static TenantSettings tenant(String id, String apiKey) {
        return tenantAt(id, "https://" + id + ".ilucca.net", apiKey);
    }

    private static TenantSettings tenantAt(String id, String luccaBaseUrl, String apiKey) {
        TenantSettings dry = TestTenants.tenant(id, "token-of-" + id + "-0123456789", "1");
        return new TenantSettings(id, Set.of("1"), dry.webhookToken(), Set.of(),
                Optional.of(URI.create(luccaBaseUrl)), apiKey, dry.luccaZone(), 50, Duration.ofSeconds(60), null, null,
                null, dry.departments(), dry.contractTypes(), dry.rehire(), dry.hireHold(), dry.loginRule(), null, dry.zone(), dry.phoneRegion(), Optional.empty(),
                Optional.empty());
    }
}
