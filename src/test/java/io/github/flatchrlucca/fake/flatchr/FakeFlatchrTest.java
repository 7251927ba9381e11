package io.github.flatchrlucca.fake.flatchr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.fake.Request;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeFlatchrTest {

    private static final String KEY = "b1d0c2e7a9f84c3e8d5a6b7c8d9e0f1a";
    private static final String COMPANY = "Wy3EOp2NP3p1KMq8";
    private static final String BASE = "/company/" + COMPANY;
    private static final String SEARCH = BASE + "/search/applicants";

    private static final Column NEW = new Column("Ga1pZk7RWd2qLmB3", "Nouveau", 1, false);
    private static final Column INTERVIEW = new Column("Hb2qAl8SXe3rMnC4", "Entretien", 2, false);
    private static final Column HIRED = new Column("Jc3rBm9TYf4sNoD5", "Recruté", 3, true);
    private static final Tag SERVICE_IT = Tag.folder("7jKJ0Mpz60pXNgxa", 1174, "Service IT");
    private static final Tag OUTCOME = Tag.freeText("0D3NVZdq2MnMyb6z", 1184, "Lucca");
    private static final Tag DEGREE = Tag.choice("5gQayv9L1Qp6LXE4", 1183, "Diplôme ", "Bac;Bac +2;Bac +3; Bac +5", false);
    private static final Tag LANGUAGES = Tag.choice("vADYjo9mwOdkR0ry", 1178, "Langues", "Français;Anglais", true);
    private static final Vacancy ACCOUNTANT = new Vacancy("k0M5O9yaXbX9xbQB", 3003, "Comptable H/F", "COMPTA-2026", 1,
            "2027-01-04", null, 1, new Address("Lyon", "69002"), List.of(SERVICE_IT));
    private static final Vacancy DEVELOPER = new Vacancy("XzbPjpo3bY1pY51y", 3004, "Développeuse Java", "DEV-7", 2,
            1798761600L, "2027-06-30", 0, null, List.of());
    private static final String JEANNE = "z7gWQnjXG77hJRak";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FakeFlatchr flatchr;

    @BeforeEach
    void start() {
        flatchr = FakeFlatchr.start(KEY, COMPANY);
        flatchr.addColumn(HIRED); // out of order on purpose: the API lists columns by position
        flatchr.addColumn(NEW);
        flatchr.addColumn(INTERVIEW);
        flatchr.addTag(OUTCOME);
        flatchr.addTag(DEGREE);
        flatchr.addTag(LANGUAGES);
        flatchr.addVacancy(ACCOUNTANT);
        flatchr.addVacancy(DEVELOPER);
        flatchr.addApplication(ApplicationSeed.of(
                        new Candidate("Jeanne", "Exemple", "jeanne@example.org", "+33 6 12 34 56 78"), ACCOUNTANT.id(), "Recruté")
                .id(JEANNE)
                .createdAt(Instant.parse("2025-11-08T23:30:00Z")) // 9 November in Paris
                .updatedAt(Instant.ofEpochSecond(1763820000))
                .source("Site carrière"));
    }

    @AfterEach
    void stop() {
        flatchr.close();
    }

    // ---- the key

    @Test
    void takesTheKeyAsBearerOrAsTokenAndRefusesAMissingOrWrongOne() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri(BASE + "/columns")).GET());
        HttpResponse<String> wrongBearer = send(HttpRequest.newBuilder(uri(BASE + "/columns"))
                .header("Authorization", "Bearer not-the-key").GET());
        HttpResponse<String> wrongToken = send(HttpRequest.newBuilder(uri(BASE + "/columns?token=not-the-key")).GET());
        HttpResponse<String> otherScheme = send(HttpRequest.newBuilder(uri(BASE + "/columns"))
                .header("Authorization", "Basic " + KEY).GET());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(body(anonymous)).isEqualTo(json.readTree("{\"message\":\"Unauthorized\"}"));
        assertThat(wrongBearer.statusCode()).isEqualTo(401);
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(otherScheme.statusCode()).isEqualTo(401);
        assertThat(get(BASE + "/columns").statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri(BASE + "/columns")).header("Authorization", "bearer " + KEY).GET())
                .statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri(BASE + "/columns?token=" + KEY)).GET()).statusCode()).isEqualTo(200);
        assertThat(flatchr.requests()).extracting(Request::status).containsExactly(401, 401, 401, 401, 200, 200, 200);
    }

    @Test
    void anExpiredKeyAnswers401UntilANewKeyIsAccepted() throws Exception {
        flatchr.expireKey();

        assertThat(get(BASE + "/columns").statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri(BASE + "/columns?token=" + KEY)).GET()).statusCode()).isEqualTo(401);
        assertThat(post(SEARCH, "{}").statusCode()).isEqualTo(401);

        flatchr.acceptKey("the-new-key");
        assertThat(get(BASE + "/columns").statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri(BASE + "/columns")).header("Authorization", "Bearer the-new-key").GET())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void answers404ForAnotherCompanyKeyAndForUnknownRoutes() throws Exception {
        String other = "/company/N1zj8Md6zbdYZ70J";

        assertThat(get(other + "/columns").statusCode()).isEqualTo(404);
        assertThat(post(other + "/search/applicants", "{}").statusCode()).isEqualTo(404);
        assertThat(get(other + "/applicant/" + JEANNE + "?fields=candidate,vacancy").statusCode()).isEqualTo(404);
        assertThat(post(other + "/applicant/" + JEANNE + "/trait", trait(OUTCOME, "x")).statusCode()).isEqualTo(404);
        assertThat(flatchr.traits(JEANNE)).isEmpty();
        assertThat(get(BASE + "/candidates").statusCode()).isEqualTo(404);
        assertThat(send(authorized(SEARCH).DELETE()).statusCode()).isEqualTo(404);
        assertThat(body(get(BASE + "/candidates")).path("message").asText()).isEqualTo("No route for GET " + BASE + "/candidates");
    }

    // ---- search

    @Test
    void answersSearchItemsShapedAsTheReferenceExample() throws Exception {
        HttpResponse<String> found = post(SEARCH, "{\"email\": \"jeanne@example.org\"}");

        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode items = body(found);
        assertThat(items.isArray()).isTrue();
        assertThat(items).singleElement().isEqualTo(json.readTree("""
                {"applicant": "z7gWQnjXG77hJRak", "vacancy": "Comptable H/F", "vacancy_id": 3003, "column": "Recruté",
                 "status": 1, "hired": true, "score": 0, "external_id": "", "firstname": "Jeanne", "lastname": "Exemple",
                 "email": "jeanne@example.org", "phone": "+33 6 12 34 56 78", "created_at": "09/11/25",
                 "updated_at": 1763820000, "source": "Site carrière"}"""));
        assertThat(items.get(0).fieldNames()).toIterable().containsExactly("applicant", "vacancy", "vacancy_id", "column",
                "status", "hired", "score", "external_id", "firstname", "lastname", "email", "phone", "created_at",
                "updated_at", "source");
    }

    @Test
    void answersSearchItemsWithoutVacancyIdAsTheOlderDocsWhenAsked() throws Exception {
        flatchr.answerSearchesAsOlderDocs();

        JsonNode item = body(post(SEARCH, "{\"email\": \"jeanne@example.org\"}")).get(0);

        assertThat(item.has("vacancy_id")).isFalse();
        assertThat(item.path("vacancy").asText()).isEqualTo("Comptable H/F");
        assertThat(item.path("applicant").asText()).isEqualTo("z7gWQnjXG77hJRak");
    }

    @Test
    void filtersOnHiredAndOnTheColumnTitle() throws Exception {
        applicant("Paul", ACCOUNTANT, "Entretien", Instant.parse("2025-11-20T10:00:00Z"));
        applicant("Lina", DEVELOPER, "Nouveau", Instant.parse("2025-11-20T10:00:00Z"));
        applicant("Omar", DEVELOPER, "Recruté", Instant.parse("2025-11-20T10:00:00Z"));

        assertThat(firstnames("{\"hired\": true}")).containsExactly("Jeanne", "Omar");
        assertThat(firstnames("{\"hired\": \"true\"}")).containsExactly("Jeanne", "Omar");
        assertThat(firstnames("{\"hired\": false}")).containsExactly("Paul", "Lina");
        assertThat(firstnames("{\"column\": \"Entretien\"}")).containsExactly("Paul");
        assertThat(firstnames("{\"column\": \"recruté\"}")).isEmpty();
        assertThat(firstnames("{\"hired\": true, \"vacancy\": \"" + DEVELOPER.id() + "\"}")).containsExactly("Omar");
        assertThat(firstnames("{}")).containsExactly("Jeanne", "Paul", "Lina", "Omar");
        assertThat(firstnames("")).containsExactly("Jeanne", "Paul", "Lina", "Omar");
        assertThat(firstnames("{\"hired\": null}")).hasSize(4);
        assertThat(post(SEARCH, "{\"hired\": 1}").statusCode()).isEqualTo(400);
        assertThat(post(SEARCH, "{\"column\": 3}").statusCode()).isEqualTo(400);
    }

    @Test
    void filtersOnTheEncodedVacancyIdAndExactNamesMailAndPhone() throws Exception {
        applicant("Paul", DEVELOPER, "Entretien", Instant.parse("2025-11-20T10:00:00Z"));

        assertThat(firstnames("{\"vacancy\": \"" + ACCOUNTANT.id() + "\"}")).containsExactly("Jeanne");
        assertThat(firstnames("{\"vacancy\": \"3003\"}")).isEmpty();
        assertThat(firstnames("{\"firstname\": \"Jeanne\", \"lastname\": \"Exemple\"}")).containsExactly("Jeanne");
        assertThat(firstnames("{\"lastname\": \"exemple\"}")).isEmpty();
        assertThat(firstnames("{\"email\": \"JEANNE@example.org\"}")).isEmpty();
        assertThat(firstnames("{\"phone\": \"+33 6 12 34 56 78\"}")).containsExactly("Jeanne");
        assertThat(firstnames("{\"phone\": \"+33612345678\"}")).isEmpty();
        assertThat(firstnames("{\"company\": \"" + COMPANY + "\"}")).containsExactly("Jeanne", "Paul");
        assertThat(firstnames("{\"company\": \"N1zj8Md6zbdYZ70J\"}")).isEmpty();
    }

    @Test
    void readsTheUpdateWindowAsParisDaysFromTheStartDayBeforeTheEndDay() throws Exception {
        // Winter: Paris is UTC+1, so 11/20/25 starts at 2025-11-19T23:00Z.
        applicant("Before", ACCOUNTANT, "Recruté", Instant.parse("2025-11-19T22:59:59Z"));
        applicant("First", ACCOUNTANT, "Recruté", Instant.parse("2025-11-19T23:00:00Z"));
        applicant("Last", ACCOUNTANT, "Recruté", Instant.parse("2025-11-21T22:59:59Z"));
        String after = applicant("After", ACCOUNTANT, "Recruté", Instant.parse("2025-11-21T23:00:00Z"));

        assertThat(firstnames("{\"start_update\": \"11/20/25\", \"end_update\": \"11/22/25\"}"))
                .containsExactly("First", "Last");
        assertThat(firstnames("{\"start_update\": \"11/22/25\"}")).containsExactly("Jeanne", "After");
        assertThat(firstnames("{\"end_update\": \"11/20/25\"}")).containsExactly("Before");
        assertThat(firstnames("{\"start_update\": \"11/20/25\", \"end_update\": \"11/20/25\"}")).isEmpty();

        // Summer: Paris is UTC+2, so 07/01/26 starts at 2026-06-30T22:00Z.
        String window = "{\"start_update\": \"07/01/26\", \"end_update\": \"07/02/26\"}";
        flatchr.updatedAt(after, Instant.parse("2026-06-30T21:59:59Z"));
        assertThat(firstnames(window)).isEmpty();
        flatchr.updatedAt(after, Instant.parse("2026-06-30T22:00:00Z"));
        assertThat(firstnames(window)).containsExactly("After");
        assertThat(body(post(SEARCH, window)).get(0).path("updated_at").asLong())
                .isEqualTo(Instant.parse("2026-06-30T22:00:00Z").getEpochSecond());
    }

    @Test
    void readsTheCreationWindowTheSameWayAndAnswersCreationAsADayMonthYearParisDay() throws Exception {
        flatchr.addApplication(ApplicationSeed.of(new Candidate("Late", "Night", "late@example.org", null),
                        ACCOUNTANT.id(), "Nouveau")
                .createdAt(Instant.parse("2026-03-01T23:15:00Z")) // 2 March in Paris
                .updatedAt(Instant.parse("2026-03-05T09:00:00Z")));

        assertThat(firstnames("{\"start\": \"03/02/26\", \"end\": \"03/03/26\"}")).containsExactly("Late");
        assertThat(firstnames("{\"start\": \"03/03/26\"}")).isEmpty();
        assertThat(firstnames("{\"end\": \"03/02/26\"}")).containsExactly("Jeanne");
        JsonNode late = body(post(SEARCH, "{\"lastname\": \"Night\"}")).get(0);
        assertThat(late.path("created_at").asText()).isEqualTo("02/03/26");
        assertThat(late.path("phone").isNull()).isTrue();
    }

    @Test
    void refusesMalformedDaysAndBodiesWith400() throws Exception {
        for (String day : new String[] {"13/01/26", "2026-01-13", "1/5/26", "02/30/26", "01/13/2026", ""}) {
            HttpResponse<String> refused = post(SEARCH, "{\"start_update\": \"" + day + "\"}");
            assertThat(refused.statusCode()).as(day).isEqualTo(400);
        }
        assertThat(body(post(SEARCH, "{\"end\": \"31/12/26\"}")).path("message").asText()).contains("end", "MM/DD/YY");
        assertThat(post(SEARCH, "{\"end_update\": 20261231}").statusCode()).isEqualTo(400);
        assertThat(post(SEARCH, "[]").statusCode()).isEqualTo(400);
        assertThat(post(SEARCH, "{\"hired\": tru").statusCode()).isEqualTo(400);
        assertThat(post(SEARCH, "{\"start\": \"02/29/28\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void findsArchivedApplicationsWithStatus0() throws Exception {
        String paul = applicant("Paul", ACCOUNTANT, "Recruté", Instant.parse("2025-11-20T10:00:00Z"));

        flatchr.archive(paul);

        JsonNode items = body(post(SEARCH, "{\"hired\": true}"));
        assertThat(items).extracting(item -> item.path("firstname").asText() + ":" + item.path("status").asInt())
                .containsExactly("Jeanne:1", "Paul:0");
        assertThat(flatchr.application(paul).status()).isEqualTo(Application.ARCHIVED);
        assertThat(flatchr.application(paul).column()).isEqualTo("Recruté");
        assertThat(flatchr.application(paul).updatedAt()).isAfter(Instant.parse("2025-11-20T10:00:00Z"));
    }

    @Test
    void movingToAnotherColumnCarriesItsHiredFlagAndCountsAsAnUpdate() throws Exception {
        Instant seeded = Instant.parse("2025-11-20T10:00:00Z");
        String paul = applicant("Paul", ACCOUNTANT, "Entretien", seeded);

        flatchr.moveTo(paul, "Recruté");

        assertThat(firstnames("{\"hired\": true}")).containsExactly("Jeanne", "Paul");
        assertThat(flatchr.application(paul).updatedAt()).isAfter(seeded);
        flatchr.moveTo(JEANNE, "Entretien");
        assertThat(firstnames("{\"hired\": true}")).containsExactly("Paul");
        assertThat(body(post(SEARCH, "{\"firstname\": \"Jeanne\"}")).get(0).path("column").asText()).isEqualTo("Entretien");
        flatchr.updatedAt(paul, Instant.parse("2025-12-01T08:00:00Z"));
        assertThat(firstnames("{\"start_update\": \"12/01/25\", \"end_update\": \"12/02/25\"}")).containsExactly("Paul");
        assertThatThrownBy(() -> flatchr.moveTo(paul, "Embauché")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEditOfTheCandidateKeepsTheApplicationsIdAndCountsAsAnUpdate() throws Exception {
        Instant seeded = Instant.parse("2025-11-20T10:00:00Z");
        String paul = applicant("Paul", ACCOUNTANT, "Recruté", seeded);

        flatchr.editCandidate(paul, new Candidate("Paul", "Martin", "paul.corrige@example.org", ""));

        JsonNode found = body(post(SEARCH, "{\"email\": \"paul.corrige@example.org\"}"));
        assertThat(found).singleElement().satisfies(item -> assertThat(item.path("applicant").asText()).isEqualTo(paul));
        assertThat(flatchr.application(paul).updatedAt()).isAfter(seeded);
        assertThat(flatchr.application(paul).column()).isEqualTo("Recruté");
    }

    // ---- one application

    @Test
    void answersOneApplicationWithTheWebhooksCandidateAndVacancyObjects() throws Exception {
        HttpResponse<String> answer = get(BASE + "/applicant/" + JEANNE + "?fields=candidate,vacancy");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode application = body(answer);
        int candidateId = flatchr.application(JEANNE).candidateId();
        assertThat(application).isEqualTo(json.readTree("""
                {"id": "z7gWQnjXG77hJRak", "vacancy_id": "k0M5O9yaXbX9xbQB", "candidate_id": %d,
                 "column_id": "Jc3rBm9TYf4sNoD5", "status": 1, "score": 0, "external_id": "", "source": "Site carrière",
                 "created_at": "2025-11-08T23:30:00.000Z", "updated_at": "2025-11-22T14:00:00.000Z",
                 "candidate": {"id": %d, "firstname": "Jeanne", "lastname": "Exemple", "email": "jeanne@example.org",
                               "phone": "+33 6 12 34 56 78", "external_id": "",
                               "created_at": "2025-11-08T23:30:00.000Z", "updated_at": "2025-11-22T14:00:00.000Z"},
                 "vacancy": {"id": 3003, "title": "Comptable H/F", "reference": "COMPTA-2026", "contract_type_id": 1,
                             "start_date": "2027-01-04", "end_date": null, "status": 1,
                             "address": {"locality": "Lyon", "postal_code": "69002"},
                             "tags": [{"id": "7jKJ0Mpz60pXNgxa", "tag_id": 1174, "title": "Service IT", "type": "vacancies",
                                       "creatable": false, "values": "", "multiple": false, "visible": false}]}}"""
                .formatted(candidateId, candidateId)));
        assertThat(application.path("candidate").path("id").isInt()).isTrue();
        assertThat(application.path("vacancy").path("id").isInt()).isTrue();
    }

    @Test
    void addsTheNestedObjectsOnlyWhenAskedAndAnswers404ForAHiddenOrUnknownApplication() throws Exception {
        JsonNode bare = body(get(BASE + "/applicant/" + JEANNE));
        JsonNode candidateOnly = body(get(BASE + "/applicant/" + JEANNE + "?fields=candidate"));

        assertThat(bare.has("candidate")).isFalse();
        assertThat(bare.has("vacancy")).isFalse();
        assertThat(candidateOnly.path("candidate").path("firstname").asText()).isEqualTo("Jeanne");
        assertThat(candidateOnly.has("vacancy")).isFalse();

        flatchr.hideFromApplicantEndpoint(JEANNE);
        HttpResponse<String> hidden = get(BASE + "/applicant/" + JEANNE + "?fields=candidate,vacancy");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(body(hidden).path("message").asText()).contains(JEANNE);
        assertThat(firstnames("{\"email\": \"jeanne@example.org\"}")).containsExactly("Jeanne");
        assertThat(get(BASE + "/applicant/AAAAAAAAAAAAAAAA?fields=candidate,vacancy").statusCode()).isEqualTo(404);
    }

    @Test
    void generatesSixteenCharacterEncodedIdsWhenTheTestGivesNone() {
        String generated = applicant("Paul", ACCOUNTANT, "Nouveau", Instant.parse("2025-11-20T10:00:00Z"));

        assertThat(generated).matches("[A-Za-z0-9]{16}");
        assertThat(flatchr.applications()).extracting(Application::id).containsExactly(JEANNE, generated);
        assertThatThrownBy(() -> flatchr.addApplication(ApplicationSeed.of(new Candidate("A", "B", "c@d.e", ""),
                ACCOUNTANT.id(), "Nouveau").id(JEANNE))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> flatchr.addApplication(ApplicationSeed.of(new Candidate("A", "B", "c@d.e", ""),
                "3003", "Nouveau"))).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- vacancies, columns, tags

    @Test
    void listsVacanciesWithAddressAndTagsOnlyWhenAsked() throws Exception {
        JsonNode plain = body(get(BASE + "/vacancies"));
        JsonNode full = body(get(BASE + "/vacancies?fields=address,tags"));

        assertThat(plain).hasSize(2);
        assertThat(plain.get(0)).isEqualTo(json.readTree("""
                {"id": "k0M5O9yaXbX9xbQB", "title": "Comptable H/F", "reference": "COMPTA-2026",
                 "contract_type_id": 1, "start_date": "2027-01-04", "end_date": null, "status": 1}"""));
        assertThat(plain.get(1).path("start_date").asLong()).isEqualTo(1798761600L);
        assertThat(plain.get(1).path("status").asInt()).isZero();
        assertThat(full.get(0).path("address")).isEqualTo(json.readTree("{\"locality\": \"Lyon\", \"postal_code\": \"69002\"}"));
        assertThat(full.get(0).path("tags")).extracting(tag -> tag.path("title").asText()).containsExactly("Service IT");
        assertThat(full.get(1).path("address").isNull()).isTrue();
        assertThat(full.get(1).path("tags")).isEmpty();
    }

    @Test
    void answersOneVacancyByItsEncodedIdOnly() throws Exception {
        HttpResponse<String> found = get("/vacancy/" + ACCOUNTANT.id() + "?fields=address,tags");

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(body(found).path("title").asText()).isEqualTo("Comptable H/F");
        assertThat(body(found).path("tags").get(0).path("id").asText()).isEqualTo(SERVICE_IT.id());
        assertThat(body(get("/vacancy/" + ACCOUNTANT.id())).has("address")).isFalse();
        assertThat(get("/vacancy/3003").statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(uri("/vacancy/" + ACCOUNTANT.id()))).statusCode()).isEqualTo(401);
    }

    @Test
    void listsColumnsByPositionAndEveryTagOfTheCompany() throws Exception {
        JsonNode columns = body(get(BASE + "/columns"));
        JsonNode tags = body(get(BASE + "/tags"));

        assertThat(columns).extracting(column -> column.path("title").asText())
                .containsExactly("Nouveau", "Entretien", "Recruté");
        assertThat(columns.get(2)).isEqualTo(json.readTree("""
                {"id": "Jc3rBm9TYf4sNoD5", "title": "Recruté", "position": 3, "hired": true}"""));
        assertThat(tags).extracting(tag -> tag.path("title").asText())
                .containsExactly("Lucca", "Diplôme ", "Langues", "Service IT");
        assertThat(tags.get(0)).isEqualTo(json.readTree("""
                {"id": "0D3NVZdq2MnMyb6z", "tag_id": 1184, "title": "Lucca", "type": "candidates", "creatable": true,
                 "values": "", "multiple": false, "visible": true}"""));
        assertThat(tags.get(1).path("values").asText()).isEqualTo("Bac;Bac +2;Bac +3; Bac +5");
    }

    // ---- traits

    @Test
    void writesReadsAndReplacesACandidateTagValue() throws Exception {
        HttpResponse<String> written = post(BASE + "/applicant/" + JEANNE + "/trait",
                trait(OUTCOME, "Lucca #416 jdupont, starts 2027-01-04"));

        assertThat(written.statusCode()).isEqualTo(200);
        JsonNode first = body(written);
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "tag_id", "value");
        assertThat(first.path("id").asText()).matches("[A-Za-z0-9]{16}");
        assertThat(first.path("tag_id").asText()).isEqualTo(OUTCOME.id());
        assertThat(body(get(BASE + "/applicant/" + JEANNE + "/traits"))).isEqualTo(json.readTree(
                "[" + first + "]"));

        JsonNode second = body(post(BASE + "/applicant/" + JEANNE + "/trait", trait(OUTCOME, "not created: no start date")));
        assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(flatchr.traits(JEANNE)).containsExactly(
                new Trait(first.path("id").asText(), OUTCOME.id(), "not created: no start date"));
        assertThat(body(get(BASE + "/applicant/" + JEANNE + "/traits?token=" + KEY))).hasSize(1);
        assertThat(flatchr.application(JEANNE).updatedAt()).isEqualTo(Instant.ofEpochSecond(1763820000));
    }

    @Test
    void keepsEveryValueOfAMultipleTagOnce() throws Exception {
        String path = BASE + "/applicant/" + JEANNE + "/trait";

        JsonNode french = body(post(path, trait(LANGUAGES, "Français")));
        post(path, trait(LANGUAGES, "Anglais"));
        JsonNode again = body(post(path, trait(LANGUAGES, "Français")));

        assertThat(again.path("id").asText()).isEqualTo(french.path("id").asText());
        assertThat(flatchr.traits(JEANNE)).extracting(Trait::value).containsExactly("Français", "Anglais");
    }

    @Test
    void refusesValuesOutsideTheChoicesAndUnknownTagsOrApplicants() throws Exception {
        String path = BASE + "/applicant/" + JEANNE + "/trait";

        assertThat(post(path, trait(DEGREE, "Doctorat")).statusCode()).isEqualTo(400);
        assertThat(post(path, trait(DEGREE, "Bac +5")).statusCode()).isEqualTo(200); // listed as " Bac +5"
        assertThat(post(path, "{\"tag\": \"AAAAAAAAAAAAAAAA\", \"value\": \"x\"}").statusCode()).isEqualTo(404);
        assertThat(post(path, trait(SERVICE_IT, "x")).statusCode()).isEqualTo(404); // a vacancy tag
        assertThat(post(path, "{\"tag\": \"" + OUTCOME.id() + "\"}").statusCode()).isEqualTo(400);
        assertThat(post(path, "{\"tag\": \"" + OUTCOME.id() + "\", \"value\": \"  \"}").statusCode()).isEqualTo(400);
        assertThat(post(path, "{\"tag\": 1184, \"value\": \"x\"}").statusCode()).isEqualTo(400);
        assertThat(post(path, "tag=x").statusCode()).isEqualTo(400);
        assertThat(post(BASE + "/applicant/AAAAAAAAAAAAAAAA/trait", trait(OUTCOME, "x")).statusCode()).isEqualTo(404);
        assertThat(get(BASE + "/applicant/AAAAAAAAAAAAAAAA/traits").statusCode()).isEqualTo(404);
        assertThat(flatchr.traits(JEANNE)).extracting(Trait::value).containsExactly("Bac +5");
    }

    @Test
    void keepsOneValueOfASingleTagUnderConcurrentWrites() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(http.sendAsync(authorized(BASE + "/applicant/" + JEANNE + "/trait")
                    .POST(BodyPublishers.ofString(trait(OUTCOME, "attempt " + i))).build(), BodyHandlers.ofString()));
        }

        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(flatchr.traits(JEANNE)).singleElement()
                .satisfies(kept -> assertThat(kept.value()).startsWith("attempt "));
    }

    // ---- failures

    @Test
    void failNextAnswersTheStatusWithoutActing() throws Exception {
        String path = BASE + "/applicant/" + JEANNE + "/trait";
        flatchr.failNext("POST", BASE + "/applicant/", 500, 2);

        assertThat(post(SEARCH, "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> failed = post(path, trait(OUTCOME, "x"));
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(body(failed).path("message").asText()).isEqualTo("Injected failure");
        assertThat(get(BASE + "/applicant/" + JEANNE + "/traits").statusCode()).isEqualTo(200);
        assertThat(post(path, trait(OUTCOME, "x")).statusCode()).isEqualTo(500);
        assertThat(flatchr.traits(JEANNE)).isEmpty();
        assertThat(post(path, trait(OUTCOME, "x")).statusCode()).isEqualTo(200);
        assertThat(flatchr.count("POST", path)).isEqualTo(3);
    }

    @Test
    void failNextMayAskToWait() throws Exception {
        String path = BASE + "/applicant/" + JEANNE;
        flatchr.failNext("GET", path, 503, 1, 7);

        HttpResponse<String> failed = get(path + "?fields=candidate,vacancy");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Retry-After")).contains("7");
        assertThat(get(path + "?fields=candidate,vacancy").statusCode()).isEqualTo(200);
    }

    @Test
    void rateLimitNextAnswers429WithRetryAfterUntilRecovered() throws Exception {
        flatchr.rateLimitNext(3, 30);

        HttpResponse<String> limited = post(SEARCH, "{}");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(get(BASE + "/columns").statusCode()).isEqualTo(429);
        flatchr.recover();
        assertThat(post(SEARCH, "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void latencyHoldsTheAnswerOfARequestAlreadyLogged() throws Exception {
        flatchr.latency(Duration.ofMinutes(1));

        HttpRequest slow = authorized(BASE + "/columns").timeout(Duration.ofMillis(300)).GET().build();
        assertThatThrownBy(() -> http.send(slow, BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> flatchr.count("GET", BASE + "/columns") == 1);

        flatchr.latency(Duration.ZERO);
        assertThat(get(BASE + "/tags").statusCode()).isEqualTo(200);
        assertThat(flatchr.requests()).extracting(Request::path).containsExactly(BASE + "/columns", BASE + "/tags");
    }

    @Test
    void logsEveryRequestWithItsQueryBodyAndStatus() throws Exception {
        post(SEARCH + "?token=" + KEY, "{\"hired\": true}");
        post(SEARCH, "{\"hired\": 1}");
        get(BASE + "/applicant/" + JEANNE + "?fields=candidate,vacancy");

        List<Request> requests = flatchr.requests();
        assertThat(requests).extracting(Request::method).containsExactly("POST", "POST", "GET");
        assertThat(requests).extracting(Request::status).containsExactly(200, 400, 200);
        assertThat(requests.get(0).path()).isEqualTo(SEARCH);
        assertThat(requests.get(0).query()).isEqualTo("token=" + KEY);
        assertThat(requests.get(0).authorization()).isEqualTo("Bearer " + KEY);
        assertThat(requests.get(1).body()).isEqualTo("{\"hired\": 1}");
        assertThat(requests.get(2).query()).isEqualTo("fields=candidate,vacancy");
        assertThat(requests).extracting(Request::at).doesNotContainNull();
        assertThat(flatchr.count("POST", SEARCH)).isEqualTo(2);
        assertThat(flatchr.count("GET", BASE + "/applicant/")).isEqualTo(1);
    }

    // ---- helpers

    /** An application of a candidate named after {@code firstname}, created and updated at {@code updated}. */
    private String applicant(String firstname, Vacancy vacancy, String column, Instant updated) {
        return flatchr.addApplication(ApplicationSeed.of(
                        new Candidate(firstname, "Test", firstname.toLowerCase() + "@example.org", "06 00 00 00 00"),
                        vacancy.id(), column)
                .createdAt(updated)
                .updatedAt(updated));
    }

    private List<String> firstnames(String searchBody) throws Exception {
        HttpResponse<String> answer = post(SEARCH, searchBody);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        body(answer).forEach(item -> names.add(item.path("firstname").asText()));
        return names;
    }

    private static String trait(Tag tag, String value) {
        return "{\"tag\": \"" + tag.id() + "\", \"value\": \"" + value + "\"}";
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send(authorized(pathAndQuery).GET());
    }

    private HttpResponse<String> post(String pathAndQuery, String body) throws Exception {
        return send(authorized(pathAndQuery).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder authorized(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Bearer " + KEY);
    }

    private URI uri(String pathAndQuery) {
        return URI.create(flatchr.baseUrl() + pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(5)).build(), BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }
}
