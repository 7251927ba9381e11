package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.fake.FakeChat;
import io.github.flatchrlucca.fake.FakeLucca;
import io.github.flatchrlucca.fake.flatchr.ApplicationSeed;
import io.github.flatchrlucca.fake.flatchr.Candidate;
import io.github.flatchrlucca.fake.flatchr.Column;
import io.github.flatchrlucca.fake.flatchr.FakeFlatchr;
import io.github.flatchrlucca.fake.flatchr.Tag;
import io.github.flatchrlucca.fake.flatchr.Vacancy;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flatchr's API as the safety net of its webhook, end to end: the real jar, a fake Lucca and a fake Flatchr. A hire
 * whose webhook never came is found and delivered once; a webhook and a search of the same hire make one hire,
 * whichever comes first; a rejected Flatchr key is told and changes nothing for the webhooks.
 */
class ReconciliationIT {

    static final String LUCCA_KEY = "3c1e9a7b-6666-4000-8000-0000000000aa";
    static final String FLATCHR_KEY = "flatchr-api-key-for-tests-0001";
    static final String COMPANY_KEY = "Wy3EOp2NP3p1KMq8";
    static final ObjectMapper JSON = new ObjectMapper();
    // FlatchrEvents' webhooks name vacancy 5: the API's vacancy is the same one
    static final int VACANCY_ID = 5;
    static final String VACANCY = "Vk3mP0qA9sLx2BcD";

    @TempDir
    Path temp;
    FakeLucca lucca;
    FakeFlatchr flatchr;

    @BeforeEach
    void start() {
        lucca = FakeLucca.start(LUCCA_KEY);
        flatchr = FakeFlatchr.start(FLATCHR_KEY, COMPANY_KEY);
        flatchr.addColumn(new Column("9", "Recruté", 5, true));
        flatchr.addColumn(new Column("3", "Entretien", 3, false));
        flatchr.addVacancy(new Vacancy(VACANCY, VACANCY_ID, "Développeuse Java", "DEV-1", 1, "2026-01-05", null, 1, null,
                List.of()));
    }

    @AfterEach
    void stop() throws IOException {
        try {
            theFlatchrKeyWentOnlyAsABearerToken();
        } finally {
            lucca.close();
            flatchr.close();
        }
    }

    /**
     * flatchr-api.md: the key goes as {@code Authorization: Bearer <key>}. Flatchr also takes {@code ?token=}, which
     * would write the key into every proxy's and server's access log; and the connector's own log never holds it,
     * a rejected key's included.
     */
    private void theFlatchrKeyWentOnlyAsABearerToken() throws IOException {
        assertThat(flatchr.requests()).as("the requests Flatchr received").isNotEmpty().allSatisfy(request -> {
            assertThat(request.authorization()).isEqualTo("Bearer " + FLATCHR_KEY);
            assertThat(request.query()).doesNotContain("token=").doesNotContain(FLATCHR_KEY);
            assertThat(request.path() + request.body()).doesNotContain(FLATCHR_KEY);
        });
        assertThat(Files.readString(ConnectorProcess.logIn(temp))).as("the connector's log").isNotBlank()
                .doesNotContain(FLATCHR_KEY);
    }

    @Test
    void aHireWhoseWebhookNeverCameIsFoundAndCreatedOnceAndItsLateWebhookIsADuplicate() throws Exception {
        String mail = "jeanne.missed-1@example.org";
        // hired while the connector was not running
        flatchr.addApplication(ApplicationSeed.of(new Candidate("Jeanne", "Exemple", mail, "06 12 34 56 78"),
                VACANCY, "Recruté"));

        try (ConnectorProcess connector = ConnectorProcess.start(temp, settings(Map.of()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> userCount(mail) == 1);

            JsonNode hires = hires(connector);
            assertThat(hires).hasSize(1);
            JsonNode hire = connector.awaitStatus(hires.get(0).path("hireId").asText(), "delivered");
            assertThat(hire.path("origin").asText()).isEqualTo("flatchr-api");
            assertThat(hire.path("history").get(0).path("detail").asText()).contains("found by a search of Flatchr");

            HttpResponse<String> late = connector.postWebhook(FlatchrEvents.hire("777", "Jeanne", "Exemple", mail)
                    .toString());
            assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
            assertThat(JSON.readTree(late.body()).path("status").asText()).isEqualTo("duplicate");
            OnceInLucca.withMail(lucca, mail);
        }
    }

    @Test
    void aConnectorStartedAgainSearchesAtOnceWhateverItsInterval() throws Exception {
        String before = "paul.before-restart@example.org";
        String during = "lea.while-down@example.org";
        flatchr.addApplication(ApplicationSeed.of(new Candidate("Paul", "Avant", before, ""), VACANCY, "Recruté"));
        Map<String, String> hourly = settings(Map.of("FLATCHR_RECONCILE_INTERVAL_SECONDS", "3600"));
        try (ConnectorProcess connector = ConnectorProcess.start(temp, hourly)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> userCount(before) == 1);
            connector.stop();
            // hired while the connector was down
            flatchr.addApplication(ApplicationSeed.of(new Candidate("Léa", "Pendant", during, ""), VACANCY, "Recruté"));

            connector.restart();

            await().atMost(Duration.ofSeconds(30)).until(() -> userCount(during) == 1);
            OnceInLucca.withMail(lucca, before);
            OnceInLucca.withMail(lucca, during);
        }
    }

    @Test
    void aSearchAfterTheWebhookRecordsNothing() throws Exception {
        String mail = "camille.webhook-first-1@example.org";
        try (ConnectorProcess connector = ConnectorProcess.start(temp, settings(Map.of()))) {
            String hireId = connector.accept(FlatchrEvents.hire("778", "Camille", "Morel", mail));
            connector.awaitStatus(hireId, "delivered");
            long searchesBefore = flatchr.searchesFilteredOn("hired");

            flatchr.addApplication(ApplicationSeed.of(new Candidate("Camille", "Morel", mail, "0612345678"), VACANCY,
                    "Recruté"));
            searchNow(connector);
            assertThat(flatchr.searchesFilteredOn("hired")).isGreaterThan(searchesBefore);

            assertThat(hires(connector)).hasSize(1);
            assertThat(flatchr.count("GET", "/company/" + COMPANY_KEY + "/applicant"))
                    .as("a known application costs no call of its own").isZero();
            OnceInLucca.withMail(lucca, mail);
        }
    }

    @Test
    void onlyHiredActiveCandidatesOfTheWindowAreRecorded() throws Exception {
        flatchr.addApplication(ApplicationSeed.of(new Candidate("Paul", "Entretien", "paul@example.org", ""), VACANCY,
                "Entretien"));
        flatchr.addApplication(ApplicationSeed.of(new Candidate("Anne", "Archive", "anne@example.org", ""), VACANCY,
                "Recruté").archived());
        flatchr.addApplication(ApplicationSeed.of(new Candidate("Old", "Hire", "old@example.org", ""), VACANCY,
                "Recruté").updatedAt(java.time.Instant.now().minus(Duration.ofDays(30))));
        String mail = "lea.window-1@example.org";
        flatchr.addApplication(ApplicationSeed.of(new Candidate("Léa", "Fenêtre", mail, ""), VACANCY, "Recruté"));

        try (ConnectorProcess connector = ConnectorProcess.start(temp, settings(Map.of()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> userCount(mail) == 1);

            assertThat(hires(connector)).singleElement()
                    .satisfies(hire -> assertThat(hire.path("candidate").asText()).contains("Léa"));
        }
    }

    @Test
    void aRejectedFlatchrKeyIsToldOnceAndWebhooksGoOnBeingDelivered() throws Exception {
        flatchr.expireKey();
        try (FakeChat chat = FakeChat.start();
             ConnectorProcess connector = ConnectorProcess.start(temp, settings(Map.of("ALERT_WEBHOOK_URL", chat.url())))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> chat.messages().stream()
                    .anyMatch(message -> message.contains("Flatchr") && message.contains("rejects")));
            JsonNode health = JSON.readTree(connector.get("/observe/health/ready?data=true", null).body());
            assertThat(health.toString()).contains("\"tenants.flatchrApi.rejected\":1");

            String hireId = connector.accept(FlatchrEvents.hire("779"));
            connector.awaitStatus(hireId, "delivered");
            assertThat(chat.messages()).filteredOn(message -> message.contains("Flatchr") && message.contains("rejects"))
                    .hasSize(1);

            flatchr.acceptKey(FLATCHR_KEY);
            searchNow(connector);
            await().atMost(Duration.ofSeconds(30)).until(() -> chat.messages().stream()
                    .anyMatch(message -> message.contains("Flatchr") && message.contains("accepts")));
        }
    }

    @Test
    void aBackfillDryRunListsWhatItWouldRecordAndRecordsNothingAndAFailedOneSaysSo() throws Exception {
        flatchr.addApplication(ApplicationSeed.of(new Candidate("Jeanne", "Avant", "jeanne.before@example.org", ""),
                VACANCY, "Recruté").updatedAt(java.time.Instant.now().minus(Duration.ofDays(20))));

        try (ConnectorProcess connector = ConnectorProcess.start(temp,
                settings(Map.of("FLATCHR_RECONCILE_INTERVAL_SECONDS", "0")))) {
            String since = java.time.LocalDate.now().minusDays(30).toString();
            // Flatchr reads two-digit years: 1999 would be sent as 99; a day to come would find nothing
            for (String wrong : List.of("1999-12-01", java.time.LocalDate.now().plusDays(3).toString())) {
                HttpResponse<String> refused = connector.postAdmin("/admin/api/reconcile?tenant=default&since=" + wrong
                        + "&dryRun=true", "");
                assertThat(refused.statusCode()).as(wrong).isEqualTo(400);
                assertThat(JSON.readTree(refused.body()).path("field").asText()).isEqualTo("since");
            }
            flatchr.failNext("POST", "/company/" + COMPANY_KEY + "/search/applicants", 503, 1);
            HttpResponse<String> failed = connector.postAdmin("/admin/api/reconcile?tenant=default&since=" + since
                    + "&dryRun=true", "");
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(502);
            assertThat(JSON.readTree(failed.body()).path("detail").asText()).contains("unavailable");

            // Flatchr's 503 paused calls to it for RETRY_INITIAL_DELAY_MS (200 ms here): a backfill meanwhile is
            // refused as the failed one was, and goes through once the pause is over
            HttpResponse<String> dryRun = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> connector.postAdmin("/admin/api/reconcile?tenant=default&since=" + since
                            + "&dryRun=true", ""), answer -> answer.statusCode() != 502);

            assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
            JsonNode listed = JSON.readTree(dryRun.body());
            assertThat(listed.path("wouldRecord")).singleElement()
                    .satisfies(item -> assertThat(item.path("candidate").asText()).isEqualTo("Jeanne Avant"));
            assertThat(hires(connector)).isEmpty();

            HttpResponse<String> backfill = connector.postAdmin("/admin/api/reconcile?tenant=default&since=" + since, "");
            assertThat(backfill.statusCode()).as(backfill.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> userCount("jeanne.before@example.org") == 1);
        }
    }

    @Test
    void eachOutcomeIsWrittenOnItsCandidateInFlatchrOnceEvenThroughFailures() throws Exception {
        flatchr.addTag(Tag.freeText("Tg8kLm2NpQ4rSt6u", 71, "Lucca"));
        String found = flatchr.addApplication(ApplicationSeed.of(new Candidate("Jeanne", "Trouvée",
                "jeanne.found@example.org", ""), VACANCY, "Recruté"));
        // a hire its webhook brought: the API's id of its application is looked up by e-mail
        String viaWebhook = flatchr.addApplication(ApplicationSeed.of(new Candidate("Camille", "Morel",
                "camille.tagged-1@example.org", ""), VACANCY, "Recruté").updatedAt(java.time.Instant.now()
                .minus(Duration.ofDays(30))));
        flatchr.failNext("POST", "/company/" + COMPANY_KEY + "/applicant", 503, 2);

        try (ConnectorProcess connector = ConnectorProcess.start(temp, settings(Map.of("FLATCHR_RESULT_TAG", "lucca")))) {
            connector.accept(FlatchrEvents.hire("tagged-1", "Camille", "Morel", "camille.tagged-1@example.org"));

            await().atMost(Duration.ofSeconds(60)).until(() -> !flatchr.traits(found).isEmpty()
                    && !flatchr.traits(viaWebhook).isEmpty());

            assertThat(flatchr.traits(found)).singleElement().satisfies(trait ->
                    // the vacancy's start, 2026-01-05, was past when the search found the hire
                    assertThat(trait.value()).matches("Lucca: created #\\d+ jtrouvee, starts 2026-01-05 \\(already past "
                            + "when created\\)"));
            assertThat(flatchr.traits(viaWebhook)).singleElement().satisfies(trait ->
                    assertThat(trait.value()).startsWith("Lucca: created #").contains("cmorel"));
            assertThat(flatchr.count("POST", "/company/" + COMPANY_KEY + "/applicant")).as("two failed, two written")
                    .isEqualTo(4);
            JsonNode hire = hires(connector).get(0);
            await().atMost(Duration.ofSeconds(10)).until(() -> hires(connector).findValuesAsText("writeBack")
                    .stream().allMatch("written"::equals));
            assertThat(hire.path("tenant").asText()).isEqualTo("default");
        }
    }

    @Test
    void aResultTagThatTakesNoFreeTextIsSaidAtStartAndNothingIsWritten() throws Exception {
        flatchr.addTag(Tag.choice("Tg8kLm2NpQ4rSt6u", 71, "Lucca", "oui;non", false));

        try (ConnectorProcess connector = ConnectorProcess.start(temp, settings(Map.of("FLATCHR_RESULT_TAG", "Lucca")))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> connector.log()
                    .contains("FLATCHR_RESULT_TAG: tag 'Lucca' takes only its listed values, not free text"));
            JsonNode health = JSON.readTree(connector.get("/observe/health/ready?data=true", null).body());
            assertThat(health.toString()).contains("\"tenants.resultTag.unusable\":1");
        }
    }

    @Test
    void aMoveOutOfHiredWhoseWebhookNeverCameIsSeenByTheNextSearch() throws Exception {
        String held = "ines.held-moved@example.org";
        String made = "hugo.made-moved@example.org";
        try (FakeChat chat = FakeChat.start();
             ConnectorProcess connector = ConnectorProcess.start(temp, settings(Map.of("HIRE_HOLD_SECONDS", "600",
                     "ALERT_WEBHOOK_URL", chat.url())))) {
            String heldHire = connector.accept(FlatchrEvents.hire("801", "Inès", "Held", held));
            String madeHire = connector.accept(FlatchrEvents.hire("802", "Hugo", "Made", made));
            String heldApplication = flatchr.addApplication(ApplicationSeed.of(new Candidate("Inès", "Held", held, ""),
                    VACANCY, "Recruté"));
            String madeApplication = flatchr.addApplication(ApplicationSeed.of(new Candidate("Hugo", "Made", made, ""),
                    VACANCY, "Recruté"));
            assertThat(connector.postAdmin("/admin/api/hires/" + madeHire + "/deliver-now", "").statusCode())
                    .isEqualTo(200);
            connector.awaitStatus(madeHire, "delivered");
            searchNow(connector);
            assertThat(connector.hire(heldHire).path("status").asText()).as("still hired in Flatchr").isEqualTo("received");

            // moved out in Flatchr while its webhook was lost, and archived
            flatchr.moveTo(heldApplication, "Entretien");
            flatchr.archive(madeApplication);
            searchNow(connector);

            JsonNode withdrawn = connector.awaitStatus(heldHire, "withdrawn");
            assertThat(withdrawn.path("history").toString()).contains("as a search of its API shows (now in Entretien)");
            JsonNode waiting = await().atMost(Duration.ofSeconds(30)).until(() -> connector.hire(madeHire),
                    hire -> hire.path("needsDecision").isTextual());
            assertThat(waiting.path("status").asText()).isEqualTo("delivered");
            assertThat(waiting.path("history").toString()).contains("(archived)");
            await().atMost(Duration.ofSeconds(10)).until(() -> chat.messages().stream()
                    .anyMatch(message -> message.contains(madeHire) && message.contains("decide")));
            assertThat(userCount(held)).isZero();
            assertThat(userCount(made)).isEqualTo(1);

            // a person decides; the searches that follow see the same move and ask nothing again
            assertThat(connector.postAdmin("/admin/api/hires/" + madeHire + "/decision",
                    "{\"note\": \"archived after onboarding: nothing to do\"}").statusCode()).isEqualTo(200);
            searchNow(connector);
            searchNow(connector);
            assertThat(connector.hire(madeHire).path("needsDecision").isNull()).isTrue();
            assertThat(chat.messages()).filteredOn(message -> message.contains(madeHire)).hasSize(1);
        }
    }

    // the shortest interval there is (a minute): a test that needs a search searches now, as an operator can
    private Map<String, String> settings(Map<String, String> more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "LUCCA_BASE_URL", lucca.baseUrl(), "LUCCA_API_KEY", LUCCA_KEY,
                "FLATCHR_API_KEY", FLATCHR_KEY, "FLATCHR_COMPANY_KEY", COMPANY_KEY, "FLATCHR_COMPANY_ID", "4242",
                "FLATCHR_API_BASE_URL", flatchr.baseUrl(), "FLATCHR_RECONCILE_INTERVAL_SECONDS", "60"));
        env.putAll(more);
        return env;
    }

    /**
     * A search of the default tenant now, hires and moves, as the scheduled one makes it: an operator's backfill from
     * yesterday, once no other search of it is going on (409).
     */
    private static void searchNow(ConnectorProcess connector) {
        String since = java.time.LocalDate.now().minusDays(1).toString();
        HttpResponse<String> searched = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> connector.postAdmin("/admin/api/reconcile?tenant=default&since=" + since, ""),
                        answer -> answer.statusCode() != 409);
        assertThat(searched.statusCode()).as(searched.body()).isEqualTo(200);
    }

    private long userCount(String mail) {
        return lucca.users().stream().filter(user -> mail.equals(user.mail())).count();
    }

    private static JsonNode hires(ConnectorProcess connector) throws Exception {
        return JSON.readTree(connector.get("/admin/api/hires", "Bearer " + ConnectorProcess.ADMIN_TOKEN).body())
                .path("hires");
    }
}
