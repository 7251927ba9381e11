package io.github.flatchrlucca.e2e;

import static io.github.flatchrlucca.e2e.FlatchrEvents.hire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.fake.FakeLucca;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One connector, several customers: acme is healthy, globex's Lucca hangs, initech's key is rejected and
 * umbrella's Lucca asks it to wait an hour. acme's hires must go through as if it were alone; tokens and
 * companies must stay each tenant's own; the tenants file changes while hires flow and nothing is lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantsIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACME_TOKEN = "acme-webhook-token-0001";
    static final String GLOBEX_TOKEN = "globex-webhook-token-0002";
    static final String INITECH_TOKEN = "initech-webhook-token-0003";
    static final String UMBRELLA_TOKEN = "umbrella-webhook-token-04";
    static final String HOOLI_TOKEN = "hooli-webhook-token-00005";
    static final String ACME_KEY = "0d8c7a61-0000-4000-8000-00000000acme";
    static final String INITECH_KEY = "0d8c7a61-0000-4000-8000-0000initech";

    @TempDir
    static Path temp;
    static FakeLucca acme;
    static FakeLucca globex;
    static FakeLucca initech;
    static FakeLucca umbrella;
    static FakeLucca hooli;
    static Path tenantsFile;
    static Path initechKeyFile;
    static ConnectorProcess connector;

    @BeforeAll
    static void start() throws Exception {
        acme = FakeLucca.start(ACME_KEY);
        globex = FakeLucca.start("globex-key");
        // Lucca hangs: every call waits past the connector's timeout.
        globex.latency(Duration.ofSeconds(60));
        initech = FakeLucca.start(INITECH_KEY);
        umbrella = FakeLucca.start(ACME_KEY);
        umbrella.rateLimitNext(1, 3600);
        hooli = FakeLucca.start("hooli-key");
        Files.writeString(temp.resolve("hooli-key"), "hooli-key");
        initechKeyFile = temp.resolve("initech-lucca-key");
        // A key that Lucca does not know: initech's hires must wait for the right one.
        Files.writeString(initechKeyFile, "0d8c7a61-0000-4000-8000-000000000bad\n");
        tenantsFile = temp.resolve("tenants.yaml");
        write(tenantsFile, tenants(false));
        Map<String, String> env = new HashMap<>();
        env.put("TENANTS_FILE", tenantsFile.toString());
        env.put("TENANTS_RELOAD_INTERVAL_MS", "200");
        // No single-tenant settings: only the file's tenants exist.
        env.put("FLATCHR_WEBHOOK_TOKEN", "");
        env.put("ACME_WEBHOOK_TOKEN", ACME_TOKEN);
        env.put("ACME_LUCCA_API_KEY", ACME_KEY);
        env.put("GLOBEX_WEBHOOK_TOKEN", GLOBEX_TOKEN);
        env.put("INITECH_WEBHOOK_TOKEN", INITECH_TOKEN);
        env.put("UMBRELLA_WEBHOOK_TOKEN", UMBRELLA_TOKEN);
        env.put("HOOLI_WEBHOOK_TOKEN", HOOLI_TOKEN);
        env.put("LUCCA_TIMEOUT_MS", "5000");
        connector = ConnectorProcess.start(temp, env);
    }

    @AfterAll
    static void stop() throws Exception {
        connector.close();
        for (FakeLucca lucca : List.of(acme, globex, initech, umbrella, hooli)) {
            lucca.close();
        }
    }

    @Test
    @Order(1)
    void oneTenantsHangingLuccaRejectedKeyOrRateLimitNeverHoldsUpAnothersHires() throws Exception {
        String stuck = connector.acceptFor("globex", hire("globex-1", 77), GLOBEX_TOKEN);
        String waitingForKey = connector.acceptFor("initech", hire("initech-1", 88), INITECH_TOKEN);
        String paused = connector.acceptFor("umbrella", hire("umbrella-1", 99), UMBRELLA_TOKEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> globex.requests().size() >= 1
                && initech.requests().stream().anyMatch(r -> r.status() == 401)
                && umbrella.requests().stream().anyMatch(r -> r.status() == 429));

        List<String> delivered = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            delivered.add(connector.acceptFor("acme", hire("acme-" + i, 4242), ACME_TOKEN));
        }

        for (String hireId : delivered) {
            JsonNode hire = connector.awaitStatus(hireId, "delivered");
            assertThat(hire.path("tenant").asText()).isEqualTo("acme");
        }
        assertThat(acme.users()).hasSize(10);
        // The others are still where their Lucca left them, nothing of theirs reached acme's Lucca.
        assertThat(connector.hire(stuck).path("status").asText()).isIn("received", "retrying");
        assertThat(connector.hire(waitingForKey).path("status").asText()).isIn("received", "retrying");
        assertThat(connector.hire(paused).path("status").asText()).isIn("received", "retrying");
        assertThat(globex.users()).isEmpty();
        assertThat(initech.users()).isEmpty();
        assertThat(umbrella.users()).isEmpty();
        assertThat(acme.requests()).allMatch(request -> request.status() < 400);
    }

    @Test
    @Order(2)
    void aTenantsTokenOnAnotherTenantsUrlIsUnauthorized() throws Exception {
        HttpResponse<String> response = connector.postTenantWebhook("globex", hire("cross-1", 77), ACME_TOKEN);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain(ACME_TOKEN);
        assertThat(connector.postTenantWebhook("nobody", hire("cross-2", 77), ACME_TOKEN).statusCode())
                .as("an unknown tenant is answered as a wrong token is").isEqualTo(401);
        assertThat(connector.postWebhook(hire("cross-3", 4242).toString(), ACME_TOKEN, "application/json").statusCode())
                .as("no default tenant when only the file describes tenants").isEqualTo(401);
    }

    @Test
    @Order(3)
    void aHireOfAnotherCompanyIsForbiddenAndRecordedAsRejected() throws Exception {
        HttpResponse<String> response = connector.postTenantWebhook("acme", hire("other-company-1", 77), ACME_TOKEN);

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo("company_id");
        JsonNode hire = connector.hire(problem.path("hireId").asText());
        assertThat(hire.path("status").asText()).isEqualTo("rejected");
        assertThat(hire.path("tenant").asText()).isEqualTo("acme");
        assertThat(hire.path("lastError").asText()).contains("company_id 77");
        assertThat(connector.postTenantWebhook("acme", hire("other-company-1", 77), ACME_TOKEN).statusCode())
                .as("sent again, still refused").isEqualTo(403);
        // The same hire sent to the right tenant is its hire, not a duplicate of the refused one.
        assertThat(connector.postTenantWebhook("globex", hire("other-company-1", 77), GLOBEX_TOKEN).statusCode())
                .isEqualTo(202);
    }

    @Test
    @Order(4)
    void anInvalidFileIsRefusedAndThePreviousTenantsStayInForce() throws Exception {
        write(tenantsFile, tenants(false).replace("flatchrCompanyIds: [4242]", "flatchrCompanyIdz: [4242]"));

        await().atMost(Duration.ofSeconds(30)).until(() -> connector.log().contains("flatchrCompanyIdz"));
        assertThat(connector.log()).contains("previous configuration stays in force");
        String hireId = connector.acceptFor("acme", hire("while-refused-1", 4242), ACME_TOKEN);
        connector.awaitStatus(hireId, "delivered");
        write(tenantsFile, tenants(false));
    }

    @Test
    @Order(5)
    void aTenantAddedWhileHiresFlowLosesNothing() throws Exception {
        CompletableFuture<List<String>> flowing = CompletableFuture.supplyAsync(() -> {
            List<String> accepted = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                try {
                    accepted.add(connector.acceptFor("acme", hire("flow-" + i, 4242), ACME_TOKEN));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return accepted;
        });

        write(tenantsFile, tenants(true));
        ObjectNode first = hire("hooli-1", 555);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> connector.postTenantWebhook("hooli", first, HOOLI_TOKEN).statusCode() != 401);
        String hooliHire = connector.acceptFor("hooli", hire("hooli-2", 555), HOOLI_TOKEN);

        List<String> accepted = flowing.get();
        for (String hireId : accepted) {
            connector.awaitStatus(hireId, "delivered");
        }
        connector.awaitStatus(hooliHire, "delivered");
        assertThat(accepted).hasSize(40);
        assertThat(acme.users().stream().filter(user -> user.mail().contains("flow-")).count()).isEqualTo(40);
        assertThat(hooli.users()).hasSize(2);
    }

    @Test
    @Order(6)
    void aRotatedKeyFileTakesEffectWithoutARestart() throws Exception {
        String waiting = connector.acceptFor("initech", hire("initech-2", 88), INITECH_TOKEN);

        write(initechKeyFile, INITECH_KEY + "\n");

        connector.awaitStatus(waiting, "delivered");
        assertThat(initech.users()).extracting(user -> user.mail()).contains("camille.initech-2@example.org");
        assertThat(connector.log()).doesNotContain(INITECH_KEY, ACME_KEY, ACME_TOKEN);
    }

    @Test
    @Order(7)
    void aTenantRemovedFromTheFileIsNoLongerServedAndItsHiresStayInTheJournal() throws Exception {
        String kept = connector.acceptFor("hooli", hire("hooli-3", 555), HOOLI_TOKEN);
        connector.awaitStatus(kept, "delivered");

        write(tenantsFile, tenants(false));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> connector.postTenantWebhook("hooli", hire("hooli-4", 555), HOOLI_TOKEN).statusCode() == 401);
        await().atMost(Duration.ofSeconds(30)).until(() -> connector.log().contains("tenant hooli left the configuration"));
        JsonNode inForce = JSON.readTree(connector.get("/admin/api/tenants", "Bearer " + ConnectorProcess.ADMIN_TOKEN)
                .body()).path("tenants");
        assertThat(inForce).extracting(tenant -> tenant.path("id").asText()).contains("acme").doesNotContain("hooli");
        assertThat(connector.hire(kept).path("tenant").asText()).isEqualTo("hooli");
        String acmeAfter = connector.acceptFor("acme", hire("after-removal-1", 4242), ACME_TOKEN);
        connector.awaitStatus(acmeAfter, "delivered");
    }

    private static String tenants(boolean withHooli) {
        String file = """
                tenants:
                  - id: acme
                    flatchrCompanyIds: [4242]
                    webhookToken: ${env:ACME_WEBHOOK_TOKEN}
                    lucca:
                      baseUrl: %s
                      apiKey: ${env:ACME_LUCCA_API_KEY}
                      # The fake Lucca sets no limit: a budget that five calls per hire never reach.
                      rateLimit: { requests: 1000, windowSeconds: 60 }
                    contractTypes: { 1: 21 }
                  - id: globex
                    flatchrCompanyIds: [77]
                    webhookToken: ${env:GLOBEX_WEBHOOK_TOKEN}
                    lucca: { baseUrl: %s, apiKey: "${file:%s}" }
                  - id: initech
                    flatchrCompanyIds: [88]
                    webhookToken: ${env:INITECH_WEBHOOK_TOKEN}
                    # Tests retry a rejected key every 300 ms, production every minute: more budget for that.
                    lucca: { baseUrl: %s, apiKey: "${file:%s}", rateLimit: { requests: 1000, windowSeconds: 60 } }
                  - id: umbrella
                    flatchrCompanyIds: [99]
                    webhookToken: ${env:UMBRELLA_WEBHOOK_TOKEN}
                    lucca: { baseUrl: %s, apiKey: "${env:ACME_LUCCA_API_KEY}" }
                """.formatted(acme.baseUrl(), globex.baseUrl(), initechKeyFile, initech.baseUrl(), initechKeyFile,
                umbrella.baseUrl());
        if (withHooli) {
            file += """
                      - id: hooli
                        flatchrCompanyIds: [555]
                        webhookToken: ${env:HOOLI_WEBHOOK_TOKEN}
                        lucca: { baseUrl: %s, apiKey: "${file:%s}" }
                    """.formatted(hooli.baseUrl(), temp.resolve("hooli-key")).stripIndent();
        }
        return file;
    }

    /** Replaced whole, as an editor or a ConfigMap update does: the connector never reads half a file. */
    private static void write(Path file, String content) throws Exception {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
