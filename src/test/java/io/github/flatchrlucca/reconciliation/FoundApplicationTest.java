package io.github.flatchrlucca.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.intake.SameApplication;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoundApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    // when the search's answer came
    private static final Instant ANSWERED = Instant.parse("2026-12-02T09:00:00Z");
    private static final String ITEM = """
            {"applicant": "z7gWQnjXG77hJRak", "vacancy": "Comptable H/F", "vacancy_id": 3003, "column": "Recruté",
             "status": 1, "hired": true, "score": 0, "external_id": "", "firstname": "Jeanne", "lastname": "Exemple",
             "email": "jeanne@example.org", "phone": "+33 6 12 34 56 78", "created_at": "09/11/26",
             "updated_at": 1763820000, "source": "Site carrière"}
            """;

    private final List<String> notes = new ArrayList<>();

    @Test
    void aSearchItemIsReadWithItsEncodedApplicantAndPlainVacancy() throws Exception {
        FoundApplication found = FoundApplication.of(JSON.readTree(ITEM), ANSWERED).orElseThrow();

        assertThat(found.applicant()).isEqualTo("z7gWQnjXG77hJRak");
        assertThat(found.vacancyId()).isEqualTo("3003");
        assertThat(found.hired()).isTrue();
        assertThat(found.archived()).isFalse();
        assertThat(found.sameApplication()).contains("jeanne@example.org|3003");
    }

    @Test
    void aRecordedEventTakesWhatTheItemSaysNowOfTheCandidateAndTheVacancysTitleAndKeepsTheRest() throws Exception {
        ObjectNode recorded = (ObjectNode) JSON.readTree("""
                {"event": "drag_applicant", "company_id": 4242,
                 "data": {"candidate": {"id": 77, "firstname": "Jeanne", "lastname": "Exemple", "email": "jeanne@exemple.org",
                                        "phone": "+33 6 12 34 56 78", "consent": true},
                          "vacancy": {"id": 3003, "title": "Comptable", "start_date": "2027-01-04", "tags": [{"title": "Finance"}]},
                          "applicant": {"id": 77}, "column": {"id": 9, "title": "Recruté", "hired": true}}}
                """);
        // an older answer's item gives no phone
        FoundApplication found = FoundApplication.of(JSON.readTree(ITEM.replace("\"phone\": \"+33 6 12 34 56 78\",", "")), ANSWERED)
                .orElseThrow();

        assertThat(found.refresh(recorded)).containsExactly("data.candidate.email", "data.vacancy.title");

        assertThat(recorded.at("/data/candidate/email").asText()).isEqualTo("jeanne@example.org");
        assertThat(recorded.at("/data/candidate/phone").asText()).as("not given: as recorded")
                .isEqualTo("+33 6 12 34 56 78");
        assertThat(recorded.at("/data/vacancy/title").asText()).isEqualTo("Comptable H/F");
        assertThat(recorded.at("/data/vacancy/start_date").asText()).isEqualTo("2027-01-04");
        assertThat(recorded.at("/data/vacancy/tags/0/title").asText()).isEqualTo("Finance");
        assertThat(recorded.at("/data/candidate/consent").asBoolean()).isTrue();
        assertThat(found.refresh((ObjectNode) JSON.readTree("{}"))).as("an erased event").isEmpty();
    }

    @Test
    void anItemsChangeIsItsUpdatedAtInEpochSecondsOrMillisecondsOrIso8601WrittenWithTheDigits0To9Alone()
            throws Exception {
        // flatchr-webhooks.md quirk 3: Flatchr writes its times in several shapes
        for (String sameMoment : List.of("1763820000", "\"1763820000\"", "1763820000000", "\"1763820000000\"",
                "\"2025-11-22T14:00:00.000Z\"", "\"2025-11-22T14:00:00Z\"", "\"2025-11-22T15:00:00+01:00\"")) {
            assertThat(FoundApplication.changedAtOf(JSON.readTree(sameMoment), ANSWERED)).as(sameMoment)
                    .isEqualTo("2025-11-22T14:00:00Z");
        }
        // another script's digits, a sign, a day without its time, a time without its zone, nothing: no time to rely on
        for (String unusable : List.of("\"\u0661\u0667\u0666\u0663\"", "\"+1763820000\"", "\"2025-11-22\"",
                "\"2025-11-22T14:00:00\"", "\"yesterday\"", "null", "\"\"", "1763820000.5")) {
            assertThat(FoundApplication.changedAtOf(JSON.readTree(unusable), ANSWERED)).as(unusable).isNull();
        }
    }

    @Test
    void aTimeOfChangeBefore2000OrMoreThanADayAfterTheAnswerIsNoneToRelyOn() throws Exception {
        // the year 5138 in seconds, the year 12026, 12 digits read as milliseconds (1973), a day and a second ahead
        for (String implausible : List.of("99999999999", "\"+12026-12-01T10:00:00Z\"", "100000000000",
                "\"2026-12-03T09:00:01Z\"", "\"1999-12-31T23:59:59Z\"")) {
            assertThat(FoundApplication.changedAtOf(JSON.readTree(implausible), ANSWERED)).as(implausible).isNull();
        }
        // a day ahead at most: the answer's clock and the connector's may disagree
        assertThat(FoundApplication.changedAtOf(JSON.readTree("\"2026-12-03T09:00:00Z\""), ANSWERED))
                .isEqualTo("2026-12-03T09:00:00Z");
    }

    @Test
    void anItemWithoutApplicantIsNoApplication() throws Exception {
        assertThat(FoundApplication.of(JSON.readTree("{\"firstname\": \"Jeanne\"}"), ANSWERED)).isEmpty();
    }

    @Test
    void theApplicationsDetailsMakeTheEventAsItsWebhookWouldHaveCarriedIt() throws Exception {
        JsonNode details = JSON.readTree("""
                {"candidate": {"firstname": "Jeanne", "lastname": "Exemple", "email": "jeanne@example.org"},
                 "vacancy": {"id": 3003, "title": "Comptable H/F", "start_date": "2027-01-04", "contract_type_id": 2}}
                """);

        ObjectNode event = found().toEvent(JSON, details, null, "4242", SearchedColumn.ANY_HIRED, notes);

        assertThat(event.path("event").asText()).isEqualTo("drag_applicant");
        assertThat(event.path("company_id").asText()).isEqualTo("4242");
        assertThat(event.at("/data/applicant/id").asText()).isEqualTo("z7gWQnjXG77hJRak");
        assertThat(event.at("/data/candidate/lastname").asText()).isEqualTo("Exemple");
        assertThat(event.at("/data/vacancy/start_date").asText()).isEqualTo("2027-01-04");
        assertThat(event.at("/data/vacancy/id").asText()).isEqualTo("3003");
        assertThat(event.at("/data/column/title").asText()).isEqualTo("Recruté");
        assertThat(event.at("/data/column/hired").asBoolean()).isTrue();
        assertThat(notes).isEmpty();
    }

    @Test
    void withoutDetailsTheCandidateIsTheSearchsAndTheVacancyTheListsByItsPlainId() throws Exception {
        JsonNode fromList = JSON.readTree("""
                {"id": "Vk3mP0qA9sLx2BcD", "vacancy_id": 3003, "title": "Comptable H/F", "start_date": "2027-01-04"}
                """);

        ObjectNode event = found().toEvent(JSON, MissingNode.getInstance(), fromList, "4242", SearchedColumn.ANY_HIRED,
                notes);

        assertThat(event.at("/data/candidate/email").asText()).isEqualTo("jeanne@example.org");
        assertThat(event.at("/data/candidate/phone").asText()).isEqualTo("+33 6 12 34 56 78");
        assertThat(event.at("/data/vacancy/start_date").asText()).isEqualTo("2027-01-04");
        assertThat(event.at("/data/vacancy/id").asText()).as("the plain id, as a webhook's").isEqualTo("3003");
        assertThat(notes).containsExactly(FoundApplication.DETAILS_MISSING, FoundApplication.VACANCY_FROM_LIST);
    }

    @Test
    void anOlderItemWithoutVacancyIdKeepsTheDetailsIdOfTheVacancyOrTakesTheListsPlainOne() throws Exception {
        // older docs list fewer fields: the item gives the vacancy's title only
        FoundApplication older = FoundApplication.of(JSON.readTree(ITEM.replace("\"vacancy_id\": 3003,", "")), ANSWERED)
                .orElseThrow();
        JsonNode details = JSON.readTree("""
                {"candidate": {"firstname": "Jeanne", "lastname": "Exemple", "email": "jeanne@example.org"},
                 "vacancy": {"id": 3003, "title": "Comptable H/F"}}
                """);
        JsonNode fromList = JSON.readTree("""
                {"id": "Vk3mP0qA9sLx2BcD", "vacancy_id": 3003, "title": "Comptable H/F"}
                """);

        ObjectNode withDetails = older.toEvent(JSON, details, null, "4242", SearchedColumn.ANY_HIRED, notes);
        ObjectNode withList = older.toEvent(JSON, MissingNode.getInstance(), fromList, "4242",
                SearchedColumn.ANY_HIRED, notes);
        ObjectNode withNeither = older.toEvent(JSON, MissingNode.getInstance(), null, "4242",
                SearchedColumn.ANY_HIRED, notes);

        assertThat(older.sameApplication()).isEmpty();
        assertThat(SameApplication.ofEvent(withDetails)).as("the webhook's key").contains("jeanne@example.org|3003");
        assertThat(SameApplication.ofEvent(withList)).as("the plain id, not the list's encoded one")
                .contains("jeanne@example.org|3003");
        assertThat(withNeither.at("/data/vacancy").has("id")).isFalse();
    }

    @Test
    void anOlderItemTakesTheListsIdOnlyWhenItIsPlainDigitsNeverAnEncodedOne() throws Exception {
        FoundApplication older = FoundApplication.of(JSON.readTree(ITEM.replace("\"vacancy_id\": 3003,", "")), ANSWERED)
                .orElseThrow();

        ObjectNode plain = older.toEvent(JSON, MissingNode.getInstance(),
                JSON.readTree("{\"id\": 3003, \"title\": \"Comptable H/F\"}"), "4242", SearchedColumn.ANY_HIRED, notes);
        ObjectNode encoded = older.toEvent(JSON, MissingNode.getInstance(),
                JSON.readTree("{\"id\": \"k0M5O9yaXbX9xbQB\", \"title\": \"Comptable H/F\"}"), "4242",
                SearchedColumn.ANY_HIRED, notes);

        assertThat(SameApplication.ofEvent(plain)).contains("jeanne@example.org|3003");
        assertThat(encoded.at("/data/vacancy").has("id")).as("an encoded id would key the hire apart from its webhook")
                .isFalse();
    }

    @Test
    void aVacancyInNoListIsSaidAndKeepsItsTitle() throws Exception {
        ObjectNode event = found().toEvent(JSON, MissingNode.getInstance(), null, "4242", SearchedColumn.ANY_HIRED,
                notes);

        assertThat(event.at("/data/vacancy/title").asText()).isEqualTo("Comptable H/F");
        assertThat(notes).contains(FoundApplication.VACANCY_MISSING);
    }

    @Test
    void foundInATriggerColumnTheEventsColumnIsThatColumnByTheApisIdAndTitle() throws Exception {
        // an item of an older answer, without column or hired flag: the search that found it says its column
        FoundApplication found = FoundApplication.of(JSON.readTree("""
                {"applicant": "z7gWQnjXG77hJRak", "vacancy_id": 3003, "email": "jeanne@example.org"}
                """), ANSWERED).orElseThrow();

        ObjectNode event = found.toEvent(JSON, MissingNode.getInstance(), null, "4242",
                new SearchedColumn("Jc3rBm9TYf4sNoD5", "Promesse signée", false), notes);

        assertThat(event.at("/data/column/id").asText()).isEqualTo("Jc3rBm9TYf4sNoD5");
        assertThat(event.at("/data/column/title").asText()).isEqualTo("Promesse signée");
        assertThat(event.at("/data/column/hired").asBoolean()).isFalse();
    }

    @Test
    void foundByTheSearchOfTheHiredAnItemThatDoesNotSayHiredIsOneAllTheSame() throws Exception {
        FoundApplication found = FoundApplication.of(JSON.readTree(ITEM.replace("\"hired\": true,", "")), ANSWERED)
                .orElseThrow();

        ObjectNode event = found.toEvent(JSON, MissingNode.getInstance(), null, "4242", SearchedColumn.ANY_HIRED,
                notes);

        assertThat(found.hired()).as("not said: neither hired nor not").isNull();
        assertThat(event.at("/data/column/hired").asBoolean()).isTrue();
        assertThat(event.at("/data/column/title").asText()).isEqualTo("Recruté");
        assertThat(event.at("/data/column").has("id")).isFalse();
    }

    @Test
    void aHiredFlagIsReadAsFlatchrWritesItTextOrNumberAndOneItCannotReadIsNoAnswer() throws Exception {
        assertThat(hired("\"1\"")).as("the text 1").isTrue();
        assertThat(hired("1")).as("the number 1").isTrue();
        assertThat(hired("\"true\"")).as("the text true").isTrue();
        assertThat(hired("\"0\"")).as("the text 0").isFalse();
        assertThat(hired("false")).as("false").isFalse();
        assertThat(hired("\"yes\"")).as("unreadable: neither hired nor not").isNull();
        assertThat(hired("2")).as("unreadable: neither hired nor not").isNull();
        assertThat(hired("null")).as("null: not said").isNull();
    }

    @Test
    void aStatusIsOneOrZeroAsNumberOrTextAndOneItCannotReadIsNeitherActiveNorArchived() throws Exception {
        assertThat(archived("0")).isTrue();
        assertThat(archived("\"0\"")).isTrue();
        assertThat(archived("\"1\"")).isFalse();
        assertThat(archived("null")).as("not said: active, as before statuses were read").isFalse();
        assertThat(archived("\"archived\"")).as("unreadable").isNull();
        assertThat(archived("2")).as("unreadable").isNull();
    }

    private static Boolean archived(String status) throws Exception {
        return FoundApplication.of(JSON.readTree(ITEM.replace("\"status\": 1", "\"status\": " + status)), ANSWERED)
                .orElseThrow().archived();
    }

    private static Boolean hired(String flag) throws Exception {
        return FoundApplication.of(JSON.readTree(ITEM.replace("\"hired\": true", "\"hired\": " + flag)), ANSWERED)
                .orElseThrow().hired();
    }

    private static FoundApplication found() throws Exception {
        return FoundApplication.of(JSON.readTree(ITEM), ANSWERED).orElseThrow();
    }
}
