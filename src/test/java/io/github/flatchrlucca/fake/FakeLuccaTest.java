package io.github.flatchrlucca.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeLuccaTest {

    private static final String KEY = "6f0e2b54-3b1c-4d8e-9a57-2d7c1f0a9b33";
    private static final String USERS = "/api/v3/users";
    private static final String CONTRACTS = "/directory/api/4.0/work-contracts";
    private static final String FIELDS = "fields=id,login,mail,firstName,lastName,dtContractStart,dtContractEnd";
    private static final String JANE = newUser("jane.muller@acme.test", "jmuller");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FakeLucca lucca;

    @BeforeEach
    void start() {
        lucca = FakeLucca.start(KEY);
    }

    @AfterEach
    void stop() {
        lucca.close();
    }

    @Test
    void refusesAMissingOrWrongKeyAndFollowsARotation() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri(USERS)).GET());
        HttpResponse<String> wrongKey = send(HttpRequest.newBuilder(uri(USERS))
                .header("Authorization", "lucca application=not-the-key").GET());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json.readTree(anonymous.body())).isEqualTo(json.readTree("{\"Status\":401,\"Message\":\"Unauthorized\"}"));
        assertThat(wrongKey.statusCode()).isEqualTo(401);

        lucca.acceptKey("new-key");
        assertThat(get(USERS).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri(USERS)).header("Authorization", "lucca application=new-key").GET())
                .statusCode()).isEqualTo(200);
        assertThat(lucca.requests()).extracting(Request::status).containsExactly(401, 401, 401, 200);
    }

    @Test
    void createsAUserAndFindsItByMailWithOnlyTheFieldsAsked() throws Exception {
        HttpResponse<String> created = post(USERS + "?contract=true", JANE);

        assertThat(created.statusCode()).isEqualTo(200);
        int id = body(created).path("data").path("id").asInt();
        JsonNode found = body(get(USERS + "?mail=jane.muller%40acme.test&formerEmployees=true&" + FIELDS));
        assertThat(found).isEqualTo(json.readTree("""
                {"data":{"items":[{"id":%d,"login":"jmuller","mail":"jane.muller@acme.test","firstName":"Jane",
                 "lastName":"Müller","dtContractStart":"2026-01-05T00:00:00","dtContractEnd":null}]}}""".formatted(id)));
        JsonNode byDefault = body(get(USERS + "?mail=jane.muller@acme.test")).path("data").path("items").get(0);
        assertThat(byDefault.fieldNames()).toIterable().containsExactly("id", "name", "url");
        assertThat(byDefault.path("url").asText()).isEqualTo(lucca.baseUrl() + USERS + "/" + id);
        assertThat(lucca.users()).singleElement().satisfies(user -> {
            assertThat(user.legalEntityId()).isEqualTo(3);
            assertThat(user.jobTitle()).isEqualTo("Buyer");
        });
    }

    @Test
    void hidesFormerEmployeesUnlessAsked() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris")); // the instance's day
        lucca.addUser("Old", "Timer", "old@acme.test", "otimer", LocalDate.of(2010, 1, 4), today.minusDays(1));
        lucca.addUser("Still", "Here", "still@acme.test", "shere", LocalDate.of(2010, 1, 4), today);

        assertThat(logins(USERS + "?fields=login")).containsExactly("shere");
        assertThat(logins(USERS + "?fields=login&formerEmployees=true")).containsExactly("otimer", "shere");
    }

    @Test
    void filtersLoginsByEqualityOrByLike() throws Exception {
        lucca.addUser("Emma", "Muller", "emma@acme.test", "emuller", LocalDate.of(2020, 1, 6), null);
        lucca.addUser("Eric", "Muller", "eric@acme.test", "emuller2", LocalDate.of(2021, 1, 4), null);
        lucca.addUser("Jean", "Dupont", "jean@acme.test", "jdupont", LocalDate.of(2022, 1, 3), null);

        assertThat(logins(USERS + "?login=emuller&fields=login")).containsExactly("emuller");
        assertThat(logins(USERS + "?login=EMuller&fields=login")).as("login= is strict equality, case included").isEmpty();
        assertThat(logins(USERS + "?mail=emma@acme.test&fields=login")).containsExactly("emuller");
        assertThat(logins(USERS + "?mail=Emma@Acme.test&fields=login")).as("mail= is strict equality, case included").isEmpty();
        assertThat(logins(USERS + "?login=like,emuller&fields=login")).containsExactly("emuller", "emuller2");
        assertThat(logins(USERS + "?login=like%2CMULLER&fields=login&paging=1,1")).containsExactly("emuller2");
    }

    @Test
    void opensAWorkContractWithTheUserThenListsAndPatchesIt() throws Exception {
        int owner = body(post(USERS + "?contract=true", JANE)).path("data").path("id").asInt();

        JsonNode listed = body(get(CONTRACTS + "?ownerId%5B%5D=" + owner));
        assertThat(listed.path("count").asInt()).isEqualTo(1);
        JsonNode contract = listed.path("items").get(0);
        assertThat(contract).isEqualTo(json.readTree("""
                {"id":%d,"ownerId":%d,"typeId":1,"startsOn":"2026-01-05","endsOn":null,"establishmentId":3,"externalId":null}"""
                .formatted(contract.path("id").asInt(), owner)));
        assertThat(body(get(CONTRACTS + "?ownerId[]=" + owner)).path("count").asInt()).isEqualTo(1);

        HttpResponse<String> patched = patch(CONTRACTS + "/" + contract.path("id").asInt(),
                "{\"typeId\": 3, \"startsOn\": \"2026-01-12\"}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(body(patched).path("typeId").asInt()).isEqualTo(3);
        assertThat(lucca.contracts()).singleElement()
                .satisfies(changed -> assertThat(changed.startsOn()).isEqualTo("2026-01-12"));
        assertThat(lucca.users().get(0).dtContractStart()).isEqualTo("2026-01-12T00:00:00");
        assertThat(patch(CONTRACTS + "/" + owner, "{\"typeId\": 3}").statusCode()).isEqualTo(404);
    }

    @Test
    void pagesDepartments() throws Exception {
        for (String name : new String[] {"Achats", "Finance", "R&D", "Ventes", "Logistique"}) {
            lucca.addDepartment(name, !name.equals("Logistique"));
        }

        JsonNode first = body(get("/organization/structure/api/departments?page=1&limit=2"));
        JsonNode last = body(get("/organization/structure/api/departments?page=3&limit=2"));

        assertThat(first.path("items")).extracting(item -> item.path("name").asText()).containsExactly("Achats", "Finance");
        assertThat(first.path("next").asText())
                .isEqualTo(lucca.baseUrl() + "/organization/structure/api/departments?page=2&limit=2");
        assertThat(last.path("items")).singleElement().satisfies(item -> {
            assertThat(item.path("name").asText()).isEqualTo("Logistique");
            assertThat(item.path("isActive").asBoolean()).isFalse();
        });
        assertThat(last.path("next").isNull()).isTrue();
        assertThat(body(get("/organization/structure/api/departments")).path("items")).hasSize(5);
    }

    @Test
    void pagesAPersonsWorkContractsOnlyWhenAsked() throws Exception {
        int paul = lucca.addUser("Paul", "Martin", "paul@example.org", "pmartin", LocalDate.of(2018, 1, 1),
                LocalDate.of(2019, 12, 31));
        lucca.addContract(paul, 22, LocalDate.of(2021, 1, 1), LocalDate.of(2022, 12, 31));
        int later = lucca.addContract(paul, 23, LocalDate.of(2024, 1, 1), null);
        lucca.addUser("Other", "Person", "other@example.org", "operson", LocalDate.of(2018, 1, 1), null);
        String ofPaul = CONTRACTS + "?ownerId%5B%5D=" + paul;
        JsonNode whole = body(get(ofPaul));
        assertThat(whole.path("items")).extracting(item -> item.path("typeId").asInt()).containsExactly(1, 22, 23);
        assertThat(whole.has("next")).as("no paging unless asked").isFalse();

        lucca.pageWorkContracts(2);
        JsonNode first = body(get(ofPaul));
        JsonNode second = body(get(first.path("next").asText().substring(lucca.baseUrl().length())));

        assertThat(first.path("items")).extracting(item -> item.path("typeId").asInt()).containsExactly(1, 22);
        assertThat(first.path("count").asInt()).isEqualTo(3);
        assertThat(first.path("next").asText()).isEqualTo(lucca.baseUrl() + ofPaul + "&page=2&limit=2");
        assertThat(second.path("items")).singleElement()
                .satisfies(item -> assertThat(item.path("id").asInt()).isEqualTo(later));
        assertThat(second.path("count").asInt()).isEqualTo(3);
        assertThat(second.path("next").isNull()).isTrue();
        lucca.pageWorkContracts(0);
        assertThat(body(get(ofPaul)).path("items")).hasSize(3);
    }

    @Test
    void failNextAnswersTheStatusWithoutActing() throws Exception {
        lucca.failNext("POST", USERS, 503, 2);

        assertThat(get(USERS).statusCode()).isEqualTo(200);
        assertThat(post(USERS, JANE).statusCode()).isEqualTo(503);
        assertThat(lucca.users()).isEmpty();
        assertThat(post(USERS, JANE).statusCode()).isEqualTo(503);
        assertThat(post(USERS, JANE).statusCode()).isEqualTo(200);
        assertThat(lucca.users()).hasSize(1);
        assertThat(lucca.count("POST", USERS)).isEqualTo(3);
    }

    @Test
    void rateLimitNextAnswers429WithRetryAfter() throws Exception {
        lucca.rateLimitNext(1, 7);

        HttpResponse<String> limited = get(USERS);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(get(USERS).statusCode()).isEqualTo(200);
    }

    @Test
    void enforceLimitRefusesOverTheWindowUntilASlotFrees() throws Exception {
        lucca.enforceLimit(2, Duration.ofMillis(200));

        assertThat(get(USERS).statusCode()).isEqualTo(200);
        assertThat(get(USERS).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = get(USERS);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> get(USERS).statusCode() == 200);
    }

    @Test
    void countsTheMostRequestsInAnyWindow() throws Exception {
        for (int i = 0; i < 3; i++) {
            get(USERS);
        }

        assertThat(lucca.maxRequestsInAnyWindow(Duration.ofMinutes(1))).isEqualTo(3);
        assertThat(lucca.maxRequestsInAnyWindow(Duration.ofNanos(1))).isEqualTo(1);
    }

    @Test
    void aFormerEmployeeGetsANewContractThatMayNotOverlapAnother() throws Exception {
        int paul = lucca.addUser("Paul", "Martin", "paul@example.org", "pmartin", LocalDate.of(2018, 1, 1),
                LocalDate.of(2021, 6, 30));

        HttpResponse<String> created = post(CONTRACTS, "{\"ownerId\": " + paul + ", \"startsOn\": \"2027-01-04\", "
                + "\"endsOn\": \"2027-06-30\", \"typeId\": 22, \"externalId\": \"app-9\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(body(created).path("externalId").asText()).isEqualTo("app-9");
        assertThat(lucca.users()).singleElement().satisfies(user -> {
            assertThat(user.dtContractStart()).isEqualTo("2018-01-01T00:00:00");
            assertThat(user.dtContractEnd()).isEqualTo("2027-06-30T00:00:00");
        });
        assertThat(post(CONTRACTS, "{\"ownerId\": " + paul + ", \"startsOn\": \"2027-06-01\", \"typeId\": 21}")
                .statusCode()).as("overlaps the new one").isEqualTo(400);
        assertThat(post(CONTRACTS, "{\"ownerId\": 999999, \"startsOn\": \"2027-06-01\", \"typeId\": 21}")
                .statusCode()).as("no such person").isEqualTo(400);
        assertThat(post(CONTRACTS, "{\"ownerId\": " + paul + ", \"startsOn\": \"2028-01-01\"}").statusCode())
                .as("no template").isEqualTo(400);
        assertThat(lucca.contracts()).hasSize(2);
    }

    @Test
    void aLostAnswerLeavesTheClientWithAnIoExceptionAndTheUserCreated() {
        lucca.loseAnswerOfNextCreate();

        assertThatThrownBy(() -> post(USERS + "?contract=true", JANE)).isInstanceOf(IOException.class);
        assertThat(lucca.users()).extracting(User::login).containsExactly("jmuller");
        assertThat(lucca.contracts()).hasSize(1);
        assertThat(lucca.requests()).extracting(Request::status).containsExactly(Request.NO_ANSWER);
    }

    @Test
    void refusesDuplicatesAndMissingFieldsWith400() throws Exception {
        lucca.refuseDuplicateMails();
        lucca.addUser("Jules", "Muller", "jules@acme.test", "jmuller", LocalDate.of(2020, 1, 6), null);

        HttpResponse<String> duplicateLogin = post(USERS, JANE);
        HttpResponse<String> duplicateMail = post(USERS, newUser("JULES@acme.test", "jmuller2"));
        HttpResponse<String> missingMail = post(USERS, """
                {"firstName":"Jane","lastName":"Müller","login":"jmuller3","dtContractStart":"2026-01-05T00:00:00"}""");

        assertThat(duplicateLogin.statusCode()).isEqualTo(400);
        assertThat(body(duplicateLogin).path("Message").asText()).contains("jmuller");
        assertThat(duplicateMail.statusCode()).isEqualTo(400);
        assertThat(missingMail.statusCode()).isEqualTo(400);
        assertThat(body(missingMail).path("Message").asText()).isEqualTo("mail is required");
        assertThat(lucca.users()).hasSize(1);
    }

    @Test
    void refusesADepartmentTheInstanceDoesNotList() throws Exception {
        int sales = lucca.addDepartment("Ventes", true);
        int seeded = lucca.addDepartment(99, "Direction", true);

        HttpResponse<String> unknown = post(USERS, newUser("jane.muller@acme.test", "jmuller")
                .replace("\"legalEntityId\"", "\"departmentId\":42,\"legalEntityId\""));
        HttpResponse<String> listed = post(USERS, newUser("jane.muller@acme.test", "jmuller")
                .replace("\"legalEntityId\"", "\"departmentId\":" + sales + ",\"legalEntityId\""));

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(body(unknown).path("Message").asText()).contains("departmentId 42");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(lucca.users()).extracting(User::departmentId).containsExactly(sales);
        assertThat(seeded).isEqualTo(99);
        assertThat(lucca.addDepartment("Achats", true)).as("the next id after the highest").isEqualTo(sales + 1);
        assertThatThrownBy(() -> lucca.addDepartment(99, "Autre", true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takesASecondUserOfOneMailUnlessAskedNotTo() throws Exception {
        lucca.addUser("Jules", "Muller", "jules@acme.test", "jmuller", LocalDate.of(2020, 1, 6), null);

        HttpResponse<String> sameMail = post(USERS, newUser("jules@acme.test", "jmuller2"));

        // Lucca documents the login as unique, not the mail: a second create of one person must show as two users
        assertThat(sameMail.statusCode()).as(sameMail.body()).isEqualTo(200);
        assertThat(lucca.users()).extracting(User::login).containsExactly("jmuller", "jmuller2");
        assertThat(lucca.userCreates()).extracting(Request::status).containsExactly(200);
    }

    @Test
    void createsOnlyOneOfConcurrentIdenticalCreates() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(http.sendAsync(authorized(USERS).POST(BodyPublishers.ofString(JANE)).build(), BodyHandlers.ofString()));
        }

        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            statuses.add(answer.get(5, TimeUnit.SECONDS).statusCode());
        }
        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 400);
        assertThat(lucca.users()).hasSize(1);
    }

    @Test
    void answersUnknownRoutesWith404() throws Exception {
        assertThat(get("/api/v3/departments").statusCode()).isEqualTo(404);
        assertThat(send(authorized(USERS).DELETE()).statusCode()).isEqualTo(404);
    }

    @Test
    void waitsTheConfiguredLatencyBeforeAnswering() throws Exception {
        lucca.latency(Duration.ofMillis(150));

        long start = System.nanoTime();
        get(USERS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void listsWhatChangedSinceADateOfItsOwnLocalClockThatItsDateHeaderSaysInGmt() throws Exception {
        lucca.addUser("Old", "Timer", "old@acme.test", "otimer", LocalDate.of(2020, 1, 6), LocalDate.of(2021, 1, 6));
        // The Date header counts whole seconds: the change to list comes once Lucca's clock is past the old one's.
        ZonedDateTime oldChange = luccaDate();
        await().atMost(5, TimeUnit.SECONDS).until(() -> luccaDate().isAfter(oldChange));
        String since = luccaDate().withZoneSameInstant(ZoneId.of("Europe/Paris")).toLocalDateTime().toString();

        post(USERS + "?contract=true", JANE);

        String changed = USERS + "?modifiedAt=since," + since + "&formerEmployees=true&fields=id,login,mail,modifiedAt";
        assertThat(logins(changed)).containsExactly("jmuller");
        assertThat(body(get(changed)).path("data").path("items").get(0).path("modifiedAt").asText())
                .startsWith(since.substring(0, 13));
        assertThat(logins(USERS + "?modifiedAt=until," + since + "&formerEmployees=true&fields=login"))
                .containsExactly("otimer");
        assertThat(logins(USERS + "?modifiedAt=between,2020-01-01," + since + "&fields=login")).isEmpty();
        assertThat(get(USERS + "?modifiedAt=after,2020-01-01").statusCode()).isEqualTo(400);
        assertThat(get(USERS + "?modifiedAt=since,yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void pagesTheUserList() throws Exception {
        for (int i = 1; i <= 5; i++) {
            lucca.addUser("P" + i, "Person", "p" + i + "@acme.test", "p" + i, LocalDate.of(2024, 1, 1), null);
        }

        assertThat(logins(USERS + "?formerEmployees=true&fields=login&paging=0,2")).containsExactly("p1", "p2");
        assertThat(logins(USERS + "?formerEmployees=true&fields=login&paging=4,2")).containsExactly("p5");
        assertThat(get(USERS + "?paging=0,1001").statusCode()).isEqualTo(400);
        JsonNode counted = body(get(USERS + "?formerEmployees=true&fields=login,collection.count&paging=4,2"));
        assertThat(counted.path("data").path("count").asInt()).as("every user that matches, not the page's").isEqualTo(5);
        assertThat(counted.path("data").path("items").get(0).has("collection.count")).isFalse();
        assertThat(body(get(USERS + "?fields=login&paging=0,2")).path("data").has("count")).as("only when asked")
                .isFalse();
    }

    private ZonedDateTime luccaDate() throws Exception {
        return ZonedDateTime.parse(get(USERS + "?fields=id&paging=0,1").headers().firstValue("Date").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    private static String newUser(String mail, String login) {
        return """
                {"firstName":"Jane","lastName":"Müller","mail":"%s","login":"%s",
                 "dtContractStart":"2026-01-05T00:00:00","legalEntityId":3,"jobTitle":"Buyer"}""".formatted(mail, login);
    }

    private List<String> logins(String pathAndQuery) throws Exception {
        JsonNode items = body(get(pathAndQuery)).path("data").path("items");
        List<String> logins = new ArrayList<>();
        items.forEach(item -> logins.add(item.path("login").asText()));
        return logins;
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send(authorized(pathAndQuery).GET());
    }

    private HttpResponse<String> post(String pathAndQuery, String body) throws Exception {
        return send(authorized(pathAndQuery).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> patch(String pathAndQuery, String body) throws Exception {
        return send(authorized(pathAndQuery).header("Content-Type", "application/json")
                .method("PATCH", BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder authorized(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "lucca application=" + KEY);
    }

    private URI uri(String pathAndQuery) {
        return URI.create(lucca.baseUrl() + pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(5)).build(), BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }
}
