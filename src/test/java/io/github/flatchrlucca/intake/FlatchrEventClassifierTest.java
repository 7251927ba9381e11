package io.github.flatchrlucca.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.http.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlatchrEventClassifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A drag into a column Flatchr marks as hired: a hire of company 4242. */
    static final String HIRE = """
            { "event": "drag_applicant", "company_id": 4242,
              "data": {
                "candidate": {"id": 77, "firstname": "Éloïse", "lastname": "Müller", "email": "eloise@gmail.com"},
                "applicant": {"id": 1234},
                "column": {"id": 9, "title": "Recruté", "hired": true},
                "vacancy": {"id": 5, "title": "Développeuse Java"}
              } }
            """;

    private final TenantClassifier byHiredFlag = classifierFor(Set.of());

    /** A tenant's rules: its trigger columns, and company 4242 only. */
    private record Rules(String id, Set<String> triggerColumns) implements IntakeRules {
        @Override
        public boolean acceptsCompany(String companyId) {
            return "4242".equals(companyId);
        }

        @Override
        public Duration hireHold() {
            return Duration.ZERO;
        }
    }

    /** The classifier with one tenant's rules, as the webhook route calls it. */
    private record TenantClassifier(IntakeRules rules) {
        HireVerdict classify(JsonNode event) {
            return new FlatchrEventClassifier().classify(event, rules);
        }
    }

    private static TenantClassifier classifierFor(Set<String> triggerColumns) {
        return new TenantClassifier(new Rules("acme", triggerColumns));
    }

    @Test
    void aHireOfAnotherCompanyIsNotTheTenants() {
        ObjectNode event = hire();
        event.put("company_id", 999);

        HireVerdict verdict = byHiredFlag.classify(event);

        assertThat(verdict.isOtherCompany()).isTrue();
        assertThat(verdict.rejection()).isEqualTo("company_id 999 is not one of tenant acme's Flatchr companies");
        assertThat(verdict.dedupeKey()).as("kept apart from the same hire sent right").isEqualTo("other-company:999:1234");
    }

    @Test
    void aHireASearchRecordedWithoutACompanyIsTheTenantsWhenItsEventIsClassifiedAgain() {
        // recorded by a search for the environment's tenant before FLATCHR_COMPANY_ID, which it now names (4242)
        ObjectNode event = hire();
        event.put("company_id", FlatchrEventClassifier.SEARCHED_WITHOUT_COMPANY);
        FlatchrEventClassifier classifier = new FlatchrEventClassifier();
        Rules acme = new Rules("acme", Set.of());

        assertThat(classifier.classify(event, acme).isOtherCompany()).as("a webhook's rule").isTrue();
        HireVerdict again = classifier.classifyRecorded(event, acme);
        assertThat(again.kind()).isEqualTo(HireVerdict.Kind.HIRE);
        assertThat(classifier.classifyRecorded(hire().put("company_id", 999), acme).isOtherCompany())
                .as("any other company is still another's").isTrue();
    }

    @Test
    void anotherCompanysDragIntoAColumnThatTriggersNothingIsOnlyIgnored() {
        ObjectNode event = hire();
        event.put("company_id", 999);
        column(event).put("hired", false);

        assertThat(byHiredFlag.classify(event).isIgnored()).isTrue();
    }

    @Test
    void aDragIntoAHiredColumnIsAHire() {
        HireVerdict verdict = byHiredFlag.classify(hire());

        assertThat(verdict).isEqualTo(new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", "1234", List.of(),
                "eloise@gmail.com|5"));
        assertThat(verdict.dedupeKey()).isEqualTo("4242:1234");
    }

    @Test
    void theSameApplicationIsItsCandidatesEmailInLowerCaseAndItsVacancy() {
        ObjectNode event = hire();
        candidate(event).put("email", " Eloise@Gmail.com ");
        vacancy(event).put("id", "5");

        assertThat(byHiredFlag.classify(event).sameApplication()).isEqualTo("eloise@gmail.com|5");
        vacancy(event).remove("id");
        assertThat(byHiredFlag.classify(event).sameApplication()).as("without its vacancy, none").isNull();
    }

    @Test
    void aCompanyIdThatIsNoWholeNumberIsRefusedNamingItAndRepeatingNothingOfIt() {
        for (String companyId : List.of("<https://evil.example/x|Open the status page>", "jean.dupont@example.org",
                "42a", "+4242", "-1", "4242.0")) {
            ObjectNode event = hire();
            event.put("company_id", companyId);

            assertThatExceptionOfType(Problem.class).as(companyId).isThrownBy(() -> byHiredFlag.classify(event))
                    .satisfies(problem -> {
                        assertThat(problem.document().get("field")).isEqualTo("company_id");
                        assertThat(problem.getMessage()).doesNotContain(companyId);
                    });
        }
        ObjectNode asNumber = hire();
        asNumber.put("company_id", 4242.5);
        assertThatExceptionOfType(Problem.class).isThrownBy(() -> byHiredFlag.classify(asNumber));
    }

    @Test
    void idsSentAsTextReadTheSameAsNumbers() {
        ObjectNode event = hire();
        event.put("company_id", " 4242 ");
        applicant(event).put("id", "1234");

        HireVerdict verdict = byHiredFlag.classify(event);

        assertThat(verdict.companyId()).isEqualTo("4242");
        assertThat(verdict.applicantId()).isEqualTo("1234");
    }

    @ParameterizedTest
    @ValueSource(strings = {"new_applicant", "update_applicant", "Drag_Applicant"})
    void eventsOtherThanADragAreIgnored(String name) {
        ObjectNode event = hire();
        event.put("event", name);

        assertThat(byHiredFlag.classify(event).isIgnored()).isTrue();
    }

    @Test
    void anIgnoredEventSaysWhy() {
        ObjectNode event = hire();
        event.put("event", "new_applicant");

        assertThat(byHiredFlag.classify(event).reason()).isEqualTo("only drag_applicant events can be hires");
    }

    @Test
    void aNonDragEventNeedsNoData() {
        ObjectNode event = JSON.createObjectNode().put("event", "new_applicant").put("column", 3);

        assertThat(byHiredFlag.classify(event).isIgnored()).isTrue();
    }

    @Test
    void aDragIntoAColumnNotMarkedHiredIsAMoveOutOfHiredSayingByWhomAndWhereTo() {
        ObjectNode event = hire();
        column(event).put("hired", false).put("title", "Refusé");
        data(event).putObject("user").put("firstname", "Marie").put("lastname", "Curie")
                .put("email", "marie.curie@acme.fr");

        HireVerdict verdict = byHiredFlag.classify(event);

        assertThat(verdict).isEqualTo(new HireVerdict(HireVerdict.Kind.MOVED_OUT, "by Marie Curie, to Refusé", "4242",
                "1234", List.of(), "eloise@gmail.com|5"));
        assertThat(verdict.dedupeKey()).as("the hire's own key").isEqualTo("4242:1234");
    }

    @Test
    void aColumnsHiredFlagIsReadAsTextOrNumberAndOneItCannotReadIsRefusedNamingItNotAMoveOutOfHired() {
        // Jackson's asBoolean took the text "1" for false: a drag into hired, for a move out of it
        for (String hired : List.of("1", "true", " TRUE ")) {
            ObjectNode event = hire();
            column(event).put("hired", hired);
            assertThat(byHiredFlag.classify(event).kind()).as(hired).isEqualTo(HireVerdict.Kind.HIRE);
        }
        ObjectNode asNumber = hire();
        column(asNumber).put("hired", 1);
        assertThat(byHiredFlag.classify(asNumber).kind()).as("the number 1").isEqualTo(HireVerdict.Kind.HIRE);
        ObjectNode notHired = hire();
        column(notHired).put("hired", "0");
        assertThat(byHiredFlag.classify(notHired).isMovedOut()).as("the text 0").isTrue();
        ObjectNode unreadable = hire();
        column(unreadable).put("hired", "yes");
        assertThatExceptionOfType(Problem.class).as("neither a hire nor a move out")
                .isThrownBy(() -> byHiredFlag.classify(unreadable))
                .satisfies(problem -> assertThat(problem.document().get("field")).isEqualTo("data.column.hired"));
        ObjectNode intoATrigger = hire();
        column(intoATrigger).put("hired", "yes").put("title", "Promesse signée");
        assertThat(classifierFor(Set.of("promesse signée")).classify(intoATrigger).kind())
                .as("a trigger column by its title").isEqualTo(HireVerdict.Kind.HIRE);
        ObjectNode anotherCompanys = hire().put("company_id", 999);
        column(anotherCompanys).put("hired", "");
        assertThat(byHiredFlag.classify(anotherCompanys).kind())
                .as("a drag nobody's hire can be moved out by: ignored as before, not refused")
                .isEqualTo(HireVerdict.Kind.IGNORED);
    }

    @Test
    void withTriggerColumnsADragIntoFlatchrsHiredColumnIsTheSameHireNoMoveOutOfHired() {
        TenantClassifier earlierStep = classifierFor(Set.of("promesse signée"));
        ObjectNode signed = hire();
        column(signed).put("id", 8).put("title", "Promesse signée").put("hired", false);
        ObjectNode hired = hire();
        column(hired).put("id", 9).put("title", "Recruté").put("hired", true);
        ObjectNode refused = hire();
        column(refused).put("id", 11).put("title", "Refusé").put("hired", false);

        assertThat(earlierStep.classify(signed).kind()).isEqualTo(HireVerdict.Kind.HIRE);
        // moved on from the trigger column, or straight into hired past it: a hire either way, and the same one
        // (the journal answers the second a duplicate: IntakeStepsTest)
        assertThat(earlierStep.classify(hired).kind()).as("a hire, not a move out").isEqualTo(HireVerdict.Kind.HIRE);
        assertThat(earlierStep.classify(hired).dedupeKey()).isEqualTo(earlierStep.classify(signed).dedupeKey());
        assertThat(earlierStep.classify(refused).isMovedOut()).isTrue();
    }

    @Test
    void withTriggerColumnsADragIntoFlatchrsHiredColumnOfAnotherCompanyIsRefusedLikeAnyHire() {
        ObjectNode hired = hire();
        hired.put("company_id", 9999);

        assertThat(classifierFor(Set.of("promesse signée")).classify(hired).isOtherCompany()).isTrue();
    }

    @Test
    void aMoveOutOfHiredSaysWhatItKnowsOfWhoAndWhere() {
        ObjectNode event = hire();
        column(event).put("hired", false).remove("title");

        assertThat(byHiredFlag.classify(event).reason()).isEmpty();
        data(event).putObject("user").put("firstname", "Marie\u202E").put("lastname", "x".repeat(500));
        assertThat(byHiredFlag.classify(event).reason()).startsWith("by Marie x").endsWith("...").hasSizeLessThan(120);
        column(event).put("title", "Refusé");
        data(event).remove("user");
        assertThat(byHiredFlag.classify(event).reason()).isEqualTo("to Refusé");
    }

    @Test
    void aDragIntoAColumnWithoutHiredFlagIsAMoveOutOfHired() {
        ObjectNode event = hire();
        column(event).remove("hired");

        assertThat(byHiredFlag.classify(event).isMovedOut()).isTrue();
    }

    @Test
    void aDragOutOfHiredWithoutTheIdsOfAHireIsOnlyIgnoredAsBefore() {
        ObjectNode noCompany = hire();
        column(noCompany).put("hired", false);
        noCompany.remove("company_id");
        ObjectNode noApplicant = hire();
        column(noApplicant).put("hired", false);
        data(noApplicant).remove("applicant");
        data(noApplicant).remove("vacancy");

        assertThat(byHiredFlag.classify(noCompany).isIgnored()).isTrue();
        assertThat(byHiredFlag.classify(noCompany).reason()).contains("does not trigger a hire");
        assertThat(byHiredFlag.classify(noApplicant).isIgnored()).isTrue();
    }

    @Test
    void withoutApplicantTheApplicantIdFieldIsUsed() {
        ObjectNode event = hire();
        data(event).remove("applicant");
        data(event).put("applicant_id", "5678");

        assertThat(byHiredFlag.classify(event).applicantId()).isEqualTo("5678");
    }

    @Test
    void withoutAnyApplicantIdTheCandidateAndVacancyStandForIt() {
        ObjectNode event = hire();
        data(event).remove("applicant");

        assertThat(byHiredFlag.classify(event).applicantId()).isEqualTo("candidate-77-vacancy-5");
    }

    @Test
    void withoutApplicantNorVacancyTheEventIsRefused() {
        ObjectNode event = hire();
        data(event).remove("applicant");
        data(event).remove("vacancy");

        assertRefused(byHiredFlag, event, "data.applicant");
    }

    @Test
    void aHireWithoutCompanyIdIsRefused() {
        ObjectNode event = hire();
        event.remove("company_id");

        assertRefused(byHiredFlag, event, "company_id");
    }

    @Test
    void aHireWithABlankCompanyIdIsRefused() {
        ObjectNode event = hire();
        event.put("company_id", "  ");

        assertRefused(byHiredFlag, event, "company_id");
    }

    @Test
    void anEventWithoutNameIsRefused() {
        ObjectNode event = hire();
        event.remove("event");

        assertRefused(byHiredFlag, event, "event");
    }

    @Test
    void anEventWhoseNameIsNotTextIsRefused() {
        ObjectNode event = hire();
        event.put("event", 3);

        assertRefused(byHiredFlag, event, "event");
    }

    @Test
    void aDragWithoutDataIsRefused() {
        ObjectNode event = hire();
        event.remove("data");

        assertRefused(byHiredFlag, event, "data");
    }

    @Test
    void aDragWithoutCandidateIsRefused() {
        ObjectNode event = hire();
        data(event).remove("candidate");

        assertRefused(byHiredFlag, event, "data.candidate");
    }

    @Test
    void aDragWithoutColumnIsRefused() {
        ObjectNode event = hire();
        data(event).remove("column");

        assertRefused(byHiredFlag, event, "data.column");
    }

    @Test
    void aColumnGivenAsAnIdOnlyIsRefused() {
        ObjectNode event = hire();
        data(event).put("column", 9);

        assertRefused(byHiredFlag, event, "data.column");
    }

    @Test
    void aRefusalDoesNotEchoThePayload() {
        ObjectNode event = hire();
        data(event).remove("column");

        assertThatExceptionOfType(Problem.class)
                .isThrownBy(() -> byHiredFlag.classify(event))
                .satisfies(problem -> assertThat(problem.getMessage()).doesNotContain("Müller", "eloise"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9", "recruté"})
    void aConfiguredTriggerColumnIsMatchedByIdOrTitle(String trigger) {
        TenantClassifier classifier = classifierFor(Set.of(trigger));
        ObjectNode event = hire();
        column(event).put("hired", false);

        assertThat(classifier.classify(event).kind()).isEqualTo(HireVerdict.Kind.HIRE);
    }

    @Test
    void aConfiguredTitleIsMatchedWhateverItsCase() {
        TenantClassifier classifier = classifierFor(Set.of("embauché"));
        ObjectNode event = hire();
        column(event).put("title", " EMBAUCHÉ ");

        assertThat(classifier.classify(event).kind()).isEqualTo(HireVerdict.Kind.HIRE);
    }

    @Test
    void aColumnIdSentAsTextMatchesAConfiguredId() {
        TenantClassifier classifier = classifierFor(Set.of("9"));
        ObjectNode event = hire();
        column(event).put("id", "9");
        column(event).put("title", "Autre");

        assertThat(classifier.classify(event).kind()).isEqualTo(HireVerdict.Kind.HIRE);
    }

    @Test
    void withConfiguredColumnsAColumnMarkedHiredButNotListedIsStillAHire() {
        TenantClassifier classifier = classifierFor(Set.of("12", "embauché"));

        assertThat(classifier.classify(hire()).kind()).isEqualTo(HireVerdict.Kind.HIRE);
    }

    @Test
    void aHireWithoutFirstNameIsIncomplete() {
        ObjectNode event = hire();
        candidate(event).remove("firstname");

        HireVerdict verdict = byHiredFlag.classify(event);

        assertThat(verdict.kind()).isEqualTo(HireVerdict.Kind.INCOMPLETE);
        assertThat(verdict.fields()).containsExactly("data.candidate.firstname");
        assertThat(verdict.dedupeKey()).isEqualTo("4242:1234");
    }

    @Test
    void aHireWithABlankLastNameIsIncomplete() {
        ObjectNode event = hire();
        candidate(event).put("lastname", "   ");

        HireVerdict verdict = byHiredFlag.classify(event);

        assertThat(verdict.kind()).isEqualTo(HireVerdict.Kind.INCOMPLETE);
        assertThat(verdict.fields()).containsExactly("data.candidate.lastname");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "eloise", "eloise@gmail", "eloise @gmail.com", "a@b@c.fr"})
    void aHireWithoutAUsableEmailIsIncomplete(String email) {
        ObjectNode event = hire();
        candidate(event).put("email", email);

        HireVerdict verdict = byHiredFlag.classify(event);

        assertThat(verdict.kind()).isEqualTo(HireVerdict.Kind.INCOMPLETE);
        assertThat(verdict.fields()).containsExactly("data.candidate.email");
    }

    @Test
    void anEmailWithSurroundingSpacesIsAccepted() {
        ObjectNode event = hire();
        candidate(event).put("email", " eloise@gmail.com ");

        assertThat(byHiredFlag.classify(event).kind()).isEqualTo(HireVerdict.Kind.HIRE);
    }

    @Test
    void everyMissingFieldIsListed() {
        ObjectNode event = hire();
        data(event).putObject("candidate");

        assertThat(byHiredFlag.classify(event).fields()).containsExactly(
                "data.candidate.firstname", "data.candidate.lastname", "data.candidate.email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"firstname", "lastname"})
    void aNameLongerThanTheLimitMakesTheHireIncomplete(String name) {
        ObjectNode event = hire();
        candidate(event).put(name, "a".repeat(250));

        HireVerdict verdict = byHiredFlag.classify(event);

        assertThat(verdict.kind()).isEqualTo(HireVerdict.Kind.INCOMPLETE);
        assertThat(verdict.unusableFields()).containsExactly(
                new UnusableField("data.candidate." + name, "longer than 100 characters"));
        assertThat(verdict.dedupeKey()).isEqualTo("4242:1234");
    }

    @Test
    void namesOfExactlyTheLimitMakeAHire() {
        ObjectNode event = hire();
        candidate(event).put("firstname", "é".repeat(100));
        candidate(event).put("lastname", " " + "a".repeat(100) + " ");

        assertThat(byHiredFlag.classify(event).kind()).isEqualTo(HireVerdict.Kind.HIRE);
    }

    @Test
    void theLimitsCountADecomposedAccentAsTheOneCharacterLuccaGets() {
        ObjectNode event = hire();
        candidate(event).put("firstname", "e\u0301".repeat(100));

        assertThat(byHiredFlag.classify(event).kind()).isEqualTo(HireVerdict.Kind.HIRE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u202E\u0000", " \u00AD\t\uFEFF "})
    void aNameOfOnlyInvisibleCharactersIsMissing(String name) {
        ObjectNode event = hire();
        candidate(event).put("lastname", name);

        assertThat(byHiredFlag.classify(event).unusableFields()).containsExactly(
                new UnusableField("data.candidate.lastname", "missing"));
    }

    @Test
    void theLimitsCountWhatIsLeftOnceInvisibleCharactersAndExtraSpacesAreGone() {
        ObjectNode event = hire();
        candidate(event).put("firstname", "a\u200B".repeat(100));
        candidate(event).put("lastname", "a".repeat(50) + " \t\n " + "b".repeat(49));
        vacancy(event).put("title", "\u202E" + "t".repeat(200));

        assertThat(byHiredFlag.classify(event).kind()).isEqualTo(HireVerdict.Kind.HIRE);
    }

    @Test
    void anEmailLongerThanTheLimitMakesTheHireIncomplete() {
        ObjectNode event = hire();
        candidate(event).put("email", "a".repeat(245) + "@gmail.com");

        assertThat(byHiredFlag.classify(event).unusableFields()).containsExactly(
                new UnusableField("data.candidate.email", "longer than 254 characters"));
    }

    @ParameterizedTest
    @ValueSource(ints = {40_000, 200_000})
    void aHostileEmailWithoutADotIsRefusedForItsLength(int length) {
        ObjectNode event = hire();
        candidate(event).put("email", "a".repeat(length / 2) + "@" + "b".repeat(length / 2));

        assertThat(byHiredFlag.classify(event).unusableFields()).containsExactly(
                new UnusableField("data.candidate.email", "longer than 254 characters"));
    }

    @Test
    void aHostileEmailOfAtSignsIsRefusedForItsLength() {
        ObjectNode event = hire();
        candidate(event).put("email", "@".repeat(200_000));

        assertThat(byHiredFlag.classify(event).unusableFields()).containsExactly(
                new UnusableField("data.candidate.email", "longer than 254 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eloise@gmail", "a@b@c.fr", "eloise\u202E@gmail.com", "eloise@gmail.com\u0000",
        "\u001Beloise@gmail.com"})
    void anEmailThatCannotBeOneIsSaidToBeNoAddress(String email) {
        ObjectNode event = hire();
        candidate(event).put("email", email);

        assertThat(byHiredFlag.classify(event).unusableFields()).containsExactly(
                new UnusableField("data.candidate.email", "not an e-mail address"));
    }

    @Test
    void anEmailOfExactlyTheLimitMakesAHire() {
        ObjectNode event = hire();
        candidate(event).put("email", "a".repeat(244) + "@gmail.com");

        assertThat(byHiredFlag.classify(event).kind()).isEqualTo(HireVerdict.Kind.HIRE);
    }

    @Test
    void aTitleLongerThanTheLimitMakesTheHireIncomplete() {
        ObjectNode event = hire();
        vacancy(event).put("title", "t".repeat(201));

        HireVerdict verdict = byHiredFlag.classify(event);

        assertThat(verdict.kind()).isEqualTo(HireVerdict.Kind.INCOMPLETE);
        assertThat(verdict.unusableFields()).containsExactly(
                new UnusableField("data.vacancy.title", "longer than 200 characters"));
    }

    @Test
    void aTitleOfExactlyTheLimitMakesAHire() {
        ObjectNode event = hire();
        vacancy(event).put("title", "t".repeat(200));

        assertThat(byHiredFlag.classify(event).kind()).isEqualTo(HireVerdict.Kind.HIRE);
    }

    @Test
    void aHireNeedsNoTitle() {
        ObjectNode event = hire();
        vacancy(event).remove("title");

        assertThat(byHiredFlag.classify(event).kind()).isEqualTo(HireVerdict.Kind.HIRE);
    }

    @Test
    void aRejectionSaysWhatIsWrongWithEachField() {
        ObjectNode event = hire();
        candidate(event).remove("firstname");
        candidate(event).put("lastname", "a".repeat(101));
        candidate(event).put("email", "eloise");

        HireVerdict verdict = byHiredFlag.classify(event);

        assertThat(verdict.fields()).containsExactly(
                "data.candidate.firstname", "data.candidate.lastname", "data.candidate.email");
        assertThat(verdict.rejection()).isEqualTo("data.candidate.firstname is missing, data.candidate.lastname "
                + "is longer than 100 characters, data.candidate.email is not an e-mail address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"company_id", "data.applicant.id", "data.applicant_id", "data.candidate.id",
        "data.vacancy.id"})
    void anIdLongerThanTheLimitIsRefused(String field) {
        ObjectNode event = hire();
        putId(event, field, "9".repeat(65));

        assertThatExceptionOfType(Problem.class)
                .isThrownBy(() -> byHiredFlag.classify(event))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.document().get("field")).isEqualTo(field);
                    assertThat(problem.getMessage()).contains("longer than 64 characters").doesNotContain("999");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"company_id", "data.applicant.id", "data.applicant_id", "data.candidate.id",
        "data.vacancy.id"})
    void anIdOfExactlyTheLimitIsRead(String field) {
        TenantClassifier anyCompany = new TenantClassifier(new AnyCompanyRules("acme", Duration.ZERO));
        ObjectNode event = hire();
        data(event).remove("applicant");
        putId(event, field, "9".repeat(64));

        assertThat(anyCompany.classify(event).dedupeKey()).contains("9".repeat(64));
    }

    private static void putId(ObjectNode event, String field, String id) {
        switch (field) {
            case "company_id" -> event.put("company_id", id);
            case "data.applicant.id" -> data(event).putObject("applicant").put("id", id);
            case "data.applicant_id" -> data(event).put("applicant_id", id);
            case "data.candidate.id" -> candidate(event).put("id", id);
            case "data.vacancy.id" -> vacancy(event).put("id", id);
            default -> throw new IllegalArgumentException(field);
        }
    }

    private static void assertRefused(TenantClassifier classifier, ObjectNode event, String field) {
        assertThatExceptionOfType(Problem.class)
                .isThrownBy(() -> classifier.classify(event))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.document().get("field")).isEqualTo(field);
                });
    }

    private static ObjectNode hire() {
        try {
            return (ObjectNode) JSON.readTree(HIRE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    private static ObjectNode candidate(ObjectNode event) {
        return (ObjectNode) data(event).get("candidate");
    }

    private static ObjectNode vacancy(ObjectNode event) {
        return (ObjectNode) data(event).get("vacancy");
    }

    private static ObjectNode column(ObjectNode event) {
        return (ObjectNode) data(event).get("column");
    }

    private static ObjectNode applicant(ObjectNode event) {
        return (ObjectNode) data(event).get("applicant");
    }
}
