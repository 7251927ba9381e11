package io.github.flatchrlucca.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.flatchr.FlatchrRequests;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.journal.Reconciliations;
import io.github.flatchrlucca.tenants.FlatchrApi;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.Tenants;
import io.github.flatchrlucca.tenants.TestTenants;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconciliationRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    @Test
    void theFirstSearchLooksBackItsDaysAndTheNextFromTheDayBeforeTheLastSuccess() {
        Reconciliations.Run first = new Reconciliations.Run("acme", NOW, Optional.empty(), NOW, Optional.empty(),
                Optional.empty());
        Reconciliations.Run next = new Reconciliations.Run("acme", NOW, Optional.of(Instant.parse("2026-12-01T23:30:00Z")),
                NOW.minus(Duration.ofDays(30)), Optional.of(Instant.parse("2026-12-01T23:30:00Z")), Optional.empty());

        assertThat(ReconciliationRun.windowFrom(first, Duration.ofDays(3))).isEqualTo(LocalDate.of(2026, 11, 29));
        // 23:30 UTC on the 1st is the 2nd in Paris: the day before is the 1st
        assertThat(ReconciliationRun.windowFrom(next, Duration.ofDays(3))).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void untilASearchSucceedsTheWindowStartsTheLookBackBeforeTheFirstTryWhateverFailedSince() {
        // a wrong key since the install ten days ago: every try failed
        Reconciliations.Run tenth = new Reconciliations.Run("acme", NOW, Optional.empty(),
                NOW.minus(Duration.ofDays(10)), Optional.empty(), Optional.empty());

        assertThat(ReconciliationRun.windowFrom(tenth, Duration.ofDays(3))).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(ReconciliationRun.firstWindowCut(tenth, Duration.ofDays(3))).isEmpty();
    }

    @Test
    void aFirstWindowLongerThanTheLongestLookBackIsCutThereAndTheDaysBeforeAreForABackfill() throws Exception {
        Reconciliations.Run late = new Reconciliations.Run("acme", NOW, Optional.empty(),
                NOW.minus(Duration.ofDays(400)), Optional.empty(), Optional.empty());
        ReconciliationRun run = run(Set.of(), Duration.ofDays(3), late, ReconciliationRun.windowFrom(late,
                Duration.ofDays(3)));

        assertThat(run.windowFrom()).isEqualTo(LocalDate.of(2025, 12, 2));
        assertThat(ReconciliationRun.firstWindowCut(late, Duration.ofDays(3))).contains(LocalDate.of(2025, 10, 25));
        assertThat(JSON.readTree(run.movesSearch(NOW).body()).path("start_update").asText())
                .as("moves no further back than a week, as after an outage").isEqualTo("11/25/26");
    }

    @Test
    void withoutTriggerColumnsOneSearchOfTheHiredSinceTheFirstDayInFlatchrsDayFormat() throws Exception {
        ReconciliationRun run = run(Set.of());

        List<ApiRequest> searches = run.searches(NOW);

        assertThat(run.isColumnsNeeded()).isFalse();
        assertThat(searches).singleElement().satisfies(search -> {
            assertThat(search.method()).isEqualTo("POST");
            assertThat(search.path()).isEqualTo("/company/Wy3EOp2NP3p1KMq8/search/applicants");
            assertThat(JSON.readTree(search.body()).path("hired").asBoolean()).isTrue();
            assertThat(JSON.readTree(search.body()).path("start_update").asText()).isEqualTo("11/29/26");
        });
    }

    @Test
    void withTriggerColumnsOneSearchPerColumnTitleInAnyCase() throws Exception {
        ReconciliationRun run = run(Set.of("recruté", "embauché"));
        run.columns(JSON.readTree("""
                [{"id": "Jc3rBm9TYf4sNoD5", "title": "Recruté", "hired": true},
                 {"id": "Hb2qAl8SXe3rMnC4", "title": "Embauché", "hired": false}]
                """));

        List<ApiRequest> searches = run.searches(NOW);
        List<String> columns = searches.stream().map(search -> text(search.body(), "column")).toList();

        assertThat(run.isColumnsNeeded()).isTrue();
        assertThat(columns.subList(0, 2)).containsExactlyInAnyOrder("Recruté", "Embauché");
        // and, last, the search of every hired column: a candidate moved on past the triggers is in none of them
        assertThat(JSON.readTree(searches.get(2).body()).path("hired").asBoolean()).isTrue();
        assertThat(JSON.readTree(searches.get(2).body()).path("start_update").asText()).isEqualTo("11/29/26");
        assertThat(searches).hasSize(3);
    }

    @Test
    void withTriggerColumnsWhatOnlyTheSearchOfTheHiredFindsIsTakenAsPastTheFirstTrigger() throws Exception {
        ReconciliationRun run = run(Set.of("promesse signée"));
        run.columns(JSON.readTree("""
                [{"id": "Ps4kQ", "title": "Promesse signée", "hired": false},
                 {"id": "Em7bH", "title": "Embauché", "hired": true}]
                """));
        List<ApiRequest> searches = run.searches(NOW);

        run.found(0, JSON.readTree("[{\"applicant\": \"in\", \"column\": \"Promesse signée\", \"hired\": false}]"), NOW);
        run.found(1, JSON.readTree("[{\"applicant\": \"on\", \"column\": \"Embauché\", \"hired\": true}]"), NOW);

        assertThat(searches).hasSize(2);
        assertThat(run.found()).extracting(run::foundIn).containsExactly(
                new SearchedColumn("Ps4kQ", "Promesse signée", false),
                new SearchedColumn("Ps4kQ", "Promesse signée", false, true));
    }

    @Test
    void aTriggerColumnFlatchrDoesNotListStopsTheRunBeforeAnySearch() throws Exception {
        // 9 is the webhook's id of the column; the API lists it by an id of its own
        ReconciliationRun run = run(Set.of("9", "embauché", "nowhere"));
        run.columns(JSON.readTree("""
                [{"id": "Jc3rBm9TYf4sNoD5", "title": "Recruté", "hired": true},
                 {"id": "Hb2qAl8SXe3rMnC4", "title": "Embauché", "hired": false}]
                """));

        assertThatThrownBy(() -> run.searches(NOW)).isInstanceOf(UnusableTriggerColumns.class)
                .hasMessageStartingWith("trigger column(s) [9, nowhere] are not among Flatchr's columns;");
    }

    @Test
    void aTriggerColumnNamedByTheApisIdWhichTheWebhookNeverCarriesStopsTheRunBeforeAnySearch() throws Exception {
        ReconciliationRun run = run(Set.of("jc3rbm9tyf4snod5", "embauché"));
        run.columns(JSON.readTree("""
                [{"id": "Jc3rBm9TYf4sNoD5", "title": "Recruté", "hired": true},
                 {"id": "Hb2qAl8SXe3rMnC4", "title": "Embauché", "hired": false}]
                """));

        assertThatThrownBy(() -> run.searches(NOW)).isInstanceOf(UnusableTriggerColumns.class)
                .hasMessageStartingWith("trigger column(s) [jc3rbm9tyf4snod5 (\"Recruté\")] are named by the id "
                        + "Flatchr's API gives, which its webhook does not carry")
                .hasMessageEndingWith("name each column by its title, the one name both the webhook and Flatchr's "
                        + "API show");
    }

    @Test
    void archivedCandidatesAreSkippedAndOneApplicationFoundTwiceIsOne() throws Exception {
        ReconciliationRun run = run(Set.of());
        run.searches(NOW);
        run.found(0, JSON.readTree("""
                [{"applicant": "a1", "vacancy_id": 5, "email": "a@example.org", "status": 1, "hired": true},
                 {"applicant": "a2", "vacancy_id": 5, "email": "b@example.org", "status": 0, "hired": true}]
                """), NOW);
        run.found(0, JSON.readTree("[{\"applicant\": \"a1\", \"vacancy_id\": 5, \"status\": 1, \"hired\": true}]"), NOW);

        assertThat(run.found()).extracting(FoundApplication::applicant).containsExactly("a1");
    }

    @Test
    void eachApplicationFoundKeepsTheColumnOfTheSearchThatFoundItFirst() throws Exception {
        ReconciliationRun run = run(Set.of("recruté", "embauché"));
        run.columns(JSON.readTree("""
                [{"id": "Jc3rBm9TYf4sNoD5", "title": "Recruté", "hired": true},
                 {"id": "Hb2qAl8SXe3rMnC4", "title": "Embauché", "hired": false}]
                """));
        List<String> searched = run.searches(NOW).stream().map(search -> text(search.body(), "column")).toList();

        // the items of an older answer say neither their column nor whether it is hired
        run.found(searched.indexOf("Recruté"), JSON.readTree("[{\"applicant\": \"a1\"}, {\"applicant\": \"a2\"}]"), NOW);
        run.found(searched.indexOf("Embauché"), JSON.readTree("[{\"applicant\": \"a2\"}, {\"applicant\": \"a3\"}]"), NOW);

        assertThat(run.found()).extracting(run::foundIn).containsExactly(
                new SearchedColumn("Jc3rBm9TYf4sNoD5", "Recruté", true),
                new SearchedColumn("Jc3rBm9TYf4sNoD5", "Recruté", true),
                new SearchedColumn("Hb2qAl8SXe3rMnC4", "Embauché", false));
    }

    @Test
    void aChangedApplicationThatDoesNotSayWhetherItIsHiredIsNotTakenForMovedOut() throws Exception {
        for (Set<String> triggerColumns : List.of(Set.<String>of(), Set.of("promesse signée"))) {
            ReconciliationRun run = run(triggerColumns);
            run.columns(JSON.readTree("[{\"id\": \"Ps4kQ\", \"title\": \"Promesse signée\"}]"));

            List<FoundApplication> moved = run.outOfHired(JSON.readTree("""
                    [{"applicant": "unsaid", "status": 1, "column": "Recruté", "updated_at": 1764666000},
                     {"applicant": "archived", "status": 0, "updated_at": 1764666000}]
                    """), NOW);

            assertThat(moved).as("with trigger columns " + triggerColumns).extracting(FoundApplication::applicant)
                    .containsExactly("archived");
        }
    }

    @Test
    void theSearchOfMovesIsOfEveryCandidateChangedSinceTheFirstDay() throws Exception {
        ApiRequest search = run(Set.of()).movesSearch(NOW);

        assertThat(JSON.readTree(search.body()).properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("start_update");
        assertThat(JSON.readTree(search.body()).path("start_update").asText()).isEqualTo("11/29/26");
    }

    @Test
    void aFirstSearchsLongLookBackSearchesHiresThatFarButMovesNoFurtherThanTheDefaultLookBack() throws Exception {
        Reconciliations.Run first = new Reconciliations.Run("acme", NOW, Optional.empty(), NOW, Optional.empty(),
                Optional.empty());
        ReconciliationRun run = run(Set.of(), Duration.ofDays(365), first, ReconciliationRun.windowFrom(first,
                Duration.ofDays(365)));

        assertThat(JSON.readTree(run.searches(NOW).get(0).body()).path("start_update").asText()).isEqualTo("12/02/25");
        assertThat(JSON.readTree(run.movesSearch(NOW).body()).path("start_update").asText()).isEqualTo("11/29/26");
    }

    @Test
    void aBackfillFromFarBackSearchesMovesOnlyFromWhereTheScheduledSearchWould() throws Exception {
        Reconciliations.Run claim = new Reconciliations.Run("acme", NOW,
                Optional.of(Instant.parse("2026-12-02T08:45:00Z")), NOW.minus(Duration.ofDays(30)), Optional.of(Instant.parse("2026-12-02T08:45:00Z")), Optional.empty());
        ReconciliationRun backfill = run(Set.of(), Duration.ofDays(3), claim, LocalDate.of(2026, 1, 1));
        ReconciliationRun later = run(Set.of(), Duration.ofDays(3), claim, LocalDate.of(2026, 12, 2));

        assertThat(JSON.readTree(backfill.movesSearch(NOW).body()).path("start_update").asText()).isEqualTo("12/01/26");
        assertThat(JSON.readTree(later.movesSearch(NOW).body()).path("start_update").asText())
                .as("nor before the backfill's own window").isEqualTo("12/02/26");
    }

    @Test
    void afterAMonthWithoutASuccessfulSearchMovesAreSearchedAWeekBackHiresFromTheLastSuccess() throws Exception {
        Reconciliations.Run claim = new Reconciliations.Run("acme", NOW,
                Optional.of(Instant.parse("2026-11-02T08:45:00Z")), NOW.minus(Duration.ofDays(60)), Optional.of(Instant.parse("2026-11-02T08:45:00Z")), Optional.empty());
        ReconciliationRun run = run(Set.of(), Duration.ofDays(3), claim, ReconciliationRun.windowFrom(claim,
                Duration.ofDays(3)));

        assertThat(JSON.readTree(run.searches(NOW).get(0).body()).path("start_update").asText()).isEqualTo("11/01/26");
        assertThat(JSON.readTree(run.movesSearch(NOW).body()).path("start_update").asText()).isEqualTo("11/25/26");
    }

    @Test
    void movesAreSearchedFromTheirOwnLastSuccessNotTheHiresOne() throws Exception {
        // the hires searched an hour ago; the moves' search failed since the 28th (a day of bulk changes over the cap)
        Reconciliations.Run claim = new Reconciliations.Run("acme", NOW, Optional.of(Instant.parse("2026-12-02T08:00:00Z")),
                NOW.minus(Duration.ofDays(60)), Optional.of(Instant.parse("2026-11-28T08:00:00Z")), Optional.empty());
        ReconciliationRun run = run(Set.of(), Duration.ofDays(3), claim, ReconciliationRun.windowFrom(claim,
                Duration.ofDays(3)));

        assertThat(JSON.readTree(run.searches(NOW).get(0).body()).path("start_update").asText()).isEqualTo("12/01/26");
        assertThat(JSON.readTree(run.movesSearch(NOW).body()).path("start_update").asText()).isEqualTo("11/27/26");
    }

    @Test
    void outOfHiredAreTheArchivedAndThoseNotHiredWithATimeOfChange() throws Exception {
        ReconciliationRun run = run(Set.of());

        List<FoundApplication> moved = run.outOfHired(JSON.readTree("""
                [{"applicant": "hired", "status": 1, "hired": true, "updated_at": 1764666000},
                 {"applicant": "archived", "status": 0, "hired": true, "updated_at": 1764666000},
                 {"applicant": "elsewhere", "status": 1, "hired": false, "column": "Entretien", "updated_at": "1764666000"},
                 {"applicant": "no-time", "status": 1, "hired": false},
                 {"applicant": "odd-time", "status": 1, "hired": false, "updated_at": "yesterday"}]
                """), NOW);

        assertThat(moved).extracting(FoundApplication::applicant).containsExactly("archived", "elsewhere");
        assertThat(moved.get(1).changedAt()).isEqualTo(Instant.ofEpochSecond(1764666000));
        assertThat(run.unreadableTimes()).as("left alone, and counted").isEqualTo(2);
    }

    @Test
    void outOfHiredReadsTheHiredFlagAsTextOrNumberAndLeavesOneItCannotReadAlone() throws Exception {
        ReconciliationRun run = run(Set.of());

        // Jackson's asBoolean took the text "1" for false: the candidate still in hired, for moved out
        List<FoundApplication> moved = run.outOfHired(JSON.readTree("""
                [{"applicant": "text-1", "status": 1, "hired": "1", "column": "Recruté", "updated_at": 1764666000},
                 {"applicant": "text-true", "status": 1, "hired": "true", "column": "Recruté",
                  "updated_at": 1764666000},
                 {"applicant": "number-1", "status": 1, "hired": 1, "column": "Recruté", "updated_at": 1764666000},
                 {"applicant": "unreadable", "status": 1, "hired": "yes", "column": "Recruté",
                  "updated_at": 1764666000},
                 {"applicant": "text-0", "status": 1, "hired": "0", "column": "Entretien", "updated_at": 1764666000}]
                """), NOW);

        assertThat(moved).extracting(FoundApplication::applicant).containsExactly("text-0");
    }

    @Test
    void anApplicationWhoseStatusCannotBeReadIsNoHireFoundNorAMoveOutOfHired() throws Exception {
        ReconciliationRun run = run(Set.of());
        run.searches(NOW);

        // "archived" read as a number was 1, active: an archived candidate recorded as a new hire
        run.found(0, JSON.readTree("""
                [{"applicant": "a1", "status": "archived", "hired": true, "updated_at": 1764666000},
                 {"applicant": "a2", "status": "1", "hired": true, "updated_at": 1764666000}]
                """), NOW);
        List<FoundApplication> moved = run.outOfHired(JSON.readTree("""
                [{"applicant": "a1", "status": "archived", "hired": true, "updated_at": 1764666000},
                 {"applicant": "a3", "status": "0", "hired": true, "updated_at": 1764666000}]
                """), NOW);

        assertThat(run.found()).extracting(FoundApplication::applicant).containsExactly("a2");
        assertThat(moved).extracting(FoundApplication::applicant).containsExactly("a3");
        assertThat(run.unreadableStatuses()).as("not recorded, but counted").isEqualTo(1);
    }

    @Test
    void aColumnsHiredFlagIsReadAsTextOrNumberAndOneItCannotReadIsNotHired() throws Exception {
        ReconciliationRun run = run(Set.of("recruté", "embauché", "entretien"));
        run.columns(JSON.readTree("""
                [{"id": "Rc9tB", "title": "Recruté", "hired": "1"}, {"id": "Em7bH", "title": "Embauché", "hired": 1},
                 {"id": "En3vA", "title": "Entretien", "hired": "yes"}]
                """));
        run.searches(NOW);

        run.found(0, JSON.readTree("[{\"applicant\": \"em\", \"column\": \"Embauché\", \"hired\": true}]"), NOW);
        run.found(1, JSON.readTree("[{\"applicant\": \"en\", \"column\": \"Entretien\", \"hired\": true}]"), NOW);
        run.found(2, JSON.readTree("[{\"applicant\": \"rc\", \"column\": \"Recruté\", \"hired\": true}]"), NOW);

        assertThat(run.found()).extracting(run::foundIn).containsExactly(
                new SearchedColumn("Em7bH", "Embauché", true), new SearchedColumn("En3vA", "Entretien", false),
                new SearchedColumn("Rc9tB", "Recruté", true));
    }

    @Test
    void outOfHiredReadsATimeOfChangeInIso8601OrMilliseconds() throws Exception {
        ReconciliationRun run = run(Set.of());

        List<FoundApplication> moved = run.outOfHired(JSON.readTree("""
                [{"applicant": "iso", "status": 1, "hired": false, "column": "Entretien",
                  "updated_at": "2026-12-01T10:00:00.000Z"},
                 {"applicant": "millis", "status": 0, "hired": true, "updated_at": 1796119200000}]
                """), NOW);

        assertThat(moved).extracting(FoundApplication::changedAt)
                .containsExactly(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(run.unreadableTimes()).isZero();
    }

    @Test
    void anImplausibleTimeOfChangeIsNoneToRelyOnAndCounted() throws Exception {
        ReconciliationRun run = run(Set.of());

        List<FoundApplication> moved = run.outOfHired(JSON.readTree("""
                [{"applicant": "year-5138", "status": 0, "updated_at": 99999999999},
                 {"applicant": "year-12026", "status": 0, "updated_at": "+12026-12-01T10:00:00Z"},
                 {"applicant": "year-1973", "status": 0, "updated_at": "100000000000"},
                 {"applicant": "plausible", "status": 0, "updated_at": "2026-12-01T10:00:00Z"}]
                """), NOW);

        assertThat(moved).extracting(FoundApplication::applicant).containsExactly("plausible");
        assertThat(run.unreadableTimes()).as("left alone, and counted").isEqualTo(3);
    }

    @Test
    void withTriggerColumnsOutOfHiredIsOutOfThemByTitleButNeverInAColumnFlatchrMarksHired() throws Exception {
        ReconciliationRun run = run(Set.of("promesse signée"));
        run.columns(JSON.readTree("""
                [{"id": "Ps4kQ", "title": "Promesse signée"}, {"id": "Rc9tB", "title": "Recruté", "hired": true},
                 {"id": "En3vA", "title": "Entretien"}]
                """));

        List<FoundApplication> moved = run.outOfHired(JSON.readTree("""
                [{"applicant": "in", "status": 1, "hired": false, "column": "promesse SIGNÉE", "updated_at": 1764666000},
                 {"applicant": "on", "status": 1, "hired": true, "column": "Recruté", "updated_at": 1764666000},
                 {"applicant": "out", "status": 1, "hired": false, "column": "Entretien", "updated_at": 1764666000}]
                """), NOW);

        assertThat(moved).extracting(FoundApplication::applicant).containsExactly("out");
    }

    @Test
    void theVacancyListIsReadOnceAndOnlyWhenDetailsLackTheVacancy() throws Exception {
        ReconciliationRun run = run(Set.of());

        assertThat(run.vacanciesNeeded(JSON.readTree("{\"vacancy\": {\"id\": 5}}"))).isFalse();
        assertThat(run.vacanciesNeeded(JSON.missingNode())).isTrue();
        run.vacancies(JSON.readTree("[{\"id\": \"Vk3m\", \"vacancy_id\": 5, \"title\": \"Dev\"}]"));
        assertThat(run.vacanciesNeeded(JSON.missingNode())).isFalse();
        assertThat(run.vacancy(FoundApplication.of(JSON.readTree("{\"applicant\": \"a1\", \"vacancy_id\": 5}"), NOW)
                .orElseThrow()).path("title").asText()).isEqualTo("Dev");
    }

    @Test
    void anOlderItemWithoutVacancyIdFindsItsVacancyInTheListByATitleNoOtherHas() throws Exception {
        ReconciliationRun run = run(Set.of());
        run.vacancies(JSON.readTree("""
                [{"id": "Vk3m", "vacancy_id": 5, "title": "Dev"},
                 {"id": "Ab1c", "vacancy_id": 6, "title": "Comptable H/F"},
                 {"id": "Cd2e", "vacancy_id": 7, "title": "Comptable H/F"}]
                """));

        assertThat(run.vacancy(older("DEV")).path("vacancy_id").asInt()).isEqualTo(5);
        assertThat(run.vacancy(older("Comptable H/F"))).as("two of one title cannot be told apart").isNull();
    }

    @Test
    void aListInTheReferencesShapeWithoutVacancyIdFindsTheItemsVacancyByATitleNoOtherHas() throws Exception {
        ReconciliationRun run = run(Set.of());
        // flatchr-api.md: a listed vacancy has its encoded id, its title, ... and no plain vacancy_id
        run.vacancies(JSON.readTree("""
                [{"id": "k0M5O9yaXbX9xbQB", "title": "Comptable H/F", "reference": "COMPTA-2026", "contract_type_id": 1,
                  "start_date": "2027-01-04", "end_date": null, "status": 1},
                 {"id": "Vk3mP0qA9sLx2BcD", "title": "Dev", "reference": "DEV-1"},
                 {"id": "Ab1cP0qA9sLx2BcD", "title": "Dev", "reference": "DEV-2"}]
                """));

        assertThat(run.vacancy(current(3003, "Comptable H/F")).path("reference").asText()).isEqualTo("COMPTA-2026");
        assertThat(run.vacancy(current(3004, "Dev"))).as("two of one title cannot be told apart").isNull();
    }

    @Test
    void aListedVacancyWhoseIdIsPlainDigitsIsFoundByItAndATitleIsNeverTakenFromAnotherPlainId() throws Exception {
        ReconciliationRun run = run(Set.of());
        run.vacancies(JSON.readTree("""
                [{"id": 3003, "title": "Comptable H/F", "reference": "COMPTA-2026"},
                 {"id": "3004", "title": "Comptable H/F", "reference": "COMPTA-2027"},
                 {"id": "Vk3mP0qA9sLx2BcD", "vacancy_id": 3010, "title": "Dev"}]
                """));

        assertThat(run.vacancy(current(3004, "Comptable H/F")).path("reference").asText()).isEqualTo("COMPTA-2027");
        assertThat(run.vacancy(current(3009, "Dev"))).as("the only Dev listed is vacancy 3010, not 3009").isNull();
    }

    private static FoundApplication current(int vacancyId, String vacancyTitle) {
        return FoundApplication.of(JSON.createObjectNode().put("applicant", "a1").put("vacancy", vacancyTitle)
                .put("vacancy_id", vacancyId), NOW).orElseThrow();
    }

    private static FoundApplication older(String vacancyTitle) throws Exception {
        return FoundApplication.of(JSON.createObjectNode().put("applicant", "a1").put("vacancy", vacancyTitle), NOW)
                .orElseThrow();
    }

    @Test
    void afterFailuresTheNextRunWaitsLongerEachTimeButNeverMoreThanADay() {
        Duration interval = Duration.ofMinutes(15);

        assertThat(ReconciliationSteps.backoff(interval, 1)).isEqualTo(interval);
        assertThat(ReconciliationSteps.backoff(interval, 3)).isEqualTo(Duration.ofMinutes(60));
        assertThat(ReconciliationSteps.backoff(interval, 40)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aScheduledRunBeforeTheDelayAfterFailedSearchesOfMovesPutsThemOffAndABackfillSearchesThemAllTheSame() {
        Instant notBefore = NOW.plus(Duration.ofMinutes(30));
        Reconciliations.Run claim = new Reconciliations.Run("acme", NOW, Optional.of(NOW.minus(Duration.ofHours(1))),
                NOW.minus(Duration.ofDays(60)), Optional.of(NOW.minus(Duration.ofDays(2))), Optional.of(notBefore));
        ReconciliationRun scheduled = run(Set.of(), Duration.ofDays(3), claim, ReconciliationRun.windowFrom(claim,
                Duration.ofDays(3)));

        assertThat(scheduled.movesDue()).isFalse();
        scheduled.movesPutOff();
        assertThat(scheduled.movesPutOffUntil()).isEqualTo(notBefore);
        assertThat(backfill(claim, LocalDate.of(2026, 11, 1)).movesDue()).as("an operator's, asked now").isTrue();

        Reconciliations.Run later = new Reconciliations.Run("acme", notBefore, claim.lastSuccessAt(),
                claim.firstTriedAt(), claim.movesSearchedAt(), Optional.of(notBefore));
        assertThat(run(Set.of(), Duration.ofDays(3), later, ReconciliationRun.windowFrom(later, Duration.ofDays(3)))
                .movesDue()).as("the delay is over").isTrue();
    }

    @Test
    void afterFailedSearchesOfMovesTheNextIsPutOffAnIntervalThenLongerEachTimeButNeverMoreThanSixHours() {
        Duration interval = Duration.ofMinutes(15);

        assertThat(ReconciliationSteps.movesBackoff(interval, 1)).isEqualTo(interval);
        assertThat(ReconciliationSteps.movesBackoff(interval, 2)).isEqualTo(Duration.ofMinutes(30));
        assertThat(ReconciliationSteps.movesBackoff(interval, 5)).isEqualTo(Duration.ofHours(4));
        assertThat(ReconciliationSteps.movesBackoff(interval, 6)).isEqualTo(Duration.ofHours(6));
        assertThat(ReconciliationSteps.movesBackoff(interval, 40)).isEqualTo(Duration.ofHours(6));
        assertThat(ReconciliationSteps.movesBackoff(Duration.ZERO, 1)).as("searched only when asked: as by default")
                .isEqualTo(FlatchrApi.DEFAULT_RECONCILE_INTERVAL);
    }

    @Test
    void searchedByDayEachDayOfTheMovesWindowIsFromItselfAndBeforeTheNextButTodayToWhenever() throws Exception {
        // the moves searched last on 11-28 (Paris): their window from 11-27 to today, 12-02
        Reconciliations.Run claim = new Reconciliations.Run("acme", NOW, Optional.of(Instant.parse("2026-12-02T08:00:00Z")),
                NOW.minus(Duration.ofDays(60)), Optional.of(Instant.parse("2026-11-28T08:00:00Z")), Optional.empty());
        ReconciliationRun run = run(Set.of(), Duration.ofDays(3), claim, ReconciliationRun.windowFrom(claim,
                Duration.ofDays(3)));

        assertThat(run.movesDays(NOW)).containsExactly(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 28),
                LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 2));
        String november30 = run.movesSearch(LocalDate.of(2026, 11, 30), NOW).body();
        assertThat(text(november30, "start_update")).as("MM/DD/YY").isEqualTo("11/30/26");
        assertThat(text(november30, "end_update")).as("before that day").isEqualTo("12/01/26");
        assertThat(JSON.readTree(run.movesSearch(LocalDate.of(2026, 12, 2), NOW).body()).has("end_update")).isFalse();
        assertThat(run.movesOfSeveralDays(NOW)).isTrue();
        assertThat(backfill(claim, LocalDate.of(2026, 12, 2)).movesOfSeveralDays(NOW)).as("one day: nothing to split")
                .isFalse();
    }

    @Test
    void afterAFailedSearchOfMovesItsDaysAreSearchedAtOnceTheFirstOnlyOnceTheDelayIsOver() {
        // the last search of moves failed: their window stays at 11-27, put off until half an hour from now
        Instant notBefore = NOW.plus(Duration.ofMinutes(30));
        Reconciliations.Run claim = new Reconciliations.Run("acme", NOW, Optional.of(Instant.parse("2026-12-02T08:00:00Z")),
                NOW.minus(Duration.ofDays(60)), Optional.of(Instant.parse("2026-11-28T08:00:00Z")), Optional.of(notBefore));
        ReconciliationRun delayed = run(Set.of(), Duration.ofDays(3), claim, ReconciliationRun.windowFrom(claim,
                Duration.ofDays(3)));

        assertThat(delayed.movesLastFailed()).isTrue();
        assertThat(delayed.movesDays(NOW)).as("the days after the first, at every run").containsExactly(
                LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2));
        assertThat(backfill(claim, LocalDate.of(2026, 11, 1)).movesDays(NOW)).as("an operator's: every day")
                .startsWith(LocalDate.of(2026, 11, 27)).hasSize(6);
        Reconciliations.Run later = new Reconciliations.Run("acme", notBefore, claim.lastSuccessAt(),
                claim.firstTriedAt(), claim.movesSearchedAt(), Optional.of(notBefore));
        assertThat(run(Set.of(), Duration.ofDays(3), later, ReconciliationRun.windowFrom(later, Duration.ofDays(3)))
                .movesDays(notBefore)).as("the delay over: the first too").startsWith(LocalDate.of(2026, 11, 27))
                .hasSize(6);
        Reconciliations.Run today = new Reconciliations.Run("acme", NOW, claim.lastSuccessAt(), claim.firstTriedAt(),
                Optional.of(Instant.parse("2026-12-02T08:00:00Z")), Optional.of(notBefore));
        assertThat(run(Set.of(), Duration.ofDays(3), today, ReconciliationRun.windowFrom(today, Duration.ofDays(3)))
                .movesDays(NOW)).as("a window of today after 12-01, put off: 12-02 alone").containsExactly(
                LocalDate.of(2026, 12, 2));
    }

    @Test
    void searchedByDayADayThatFailsAsTheWholeFlatchrEndsTheDaysOfTheRunOneOverTheCapDoesNot() {
        ReconciliationRun run = run(Set.of());
        run.movesSearch(LocalDate.of(2026, 11, 29), NOW);
        run.movesDayFailed(ReconciliationRun.TOO_LARGE);
        assertThat(run.movesDaysGoOn()).as("that day's bulk changes").isTrue();
        run.movesSearch(LocalDate.of(2026, 11, 30), NOW);
        run.movesDayFailed("unavailable");

        assertThat(run.movesDaysGoOn()).as("no more calls to a Flatchr that is down").isFalse();
        assertThat(run.movesFirstFailedDay()).isEqualTo(LocalDate.of(2026, 11, 29));
    }

    @Test
    void whileTheFirstDayIsPutOffADayOverTheCapEndsTheDaysOfTheRunToo() {
        Reconciliations.Run claim = new Reconciliations.Run("acme", NOW, Optional.of(Instant.parse("2026-12-02T08:00:00Z")),
                NOW.minus(Duration.ofDays(60)), Optional.of(Instant.parse("2026-11-28T08:00:00Z")),
                Optional.of(NOW.plus(Duration.ofHours(2))));
        ReconciliationRun run = run(Set.of(), Duration.ofDays(3), claim, ReconciliationRun.windowFrom(claim,
                Duration.ofDays(3)));
        run.movesSearch(LocalDate.of(2026, 11, 29), NOW);
        run.movesDayFailed(ReconciliationRun.TOO_LARGE);

        assertThat(run.movesDaysGoOn()).as("a second day of bulk changes is read over the cap once a run at most, "
                + "not each day after it: only the first day's delay would bound them, and it is not over").isFalse();
    }

    @Test
    void searchedByDayTheMovesWindowMovesUpToTheFirstDayThatFailedNeverPastIt() {
        Reconciliations.Run claim = new Reconciliations.Run("acme", NOW, Optional.of(Instant.parse("2026-12-02T08:00:00Z")),
                NOW.minus(Duration.ofDays(60)), Optional.of(Instant.parse("2026-11-28T08:00:00Z")), Optional.empty());
        ReconciliationRun run = run(Set.of(), Duration.ofDays(3), claim, ReconciliationRun.windowFrom(claim,
                Duration.ofDays(3)));
        run.movesSearch(NOW);
        for (LocalDate day : run.movesDays(NOW)) {
            run.movesSearch(day, NOW.plusSeconds(1));
            if (day.isAfter(LocalDate.of(2026, 11, 28)) && day.isBefore(LocalDate.of(2026, 12, 1))) {
                run.movesDayFailed(day.getDayOfMonth() == 29 ? "too-large" : "unavailable");
            }
        }

        assertThat(run.movesFirstFailedDay()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(run.movesFailure()).isEqualTo("too-large");
        Instant upTo = run.movesSearchedUpTo(LocalDate.of(2026, 11, 29));
        Reconciliations.Run next = new Reconciliations.Run("acme", NOW.plus(Duration.ofHours(1)), claim.lastSuccessAt(),
                claim.firstTriedAt(), Optional.of(upTo), Optional.empty());
        assertThat(run(Set.of(), Duration.ofDays(3), next, ReconciliationRun.windowFrom(next, Duration.ofDays(3)))
                .movesFrom()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(run.movesSearchedUpTo(LocalDate.of(2026, 12, 2))).as("today failed: never past when it began")
                .isEqualTo(NOW);
    }

    private static ReconciliationRun backfill(Reconciliations.Run claim, LocalDate since) {
        ReconciliationRun scheduled = run(Set.of(), Duration.ofDays(3), claim, since);
        return new ReconciliationRun(claim, scheduled.tenant(), scheduled.getFlatchr(), new FlatchrRequests(JSON),
                since, true, false);
    }

    private static ReconciliationRun run(Set<String> triggerColumns) {
        Reconciliations.Run claim = new Reconciliations.Run("acme", NOW, Optional.empty(), NOW, Optional.empty(),
                Optional.empty());
        return run(triggerColumns, Duration.ofDays(3), claim, ReconciliationRun.windowFrom(claim, Duration.ofDays(3)));
    }

    private static ReconciliationRun run(Set<String> triggerColumns, Duration lookback, Reconciliations.Run claim,
                                         LocalDate windowFrom) {
        Tenants tenants = new Tenants("/data/vacancy/department", Duration.ZERO, (tenant, state) -> { });
        FlatchrApi api = new FlatchrApi(URI.create("https://api.flatchr.io"), "flatchr-key", "Wy3EOp2NP3p1KMq8",
                Duration.ofMinutes(15), lookback, Optional.empty());
        tenants.replace(List.of(TestTenants.withFlatchrApi(TestTenants.withTriggerColumns(
                TestTenants.tenant("acme", "acme-token-0123456789", "4242"), triggerColumns), api)));
        Tenant tenant = tenants.find("acme").orElseThrow();
        return new ReconciliationRun(claim, tenant, tenant.flatchr().orElseThrow(), new FlatchrRequests(JSON),
                windowFrom, false, false);
    }

    private static String text(String json, String field) {
        try {
            return JSON.readTree(json).path(field).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
