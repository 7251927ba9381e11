package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.fake.FakeChat;
import io.github.flatchrlucca.fake.FakeLucca;
import io.github.flatchrlucca.fake.WorkContract;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After the hire, through the real jar, on two tenants side by side: acme holding its hires for a while
 * (HIRE_HOLD_SECONDS) and globex delivering at once, each with its own Lucca, and the team's chat. Rehires and
 * fixed-term contracts, candidates moved out of hired.
 */
class AfterTheHireIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACME_TOKEN = "acme-webhook-token-0001";
    private static final String GLOBEX_TOKEN = "globex-webhook-token-0002";
    private static final String ACME_KEY = "0d8c7a61-0000-4000-8000-00000000acme";
    private static final String GLOBEX_KEY = "0d8c7a61-0000-4000-8000-0000000globe";
    private static final int ACME = 4242;
    private static final int GLOBEX = 77;

    @TempDir
    static Path temp;

    private static FakeLucca acmeLucca;
    private static FakeLucca globexLucca;
    private static FakeChat chat;
    private static ConnectorProcess connector;

    @BeforeAll
    static void start() throws Exception {
        acmeLucca = FakeLucca.start(ACME_KEY);
        globexLucca = FakeLucca.start(GLOBEX_KEY);
        chat = FakeChat.start();
        Path tenantsFile = temp.resolve("tenants.yaml");
        // acme's hold is long enough that nothing in a test outlasts it: its hires go on only when asked
        Files.writeString(tenantsFile, """
                tenants:
                  - id: acme
                    flatchrCompanyIds: [%d]
                    webhookToken: ${env:ACME_WEBHOOK_TOKEN}
                    hireHoldSeconds: 600
                    lucca: { baseUrl: %s, apiKey: "${env:ACME_LUCCA_API_KEY}", rateLimit: { requests: 1000, windowSeconds: 60 } }
                  - id: globex
                    flatchrCompanyIds: [%d]
                    webhookToken: ${env:GLOBEX_WEBHOOK_TOKEN}
                    lucca: { baseUrl: %s, apiKey: "${env:GLOBEX_LUCCA_API_KEY}", rateLimit: { requests: 1000, windowSeconds: 60 } }
                """.formatted(ACME, acmeLucca.baseUrl(), GLOBEX, globexLucca.baseUrl()));
        connector = ConnectorProcess.start(temp, Map.of(
                "TENANTS_FILE", tenantsFile.toString(),
                "FLATCHR_WEBHOOK_TOKEN", "",
                "ACME_WEBHOOK_TOKEN", ACME_TOKEN,
                "ACME_LUCCA_API_KEY", ACME_KEY,
                "GLOBEX_WEBHOOK_TOKEN", GLOBEX_TOKEN,
                "GLOBEX_LUCCA_API_KEY", GLOBEX_KEY,
                "ALERT_WEBHOOK_URL", chat.url()));
    }

    @AfterAll
    static void stop() throws Exception {
        connector.close();
        acmeLucca.close();
        globexLucca.close();
        chat.close();
    }

    @Test
    void oneEmailIsAFormerEmployeeOfOneCustomerAndAnEmployeeOfTheOther() throws Exception {
        String mail = "paul.twice@example.org";
        int former = acmeLucca.addUser("Paul", "Martin", mail, "pmartin", LocalDate.of(2018, 1, 1),
                LocalDate.of(2021, 6, 30));
        int employed = globexLucca.addUser("Paul", "Martin", mail, "pmartin", LocalDate.of(2020, 1, 1), null);
        acmeLucca.loseAnswerOfNextContractCreate();
        ObjectNode acmeHire = FlatchrEvents.hire("rehire-1", "Paul", "Martin", mail);
        ((ObjectNode) acmeHire.path("data").path("vacancy")).put("end_date", "2027-06-30");
        ObjectNode globexHire = acmeHire.deepCopy().put("company_id", GLOBEX);

        String acmeHireId = connector.acceptFor("acme", acmeHire, ACME_TOKEN);
        assertThat(connector.postAdmin("/admin/api/hires/" + acmeHireId + "/deliver-now", "").statusCode())
                .isEqualTo(200);
        String globexHireId = connector.acceptFor("globex", globexHire, GLOBEX_TOKEN);

        JsonNode rehired = connector.awaitStatus(acmeHireId, "delivered");
        assertThat(rehired.path("luccaUserId").asInt()).isEqualTo(former);
        assertThat(rehired.path("attempts").asInt()).as("the contract's answer was lost once").isEqualTo(2);
        assertThat(acmeLucca.contracts()).filteredOn(contract -> contract.ownerId() == former)
                .extracting(WorkContract::startsOn, WorkContract::endsOn, WorkContract::externalId)
                .containsExactly(tuple("2018-01-01", "2021-06-30", null), tuple("2026-01-06", "2027-06-30", "rehire-1"));
        assertThat(acmeLucca.requests()).filteredOn(request -> "POST".equals(request.method())
                && request.path().startsWith("/directory/api/4.0/work-contracts") && request.body().contains("rehire-1"))
                .as("one contract made, its lost answer found again by its externalId").hasSize(1);
        assertThat(acmeLucca.users()).filteredOn(user -> mail.equals(user.mail())).hasSize(1);

        JsonNode reported = connector.awaitStatus(globexHireId, "already-in-lucca");
        assertThat(reported.path("luccaUserId").asInt()).isEqualTo(employed);
        assertThat(globexLucca.contracts()).filteredOn(contract -> contract.ownerId() == employed).hasSize(1);
        assertThat(globexLucca.requests()).as("nothing written for globex's employee")
                .noneMatch(request -> !"GET".equals(request.method()) && request.body() != null
                        && (request.body().contains(mail) || request.body().contains("rehire-1")));
    }

    @Test
    void aHireMovedOutOfHiredWithinItsHoldNeverReachesLuccaAndCanComeBack() throws Exception {
        ObjectNode hire = FlatchrEvents.hire("held-1", ACME);
        String hireId = connector.acceptFor("acme", hire, ACME_TOKEN);
        JsonNode held = connector.hire(hireId);
        assertThat(held.path("status").asText()).isEqualTo("received");
        assertThat(held.path("heldUntil").isTextual()).as("the status page says until when").isTrue();

        HttpResponse<String> moved = connector.postTenantWebhook("acme", FlatchrEvents.movedOut(hire, "Refusé"),
                ACME_TOKEN);

        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(moved.body()).path("status").asText()).isEqualTo("withdrawn");
        assertThat(JSON.readTree(moved.body()).path("hireId").asText()).isEqualTo(hireId);
        JsonNode withdrawn = connector.hire(hireId);
        assertThat(withdrawn.path("status").asText()).isEqualTo("withdrawn");
        assertThat(withdrawn.path("heldUntil").isNull()).isTrue();
        assertThat(withdrawn.path("history").toString()).contains("moved out of hired in Flatchr by Marie Curie, to Refusé")
                .doesNotContain("marie.curie@acme.fr");
        assertThat(connector.postAdmin("/admin/api/hires/" + hireId + "/deliver-now", "").statusCode())
                .as("a withdrawn hire is not queued").isEqualTo(409);

        // Another hire of acme's, sent on with "deliver now", reaches Lucca: the first one stays where it is.
        String other = connector.acceptFor("acme", FlatchrEvents.hire("held-2", ACME), ACME_TOKEN);
        assertThat(connector.postAdmin("/admin/api/hires/" + other + "/deliver-now", "").statusCode()).isEqualTo(200);
        connector.awaitStatus(other, "delivered");
        assertThat(connector.hire(hireId).path("status").asText()).isEqualTo("withdrawn");
        assertThat(acmeLucca.requests()).noneMatch(request -> request.body().contains("camille.held-1@example.org"));

        // Moved back into hired: a hire again, held like a new one.
        HttpResponse<String> back = connector.postTenantWebhook("acme", hire, ACME_TOKEN);
        assertThat(back.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(back.body()).path("hireId").asText()).isEqualTo(hireId);
        assertThat(connector.hire(hireId).path("heldUntil").isTextual()).isTrue();
    }

    @Test
    void aHireMovedOutAfterItsLuccaAccountWasMadeAlertsAndChangesNothingInLucca() throws Exception {
        ObjectNode hire = FlatchrEvents.hire("made-1", GLOBEX);
        String hireId = connector.acceptFor("globex", hire, GLOBEX_TOKEN);
        connector.awaitStatus(hireId, "delivered");
        int callsBefore = globexLucca.requests().size();

        HttpResponse<String> moved = connector.postTenantWebhook("globex", FlatchrEvents.movedOut(hire, "Refusé"),
                GLOBEX_TOKEN);

        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(moved.body()).path("status").asText()).isEqualTo("needs-decision");
        JsonNode waiting = connector.hire(hireId);
        assertThat(waiting.path("status").asText()).as("what Lucca holds").isEqualTo("delivered");
        assertThat(waiting.path("needsDecision").asText()).contains("after the Lucca account was made");
        String alert = await().atMost(Duration.ofSeconds(10)).until(() -> chat.messages().stream()
                .filter(message -> message.contains(hireId)).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(alert).contains("moved out of hired", "globex", "decide").doesNotContain("camille.made-1");
        assertThat(globexLucca.requests()).as("nothing sent to Lucca").hasSize(callsBefore);

        HttpResponse<String> noNote = connector.postAdmin("/admin/api/hires/" + hireId + "/decision", "{}");
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("note");
        HttpResponse<String> decided = connector.postAdmin("/admin/api/hires/" + hireId + "/decision",
                "{\"note\": \"kept: the candidate signed after all\"}");
        assertThat(decided.statusCode()).isEqualTo(200);
        JsonNode after = connector.hire(hireId);
        assertThat(after.path("needsDecision").isNull()).isTrue();
        assertThat(after.path("history").toString()).contains("decided: kept: the candidate signed after all");
        assertThat(connector.postAdmin("/admin/api/hires/" + hireId + "/decision", "{\"note\": \"again\"}")
                .statusCode()).as("nothing left to decide").isEqualTo(409);
    }

    @Test
    void aMoveOutIsTheTenantsOwnAndStays200() throws Exception {
        ObjectNode acmeHire = FlatchrEvents.hire("both-1", ACME);
        ObjectNode globexHire = FlatchrEvents.hire("both-1", GLOBEX);
        String acmeHireId = connector.acceptFor("acme", acmeHire, ACME_TOKEN);
        String globexHireId = connector.acceptFor("globex", globexHire, GLOBEX_TOKEN);
        connector.awaitStatus(globexHireId, "delivered");

        HttpResponse<String> wrongUrl = connector.postTenantWebhook("acme", FlatchrEvents.movedOut(globexHire, "Refusé"),
                ACME_TOKEN);
        HttpResponse<String> neverHired = connector.postTenantWebhook("acme",
                FlatchrEvents.movedOut(FlatchrEvents.hire("never-hired", ACME), "Entretien"), ACME_TOKEN);

        assertThat(wrongUrl.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(wrongUrl.body()).path("status").asText()).isEqualTo("ignored");
        assertThat(JSON.readTree(neverHired.body()).path("status").asText()).isEqualTo("ignored");
        assertThat(JSON.readTree(neverHired.body()).path("reason").asText()).contains("does not trigger a hire")
                .doesNotContain("Curie");
        assertThat(connector.hire(acmeHireId).path("status").asText()).isEqualTo("received");
        assertThat(connector.hire(globexHireId).path("needsDecision").isNull()).isTrue();

        connector.postTenantWebhook("acme", FlatchrEvents.movedOut(acmeHire, "Refusé"), ACME_TOKEN);
        assertThat(connector.hire(acmeHireId).path("status").asText()).isEqualTo("withdrawn");
        assertThat(connector.hire(globexHireId).path("needsDecision").isNull()).as("globex's candidate was not moved")
                .isTrue();
        String metrics = connector.get("/observe/metrics", "Bearer " + ConnectorProcess.ADMIN_TOKEN).body();
        assertThat(metrics).contains("flatchr_webhooks_total{outcome=\"withdrawn\",tenant=\"acme\"}");
    }
}
