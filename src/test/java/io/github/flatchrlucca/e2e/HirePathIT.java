package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.fake.User;
import io.github.flatchrlucca.fake.WorkContract;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The hire path end to end: Flatchr's webhook in, a Lucca employee out, through the real jar. */
class HirePathIT {

    static final String API_KEY = "5a2f1c3e-0000-4000-8000-00000000c0de";
    static final ObjectMapper JSON = new ObjectMapper();

    static int serviceIt;

    @RegisterExtension
    static final ConnectorAgainstLucca app = ConnectorAgainstLucca.withSettings(API_KEY, Map.of(
                    "LUCCA_LEGAL_ENTITY_ID", "3",
                    "LUCCA_ROLE_ID", "5",
                    "LUCCA_DEPARTMENT_ID", "99",
                    "LUCCA_CONTRACT_TYPES", "1:21,2:22"))
            .withLucca(lucca -> {
                serviceIt = lucca.addDepartment("Service IT", true);
                lucca.addDepartment("Marketing", true);
                // LUCCA_DEPARTMENT_ID's: Lucca refuses a user of a department it does not have
                lucca.addDepartment(99, "Direction", true);
            });

    @Test
    void aFixedTermVacancyGivesTheUserAndItsContractTheirEnd() throws Exception {
        ObjectNode event = FlatchrEvents.hire("fixed-term-1", "Inès", "Durand", "ines.fixed-term@example.org");
        ObjectNode vacancy = (ObjectNode) event.path("data").path("vacancy");
        vacancy.put("start_date", "2027-01-04").put("end_date", "2027-06-30").put("contract_type_id", 2);

        String hireId = app.connector().accept(event);
        app.connector().awaitStatus(hireId, "delivered");

        User user = userWithMail("ines.fixed-term@example.org");
        assertThat(user.dtContractEnd()).isEqualTo("2027-06-30T00:00:00");
        WorkContract contract = app.lucca().contracts().stream().filter(c -> c.ownerId() == user.id()).findFirst()
                .orElseThrow();
        assertThat(contract.typeId()).isEqualTo(22);
        assertThat(contract.endsOn()).isEqualTo("2027-06-30");
        assertThat(contract.externalId()).as("Flatchr's application id").isEqualTo("fixed-term-1");
    }

    @Test
    void aNewHireCostsOneReadOfWhoChangedInLuccaAndItsCreateCheckedAgainstIt() throws Exception {
        // Lucca's people are read in full by the first round, whichever test comes first
        app.connector().awaitStatus(app.connector().accept(
                FlatchrEvents.hire("budget-0", "Ana", "Lopez", "ana.lopez@example.org")), "delivered");
        // Made in Lucca by hand since the connector last read it: a namesake's login, and this very e-mail.
        app.lucca().addUser("Zoé", "Bernard", "zoe.bernard@acme.test", "zbernard", LocalDate.of(2024, 1, 1), null);
        app.lucca().addUser("Léa", "Girard", "lea.girard@example.org", "lgirard", LocalDate.of(2024, 1, 1), null);
        int before = app.lucca().requests().size();
        ObjectNode zoe = FlatchrEvents.hire("budget-1", "Zoé", "Bernard", "zoe.bernard@example.org");
        ((ObjectNode) zoe.path("data").path("vacancy")).put("contract_type_id", 9); // not mapped: no contract call

        String hireId = app.connector().accept(zoe);
        app.connector().awaitStatus(hireId, "delivered");
        String lea = app.connector().accept(FlatchrEvents.hire("budget-2", "Léa", "Girard", "lea.girard@example.org"));
        JsonNode leaHire = app.connector().awaitStatus(lea, "already-in-lucca");

        assertThat(userWithMail("zoe.bernard@example.org").login()).as("zbernard is taken").isEqualTo("zbernard2");
        assertThat(leaHire.path("luccaUserId").asInt()).isEqualTo(userWithMail("lea.girard@example.org").id());
        assertThat(app.lucca().requests().subList(before, app.lucca().requests().size()))
                .extracting(r -> r.method() + " " + r.path() + " " + r.query().replaceAll("since,[^&]*", "since,..."))
                .containsExactly(
                        "GET /api/v3/users modifiedAt=since,...&formerEmployees=true"
                                + "&fields=id,login,mail,personalEmail,dtContractEnd,modifiedAt&paging=0,1000",
                        "POST /api/v3/users contract=true",
                        "GET /api/v3/users modifiedAt=since,...&formerEmployees=true"
                                + "&fields=id,login,mail,personalEmail,dtContractEnd,modifiedAt&paging=0,1000",
                        // someone the read lists is looked up, so that the decision rests on what Lucca says now
                        "GET /api/v3/users mail=like,lea.girard@example.org&formerEmployees=true"
                                + "&fields=id,login,mail,personalEmail,firstName,lastName,dtContractStart,"
                                + "dtContractEnd&paging=0,1000");
    }

    @Test
    void aHireBecomesAnEmployeeWithEveryMappedFieldAndItsContract() throws Exception {
        HttpResponse<String> response = app.connector().postWebhook(
                FlatchrEvents.hire("happy-1", "Éloïse", "Müller-Straße", "eloise.muller@example.org").toString());

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("status").asText()).isEqualTo("accepted");
        JsonNode hire = app.connector().awaitStatus(answer.path("hireId").asText(), "delivered");

        User user = userWithMail("eloise.muller@example.org");
        assertThat(hire.path("luccaUserId").asLong()).isEqualTo(user.id());
        assertThat(user.firstName()).isEqualTo("Éloïse");
        assertThat(user.lastName()).isEqualTo("Müller-Straße");
        assertThat(user.login()).isEqualTo("emullerstrasse");
        assertThat(user.personalEmail()).isEqualTo("eloise.muller@example.org");
        assertThat(user.personalMobile()).isEqualTo("+33612345678");
        assertThat(user.jobTitle()).isEqualTo("Développeuse Java");
        assertThat(user.legalEntityId()).isEqualTo(3);
        assertThat(user.rolePrincipalId()).isEqualTo(5);
        assertThat(user.departmentId()).isEqualTo(serviceIt);
        // 23:30 UTC on the 5th is already the 6th in Paris.
        assertThat(user.dtContractStart()).isEqualTo("2026-01-06T00:00:00");
        WorkContract contract = app.lucca().contracts().stream().filter(c -> c.ownerId() == user.id()).findFirst().orElseThrow();
        assertThat(contract.typeId()).isEqualTo(21);
        assertThat(contract.startsOn()).isEqualTo("2026-01-06");
        assertThat(app.lucca().requests()).allSatisfy(request ->
                assertThat(request.authorization()).isEqualTo("lucca application=" + API_KEY));
        assertThat(hire.path("writeBack").isNull()).as("no Flatchr result tag: nothing to write back, nothing pending")
                .isTrue();
    }

    @Test
    void aHireSentTwiceIsOneEmployee() throws Exception {
        String event = FlatchrEvents.hire("twice-1", "Jean", "Dupont", "jean.dupont@example.org").toString();

        HttpResponse<String> first = app.connector().postWebhook(event);
        HttpResponse<String> second = app.connector().postWebhook(event);

        String hireId = JSON.readTree(first.body()).path("hireId").asText();
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(second.body()).path("status").asText()).isEqualTo("duplicate");
        assertThat(JSON.readTree(second.body()).path("hireId").asText()).isEqualTo(hireId);
        app.connector().awaitStatus(hireId, "delivered");
        OnceInLucca.withMail(app.lucca(), "jean.dupont@example.org");
    }

    @Test
    void aPersonAlreadyEmployedIsNotCreatedAgain() throws Exception {
        int existing = app.lucca().addUser("Anna", "Karenina", "anna.k@example.org", "akarenina", LocalDate.of(2020, 1, 1), null);

        String hireId = app.connector().accept(FlatchrEvents.hire("existing-1", "Anna", "Karenina", "anna.k@example.org"));

        JsonNode hire = app.connector().awaitStatus(hireId, "already-in-lucca");
        assertThat(hire.path("luccaUserId").asInt()).isEqualTo(existing);
        assertThat(app.lucca().users()).filteredOn(u -> "anna.k@example.org".equals(u.mail())).hasSize(1);
        assertThat(app.lucca().requests()).noneMatch(r -> "POST".equals(r.method()) && r.body().contains("anna.k@example.org"));
    }

    @Test
    void aFormerEmployeeComesBackWithANewContractOnTheSamePerson() throws Exception {
        int former = app.lucca().addUser("Paul", "Martin", "paul.martin@example.org", "pmartin",
                LocalDate.of(2018, 1, 1), LocalDate.of(2021, 6, 30));

        String hireId = app.connector().accept(FlatchrEvents.hire("former-1", "Paul", "Martin", "paul.martin@example.org"));

        JsonNode hire = app.connector().awaitStatus(hireId, "delivered");
        assertThat(hire.path("luccaUserId").asInt()).isEqualTo(former);
        assertThat(hire.path("warnings").toString()).contains("rehire", "a new work contract");
        assertThat(app.lucca().users()).filteredOn(u -> "paul.martin@example.org".equals(u.mail())).singleElement()
                .satisfies(paul -> assertThat(paul.dtContractEnd()).as("employed again").isNull());
        assertThat(app.lucca().contracts()).filteredOn(c -> c.ownerId() == former)
                .extracting(WorkContract::startsOn, WorkContract::endsOn, WorkContract::typeId,
                        WorkContract::establishmentId, WorkContract::externalId)
                .containsExactly(tuple("2018-01-01", "2021-06-30", 1, null, null),
                        tuple("2026-01-06", null, 21, 3, "former-1"));
        assertThat(app.lucca().requests()).noneMatch(r -> "POST".equals(r.method()) && r.path().startsWith("/api/v3/users")
                && r.body().contains("paul.martin@example.org"));
    }

    @Test
    void aRehiresContractWhoseAnswerWasLostIsNotMadeTwice() throws Exception {
        int former = app.lucca().addUser("Nina", "Roux", "nina.roux@example.org", "nroux",
                LocalDate.of(2019, 3, 1), LocalDate.of(2020, 8, 31));
        app.lucca().loseAnswerOfNextContractCreate();

        String hireId = app.connector().accept(FlatchrEvents.hire("former-2", "Nina", "Roux", "nina.roux@example.org"));

        JsonNode hire = app.connector().awaitStatus(hireId, "delivered");
        assertThat(hire.path("luccaUserId").asInt()).isEqualTo(former);
        assertThat(hire.path("attempts").asInt()).as("the lost answer cost one attempt").isEqualTo(2);
        assertThat(app.lucca().contracts()).filteredOn(c -> c.ownerId() == former).hasSize(2);
        assertThat(app.lucca().requests()).filteredOn(r -> "POST".equals(r.method())
                && r.path().startsWith("/directory/api/4.0/work-contracts") && r.body().contains("former-2")).hasSize(1);
    }

    @Test
    void aFormerEmployeeKnownToLuccaByAnotherAddressComesBackOnceOnTheSamePerson() throws Exception {
        // made by hand years ago: a work address, and the candidate's own e-mail kept as personal e-mail
        int former = app.lucca().addUser("Jeanne", "Dupont", "jdupont@acme.test", "jdupont",
                LocalDate.of(2019, 1, 1), LocalDate.of(2025, 8, 31), "Jeanne.Dupont@example.org");
        app.lucca().loseAnswerOfNextContractCreate();

        String hireId = app.connector().accept(FlatchrEvents.hire("former-4", "Jeanne", "Dupont",
                "jeanne.dupont@example.org"));

        JsonNode hire = app.connector().awaitStatus(hireId, "delivered");
        assertThat(hire.path("luccaUserId").asInt()).isEqualTo(former);
        assertThat(hire.path("attempts").asInt()).as("the lost answer cost one attempt, not a second person")
                .isEqualTo(2);
        assertThat(app.lucca().users()).filteredOn(u -> "Dupont".equals(u.lastName()) && "Jeanne".equals(u.firstName()))
                .extracting(User::id).containsExactly(former);
        assertThat(app.lucca().contracts()).filteredOn(c -> c.ownerId() == former)
                .extracting(WorkContract::externalId).containsExactly(null, "former-4");
    }

    @Test
    void aMappedContractTypeCostsTheCreateWithoutContractAndTheContractMadeOnceEvenWhenItsAnswerIsLost()
            throws Exception {
        app.lucca().loseAnswerOfNextContractCreate();

        String hireId = app.connector().accept(FlatchrEvents.hire("typed-1", "Hugo", "Petit", "hugo.petit@example.org"));

        JsonNode hire = app.connector().awaitStatus(hireId, "delivered");
        User hugo = userWithMail("hugo.petit@example.org");
        assertThat(hire.path("attempts").asInt()).as("the lost answer cost one attempt").isEqualTo(2);
        assertThat(app.lucca().contracts()).filteredOn(c -> c.ownerId() == hugo.id())
                .extracting(WorkContract::typeId, WorkContract::startsOn, WorkContract::externalId)
                .containsExactly(tuple(21, "2026-01-06", "typed-1"));
        assertThat(app.lucca().requests()).filteredOn(r -> r.body().contains("hugo.petit@example.org")
                        || r.body().contains("\"typed-1\"") || r.query().contains("ownerId[]=" + hugo.id()))
                .extracting(r -> r.method() + " " + r.path() + " " + r.query())
                .containsExactly(
                        "POST /api/v3/users contract=false",
                        "POST /directory/api/4.0/work-contracts ",
                        "GET /directory/api/4.0/work-contracts ownerId[]=" + hugo.id());
    }

    @Test
    void aRehiresContractLuccaRefusesIsDeadWithLuccasAnswer() throws Exception {
        int former = app.lucca().addUser("Rémi", "Refus", "remi.refus@example.org", "rrefus",
                LocalDate.of(2017, 1, 1), LocalDate.of(2019, 12, 31));
        app.lucca().failNext("POST", "/directory/api/4.0/work-contracts", 400, 1);

        String hireId = app.connector().accept(FlatchrEvents.hire("former-3", "Rémi", "Refus", "remi.refus@example.org"));

        JsonNode hire = app.connector().awaitStatus(hireId, "dead");
        assertThat(hire.path("lastLuccaStatus").asInt()).isEqualTo(400);
        assertThat(hire.path("attempts").asInt()).as("a refusal is not retried").isEqualTo(1);
        assertThat(app.lucca().contracts()).filteredOn(c -> c.ownerId() == former).hasSize(1);
        assertThat(app.lucca().users()).filteredOn(u -> "remi.refus@example.org".equals(u.mail())).hasSize(1);
    }

    @Test
    void aTakenLoginGetsTheNextFreeNumber() throws Exception {
        app.lucca().addUser("Marie", "Curie", "marie.curie@other.org", "mcurie", LocalDate.of(2019, 1, 1), null);
        app.lucca().addUser("Maurice", "Curie", "maurice.curie@other.org", "mcurie2", LocalDate.of(2019, 1, 1), null);

        String hireId = app.connector().accept(FlatchrEvents.hire("login-1", "Mathilde", "Curie", "mathilde@example.org"));

        app.connector().awaitStatus(hireId, "delivered");
        assertThat(userWithMail("mathilde@example.org").login()).isEqualTo("mcurie3");
    }

    @Test
    void anUnmappedContractTypeIsLeftToLuccaWithAWarning() throws Exception {
        ObjectNode event = FlatchrEvents.hire("unmapped-1", "Lina", "Haddad", "lina@example.org");
        ((ObjectNode) event.path("data").path("vacancy")).put("contract_type_id", 7);
        ((ObjectNode) event.path("data").path("vacancy")).putNull("start_date");
        // plain text at the pointer works too (FlatchrEvents' tags are Flatchr's objects)
        ((ObjectNode) event.path("data").path("vacancy")).putArray("tags").add("Unknown team");

        JsonNode hire = app.connector().awaitStatus(app.connector().accept(event), "delivered");

        assertThat(hire.path("warnings").toString())
                .contains("contract type not mapped", "start date estimated", "Unknown team");
        assertThat(userWithMail("lina@example.org").departmentId()).isEqualTo(99);
        assertThat(app.lucca().requests()).noneMatch(r -> "PATCH".equals(r.method())
                && r.path().endsWith("/" + contractOf(userWithMail("lina@example.org")).id()));
    }

    @Test
    void eventsThatAreNotHiresAreIgnored() throws Exception {
        ObjectNode otherColumn = FlatchrEvents.hire("ignored-1");
        ((ObjectNode) otherColumn.path("data").path("column")).put("hired", false);
        String message = "{\"event\":\"new_message\",\"company_id\":4242,\"data\":{}}";
        String newApplicant = "{\"event\":\"new_applicant\",\"company_id\":4242,\"data\":{\"column\":3}}";

        for (String event : new String[] {otherColumn.toString(), message, newApplicant}) {
            HttpResponse<String> response = app.connector().postWebhook(event);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("ignored");
            assertThat(JSON.readTree(response.body()).path("reason").asText()).isNotBlank();
        }
    }

    @Test
    void aMissingOrWrongTokenIsRefused() throws Exception {
        String event = FlatchrEvents.hire("token-1").toString();

        assertThat(app.connector().postWebhook(event, null, "application/json").statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = app.connector().postWebhook(event, "guess", "application/json");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(app.connector().postWebhook(event).statusCode()).isEqualTo(202);
    }

    @Test
    void aWebhookUrlPastedWithATrailingSlashIsTheSameUrl() throws Exception {
        String event = FlatchrEvents.hire("slash-1").toString();

        HttpResponse<String> first = app.connector().post("/webhooks/flatchr/", event,
                ConnectorProcess.WEBHOOK_TOKEN, "application/json");
        HttpResponse<String> again = app.connector().post("/webhooks/flatchr/default/", event,
                ConnectorProcess.WEBHOOK_TOKEN, "application/json");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("status").asText()).isEqualTo("duplicate");
        // Vert.x makes repeated slashes one before the gate and the route read the path: both see the same tenant
        HttpResponse<String> doubled = app.connector().post("/webhooks/flatchr//default//", event,
                ConnectorProcess.WEBHOOK_TOKEN, "application/json");
        assertThat(doubled.statusCode()).as(doubled.body()).isEqualTo(200);
        assertThat(JSON.readTree(doubled.body()).path("hireId").asText())
                .isEqualTo(JSON.readTree(first.body()).path("hireId").asText());
        assertThat(app.connector().post("/webhooks/flatchr/default/more", event, ConnectorProcess.WEBHOOK_TOKEN,
                "application/json").statusCode()).as("a path past the tenant's names no tenant").isEqualTo(401);
        // delivered before the next test, which may ask the fake Lucca to lose the answer to its next call
        app.connector().awaitStatus(JSON.readTree(first.body()).path("hireId").asText(), "delivered");
    }

    @Test
    void aBodyTooLargeWithTheRightTokenIsCountedForItsTenantAndWithoutItForNone() throws Exception {
        double defaultBefore = webhooks("invalid", "default");
        double unknownBefore = webhooks("unauthorized", "unknown");

        assertThat(declareTooLargeABody(ConnectorProcess.WEBHOOK_TOKEN)).startsWith("HTTP/1.1 413");
        assertThat(declareTooLargeABody("wrong-token-wrong-token")).startsWith("HTTP/1.1 401");

        assertThat(webhooks("invalid", "default")).as("the tenant whose token was right").isEqualTo(defaultBefore + 1);
        assertThat(webhooks("unauthorized", "unknown")).isEqualTo(unknownBefore + 1);
    }

    /** The answer to a webhook's POST whose head declares a body over any limit, the body never sent. */
    private static String declareTooLargeABody(String token) throws Exception {
        try (Socket socket = RawHttp.connect(app.connector())) {
            RawHttp.send(socket, "POST /webhooks/flatchr?token=" + token + " HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 16777217\r\n\r\n");
            return RawHttp.answer(socket);
        }
    }

    /** flatchr_webhooks_total of this outcome and tenant, 0 before the first. */
    private static double webhooks(String outcome, String tenant) throws Exception {
        String series = "flatchr_webhooks_total{outcome=\"" + outcome + "\",tenant=\"" + tenant + "\"} ";
        return app.connector().get("/observe/metrics", "Bearer " + ConnectorProcess.ADMIN_TOKEN).body().lines()
                .filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length()))).sum();
    }

    @Test
    void jsonSentAsAFormIsStillReadAsJson() throws Exception {
        ObjectNode event = FlatchrEvents.hire("form-1", "Zoé", "Lefèvre", "zoe+work@example.org");

        HttpResponse<String> response = app.connector().postWebhook(event.toString(), ConnectorProcess.WEBHOOK_TOKEN,
                "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(202);
        app.connector().awaitStatus(JSON.readTree(response.body()).path("hireId").asText(), "delivered");
        assertThat(userWithMail("zoe+work@example.org").firstName()).isEqualTo("Zoé");
    }

    @Test
    void badInputIsAnsweredWithAProblemNamingWhatIsWrong() throws Exception {
        ObjectNode noCandidate = FlatchrEvents.hire("bad-1");
        ((ObjectNode) noCandidate.path("data")).remove("candidate");
        ObjectNode columnAsNumber = FlatchrEvents.hire("bad-2");
        ((ObjectNode) columnAsNumber.path("data")).put("column", 9);

        assertProblem(app.connector().postWebhook("not json at all"), 400, "body");
        assertProblem(app.connector().postWebhook(""), 400, "body");
        assertProblem(app.connector().postWebhook("[1,2,3]"), 400, "body");
        assertProblem(app.connector().postWebhook("{\"company_id\":4242}"), 400, "event");
        assertProblem(app.connector().postWebhook(noCandidate.toString()), 400, "data.candidate");
        assertProblem(app.connector().postWebhook(columnAsNumber.toString()), 400, "data.column");
        assertProblem(app.connector().postWebhook("{\"event\":\"drag_applicant\",\"company_id\":1}"), 400, "data");
        // a body over the limit: HostileInputIT sends its headers alone, as a client sending it whole races the
        // server's close after its 413 and may read a reset instead
        // After all of that, the next valid hire is still accepted.
        assertThat(app.connector().postWebhook(FlatchrEvents.hire("bad-after").toString()).statusCode()).isEqualTo(202);
    }

    @Test
    void aHireWithoutEmailIsRejectedButRecordedForAnOperator() throws Exception {
        ObjectNode event = FlatchrEvents.hire("incomplete-1", "Sans", "Adresse", "");

        HttpResponse<String> response = app.connector().postWebhook(event.toString());

        JsonNode problem = assertProblem(response, 422, null);
        assertThat(problem.path("fields").toString()).contains("data.candidate.email");
        JsonNode hire = app.connector().hire(problem.path("hireId").asText());
        assertThat(hire.path("status").asText()).isEqualTo("rejected");
        assertThat(hire.path("lastError").asText()).contains("data.candidate.email");
    }

    @Test
    void theAdminApiNeedsItsOwnToken() throws Exception {
        String hireId = app.connector().accept(FlatchrEvents.hire("admin-1", "Ada", "Lovelace", "ada@example.org"));

        assertThat(app.connector().get("/admin/api/hires/" + hireId, null).statusCode()).isEqualTo(401);
        assertThat(app.connector().get("/admin/api/hires/" + hireId, "Bearer " + ConnectorProcess.WEBHOOK_TOKEN).statusCode())
                .isEqualTo(401);
        assertThat(app.connector().get("/admin/api/hires/unknown", "Bearer " + ConnectorProcess.ADMIN_TOKEN).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theLogHoldsNoEmailPhoneOrApiKey() throws Exception {
        String hireId = app.connector().accept(FlatchrEvents.hire("privacy-1", "Priya", "Secret", "priya.secret@example.org"));
        app.connector().awaitStatus(hireId, "delivered");

        String log = app.connector().log();

        assertThat(log).contains(hireId);
        assertThat(log).doesNotContain("priya.secret@example.org", "+33612345678", "06 12 34 56 78", API_KEY,
                ConnectorProcess.WEBHOOK_TOKEN, ConnectorProcess.ADMIN_TOKEN);
    }


    private static JsonNode assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(problem.path("field").asText()).isEqualTo(field);
        }
        return problem;
    }

    static User userWithMail(String mail) {
        return app.lucca().users().stream().filter(u -> mail.equals(u.mail())).findFirst()
                .orElseThrow(() -> new AssertionError("no Lucca user with the expected mail"));
    }

    private static WorkContract contractOf(User user) {
        return app.lucca().contracts().stream().filter(c -> c.ownerId() == user.id()).findFirst().orElseThrow();
    }
}
