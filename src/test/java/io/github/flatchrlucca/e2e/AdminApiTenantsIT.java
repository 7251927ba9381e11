package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API of a connector with two customers: each tenant's hires and counts on their own, and the
 * all-tenants view that says which customer is in trouble without ever showing a secret. The hires are
 * made once, before the tests, which only read: the counts are exact.
 */
class AdminApiTenantsIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static TwoTenants tenants;
    static ConnectorProcess connector;
    static List<String> acmeHires;
    static String initechHire;

    @BeforeAll
    static void start() throws Exception {
        tenants = TwoTenants.start(temp);
        connector = tenants.connector;
        acmeHires = List.of(tenants.acmeHire("tenants-api-acme-1"), tenants.acmeHire("tenants-api-acme-2"));
        for (String hireId : acmeHires) {
            connector.awaitStatus(hireId, "delivered");
        }
        initechHire = tenants.initechHire("tenants-api-initech-1");
        tenants.awaitCredentials("ok", "rejected");
    }

    @AfterAll
    static void stop() throws Exception {
        tenants.close();
    }

    @Test
    void theTenantsAreListedWithWhereTheirHiresGoTheirKeyStateAndTheirCounts() throws Exception {
        HttpResponse<String> response = connector.get("/admin/api/tenants", bearer());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(response.body()).path("tenants");
        assertThat(list).extracting(tenant -> tenant.path("id").asText()).containsExactly("acme", "initech");
        JsonNode acme = list.get(0);
        assertThat(acme.path("lucca").asText()).isEqualTo(tenants.acme.baseUrl());
        assertThat(acme.path("flatchrCompanyIds")).extracting(JsonNode::asText)
                .containsExactly(String.valueOf(TwoTenants.ACME_COMPANY));
        assertThat(acme.path("credentials").asText()).isEqualTo("ok");
        assertThat(acme.path("counts").path("delivered").asLong()).isEqualTo(2);
        assertThat(queued(acme.path("counts"))).isZero();
        JsonNode initech = list.get(1);
        assertThat(initech.path("lucca").asText()).isEqualTo(tenants.initech.baseUrl());
        assertThat(initech.path("credentials").asText()).isEqualTo("rejected");
        assertThat(initech.path("counts").path("delivered").asLong()).isZero();
        assertThat(queued(initech.path("counts"))).isEqualTo(1);
    }

    @Test
    void aTenantsOwnAdminTokenSeesThatTenantOnly() throws Exception {
        String acmeHr = "Bearer " + TwoTenants.ACME_ADMIN_TOKEN;

        assertThat(JSON.readTree(connector.get("/admin/api/tenants", acmeHr).body()).path("tenants"))
                .extracting(tenant -> tenant.path("id").asText()).containsExactly("acme");
        JsonNode hires = JSON.readTree(connector.get("/admin/api/hires", acmeHr).body());
        assertThat(hires.path("hires")).extracting(hire -> hire.path("tenant").asText()).containsOnly("acme");
        assertThat(hires.path("total").asLong()).isEqualTo(2);
        for (String path : new String[] {"/admin/api/hires?tenant=initech", "/admin/api/stats?tenant=initech"}) {
            HttpResponse<String> another = connector.get(path, acmeHr);
            assertThat(another.statusCode()).as(path + ": another tenant is unknown to it, not its own").isEqualTo(404);
            assertThat(another.body()).as(path).isEqualTo(connector.get(path.replace("initech", "nobody"), acmeHr)
                    .body());
        }
        assertThat(connector.get("/admin/api/hires/" + initechHire, acmeHr).statusCode())
                .as("another tenant's hire is unknown to it").isEqualTo(404);
        assertThat(connector.get("/admin/api/hires/" + acmeHires.get(0), acmeHr).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(connector.get("/admin/api/stats", acmeHr).body()).path("counts").path("delivered")
                .asLong()).isEqualTo(2);
        assertThat(connector.postAdmin("/admin/api/hires/" + initechHire + "/cancel", "", acmeHr).statusCode())
                .as("nor can it act on it").isEqualTo(404);
        assertThat(connector.get("/admin/api/hires", "Bearer " + TwoTenants.ACME_TOKEN).statusCode())
                .as("a webhook token opens no admin view").isEqualTo(401);
    }

    @Test
    void theTenantsViewNeverShowsATokenOrAKey() throws Exception {
        String body = connector.get("/admin/api/tenants", bearer()).body();

        assertThat(body).contains("initech").doesNotContain(TwoTenants.ACME_TOKEN, TwoTenants.INITECH_TOKEN,
                TwoTenants.ACME_KEY, TwoTenants.INITECH_KEY, TwoTenants.INITECH_WRONG_KEY, TwoTenants.ACME_ADMIN_TOKEN,
                "webhookToken", "apiKey", "adminToken");
    }

    @Test
    void theListNarrowedToATenantHasOnlyItsHires() throws Exception {
        JsonNode acme = list("/admin/api/hires?tenant=acme");
        JsonNode initech = list("/admin/api/hires?tenant=initech");
        JsonNode all = list("/admin/api/hires");

        assertThat(acme.path("total").asLong()).isEqualTo(2);
        assertThat(acme.path("hires")).extracting(hire -> hire.path("tenant").asText()).containsOnly("acme");
        assertThat(ids(acme)).containsExactlyInAnyOrderElementsOf(acmeHires);
        assertThat(initech.path("total").asLong()).isEqualTo(1);
        assertThat(ids(initech)).containsExactly(initechHire);
        assertThat(initech.path("hires").get(0).path("tenant").asText()).isEqualTo("initech");
        assertThat(all.path("total").asLong()).as("no tenant: every tenant's hires").isEqualTo(3);
        assertThat(ids(all)).containsExactlyInAnyOrder(acmeHires.get(0), acmeHires.get(1), initechHire);
        HttpResponse<String> nobody = connector.get("/admin/api/hires?tenant=nobody", bearer());
        assertThat(nobody.statusCode()).as("a well-formed id no tenant has: not an empty list").isEqualTo(404);
        assertThat(JSON.readTree(nobody.body()).path("field").asText()).isEqualTo("tenant");
    }

    @Test
    void theCountsNarrowedToATenantAreOnlyItsOwn() throws Exception {
        JsonNode acme = JSON.readTree(connector.get("/admin/api/stats?tenant=acme", bearer()).body());
        JsonNode initech = JSON.readTree(connector.get("/admin/api/stats?tenant=initech", bearer()).body());
        JsonNode all = JSON.readTree(connector.get("/admin/api/stats", bearer()).body());

        assertThat(acme.path("counts").path("delivered").asLong()).isEqualTo(2);
        assertThat(queued(acme.path("counts"))).isZero();
        assertThat(acme.path("oldestQueuedReceivedAt").isNull()).as("acme has no hire waiting").isTrue();
        assertThat(initech.path("counts").path("delivered").asLong()).isZero();
        assertThat(queued(initech.path("counts"))).isEqualTo(1);
        assertThat(initech.path("oldestQueuedHireId").asText()).isEqualTo(initechHire);
        assertThat(all.path("counts").path("delivered").asLong()).isEqualTo(2);
        assertThat(queued(all.path("counts"))).isEqualTo(1);
        assertThat(all.path("oldestQueuedHireId").asText()).isEqualTo(initechHire);
    }

    @Test
    void aMalformedTenantIsAProblemNamingIt() throws Exception {
        for (String path : new String[] {"/admin/api/hires?tenant=Bad!", "/admin/api/stats?tenant=Bad!"}) {
            HttpResponse<String> response = connector.get(path, bearer());
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).path("field").asText()).as(path).isEqualTo("tenant");
        }
    }

    @Test
    void aPreviewNamesItsTenantWhenThereAreSeveral() throws Exception {
        String hire = FlatchrEvents.hire("tenants-api-preview", TwoTenants.ACME_COMPANY).toString();

        HttpResponse<String> unnamed = connector.postAdmin("/admin/api/preview", hire);
        HttpResponse<String> named = connector.postAdmin("/admin/api/preview?tenant=acme", hire);

        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unnamed.body()).path("field").asText()).isEqualTo("tenant");
        assertThat(named.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(named.body()).path("tenant").asText()).isEqualTo("acme");
        assertThat(JSON.readTree(named.body()).path("hire").asBoolean()).isTrue();
    }

    private static long queued(JsonNode counts) {
        return counts.path("received").asLong() + counts.path("retrying").asLong();
    }

    private static JsonNode list(String path) throws Exception {
        HttpResponse<String> response = connector.get(path, bearer());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.path("hires").spliterator(), false)
                .map(hire -> hire.path("hireId").asText()).toList();
    }

    private static String bearer() {
        return "Bearer " + ConnectorProcess.ADMIN_TOKEN;
    }
}
