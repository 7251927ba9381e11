package io.github.flatchrlucca.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.fake.FakeChat;
import io.github.flatchrlucca.fake.FakeLucca;
import io.github.flatchrlucca.http.AnswerLimits;
import io.github.flatchrlucca.http.KeyState;
import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.operations.Alerts;
import io.github.flatchrlucca.tenants.Tenants;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.BeanInject;
import org.apache.camel.Exchange;
import org.apache.camel.EndpointInject;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Processor;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.processor.ConcurrentRequestsThrottler;
import org.apache.camel.processor.errorhandler.RedeliveryErrorHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Around the delivery, in the JVM: the webhook's choice of what an event is (routes/webhook.camel.yaml), its
 * problem answers (routeConfiguration http-problems), the first try of each Lucca key (key-try-failures) and the
 * alerts the chat does not take at once (alert-failures, and the queue of route send-alert).
 */
class ConnectorRoutesTest extends RoutesInTheJvm {

    private static final int HELD_COMPANY = 5151;
    private static final int WRONG_KEY_COMPANY = 5252;
    private static final int UNREACHABLE_COMPANY = 5353;
    private static final int ORGANISATION_REFUSED_COMPANY = 5454;
    private static final String ORGANISATION_REFUSED = "organisation-refused";
    private static final String DEPARTMENTS = "/organization/structure/api/departments";
    private static final int DEPARTMENT_GONE_COMPANY = 5555;
    private static final String DEPARTMENT_GONE = "department-gone";

    @BeanInject("tenants")
    Tenants tenants;

    @BeanInject("alerts")
    Alerts alerts;

    @EndpointInject("seda:alerts")
    SedaEndpoint alertQueue;

    @Produce
    ProducerTemplate template;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    /** Tenant organisation-refused's Lucca, which refuses its key the list of departments. */
    private final FakeLucca organisationRefusedLucca = FakeLucca.start(LUCCA_KEY);
    /** Tenant department-gone's Lucca, which has no department 999, the tenant's default. */
    private final FakeLucca departmentGoneLucca = FakeLucca.start(LUCCA_KEY);
    /** The headers of each webhook marked X-Headers-Test as the step after the token's check finds them. */
    private final List<java.util.Map<String, Object>> headersAfterTheCheck =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    ConnectorRoutesTest() throws IOException {
        log.start();
        root().addAppender(log);
    }

    /** The routes and routeConfigurations whose branches this class takes, each of them. */
    static final List<String> OWNERS = List.of("receive-hire", "http-problems", "key-try-failures", "alert-failures",
            "webhook-problems", "admin-preview");

    @Override
    List<String> owners() {
        return OWNERS;
    }

    @Override
    String moreTenants() {
        try {
            return """
                      # hires wait an hour before their delivery: time to move the candidate out of hired
                      - id: held
                        flatchrCompanyIds: [%d]
                        webhookToken: %s
                        hireHoldSeconds: 3600
                        lucca: { baseUrl: %s, apiKey: "%s" }
                      - id: wrong-key
                        flatchrCompanyIds: [%d]
                        webhookToken: %s
                        lucca: { baseUrl: %s, apiKey: "%s" }
                      - id: unreachable
                        flatchrCompanyIds: [%d]
                        webhookToken: %s
                        lucca: { baseUrl: "http://127.0.0.1:%d", apiKey: "%s" }
                      - id: %s
                        flatchrCompanyIds: [%d]
                        webhookToken: %s
                        lucca: { baseUrl: %s, apiKey: "%s" }
                      - id: %s
                        flatchrCompanyIds: [%d]
                        webhookToken: %s
                        lucca: { baseUrl: %s, apiKey: "%s" }
                        defaults: { departmentId: 999 }
                    """.formatted(HELD_COMPANY, tokenOf("held"), lucca.baseUrl(), secret("held-key", LUCCA_KEY),
                    WRONG_KEY_COMPANY, tokenOf("wrong-key"), lucca.baseUrl(), secret("wrong-key", "not-" + LUCCA_KEY),
                    UNREACHABLE_COMPANY, tokenOf("unreachable"), freePort(), secret("unreachable-key", LUCCA_KEY),
                    ORGANISATION_REFUSED, ORGANISATION_REFUSED_COMPANY, tokenOf(ORGANISATION_REFUSED),
                    organisationRefusedLucca.baseUrl(), secret("organisation-refused-key", LUCCA_KEY),
                    DEPARTMENT_GONE, DEPARTMENT_GONE_COMPANY, tokenOf(DEPARTMENT_GONE), departmentGoneLucca.baseUrl(),
                    secret("department-gone-key", LUCCA_KEY));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void chatIsWellAgain() {
        lucca.recover();
    }

    @AfterAll
    void stopListening() {
        root().detachAppender(log);
        organisationRefusedLucca.close();
        departmentGoneLucca.close();
    }

    // ---- the choice of admin-preview, and the admin API's problems (http-problems)

    @Test
    void aPreviewOfAHireShowsTheRequestsADryRunWouldRecord() throws IOException {
        long recorded = countOf(DRY);

        HttpResponse<String> response = postAdmin("/admin/api/preview?tenant=" + DRY,
                Events.hire(DRY, "preview-1").toString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode preview = JSON.readTree(response.body());
        assertThat(preview.has("reason")).isFalse();
        assertThat(preview.path("requests").get(0).path("body").path("lastName").asText()).isNotEmpty();
        assertThat(countOf(DRY)).as("a preview is recorded nowhere").isEqualTo(recorded);
    }

    @Test
    void previewsWhileLuccaRefusesTheDepartmentsListCostOneCallNotOneEach() throws IOException {
        // a key whose role may not read the organisation: Lucca answers 403 to the list as long as it is not changed
        organisationRefusedLucca.failNext("GET", DEPARTMENTS, 403, 100);
        String event = Events.inDepartment(Events.hire(ORGANISATION_REFUSED_COMPANY, "preview-refused"), "Service IT")
                .toString();

        for (int preview = 0; preview < 3; preview++) {
            HttpResponse<String> response = postAdmin("/admin/api/preview?tenant=" + ORGANISATION_REFUSED, event);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(response.body());
            assertThat(answer.path("departmentsChecked").asBoolean(true)).as("preview %d", preview).isFalse();
            assertThat(answer.path("warnings")).extracting(JsonNode::asText).anySatisfy(warning -> assertThat(warning)
                    .contains("\"Service IT\" not checked (Lucca's departments could not be read)"));
            assertThat(answer.path("requests").get(0).path("body").path("lastName").asText()).isEqualTo("Morel");
        }
        assertThat(organisationRefusedLucca.count("GET", DEPARTMENTS))
                .as("Lucca asked for its departments while it refuses them").isEqualTo(1);
    }

    @Test
    void aPreviewOfAHireThatFallsBackToADefaultDepartmentLuccaDoesNotListSaysTheDeliveryWouldStopIt()
            throws IOException {
        departmentGoneLucca.addDepartment("Service IT", true);
        String named = Events.inDepartment(Events.hire(DEPARTMENT_GONE_COMPANY, "preview-gone-1"), "Service IT")
                .toString();
        assertThat(JSON.readTree(postAdmin("/admin/api/preview?tenant=" + DEPARTMENT_GONE, named).body())
                .path("warnings").toString()).as("matched by name: the default is not used").doesNotContain("999");

        HttpResponse<String> response = postAdmin("/admin/api/preview?tenant=" + DEPARTMENT_GONE,
                Events.hire(DEPARTMENT_GONE_COMPANY, "preview-gone-2").toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode preview = JSON.readTree(response.body());
        assertThat(preview.path("requests").get(0).path("body").path("departmentId").asInt()).isEqualTo(999);
        assertThat(preview.path("warnings")).extracting(JsonNode::asText).anySatisfy(warning -> assertThat(warning)
                .startsWith("the delivery would stop this hire, dead: defaults.departmentId (tenants file) 999 is "
                        + "not among Lucca's departments"));
        assertThat(departmentGoneLucca.count("POST", "/api/v3/users")).as("a preview sends nothing").isZero();
    }

    @Test
    void aPreviewOfWhatIsNoHireSaysWhy() throws IOException {
        ObjectNode event = Events.hire(DRY, "preview-2");
        event.put("event", "new_applicant");

        HttpResponse<String> response = postAdmin("/admin/api/preview?tenant=" + DRY, event.toString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode preview = JSON.readTree(response.body());
        assertThat(preview.path("reason").asText()).contains("drag_applicant");
        assertThat(preview.path("requests").isMissingNode() || preview.path("requests").isEmpty()).isTrue();
    }

    @Test
    void anAdminCallThatIsNoJsonIsAProblemNamingIt() {
        HttpResponse<String> response = postAdmin("/admin/api/preview?tenant=" + DRY, "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aPathOrMethodNothingAnswersIsAProblemNotAPageOfHtml() throws IOException {
        HttpResponse<String> nothing = postAdmin("/admin/api/nothing", "{}");
        HttpResponse<String> wrongMethod = postAdmin("/admin/api/hires", "{}");

        assertThat(nothing.statusCode()).isEqualTo(404);
        assertThat(nothing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(nothing.body()).path("status").asInt()).isEqualTo(404);
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(wrongMethod.body()).path("detail").asText()).contains("for POST");
    }

    @Test
    void theAdminApiReadsItsParametersFromTheQueryStringOnlyNeverFromHeaders() throws IOException {
        // a proxy's or a client's own headers named like a parameter choose nothing
        HttpResponse<String> preview = postAdmin("/admin/api/preview", Events.hire(DRY, "preview-3").toString(),
                "Tenant", "nope");
        HttpResponse<String> backfill = postAdmin("/admin/api/reconcile?tenant=" + LIVE, "", "Since", "2026-12-01",
                "DryRun", "true");

        assertThat(preview.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(preview.body()).path("detail").asText()).as("no tenant named: there are several")
                .startsWith("Several tenants are configured");
        assertThat(backfill.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(backfill.body()).path("field").asText()).as("since was not given").isEqualTo("since");
    }

    @Test
    void aQueryParameterGivenTwiceIsABadRequestNamingItWhicheverValueComesFirst() throws IOException {
        for (String query : List.of("status=dead&status=received", "status=received&status=dead")) {
            HttpResponse<String> response = getAdmin("/admin/api/hires?" + query);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("field").asText()).as(query).isEqualTo("status");
        }
    }

    @Test
    void everyCallOverHttpHasItsAnswerBoundedAndNeverRetriesByItself() {
        // AnswerLimitsTest shows what the bound does, over real HTTP; here, that every call of the connector has it
        for (String scheme : List.of("http", "https")) {
            HttpComponent component = template.getCamelContext().getComponent(scheme, HttpComponent.class);
            assertThat(component.getHttpClientConfigurer()).as(scheme).isInstanceOf(AnswerLimits.class);
            // two components: the client's own retries would bypass the rate limiter and the lookup before a create
            assertThat(component.isAutomaticRetriesDisabled()).as(scheme).isTrue();
            assertThat(component.isCookieManagementDisabled()).as(scheme).isTrue();
        }
    }

    // ---- the choice of receive-hire

    @Test
    void aHireIsRecordedBeforeItIsAcknowledged() throws IOException {
        HttpResponse<String> response = post(LIVE, Events.hire(LIVE, "hire-1"));

        assertThat(response.statusCode()).isEqualTo(202);
        String hireId = JSON.readTree(response.body()).path("hireId").asText();
        assertThat(hire(hireId).tenant()).isEqualTo(LIVE);
        awaitHire(hireId, h -> h.status() == HireStatus.DELIVERED);
    }

    @Test
    void theTenantAndTokenComeFromTheUrlNeverFromHeadersOfTheSameName() throws IOException {
        // a proxy's or a client's own headers: the URL's tenant and token are the ones checked
        HttpResponse<String> response = post(DRY, Events.hire(DRY, "headers-1").toString(), "Tenant", LIVE,
                "Token", "not-the-token");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(hire(JSON.readTree(response.body()).path("hireId").asText()).tenant()).isEqualTo(DRY);
    }

    @Test
    void aQueryStringThatIsNotValidPercentEncodingIsABadRequestNamingIt() throws IOException {
        // no Java URI takes %ZZ: the request is written by hand, as a hostile client would
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST /webhooks/flatchr/" + DRY + "?token=%ZZ HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 2\r\nConnection: close\r\n\r\n{}").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400").contains("\"field\":\"query\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/webhooks/flatchr/" + DRY + "/%ZZ?token=x", "/%ZZ", "/nothing/%4"})
    void aPathThatIsNotValidPercentEncodingIsABadRequestNamingItAndNoError(String target) throws IOException {
        int errorsBefore = serverErrors();
        // no Java URI takes %ZZ: the request is written by hand, as a hostile client would
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST " + target + " HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 2\r\nConnection: close\r\n\r\n{}").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"field\":\"path\"");
        }
        // Vert.x logs its error before it answers: none is logged after the answer
        assertThat(serverErrors()).isEqualTo(errorsBefore);
    }

    @Test
    void anEventThatIsNoHireIsAnsweredIgnoredAndNotRecorded() throws IOException {
        ObjectNode event = Events.hire(LIVE, "not-a-hire-1");
        event.put("event", "new_applicant");

        HttpResponse<String> response = post(LIVE, event);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("ignored");
        assertThat(body.path("reason").asText()).contains("drag_applicant");
        assertThat(body.has("hireId")).isFalse();
    }

    @Test
    void aRejectedHireSentAgainStillIncompleteIsRefusedForTheFieldItLacksNow() throws IOException {
        ObjectNode hire = Events.hire(HELD_COMPANY, "incomplete-1");
        ((ObjectNode) hire.path("data").path("candidate")).remove("email");
        HttpResponse<String> first = post("held", hire);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(422);
        ObjectNode fixedOne = hire.deepCopy();
        ((ObjectNode) fixedOne.path("data").path("candidate")).put("email", Events.mail("incomplete-1"))
                .remove("lastname");

        HttpResponse<String> again = post("held", fixedOne);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(422);
        JsonNode problem = JSON.readTree(again.body());
        assertThat(problem.path("fields")).extracting(JsonNode::asText).containsExactly("data.candidate.lastname");
        assertThat(hire(problem.path("hireId").asText()).lastError()).contains("data.candidate.lastname");
    }

    @Test
    void aHireRefusedAsItComesIsToldToTheTeamOnceNotAtEachResend() throws IOException {
        // a wrong FLATCHR_COMPANY_ID: the tenant's own hires come from a company it does not name
        ObjectNode otherCompany = Events.hire(HELD_COMPANY, "refused-1");
        HttpResponse<String> first = post(LIVE, otherCompany);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(403);
        String hireId = JSON.readTree(first.body()).path("hireId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> !chat.triesOf(hireId).isEmpty());
        assertThat(chat.triesOf(hireId).get(0).body()).contains("tenant " + LIVE, "was rejected",
                "company_id " + HELD_COMPANY).doesNotContain(Events.mail("refused-1"));

        assertThat(post(LIVE, otherCompany).statusCode()).as("sent again").isEqualTo(403);
        // Told after any alert the resend would have queued (one queue, posted in order): once it is in, so is that.
        ObjectNode incomplete = Events.hire(LIVE, "refused-2");
        ((ObjectNode) incomplete.path("data").path("candidate")).remove("email");
        String later = JSON.readTree(post(LIVE, incomplete).body()).path("hireId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> !chat.triesOf(later).isEmpty());
        assertThat(chat.triesOf(later).get(0).body()).contains("data.candidate.email is missing");
        assertThat(chat.triesOf(hireId)).as("the resend for the same reason is no news").hasSize(1);
    }

    @Test
    void aCandidateMovedOutOfHiredBeforeLuccaWithdrawsTheHire() throws IOException {
        ObjectNode hire = Events.hire(HELD_COMPANY, "moved-1");
        String hireId = accept("held", hire);

        HttpResponse<String> response = post("held", Events.movedOut(hire));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("withdrawn");
        assertThat(hire(hireId).status()).isEqualTo(HireStatus.WITHDRAWN);
        assertThat(lucca.requests()).noneMatch(r -> r.query().contains("moved-1") || r.body().contains("moved-1"));
    }

    /**
     * Flatchr's data.applicant.id is its encoded id in one event and its plain one in another (flatchr-webhooks.md,
     * quirk 1), data.applicant_id the plain one in both: the move out is of the hire all the same, not "ignored".
     */
    @Test
    void aCandidateMovedOutByAnEventCarryingAnotherOfFlatchrsIdsOfTheApplicationWithdrawsTheHire() throws IOException {
        ObjectNode hire = Events.hire(HELD_COMPANY, "G6KzqPkNZ0n31m0l");
        ((ObjectNode) hire.path("data")).put("applicant_id", 5517);
        String hireId = accept("held", hire);
        ObjectNode movedOut = Events.movedOut(hire);
        ((ObjectNode) movedOut.path("data").path("applicant")).put("id", 5517);

        HttpResponse<String> response = post("held", movedOut);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("withdrawn");
        assertThat(hire(hireId).status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    @Test
    void aCandidateMovedOutAfterLuccaWaitsForAPersonWhoIsAlerted() throws IOException {
        ObjectNode hire = Events.hire(LIVE, "moved-2");
        String hireId = accept(LIVE, hire);
        awaitHire(hireId, h -> h.status() == HireStatus.DELIVERED);

        HttpResponse<String> response = post(LIVE, Events.movedOut(hire));

        assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("needs-decision");
        HireView decided = hire(hireId);
        assertThat(decided.status()).isEqualTo(HireStatus.DELIVERED);
        assertThat(decided.decisionNeeded()).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).until(() -> chat.triesOf(hireId).stream()
                .anyMatch(alert -> alert.body().contains("moved out of hired")));
    }

    @Test
    void aMoveOutSentAgainAsksForNoSecondDecisionUntilTheCandidateIsBackInHired() throws IOException {
        ObjectNode hire = Events.hire(LIVE, "moved-3");
        String hireId = accept(LIVE, hire);
        awaitHire(hireId, h -> h.status() == HireStatus.DELIVERED);
        assertThat(JSON.readTree(post(LIVE, Events.movedOut(hire)).body()).path("status").asText())
                .isEqualTo("needs-decision");
        assertThat(postAdmin("/admin/api/hires/" + hireId + "/decision", "{\"note\": \"ended in Lucca\"}")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> again = post(LIVE, Events.movedOut(hire));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("status").asText()).isEqualTo("already-moved-out");
        assertThat(hire(hireId).decisionNeeded()).as("the person's decision stands").isNull();
        // Back into hired (told: the person asked may have ended the account), then out again: that move asks again.
        // Its alert is queued after any the resend would have queued (one queue, posted in order), so once it is in,
        // the resend's would be too.
        assertThat(post(LIVE, hire).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(post(LIVE, Events.movedOut(hire)).body()).path("status").asText())
                .isEqualTo("needs-decision");
        await().atMost(Duration.ofSeconds(10)).until(() -> chat.triesOf(hireId).size() >= 3);
        assertThat(chat.triesOf(hireId)).as("the first move, the move back and the move after it, not the resend")
                .extracting(alert -> alert.body().contains("back in hired")).containsExactly(false, true, false);
    }

    @Test
    void theWebhooksTokenTravelsNoFurtherThanItsCheckInAnyHeader() throws IOException {
        // (a wrong token is refused before the body is read, by the same check: it never reaches the route)
        assertThat(post(LIVE, Events.hire(LIVE, "headers-1").toString(), "X-Headers-Test", "1").statusCode())
                .isEqualTo(202);

        assertThat(headersAfterTheCheck).as("what platform-http set, as the step after the check finds it")
                .singleElement().satisfies(headers -> {
                    assertThat(headers).containsKey(Exchange.HTTP_PATH);
                    assertThat(headers.values()).noneMatch(value -> String.valueOf(value).contains(token(LIVE)));
                });
    }

    @Override
    public void debugBefore(Exchange exchange, Processor processor, ProcessorDefinition<?> definition, String id,
                            String label) {
        super.debugBefore(exchange, processor, definition, id, label);
        if ("parse-json-body".equals(id) && exchange.getIn().getHeader("X-Headers-Test") != null) {
            headersAfterTheCheck.add(java.util.Map.copyOf(exchange.getIn().getHeaders()));
        }
    }

    // ---- http-problems

    @Test
    void aBodyThatIsNoJsonIsAProblemNamingIt() throws IOException {
        HttpResponse<String> response = post(LIVE, "{\"event\": \"drag_applicant\", ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }

    // ---- key-try-failures

    @Test
    void aKeyLuccaRejectsIsSaidLoudlyAtItsFirstTry() {
        await().atMost(Duration.ofSeconds(10)).until(() -> logged(Level.ERROR,
                "Tenant wrong-key: LUCCA REJECTS ITS API KEY (401)"));

        assertThat(keyState("wrong-key")).isEqualTo(KeyState.State.REJECTED);
        assertThat(keyState(LIVE)).isEqualTo(KeyState.State.OK);
    }

    @Test
    void aKeyThatCouldNotBeTriedIsLeftToTheFirstHire() {
        await().atMost(Duration.ofSeconds(10)).until(() -> logged(Level.WARN,
                "Tenant unreachable: its Lucca API key could not be tried"));

        assertThat(keyState("unreachable")).isEqualTo(KeyState.State.UNKNOWN);
    }

    // ---- alert-failures, and the queue of send-alert

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 503})
    void anAlertTheChatIsTooBusyForIsSentAgainAsItWas(int status) {
        String hire = "busy-" + status + "-";
        chat.refuse(hire, 2, status);

        alert(hire);

        await().atMost(Duration.ofSeconds(10)).until(() -> chat.triesOf(hire).size() == 3);
        assertThat(chat.triesOf(hire).stream().map(FakeChat.Post::body).distinct()).singleElement().asString()
                .contains("Hire " + hire);
    }

    @Test
    void anAlertTheChatRateLimitsWaitsAsLongAsItsRetryAfterAsks() {
        String hire = "rate-limited-";
        chat.refuse(hire, 1, 429, "1");

        // Camel's redelivery says which wait it took: the one the header set from Retry-After, or its own backoff's
        Logger redelivery = (Logger) LoggerFactory.getLogger(RedeliveryErrorHandler.class);
        ListAppender<ILoggingEvent> waits = new ListAppender<>();
        waits.start();
        Level level = redelivery.getLevel();
        redelivery.addAppender(waits);
        redelivery.setLevel(Level.DEBUG);
        redelivery.setAdditive(false); // its debug lines stay out of the log the other tests read
        try {
            alert(hire);

            await().atMost(Duration.ofSeconds(10)).until(() -> chat.triesOf(hire).size() == 2);
        } finally {
            redelivery.setAdditive(true);
            redelivery.setLevel(level);
            redelivery.detachAppender(waits);
        }
        List<String> asked;
        synchronized (waits) {
            asked = waits.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(line -> line.startsWith("Redelivery delay")).toList();
        }
        // its own backoff would have said "Redelivery delay calculated as 10"
        assertThat(asked).containsExactly("Redelivery delay is 1000 from Message Header [" + Exchange.REDELIVERY_DELAY + "]");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 410})
    void anAlertTheChatRefusesForGoodIsLoggedWithItsStatusAndNeverSentAgain(int status) {
        String hire = "refused-" + status + "-";
        chat.refuse(hire, 1, status);

        alert(hire);

        // sent again, it would have been taken (refused once only), and no line said
        await().atMost(Duration.ofSeconds(10)).until(() -> logged(Level.WARN,
                "an alert could not be sent to ALERT_WEBHOOK_URL: the chat answered " + status));
        assertThat(chat.triesOf(hire)).hasSize(1);
    }

    @Test
    void anAlertTheChatNeverTakesIsTriedFourTimesThenLoggedWithoutTheChatsUrl() {
        String refused = "always-refused-";
        String unanswered = "never-answered-";
        chat.refuse(refused, 100, 503);
        chat.hangUp(unanswered, 100);

        alert(refused);
        alert(unanswered);

        await().atMost(Duration.ofSeconds(10)).until(() -> logged(Level.WARN,
                "an alert could not be sent to ALERT_WEBHOOK_URL, after its last try: the chat answered 503")
                && logged(Level.WARN,
                "an alert could not be sent to ALERT_WEBHOOK_URL, after its last try: NoHttpResponseException"));
        assertThat(chat.triesOf(refused)).hasSize(4);
        assertThat(chat.triesOf(unanswered)).hasSize(4);
        assertThat(logLines()).noneMatch(event -> event.getFormattedMessage().contains(FakeChat.secretPath())
                || event.getThrowableProxy() != null && event.getThrowableProxy().getMessage() != null
                && event.getThrowableProxy().getMessage().contains(FakeChat.secretPath()));
    }

    @Test
    void aChatThatKeepsRefusingHoldsTenAlertsInTheAirAndAThousandQueuedThenTheNextAreDroppedAtOnce() {
        // each of the first eleven is refused at its first try, then held unanswered at the next: in the air
        for (int i = 1; i <= 11; i++) {
            chat.refuse("in-the-air-" + i + "-", 1, 503);
        }
        chat.hold("in-the-air-");
        long dropped;
        try {
            for (int i = 1; i <= 10; i++) {
                String hire = "in-the-air-" + i + "-";
                alert(hire);
                await().atMost(Duration.ofSeconds(10)).until(() -> chat.triesOf(hire).size() == 2);
            }
            alert("in-the-air-11-");
            await().atMost(Duration.ofSeconds(10)).until(() -> alertQueue.getCurrentQueueSize() == 0);
            // the eleventh waits for one of the ten to end, on the queue's thread, parked in the throttle
            await().atMost(Duration.ofSeconds(10)).until(this::theQueuesThreadWaitsInTheThrottle);
            assertThat(chat.triesOf("in-the-air-11-")).isEmpty();

            CompletableFuture<Void> filling = CompletableFuture.runAsync(() -> {
                for (int i = 1; i <= 1001; i++) {
                    alert("queued-" + i + "-");
                }
            });

            // a full queue makes no one wait: the alerts it cannot hold are dropped at once, and said
            await().atMost(Duration.ofSeconds(10)).until(filling::isDone);
            dropped = logLines().stream().filter(event -> event.getLevel() == Level.WARN && event.getFormattedMessage()
                    .contains("an alert is lost, not queued: the queue of alerts is full")).count();
            assertThat(dropped).isPositive();
        } finally {
            chat.release();
        }
        // the chat back, the eleventh is sent (refused once, then taken), and what the queue held
        await().atMost(Duration.ofSeconds(30)).until(() -> chat.triesOf("in-the-air-11-").size() == 2
                && chat.triesOf("queued-").size() == 1001 - dropped);
    }

    private void alert(String hire) {
        alerts.hireDead(hire, hire, "a test's");
    }

    /** The consumer thread of seda:alerts is parked, and in the throttle (not idle on the queue's poll). */
    private boolean theQueuesThreadWaitsInTheThrottle() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().endsWith("seda://alerts"))
                .anyMatch(thread -> Set.of(Thread.State.WAITING, Thread.State.TIMED_WAITING)
                        .contains(thread.getKey().getState())
                        && Arrays.stream(thread.getValue()).anyMatch(frame ->
                        frame.getClassName().equals(ConcurrentRequestsThrottler.class.getName())));
    }

    // ----

    private KeyState.State keyState(String tenant) {
        return tenants.find(tenant).orElseThrow().lucca().credentials().state();
    }

    private boolean logged(Level level, String text) {
        return logLines().stream().anyMatch(event -> event.getLevel() == level
                && event.getFormattedMessage().contains(text));
    }

    /** The errors the HTTP server (Vert.x) logged so far: a background retry's of the connector counts not. */
    private int serverErrors() {
        return (int) logLines().stream().filter(event -> event.getLevel() == Level.ERROR
                && event.getLoggerName().startsWith("io.vertx")).count();
    }

    /** What was logged so far: a copy, taken under the lock with which the appender adds to its list. */
    private List<ILoggingEvent> logLines() {
        synchronized (log) {
            return List.copyOf(log.list);
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
