package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HireMapperTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    // late evening in UTC, already the next day in Paris; before the vacancy's start, as a hire on time is
    private static final Instant RECEIVED_AT = Instant.parse("2025-12-01T23:30:00Z");
    private static final LocalDate RECEIVED_DAY_IN_PARIS = LocalDate.of(2025, 12, 2);

    private static final String HIRE = """
            { "event": "drag_applicant", "company_id": 4242,
              "data": {
                "candidate": {"id": 77, "firstname": " Éloïse ", "lastname": "Müller-Straße",
                              "email": " eloise@gmail.com ", "phone": "+33 6 12 34 56 78"},
                "applicant": {"id": "1234"},
                "column": {"id": 9, "title": "Recruté", "hired": true},
                "vacancy": {"id": 5, "title": " Développeuse Java ", "contract_type_id": 1,
                            "start_date": "2026-01-05T23:30:00.000Z", "tags": ["Service IT", " ", "Paris"],
                            "department": " Service IT "}
              } }
            """;

    private final HireMapper mapper = mapper(null, LoginRule.INITIAL_LASTNAME, "/data/vacancy/department");

    @Test
    void mapsEveryFieldOfAFullHire() {
        HireMapper withWorkEmail = mapper(
                WorkEmailPattern.parse("{firstname}.{lastname}@acme.fr"), LoginRule.INITIAL_LASTNAME, "/data/vacancy/department");

        MappedHire hire = withWorkEmail.map(Json.parse(HIRE), RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft()).isEqualTo(new LuccaUserDraft("Éloïse", "Müller-Straße", "eloise.mullerstrasse@acme.fr",
                "eloise@gmail.com", "+33612345678", "Développeuse Java", LocalDate.of(2026, 1, 6), null, null, null, null));
        assertThat(hire.warningTexts()).isEmpty();
        assertThat(hire.loginBase()).isEqualTo("emullerstrasse");
        assertThat(hire.departmentNames()).containsExactly("Service IT");
        assertThat(hire.contractTypeId()).isEqualTo("1");
    }

    @Test
    void theContractCarriesTheApplicationIdTheIntakeKeysTheHireBy() {
        JsonNode plain = Json.parse(HIRE);
        ((ObjectNode) plain.path("data")).remove("applicant");
        ((ObjectNode) plain.path("data")).put("applicant_id", 5678);
        JsonNode both = Json.parse(HIRE);
        ((ObjectNode) both.path("data")).put("applicant_id", "5678");

        assertThat(mapper.map(Json.parse(HIRE), RECEIVED_AT, RECEIVED_AT).applicationId()).isEqualTo("1234");
        assertThat(mapper.map(plain, RECEIVED_AT, RECEIVED_AT).applicationId()).as("data.applicant_id, as the intake reads it")
                .isEqualTo("5678");
        assertThat(mapper.map(both, RECEIVED_AT, RECEIVED_AT).applicationId()).as("data.applicant.id first").isEqualTo("1234");
    }

    @Test
    void aPayloadWithoutApplicantIdGivesItsContractTheCandidateAndVacancyTheIntakeKeysItBy() {
        JsonNode old = Json.parse(HIRE);
        ((ObjectNode) old.path("data")).remove("applicant");

        assertThat(mapper.map(old, RECEIVED_AT, RECEIVED_AT).applicationId()).isEqualTo("candidate-77-vacancy-5");
    }

    @Test
    void withoutWorkEmailPatternTheCandidateEmailIsTheMail() {
        LuccaUserDraft draft = mapper.map(Json.parse(HIRE), RECEIVED_AT, RECEIVED_AT).draft();

        assertThat(draft.mail()).isEqualTo("eloise@gmail.com");
        assertThat(draft.personalEmail()).isEqualTo("eloise@gmail.com");
    }

    @Test
    void theLoginBaseFollowsTheConfiguredRule() {
        HireMapper byEmail = mapper(null, LoginRule.EMAIL, "/data/vacancy/department");

        assertThat(byEmail.map(Json.parse(HIRE), RECEIVED_AT, RECEIVED_AT).loginBase()).isEqualTo("eloise@gmail.com");
    }

    @Test
    void namesLoseStrayAndDoubledSpacesButKeepTheirSpelling() {
        JsonNode event = Json.parse(HIRE);
        candidate(event).put("firstname", "  Jean   Pierre\u00A0");
        candidate(event).put("lastname", "de  La\tTour");

        LuccaUserDraft draft = mapper.map(event, RECEIVED_AT, RECEIVED_AT).draft();

        assertThat(draft.firstName()).isEqualTo("Jean Pierre");
        assertThat(draft.lastName()).isEqualTo("de La Tour");
    }

    @Test
    void namesAndTitleLoseInvisibleCharactersBeforeReachingLucca() {
        JsonNode event = Json.parse(HIRE);
        candidate(event).put("firstname", "\u202EÉlo\u200Bïse");
        candidate(event).put("lastname", "Mül\u00ADler\u0000-Stra\u001Bße");
        vacancy(event).put("title", "Développeuse\tJava\uFEFF");

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft().firstName()).isEqualTo("Éloïse");
        assertThat(hire.draft().lastName()).isEqualTo("Müller-Straße");
        assertThat(hire.draft().jobTitle()).isEqualTo("Développeuse Java");
        assertThat(hire.loginBase()).isEqualTo("emullerstrasse");
    }

    @Test
    void namesAndTitleTypedDecomposedReachLuccaComposed() {
        JsonNode event = Json.parse(HIRE);
        candidate(event).put("firstname", "Zoe\u0301");
        vacancy(event).put("title", "De\u0301veloppeuse");

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft().firstName()).isEqualTo("Zo\u00e9");
        assertThat(hire.draft().jobTitle()).isEqualTo("D\u00e9veloppeuse");
    }

    @Test
    void namesAndTitleLoseHalfASurrogatePairOnItsOwnWhichTheWebhookReadsAsItCame() {
        JsonNode event = Json.parse(HIRE);
        candidate(event).put("firstname", "Zo\u00e9 \ud83d");
        candidate(event).put("lastname", "\ude00Martin");
        vacancy(event).put("title", "D\u00e9veloppeuse \ud83d\ude00");

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft().firstName()).isEqualTo("Zo\u00e9");
        assertThat(hire.draft().lastName()).isEqualTo("Martin");
        assertThat(hire.draft().jobTitle()).as("a whole pair is one character, kept").isEqualTo("D\u00e9veloppeuse \ud83d\ude00");
    }

    @Test
    void theJobTitleIsTheVacancysWithoutItsGenderMarker() {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).put("title", " Chef de  projet - H/F ");

        assertThat(mapper.map(event, RECEIVED_AT, RECEIVED_AT).draft().jobTitle()).isEqualTo("Chef de projet");
    }

    @Test
    void aTitleOfOnlyInvisibleCharactersIsLeftOut() {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).put("title", "\u200B\u202E");

        assertThat(mapper.map(event, RECEIVED_AT, RECEIVED_AT).draft().jobTitle()).isNull();
    }

    @Test
    void aFixedTermVacancysEndDateEndsTheContractAndAPermanentOneHasNone() {
        JsonNode event = Json.parse(HIRE);
        assertThat(mapper.map(event, RECEIVED_AT, RECEIVED_AT).draft().contractEnd()).isNull();

        vacancy(event).put("end_date", "2026-06-30");
        MappedHire fixedTerm = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(fixedTerm.draft().contractEnd()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(fixedTerm.draft().toCreateBody()).containsEntry("dtContractEnd", "2026-06-30T00:00:00");
        assertThat(fixedTerm.warningTexts()).isEmpty();
    }

    /** A fixed-term job's dates written as a database writes a day: the contract ends on its day, not open-ended. */
    @Test
    void aFixedTermVacancysDatesWithAMidnightWithoutZoneAreTheirDays() {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).put("start_date", "2027-01-04 00:00:00");
        vacancy(event).put("end_date", "2027-06-30 00:00:00");

        MappedHire fixedTerm = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(fixedTerm.draft().contractStart()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(fixedTerm.draft().contractEnd()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(fixedTerm.warningTexts()).isEmpty();
    }

    @Test
    void anEndBeforeTheStartLeavesTheContractOpenEndedWithAWarning() {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).put("end_date", "2025-12-31");

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft().contractEnd()).isNull();
        assertThat(hire.draft().toCreateBody()).doesNotContainKey("dtContractEnd");
        assertThat(hire.warningTexts()).containsExactly(HireMapper.END_BEFORE_START);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"\"", "\"sometime\""})
    void anEmptyEndIsPermanentAndAnUnreadableOneIsSaid(String end) {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).set("end_date", Json.parse(end));

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft().contractEnd()).isNull();
        assertThat(hire.warningTexts()).isEqualTo(end.contains("sometime") ? java.util.List.of(HireMapper.END_DATE_UNREADABLE)
                : java.util.List.of());
    }

    // how PHP and MySQL write "no date": a permanent job's end is none, not an unreadable one
    @ParameterizedTest
    @ValueSource(strings = {"false", "0", "\"0000-00-00\"", "\"0000-00-00 00:00:00\""})
    void anEndWrittenAsNoDateIsPermanentUnsaid(String end) {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).set("end_date", Json.parse(end));

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft().contractEnd()).isNull();
        assertThat(hire.warningTexts()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "0", "\"0000-00-00\"", "\"0000-00-00 00:00:00\""})
    void aStartWrittenAsNoDateIsEstimated(String start) {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).set("start_date", Json.parse(start));

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft().contractStart()).isEqualTo(RECEIVED_DAY_IN_PARIS);
        assertThat(hire.warningTexts()).containsExactly("start date estimated");
    }

    @Test
    void aMissingPhoneIsLeftOutSilently() {
        JsonNode event = Json.parse(HIRE);
        candidate(event).remove("phone");

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft().personalMobile()).isNull();
        assertThat(hire.warningTexts()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"\"", "\"  \""})
    void aNullOrBlankPhoneIsLeftOutSilently(String phone) {
        JsonNode event = Json.parse(HIRE);
        candidate(event).set("phone", Json.parse(phone));

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft().personalMobile()).isNull();
        assertThat(hire.warningTexts()).isEmpty();
    }

    @Test
    void anUnreadablePhoneIsLeftOutWithAWarningThatDoesNotRepeatIt() {
        JsonNode event = Json.parse(HIRE);
        candidate(event).put("phone", "06 12 34");

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft().personalMobile()).isNull();
        assertThat(hire.warningTexts()).containsExactly("phone number could not be read; not sent");
    }

    @Test
    void aPhoneOfGuadeloupeAsMuchAsOfFrenchGuianaForLibphonenumberIsGuianasByItsBlock() {
        JsonNode event = Json.parse(HIRE);
        candidate(event).put("phone", "0694 12 34 56");

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft().personalMobile()).isEqualTo("+594694123456");
        assertThat(hire.warningTexts()).isEmpty();
    }

    @Test
    void flatchrsDatesAreParisDaysWhateverTheTenantsZone() {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).put("start_date", "2027-01-04T00:00:00.000Z");
        vacancy(event).put("end_date", "2027-06-30T00:00:00.000Z");
        HireMapper martinique = new HireMapper(new MappingSettings(ZoneId.of("America/Martinique"),
                LoginRule.INITIAL_LASTNAME, null, "FR", ""));

        MappedHire hire = martinique.map(event, RECEIVED_AT, RECEIVED_AT);

        // in Martinique's time (UTC-4) both instants fall on the evening before
        assertThat(hire.draft().contractStart()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(hire.draft().contractEnd()).isEqualTo(LocalDate.of(2027, 6, 30));
    }

    @Test
    void anEstimatedStartIsTheDayTheHireArrivedInTheTenantsZone() {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).remove("start_date");
        HireMapper martinique = new HireMapper(new MappingSettings(ZoneId.of("America/Martinique"),
                LoginRule.INITIAL_LASTNAME, null, "FR", ""));

        // 23:30 UTC is 19:30 in Martinique, 00:30 the next day in Paris
        assertThat(martinique.map(event, RECEIVED_AT, RECEIVED_AT).draft().contractStart()).isEqualTo(LocalDate.of(2025, 12, 1));
    }

    @Test
    void aMissingStartDateIsEstimatedAsTheDayTheHireArrived() {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).remove("start_date");

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft().contractStart()).isEqualTo(RECEIVED_DAY_IN_PARIS);
        assertThat(hire.warningTexts()).containsExactly("start date estimated");
    }

    /**
     * The hire came after the vacancy's start (dragged into hired late, replayed, moved back into hired): the contract
     * starts on the day Flatchr gives, as payroll needs, but nobody reading "created" would know it was already past.
     */
    @Test
    void aStartDateAlreadyPastWhenTheHireCameIsKeptAndSaid() {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).put("start_date", "2025-12-01");

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft().contractStart()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(hire.warnings()).containsExactly(HireWarning.ofNewContract(HireMapper.START_DATE_PAST + ": the "
                + "vacancy's start date 2025-12-01 is before the day the hire was sent to Lucca (2025-12-02); the "
                + "contract starts on it, as Flatchr gives it: check it with payroll"));
    }

    /**
     * The hire came before the vacancy's start, but reached Lucca after it (retried for days through an outage, or a
     * create whose answer was lost): past when created, and said as the day it was sent.
     */
    @Test
    void aStartDatePastByTheDayTheHireIsSentIsSaidThoughItCameBefore() {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).put("start_date", "2025-12-03");

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT.plus(java.time.Duration.ofDays(3)));

        assertThat(hire.draft().contractStart()).isEqualTo(LocalDate.of(2025, 12, 3));
        assertThat(hire.warnings()).containsExactly(HireWarning.ofNewContract(HireMapper.START_DATE_PAST + ": the "
                + "vacancy's start date 2025-12-03 is before the day the hire was sent to Lucca (2025-12-05); the "
                + "contract starts on it, as Flatchr gives it: check it with payroll"));
    }

    /** No start date in Flatchr, and retried for days: the estimate (the day it came) is past when created. */
    @Test
    void anEstimatedStartDatePastByTheDayTheHireIsSentIsSaid() {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).remove("start_date");

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT.plus(java.time.Duration.ofDays(3)));

        assertThat(hire.draft().contractStart()).isEqualTo(RECEIVED_DAY_IN_PARIS);
        assertThat(hire.warningTexts()).containsExactly("start date estimated", HireMapper.START_DATE_PAST + ": the "
                + "estimated start date (the day the hire was queued) " + RECEIVED_DAY_IN_PARIS + " is before the day the "
                + "hire was sent to Lucca (" + RECEIVED_DAY_IN_PARIS.plusDays(3) + "); the contract starts on it, as "
                + "estimated: check it with payroll");
    }

    /**
     * A short fixed-term job whose hire reached Lucca after its last day (dragged into hired late, replayed, retried
     * through an outage): the contract is over when created, and Lucca shows a former employee who cannot log in.
     */
    @Test
    void aFixedTermContractAlreadyOverWhenSentIsSaid() {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).put("start_date", "2025-11-03");
        vacancy(event).put("end_date", "2025-11-28");

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft().contractEnd()).isEqualTo(LocalDate.of(2025, 11, 28));
        assertThat(hire.warnings()).contains(HireWarning.ofNewContract(HireMapper.END_DATE_PAST + ": the vacancy's "
                + "end date 2025-11-28 is before the day the hire was sent to Lucca (2025-12-02); the contract is over "
                + "when created, and Lucca shows a former employee, who cannot log in: check it with HR"));
    }

    @Test
    void aFixedTermContractEndingOnTheDayItIsSentIsNotOver() {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).put("start_date", "2025-11-03");
        vacancy(event).put("end_date", RECEIVED_DAY_IN_PARIS.toString());

        assertThat(mapper.map(event, RECEIVED_AT, RECEIVED_AT).warningTexts())
                .noneMatch(warning -> warning.startsWith(HireMapper.END_DATE_PAST));
    }

    @Test
    void aStartDateOnTheDayTheHireCameIsNotPast() {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).put("start_date", RECEIVED_DAY_IN_PARIS.toString());

        assertThat(mapper.map(event, RECEIVED_AT, RECEIVED_AT).warningTexts()).isEmpty();
    }

    @Test
    void anUnreadableStartDateIsEstimatedWithItsOwnWarning() {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).put("start_date", "early January");

        MappedHire hire = mapper.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft().contractStart()).isEqualTo(RECEIVED_DAY_IN_PARIS);
        assertThat(hire.warningTexts()).containsExactly("start date unreadable; start date estimated");
    }

    @Test
    void warningsComeInFieldOrder() {
        JsonNode event = Json.parse(HIRE);
        candidate(event).put("phone", "abc");
        vacancy(event).putNull("start_date");

        assertThat(mapper.map(event, RECEIVED_AT, RECEIVED_AT).warningTexts())
                .containsExactly("phone number could not be read; not sent", "start date estimated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "\"1\""})
    void theContractTypeIdIsReadAsTextWhetherSentAsNumberOrText(String contractTypeId) {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).set("contract_type_id", Json.parse(contractTypeId));

        assertThat(mapper.map(event, RECEIVED_AT, RECEIVED_AT).contractTypeId()).isEqualTo("1");
    }

    @Test
    void departmentNamesCanComeFromAnArrayOfText() {
        HireMapper fromTags = mapper(null, LoginRule.INITIAL_LASTNAME, "/data/vacancy/tags");

        assertThat(fromTags.map(Json.parse(HIRE), RECEIVED_AT, RECEIVED_AT).departmentNames()).containsExactly("Service IT", "Paris");
    }

    @Test
    void departmentNamesAreTheTitlesOfFlatchrsTagObjects() {
        JsonNode event = Json.parse(HIRE);
        // Flatchr's vacancy tags, as its API and webhook send them (the fake's Shapes.tag): objects, not text
        vacancy(event).set("tags", Json.parse("""
                [{"id": "7jKJ0Mpz60pXNgxa", "tag_id": 1174, "title": " Service IT ", "type": "vacancies",
                  "creatable": false, "values": "", "multiple": false, "visible": false},
                 {"id": "Qx9", "tag_id": 1175, "title": "", "name": "Paris"},
                 {"id": "Zk1", "tag_id": 1176, "title": null}]
                """));
        HireMapper fromTags = mapper(null, LoginRule.INITIAL_LASTNAME, "/data/vacancy/tags");

        MappedHire hire = fromTags.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.departmentNames()).containsExactly("Service IT", "Paris");
        assertThat(hire.warningTexts()).isEmpty();
        assertThat(mapper(null, LoginRule.INITIAL_LASTNAME, "/data/vacancy/tags/0").map(event, RECEIVED_AT, RECEIVED_AT)
                .departmentNames()).as("a pointer to one tag").containsExactly("Service IT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/data/column/hired", "/data/candidate", "/data/vacancy/tags"})
    void somethingAtThePointerOfWhichNoNameCanBeReadIsSaidNamingThePointerNotTheData(String pointer) {
        JsonNode event = Json.parse(HIRE);
        vacancy(event).set("tags", Json.parse("[{\"id\": \"Zk1\", \"tag_id\": 1176}, true, \" \"]"));
        HireMapper elsewhere = mapper(null, LoginRule.INITIAL_LASTNAME, pointer);

        MappedHire hire = elsewhere.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.departmentNames()).isEmpty();
        assertThat(hire.warnings()).as("of the new user's department").containsExactly(HireWarning.ofNewUser(
                "no department name could be read at FLATCHR_DEPARTMENT_POINTER " + pointer
                        + " (neither text nor items with a title or name): the default department applies"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"absent", "null", "\"  \"", "[]"})
    void nothingAtThePointerNamesNoDepartmentAndIsNotAWarning(String tags) {
        JsonNode event = Json.parse(HIRE);
        if ("absent".equals(tags)) {
            vacancy(event).remove("tags");
        } else {
            vacancy(event).set("tags", Json.parse(tags));
        }
        HireMapper fromTags = mapper(null, LoginRule.INITIAL_LASTNAME, "/data/vacancy/tags");

        MappedHire hire = fromTags.map(event, RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.departmentNames()).isEmpty();
        assertThat(hire.warningTexts()).isEmpty();
    }

    @Test
    void anEmptyPointerReadsNoDepartmentNotEvenTheWholeEvent() {
        HireMapper none = mapper(null, LoginRule.INITIAL_LASTNAME, "");

        assertThat(none.map(Json.parse(HIRE), RECEIVED_AT, RECEIVED_AT).departmentNames()).isEmpty();
        assertThat(mapper.map(Json.parse(HIRE), RECEIVED_AT, RECEIVED_AT).departmentNames()).as("the same event, with a pointer")
                .isNotEmpty();
    }

    @Test
    void rejectsAMalformedDepartmentPointer() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> mapper(null, LoginRule.INITIAL_LASTNAME, "data/vacancy/department"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "null",
        "[]",
        "\"drag_applicant\"",
        "{\"data\": null}",
        "{\"data\": {\"candidate\": null, \"vacancy\": null}}",
        "{\"data\": {\"candidate\": \"Éloïse\", \"vacancy\": [1, 2]}}",
        "{\"data\": {\"candidate\": {\"firstname\": {}, \"lastname\": [], \"email\": true, \"phone\": {}}}}",
        "{\"data\": {\"vacancy\": {\"title\": null, \"start_date\": {}, \"contract_type_id\": null, \"department\": null}}}"})
    void oddShapesBecomeEmptyFieldsInsteadOfErrors(String json) {
        MappedHire hire = mapper.map(Json.parse(json), RECEIVED_AT, RECEIVED_AT);

        assertThat(hire.draft().firstName()).isNull();
        assertThat(hire.draft().mail()).isNull();
        assertThat(hire.draft().personalMobile()).isNull();
        assertThat(hire.draft().jobTitle()).isNull();
        assertThat(hire.draft().contractStart()).isEqualTo(RECEIVED_DAY_IN_PARIS);
        assertThat(hire.departmentNames()).isEmpty();
        assertThat(hire.contractTypeId()).isNull();
        assertThat(hire.loginBase()).isEmpty();
    }

    @Test
    void noEventAtAllMapsLikeAnEmptyOne() {
        assertThat(mapper.map(null, RECEIVED_AT, RECEIVED_AT)).isEqualTo(mapper.map(Json.parse("{}"), RECEIVED_AT, RECEIVED_AT));
    }

    private static HireMapper mapper(WorkEmailPattern workEmail, LoginRule loginRule, String departmentPointer) {
        return new HireMapper(new MappingSettings(PARIS, loginRule, workEmail, "FR", departmentPointer));
    }

    private static ObjectNode candidate(JsonNode event) {
        return (ObjectNode) event.at("/data/candidate");
    }

    private static ObjectNode vacancy(JsonNode event) {
        return (ObjectNode) event.at("/data/vacancy");
    }
}
