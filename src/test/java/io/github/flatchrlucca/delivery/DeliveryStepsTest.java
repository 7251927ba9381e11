package io.github.flatchrlucca.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.intake.WebhookToken;
import io.github.flatchrlucca.journal.AddressReservations;
import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.tenants.RehirePolicy;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.TenantSettings;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.http.KeyState;
import io.github.flatchrlucca.lucca.LuccaCaller;
import io.github.flatchrlucca.lucca.LuccaConnection;
import io.github.flatchrlucca.lucca.LuccaRefused;
import io.github.flatchrlucca.lucca.LuccaUnavailable;
import io.github.flatchrlucca.lucca.LuccaRequests;
import io.github.flatchrlucca.lucca.PeopleBudget;
import io.github.flatchrlucca.lucca.PeopleDirectory;
import io.github.flatchrlucca.lucca.PeopleOverBudget;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import io.github.flatchrlucca.mapping.ContractTypeTable;
import io.github.flatchrlucca.mapping.DepartmentTable;
import io.github.flatchrlucca.mapping.HireMapper;
import io.github.flatchrlucca.mapping.LoginRule;
import io.github.flatchrlucca.mapping.LuccaDepartment;
import io.github.flatchrlucca.mapping.MappingSettings;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Set;
import java.util.Optional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryStepsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant RECEIVED_AT = Instant.parse("2026-01-04T10:00:00Z");
    // the hires are sent to Lucca the day they came
    private static final Clock ATTEMPTS = Clock.fixed(RECEIVED_AT, java.time.ZoneOffset.UTC);

    private static final String PAYLOAD = """
            { "event": "drag_applicant", "company_id": 4242,
              "data": {
                "candidate": {"id": 77, "firstname": "Éloïse", "lastname": "Müller", "email": "eloise@gmail.com"},
                "applicant": {"id": 1234},
                "column": {"id": 9, "title": "Recruté", "hired": true},
                "vacancy": {"id": 5, "title": "Développeuse Java", "contract_type_id": %s,
                            "start_date": "2026-02-02", "department": %s}
              } }
            """;
    private static final String MAPPED_CONTRACT = "1";
    private static final String UNMAPPED_CONTRACT = "2";

    private final ReservationsInMemory reservations = new ReservationsInMemory();
    private static final URI ACME_LUCCA = URI.create("https://acme.ilucca.net");
    private static final LuccaConnection LUCCA = lucca(Optional.of(ACME_LUCCA));
    private static final Tenant TENANT = tenant(RehirePolicy.CONTRACT);
    private static final Tenant REPORTING_REHIRES = tenant(RehirePolicy.REPORT);
    private static final Tenant WORK_MAIL = tenant(RehirePolicy.CONTRACT,
            io.github.flatchrlucca.mapping.WorkEmailPattern.parse("{firstname}.{lastname}@acme.fr"));
    /** Logins are the hire's address: the candidate's own e-mail, or the pattern's. */
    private static final Tenant EMAIL_LOGIN = tenant(RehirePolicy.CONTRACT, null, LUCCA, LoginRule.EMAIL);
    private static final Tenant EMAIL_LOGIN_WORK_MAIL = tenant(RehirePolicy.CONTRACT,
            io.github.flatchrlucca.mapping.WorkEmailPattern.parse("{firstname}.{lastname}@acme.fr"), LUCCA,
            LoginRule.EMAIL);
    /** What the people directory's next reads of Lucca answer, in order: {"data":{"items":[...]}} bodies. */
    private final Deque<String> luccaPeople = new ArrayDeque<>();
    private final PeopleDirectory people = directoryWithin(new PeopleBudget(1_000));
    /** What the journal's address reservations say next; by default, that the hire holds its address. */
    private AddressReservations.Outcome addressOutcome = AddressReservations.Outcome.HELD;
    /** The same, of the candidate's own e-mail. */
    private AddressReservations.Outcome ownEmailOutcome = AddressReservations.Outcome.HELD;
    /** What the hire asked to hold, kind and address, in order. */
    private final List<String> held = new java.util.ArrayList<>();
    private final DeliverySteps.AddressHolds addresses = (kind, lucca, address, hireId) -> {
        held.add(kind + " " + address);
        AddressReservations.Outcome outcome = kind == AddressReservations.Kind.LUCCA_MAIL ? addressOutcome
                : ownEmailOutcome;
        return new AddressReservations.Hold(outcome, outcome == AddressReservations.Outcome.HELD ? hireId : "hire-9");
    };
    private final DeliverySteps steps = new DeliverySteps(JSON, new LuccaRequests(JSON),
            reservations, addresses, people, ATTEMPTS);

    /** The journal's login reservations, as a map: tenant/login -> hire. */
    private static final class ReservationsInMemory implements DeliverySteps.LoginReservations {
        final java.util.Map<String, String> byLogin = new java.util.HashMap<>();

        @Override
        public List<String> reservedByOthers(String tenant, String hireId, String base) {
            return byLogin.entrySet().stream().filter(entry -> entry.getKey().startsWith(tenant + "/" + base))
                    .filter(entry -> !entry.getValue().equals(hireId))
                    .map(entry -> entry.getKey().substring(tenant.length() + 1)).toList();
        }

        @Override
        public boolean reserve(String tenant, String hireId, String login) {
            String key = tenant + "/" + login;
            return byLogin.putIfAbsent(key, hireId) == null || hireId.equals(byLogin.get(key));
        }

        @Override
        public void takeOver(String tenant, String hireId, String login) {
            byLogin.put(tenant + "/" + login, hireId);
        }
    }

    // ---- map

    @Test
    void aMappedContractTypeIsPatchedWithoutWarning() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        assertThat(delivery.isContractTypeMapped()).isTrue();
        assertThat(delivery.luccaContractTypeId()).isEqualTo(21);
        assertThat(delivery.warnings()).doesNotContain(DeliverySteps.CONTRACT_TYPE_UNMAPPED);
    }

    @Test
    void anUnmappedContractTypeIsWarnedAbout() {
        Delivery delivery = steps.map(hire(UNMAPPED_CONTRACT), TENANT);

        assertThat(delivery.isContractTypeMapped()).isFalse();
        assertThat(delivery.warnings()).contains("contract type not mapped; Lucca's default contract template applies");
    }

    @Test
    void aVacancyWithoutContractTypeIsWarnedAbout() {
        Delivery delivery = steps.map(hire("null"), TENANT);

        assertThat(delivery.isContractTypeMapped()).isFalse();
        assertThat(delivery.warnings()).contains(DeliverySteps.CONTRACT_TYPE_UNMAPPED);
    }

    @Test
    void aContractTypeIdSentAsTextIsMappedToo() {
        Delivery delivery = steps.map(hire("\"1\""), TENANT);

        assertThat(delivery.isContractTypeMapped()).isTrue();
    }

    @Test
    void theHireIsReadIntoADraft() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        assertThat(delivery.getHireId()).isEqualTo("hire-1");
        assertThat(delivery.draft().mail()).isEqualTo("eloise@gmail.com");
        assertThat(delivery.draft().contractStart()).hasToString("2026-02-02");
        assertThat(delivery.mapped().loginBase()).isEqualTo("emuller");
        assertThat(delivery.isUserKnown()).isFalse();
    }

    @Test
    void aStartDayFlatchrDoesNotGiveIsTheDayTheHireLastEnteredTheQueue() {
        String withoutStart = payload(MAPPED_CONTRACT).replace("\"start_date\": \"2026-02-02\"", "\"start_date\": null");
        // dead, then replayed by an operator two weeks after it was received
        Instant replayedAt = RECEIVED_AT.plus(Duration.ofDays(14));

        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", withoutStart, RECEIVED_AT, replayedAt, null, 1,
                null, null, null), TENANT);

        assertThat(delivery.draft().contractStart()).hasToString("2026-01-18");
        assertThat(delivery.warnings()).contains("start date estimated");
    }

    @Test
    void aUserCreatedByAnEarlierAttemptIsKnownFromTheStart() {
        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT, RECEIVED_AT, null, 2, 416L, "{}", null), TENANT);

        assertThat(delivery.isUserKnown()).isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(416L);
    }

    @Test
    void namesWithNoLatinLettersToMakeALoginOfNeedAPerson() {
        ClaimedHire khmer = new ClaimedHire("hire-1", "acme", PAYLOAD.formatted("1", "null")
                .replace("Éloïse", "សុខ"), RECEIVED_AT, RECEIVED_AT, null, 1, null, null, null);
        ClaimedHire styled = new ClaimedHire("hire-2", "acme", PAYLOAD.formatted("1", "null")
                .replace("Müller", "𝐌𝐮𝐥𝐥𝐞𝐫"), RECEIVED_AT, RECEIVED_AT, null, 1, null, null, null);

        assertThatExceptionOfType(HireNeedsAPerson.class).isThrownBy(() -> steps.map(khmer, TENANT))
                .withMessageContaining("nothing of the first or last name reads in Latin letters");
        assertThat(steps.map(styled, TENANT).mapped().loginBase()).as("styled letters read as they show")
                .isEqualTo("emuller");
    }

    @Test
    void whatAnEarlierAttemptMadeInALuccaTheTenantLeftNeedsAPerson() {
        String acme = ACME_LUCCA.toString();
        ClaimedHire user = claimed(416L, null, acme);
        ClaimedHire lostCreate = claimed(null, "{\"login\":\"emuller\"}", acme);
        Tenant elsewhere = movedTo(Optional.of(URI.create("https://acme-new.ilucca.net")));

        for (ClaimedHire hire : List.of(user, lostCreate)) {
            for (Tenant moved : List.of(elsewhere, movedTo(Optional.empty()))) {
                assertThatExceptionOfType(HireNeedsAPerson.class).isThrownBy(() -> steps.madeInItsLucca(hire, moved.lucca()))
                        .withMessageContaining("made in the Lucca its tenant used before")
                        .withMessageNotContaining("ilucca.net")
                        .satisfies(why -> assertThat(why.reason()).isEqualTo("lucca-changed"));
            }
        }
        steps.madeInItsLucca(user, TENANT.lucca());
        assertThat(steps.map(user, TENANT).luccaUserId()).as("the same Lucca").isEqualTo(416L);
        steps.madeInItsLucca(claimed(416L, null, null), elsewhere.lucca());
        assertThat(steps.map(claimed(416L, null, null), elsewhere).luccaUserId())
                .as("recorded before the journal kept its Lucca: the one in force").isEqualTo(416L);
        steps.madeInItsLucca(claimed(null, null, acme), elsewhere.lucca());
        assertThat(steps.map(claimed(null, null, acme), elsewhere).isUserKnown())
                .as("a create Lucca refused left nothing there").isFalse();
    }

    @Test
    void aPayloadThatIsNotJsonCannotBeMapped() {
        ClaimedHire broken = new ClaimedHire("hire-1", "acme", "{not json", RECEIVED_AT, RECEIVED_AT, null, 1, null, null, null);

        assertThatExceptionOfType(UncheckedIOException.class)
                .isThrownBy(() -> steps.map(broken, TENANT));
    }

    // ---- enrich

    @Test
    void theOrganisationDefaultsAreAddedToTheDraft() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        steps.enrich(delivery, List.of());

        assertThat(delivery.draft().legalEntityId()).isEqualTo(3);
        assertThat(delivery.draft().rolePrincipalId()).isEqualTo(5);
        assertThat(delivery.draft().departmentId()).isEqualTo(99);
    }

    @Test
    void aDepartmentNamedByTheHireIsFoundAmongLuccaDepartments() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT, "\"Service IT\""), TENANT);

        steps.enrich(delivery, List.of(new LuccaDepartment(12, "Service IT", true)));

        assertThat(delivery.draft().departmentId()).isEqualTo(12);
    }

    @Test
    void aDepartmentNotFoundInLuccaIsWarnedAbout() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT, "\"Service IT\""), TENANT);

        steps.enrich(delivery, List.of(new LuccaDepartment(12, "Marketing", true)));

        assertThat(delivery.draft().departmentId()).isEqualTo(99);
        assertThat(delivery.warnings()).anySatisfy(warning -> assertThat(warning).startsWith("Department not found"));
    }

    // ---- find the person

    @Test
    void thePersonIsSearchedByTheDraftMail() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        ApiRequest request = steps.findPerson(delivery);

        assertThat(request.name()).isEqualTo("find-person-by-mail");
        assertThat(request.query()).startsWith("mail=like%2Celoise%40gmail.com&");
    }

    @Test
    void nobodyFoundLeavesTheUserUnknown() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);
        List<String> warningsBefore = List.copyOf(delivery.warnings());

        steps.notePerson(delivery, json("{\"data\":{\"items\":[]}}"));

        assertThat(delivery.isUserKnown()).isFalse();
        assertThat(delivery.isAlreadyInLucca()).isFalse();
        assertThat(delivery.warnings()).isEqualTo(warningsBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "{}", "{\"items\":[]}"})
    void aLookUpAnsweredWithoutTheListLuccaDocumentsIsAnUnavailableLuccaNotNobody(String answer) {
        // "null": a blank body, as LuccaAnswers reads it; taken for nobody, a second person would be created
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        assertThatExceptionOfType(io.github.flatchrlucca.lucca.LuccaUnavailable.class)
                .isThrownBy(() -> steps.notePerson(delivery, json(answer)))
                .withMessageContaining("200 to find-person-by-mail");
        assertThat(delivery.isUserKnown()).isFalse();
    }

    @Test
    void aContractSearchAnsweredWithoutTheListLuccaDocumentsMakesNoSecondContract() {
        Delivery delivery = userMadeEarlier();

        assertThatExceptionOfType(io.github.flatchrlucca.lucca.LuccaUnavailable.class)
                .isThrownBy(() -> steps.completeWorkContract(delivery, json("{}")))
                .withMessageContaining("200 to find-work-contract");
    }

    @Test
    void aCurrentEmployeeWithTheMailIsAlreadyInLucca() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        steps.notePerson(delivery, person(77, null));

        assertThat(delivery.isAlreadyInLucca()).isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(77L);
        assertThat(delivery.warnings()).contains(DeliverySteps.ALREADY_EMPLOYED).doesNotContain(DeliverySteps.REHIRE);
    }

    @Test
    void anEmployeeWhoseContractEndsOnTheStartDayIsStillEmployed() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        steps.notePerson(delivery, person(77, "2026-02-02T00:00:00"));

        assertThat(delivery.isRehire()).isFalse();
        assertThat(delivery.warnings()).contains(DeliverySteps.ALREADY_EMPLOYED).doesNotContain(DeliverySteps.REHIRE);
    }

    @Test
    void aFormerEmployeeComesBackAsTheSamePersonWithANewContract() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        steps.notePerson(delivery, person(77, "2025-06-30T00:00:00"));

        assertThat(delivery.isRehire()).isTrue();
        assertThat(delivery.isAlreadyInLucca()).isFalse();
        assertThat(delivery.luccaUserId()).as("no new user: the same person").isEqualTo(77L);
        assertThat(delivery.warnings()).doesNotContain(DeliverySteps.REHIRE, DeliverySteps.ALREADY_EMPLOYED);
    }

    @Test
    void someoneWhoseContractEndsBeforeTheStartDayComesBackToo() {
        // still employed today (4 January), but no contract left on 2 February, the start day
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        steps.notePerson(delivery, person(77, "2026-01-31T00:00:00"));

        assertThat(delivery.isRehire()).isTrue();
    }

    /**
     * The vacancy's start day (2 February) left in the past when the hire came (2 March), and the person's last
     * contract ended between the two (27 February): employed on the start day, gone by the hire. Reported as someone
     * already in Lucca, nothing would be written and nobody told, while the returning employee has no contract to log
     * in with; a contract from the start day would overlap the former one.
     */
    @Test
    void someoneWhoLeftAfterAStartDayLeftInThePastButBeforeTheHireCameNeedsAPersonOrIsReportedAsARehire() {
        ClaimedHire cameAfterTheStart = new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT,
                Instant.parse("2026-03-02T10:00:00Z"), null, 1, null, null, null);
        Delivery delivery = steps.map(cameAfterTheStart, TENANT);
        Delivery reported = steps.map(cameAfterTheStart, REPORTING_REHIRES);

        assertThatExceptionOfType(HireNeedsAPerson.class)
                .isThrownBy(() -> steps.notePerson(delivery, person(77, "2026-02-27T00:00:00")))
                .withMessageContaining("#77").withMessageNotContaining("eloise")
                .satisfies(why -> assertThat(why.reason()).isEqualTo("left-after-the-start-date"));
        assertThat(delivery.isAlreadyInLucca()).isFalse();
        assertThat(delivery.isRehire()).isFalse();
        steps.notePerson(reported, person(77, "2026-02-27T00:00:00"));
        assertThat(reported.isAlreadyInLucca()).isTrue();
        assertThat(reported.warnings()).contains(DeliverySteps.REHIRE).doesNotContain(DeliverySteps.ALREADY_EMPLOYED);
    }

    @Test
    void anEmployeeWhoseContractEndsBeforeTheHiresWouldIsAlreadyInLuccaAndSaysTheNewContractWasNotMade() {
        // a fixed-term employee hired again, into a permanent job (a CDD turned CDI): employed on the start day, their
        // contract ends on 30 June, and nothing in Lucca gives them the new one
        Delivery permanent = steps.map(hire(MAPPED_CONTRACT), TENANT);
        steps.notePerson(permanent, person(77, "2026-06-30T00:00:00"));
        // the same into a fixed-term job that ends after theirs (a CDD renewed)
        Delivery longer = steps.map(hireEndingOn("2026-12-31"), TENANT);
        steps.notePerson(longer, person(77, "2026-06-30T00:00:00"));

        assertThat(permanent.isAlreadyInLucca()).isTrue();
        assertThat(permanent.warnings()).contains(DeliverySteps.ALREADY_EMPLOYED).anySatisfy(warning ->
                assertThat(warning).startsWith(Journal.CONTRACT_ENDS_SOONER).contains("2026-06-30", "open-ended"));
        assertThat(longer.warnings()).anySatisfy(warning ->
                assertThat(warning).startsWith(Journal.CONTRACT_ENDS_SOONER).contains("2026-06-30", "2026-12-31"));
    }

    @Test
    void anEmployeeWhoseContractOutlastsTheHiresHasNothingMoreSaid() {
        Delivery openEnded = steps.map(hire(MAPPED_CONTRACT), TENANT);
        steps.notePerson(openEnded, person(77, null));
        Delivery fixedTerm = steps.map(hireEndingOn("2026-06-30"), TENANT);
        steps.notePerson(fixedTerm, person(77, "2026-06-30T00:00:00"));

        assertThat(openEnded.warnings()).noneMatch(warning -> warning.startsWith(Journal.CONTRACT_ENDS_SOONER));
        assertThat(fixedTerm.warnings()).noneMatch(warning -> warning.startsWith(Journal.CONTRACT_ENDS_SOONER));
    }

    @Test
    void someoneStillEmployedWhenTheHireCameIsAlreadyInLuccaWhateverTheStartDay() {
        ClaimedHire cameAfterTheStart = new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT,
                Instant.parse("2026-03-02T10:00:00Z"), null, 1, null, null, null);
        Delivery delivery = steps.map(cameAfterTheStart, TENANT);

        steps.notePerson(delivery, person(77, "2026-03-02T00:00:00"));

        assertThat(delivery.isAlreadyInLucca()).isTrue();
        assertThat(delivery.warnings()).contains(DeliverySteps.ALREADY_EMPLOYED);
    }

    @Test
    void aFormerEmployeeIsOnlyReportedWhenTheTenantSaysSo() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), REPORTING_REHIRES);

        steps.notePerson(delivery, person(77, "2025-06-30T00:00:00"));

        assertThat(delivery.isRehire()).isFalse();
        assertThat(delivery.isAlreadyInLucca()).isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(77L);
        assertThat(delivery.warnings()).contains(DeliverySteps.REHIRE).doesNotContain(DeliverySteps.ALREADY_EMPLOYED);
    }

    @Test
    void withAWorkEmailPatternAFormerEmployeeIsTheSamePersonOnlyWithTheCandidatesOwnEmail() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), WORK_MAIL);

        steps.notePerson(delivery, personWithPersonalEmail(77, "eloise.muller@acme.fr", "2025-06-30T00:00:00", " Eloise@Gmail.com"));

        assertThat(delivery.isRehire()).isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(77L);
    }

    @Test
    void withAWorkEmailPatternANamesakeIsNeitherRehiredNorTakenForTheCandidate() {
        Delivery former = steps.map(hire(MAPPED_CONTRACT), WORK_MAIL);
        Delivery employed = steps.map(hire(MAPPED_CONTRACT), WORK_MAIL);
        Delivery unknown = steps.map(hire(MAPPED_CONTRACT), WORK_MAIL);

        assertThatExceptionOfType(HireNeedsAPerson.class).isThrownBy(() -> steps.notePerson(former,
                personWithPersonalEmail(77, "eloise.muller@acme.fr", "2025-06-30T00:00:00", "eloise.other@gmail.com")))
                .withMessageContaining("#77").withMessageNotContaining("@");
        assertThatExceptionOfType(HireNeedsAPerson.class).isThrownBy(() -> steps.notePerson(employed,
                personWithPersonalEmail(78, "eloise.muller@acme.fr", null, "eloise.other@gmail.com")));
        assertThatExceptionOfType(HireNeedsAPerson.class).as("Lucca has no personal e-mail to tell them apart")
                .isThrownBy(() -> steps.notePerson(unknown, json("{\"data\":{\"items\":[{\"id\":79,\"login\":"
                        + "\"emuller\",\"mail\":\"eloise.muller@acme.fr\",\"dtContractEnd\":\"2025-06-30T00:00:00\"}]}}")));
        assertThat(former.isRehire()).isFalse();
        assertThat(former.luccaUserId()).isNull();
    }

    @Test
    void withAWorkEmailPatternSomeoneWhoseAddressIsTheCandidatesOwnEmailIsTheCandidateWhateverTheirPersonalEmail() {
        // an internal candidate: their own e-mail is the very address the pattern makes, and Lucca has a gmail one
        ClaimedHire internal = new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT)
                .replace("eloise@gmail.com", "Eloise.Muller@acme.fr"), RECEIVED_AT, RECEIVED_AT, null, 1, null, null, null);
        luccaPeople.add(people("{\"id\":77,\"mail\":\"eloise.muller@acme.fr\",\"login\":\"emuller\","
                + "\"personalEmail\":\"eloise@gmail.com\"}"));
        people.refresh(LUCCA);
        Delivery delivery = steps.map(internal, WORK_MAIL);
        assertThat(delivery.draft().mail()).isEqualTo("eloise.muller@acme.fr");

        steps.checkInDirectory(delivery, LUCCA);
        steps.notePerson(delivery, json("{\"data\":{\"items\":[{\"id\":77,\"login\":\"emuller\","
                + "\"mail\":\"eloise.muller@acme.fr\",\"personalEmail\":\"eloise@gmail.com\",\"dtContractEnd\":null}]}}"));

        assertThat(delivery.isAlreadyInLucca()).as("no namesake: Lucca has their own e-mail as their address").isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(77L);
    }

    @Test
    void aPersonFoundAfterALostCreateWithoutItsLoginIsOurOwnUserByTheAddressItSent() {
        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT, RECEIVED_AT, null, 2,
                null, "{\"mail\":\"Eloise@Gmail.com\"}", null), TENANT);

        steps.notePerson(delivery, person(416, null));

        assertThat(delivery.isUserKnown()).isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(416L);
        assertThat(delivery.isAlreadyInLucca()).isFalse();
        assertThat(delivery.warnings()).contains(DeliverySteps.ANSWER_LOST).doesNotContain(DeliverySteps.ALREADY_EMPLOYED);
    }

    @Test
    void aPersonFoundAfterALostCreateKeptWithoutWhatItSentIsNotTakenForWhatItMade() {
        // erased by retention, then moved back into hired: nothing tells that create's user from one made by hand
        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT, RECEIVED_AT, null, 2,
                null, "{}", null), TENANT);

        steps.notePerson(delivery, person(416, null));

        assertThat(delivery.isAlreadyInLucca()).as("their contract untouched").isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(416L);
        assertThat(delivery.warnings()).contains(DeliverySteps.ALREADY_EMPLOYED).doesNotContain(DeliverySteps.ANSWER_LOST);
    }

    @Test
    void aFormerEmployeeFoundAfterALostCreateAnswerIsStillARehire() {
        // the earlier attempt's contract did not reach Lucca: the person still has none on the start day
        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT, RECEIVED_AT, null, 2, null, "{}", null), TENANT);

        steps.notePerson(delivery, person(77, "2025-06-30T00:00:00"));

        assertThat(delivery.isRehire()).isTrue();
        assertThat(delivery.warnings()).doesNotContain(DeliverySteps.ANSWER_LOST);
    }

    @Test
    void aPersonFoundAfterALostCreateIsOursOnlyIfTheyHaveTheLoginItGave() {
        ClaimedHire sentUser = new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT, RECEIVED_AT, null, 2,
                null, "{\"login\":\"eschmidt\",\"mail\":\"eloise@gmail.com\"}", null);
        Delivery ours = steps.map(sentUser, TENANT);
        Delivery madeByHand = steps.map(sentUser, TENANT);

        steps.notePerson(ours, person(416, "ESchmidt", null));
        // the create failed, and HR made the person by hand meanwhile: their contract is not this hire's to change
        steps.notePerson(madeByHand, person(417, "eloise.schmidt", null));

        assertThat(ours.warnings()).contains(DeliverySteps.ANSWER_LOST);
        assertThat(ours.isAlreadyInLucca()).isFalse();
        assertThat(madeByHand.isAlreadyInLucca()).isTrue();
        assertThat(madeByHand.luccaUserId()).isEqualTo(417L);
        assertThat(madeByHand.warnings()).contains(DeliverySteps.ALREADY_EMPLOYED).doesNotContain(DeliverySteps.ANSWER_LOST);
    }

    @Test
    void aReturningEmployeeListedAfterTheirNewContractsAnswerWasLostIsARehireNotSomeoneAlreadyInLucca() {
        // the new contract was made: the round's read lists her with the hire's address and no contract end, an
        // employee, and no user of this hire's
        luccaPeople.add(people("{\"id\":77,\"mail\":\"eloise@gmail.com\",\"login\":\"cmorel\"}"));
        people.refresh(LUCCA);
        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT,
                RECEIVED_AT, null, 2, null, "{\"ownerId\":77,\"startsOn\":\"2026-02-02\",\"externalId\":\"1234\"}",
                ACME_LUCCA.toString()), TENANT);

        steps.holdAddress(delivery, LUCCA);
        steps.checkInDirectory(delivery, LUCCA);

        assertThat(delivery.isPersonToLookUp()).isFalse();
        assertThat(delivery.isRehire()).as("its contract is looked for by its externalId").isTrue();
        assertThat(delivery.isAlreadyInLucca()).isFalse();
        assertThat(delivery.luccaUserId()).isEqualTo(77L);
        assertThat(delivery.warnings()).doesNotContain(DeliverySteps.ANSWER_LOST, DeliverySteps.ALREADY_EMPLOYED);
        assertThat(steps.findWorkContract(delivery).query()).contains("ownerId").endsWith("=77");
    }

    // ---- rehire: a new contract on the former employee

    private final RehireSteps rehires = new RehireSteps(new LuccaRequests(JSON));

    @Test
    void aRehiresContractIsMadeWithTheMappedTemplateTheTenantsEstablishmentAndTheApplicationsId() {
        Delivery delivery = formerEmployee(MAPPED_CONTRACT);
        steps.enrich(delivery, List.of());

        rehires.noteContracts(delivery, contracts("""
                {"id":5001,"ownerId":77,"typeId":30,"startsOn":"2018-01-01","endsOn":"2021-06-30","establishmentId":8}"""));

        assertThat(delivery.isContractToCreate()).isTrue();
        ApiRequest create = rehires.createContract(delivery);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.body()).isEqualTo("{\"ownerId\":77,\"startsOn\":\"2026-02-02\",\"typeId\":21,"
                + "\"establishmentId\":3,\"externalId\":\"1234\"}");
        rehires.contractCreated(delivery, 201, json("{\"id\":5002,\"ownerId\":77,\"externalId\":\"1234\"}"));
        assertThat(delivery.warnings()).contains(RehireSteps.REHIRED);
    }

    @Test
    void aRehireWhoseContractCreateNamesNoContractIsNotSaidRehired() {
        Delivery delivery = formerEmployee(MAPPED_CONTRACT);
        steps.enrich(delivery, List.of());
        rehires.noteContracts(delivery, contracts("""
                {"id":5001,"ownerId":77,"typeId":30,"startsOn":"2018-01-01","endsOn":"2021-06-30"}"""));

        assertThatExceptionOfType(LuccaUnavailable.class)
                .isThrownBy(() -> rehires.contractCreated(delivery, 200, json("{}")));
        assertThat(delivery.warnings()).doesNotContain(RehireSteps.REHIRED);
    }

    @Test
    void aNewUsersContractCreateMustNameTheContractItsPatchNeedNot() {
        steps.contractWritten("create-work-contract", 201, json("{\"id\":5002,\"ownerId\":416}"));
        steps.contractWritten("patch-work-contract", 200, json("{}"));

        assertThatExceptionOfType(LuccaUnavailable.class)
                .isThrownBy(() -> steps.contractWritten("create-work-contract", 200, json("{}")));
    }

    @Test
    void aRehireIsNotDecidedOnAListOfContractsThatLacksSomeItCounts() {
        Delivery delivery = formerEmployee(MAPPED_CONTRACT);
        steps.enrich(delivery, List.of());

        // the one read names a former contract; the one it does not list may be the current one, or this hire's
        assertThatExceptionOfType(LuccaUnavailable.class).isThrownBy(() -> rehires.noteContracts(delivery, json("""
                {"items":[{"id":5001,"ownerId":77,"typeId":30,"startsOn":"2018-01-01","endsOn":"2021-06-30"}],
                 "count":2}""")));
        assertThat(delivery.isContractToCreate()).isFalse();
    }

    @Test
    void withoutAMappedTypeOrAnEstablishmentTheFormerContractsAreTakenAndSaid() {
        Delivery delivery = formerEmployee(UNMAPPED_CONTRACT);

        rehires.noteContracts(delivery, contracts("""
                {"id":5001,"ownerId":77,"typeId":30,"startsOn":"2018-01-01","endsOn":"2019-12-31","establishmentId":7},
                {"id":5002,"ownerId":77,"typeId":31,"startsOn":"2020-01-01","endsOn":"2021-06-30","establishmentId":8}"""));
        ApiRequest create = rehires.createContract(delivery);

        assertThat(create.body()).contains("\"typeId\":31", "\"establishmentId\":8");
        assertThat(delivery.warnings()).contains(RehireSteps.TEMPLATE_OF_THE_LAST)
                .doesNotContain(DeliverySteps.CONTRACT_TYPE_UNMAPPED);
    }

    @Test
    void aContractAnEarlierAttemptMadeIsFoundByItsExternalIdAndNotMadeAgain() {
        Delivery delivery = formerEmployee(MAPPED_CONTRACT);

        rehires.noteContracts(delivery, contracts("""
                {"id":5001,"ownerId":77,"typeId":21,"startsOn":"2018-01-01","endsOn":"2021-06-30"},
                {"id":5009,"ownerId":77,"typeId":21,"startsOn":"2026-03-01","endsOn":null,"externalId":"1234"}"""));

        assertThat(delivery.isContractToCreate()).isFalse();
        assertThat(delivery.isRehire()).isTrue();
        assertThat(delivery.warnings()).contains(RehireSteps.CONTRACT_ANSWER_LOST, RehireSteps.REHIRED);
    }

    @Test
    void aContractAnEarlierAttemptMadeOfAnUnmappedTypeIsSaidToHaveTheFormerTemplateNotLuccasDefault() {
        Delivery delivery = formerEmployee(UNMAPPED_CONTRACT);
        Delivery withoutTemplate = formerEmployee(UNMAPPED_CONTRACT);

        rehires.noteContracts(delivery, contracts("""
                {"id":5001,"ownerId":77,"typeId":31,"startsOn":"2018-01-01","endsOn":"2021-06-30"},
                {"id":5009,"ownerId":77,"typeId":31,"startsOn":"2026-02-02","endsOn":null,"externalId":"1234"}"""));
        rehires.noteContracts(withoutTemplate, contracts("""
                {"id":5001,"ownerId":77,"typeId":null,"startsOn":"2018-01-01","endsOn":"2021-06-30"},
                {"id":5009,"ownerId":77,"typeId":null,"startsOn":"2026-02-02","endsOn":null,"externalId":"1234"}"""));

        assertThat(delivery.isContractToCreate()).isFalse();
        assertThat(delivery.warnings()).contains(RehireSteps.TEMPLATE_OF_THE_LAST, RehireSteps.CONTRACT_ANSWER_LOST)
                .doesNotContain(DeliverySteps.CONTRACT_TYPE_UNMAPPED);
        assertThat(withoutTemplate.warnings()).contains(RehireSteps.WITHOUT_TEMPLATE)
                .doesNotContain(DeliverySteps.CONTRACT_TYPE_UNMAPPED, RehireSteps.TEMPLATE_OF_THE_LAST);
    }

    @Test
    void someoneAContractAlreadyCoversOnTheStartDayIsReportedAndNothingIsMade() {
        Delivery delivery = formerEmployee(MAPPED_CONTRACT);

        rehires.noteContracts(delivery, contracts("""
                {"id":5001,"ownerId":77,"typeId":21,"startsOn":"2026-01-15","endsOn":"2026-12-31"}"""));

        assertThat(delivery.isContractToCreate()).isFalse();
        assertThat(delivery.isRehire()).isFalse();
        assertThat(delivery.isAlreadyInLucca()).isTrue();
        assertThat(delivery.warnings()).contains(DeliverySteps.ALREADY_EMPLOYED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"id\":5001,\"ownerId\":77,\"typeId\":null,\"startsOn\":\"2018-01-01\",\"endsOn\":\"2021-06-30\"}"})
    void aRehireWithoutAnyTemplateSaysItsContractWasMadeWithoutOneNotThatLuccasDefaultApplies(String formerContracts) {
        Delivery delivery = formerEmployee(UNMAPPED_CONTRACT);

        rehires.noteContracts(delivery, contracts(formerContracts));
        ApiRequest create = rehires.createContract(delivery);

        assertThat(create.body()).doesNotContain("typeId");
        assertThat(delivery.warnings()).contains(RehireSteps.WITHOUT_TEMPLATE)
                .doesNotContain(DeliverySteps.CONTRACT_TYPE_UNMAPPED, RehireSteps.TEMPLATE_OF_THE_LAST);
    }

    // ---- warnings of what is never written

    /** A hire with a warning of each kind: its start day, its contract (type, end), its user (phone, department). */
    private static ClaimedHire hireWithEveryKindOfWarning() {
        String payload = PAYLOAD.formatted(UNMAPPED_CONTRACT, "\"Service IT\"")
                .replace("\"start_date\": \"2026-02-02\"", "\"start_date\": null, \"end_date\": \"someday\"")
                .replace("\"email\": \"eloise@gmail.com\"", "\"email\": \"eloise@gmail.com\", \"phone\": \"06 12\"");
        return new ClaimedHire("hire-1", "acme", payload, RECEIVED_AT, RECEIVED_AT, null, 1, null, null, null);
    }

    private Delivery enrichedWithEveryKindOfWarning(Tenant tenant) {
        Delivery delivery = steps.map(hireWithEveryKindOfWarning(), tenant);
        steps.enrich(delivery, List.of(new LuccaDepartment(13, "Marketing", true)));
        assertThat(delivery.warnings()).hasSize(5);
        return delivery;
    }

    @Test
    void aHireFoundInLuccaKeepsNoWarningOfAUserOrContractNeverWritten() {
        Delivery employed = enrichedWithEveryKindOfWarning(TENANT);
        Delivery reported = enrichedWithEveryKindOfWarning(REPORTING_REHIRES);

        steps.notePerson(employed, person(77, null));
        steps.notePerson(reported, person(77, "2021-06-30T00:00:00"));

        assertThat(employed.isAlreadyInLucca()).isTrue();
        assertThat(employed.warnings()).as("the estimated start day is what said they are still employed")
                .containsExactly("start date estimated", DeliverySteps.ALREADY_EMPLOYED);
        assertThat(reported.isAlreadyInLucca()).isTrue();
        assertThat(reported.warnings()).containsExactly("start date estimated", DeliverySteps.REHIRE);
    }

    @Test
    void aRehireKeepsTheWarningsOfItsNewContractButNoneOfAUserNeverWritten() {
        Delivery delivery = enrichedWithEveryKindOfWarning(TENANT);

        steps.notePerson(delivery, person(77, "2021-06-30T00:00:00"));

        assertThat(delivery.isRehire()).isTrue();
        assertThat(delivery.warnings()).containsExactly("start date estimated",
                "the vacancy's end date is unreadable: the contract is left open-ended",
                DeliverySteps.CONTRACT_TYPE_UNMAPPED);
    }

    @Test
    void aRehireThatFindsAContractCoveringTheStartDayKeepsNoContractWarningEither() {
        Delivery delivery = enrichedWithEveryKindOfWarning(TENANT);
        steps.notePerson(delivery, person(77, "2021-06-30T00:00:00"));

        rehires.noteContracts(delivery, contracts("""
                {"id":5001,"ownerId":77,"typeId":21,"startsOn":"2025-09-01","endsOn":null}"""));

        assertThat(delivery.isAlreadyInLucca()).isTrue();
        assertThat(delivery.warnings()).containsExactly("start date estimated", DeliverySteps.ALREADY_EMPLOYED);
    }

    @Test
    void aNewUserKeepsEveryWarning() {
        Delivery delivery = enrichedWithEveryKindOfWarning(TENANT);

        steps.notePerson(delivery, json("{\"data\":{\"items\":[]}}"));

        assertThat(delivery.warnings()).hasSize(5);
    }

    private Delivery formerEmployee(String contractTypeId) {
        Delivery delivery = steps.map(hire(contractTypeId), TENANT);
        steps.notePerson(delivery, person(77, "2021-06-30T00:00:00"));
        return delivery;
    }

    private static JsonNode contracts(String items) {
        return json("{\"items\":[" + items + "]}");
    }

    // ---- login

    @Test
    void takenLoginsAreSearchedFromTheLoginBase() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        assertThat(steps.findTakenLogins(delivery).query()).startsWith("login=like%2Cemuller&");
    }

    @Test
    void theLoginBaseIsChosenWhenFree() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        steps.chooseLogin(delivery, logins("jemuller", "emuller.old"));

        assertThat(delivery.draft().login()).isEqualTo("emuller");
    }

    @Test
    void aTakenLoginBaseGetsTheNumberTwo() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        steps.chooseLogin(delivery, logins("emuller"));

        assertThat(delivery.draft().login()).isEqualTo("emuller2");
    }

    @Test
    void theFirstFreeNumberIsChosenWhateverTheCaseOfTakenLogins() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        steps.chooseLogin(delivery, logins("EMuller", "emuller2", "emuller4"));

        assertThat(delivery.draft().login()).isEqualTo("emuller3");
    }

    @Test
    void aLoginAnotherHireIsBeingGivenIsSkippedAndTheChosenOneReserved() {
        reservations.reserve("acme", "namesake-hire", "emuller2");
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        steps.chooseLogin(delivery, logins("emuller"));

        assertThat(delivery.draft().login()).isEqualTo("emuller3");
        assertThat(reservations.byLogin).containsEntry("acme/emuller3", delivery.getHireId());
    }

    @Test
    void aRetryKeepsTheLoginItReservedBefore() {
        Delivery first = steps.map(hire(MAPPED_CONTRACT), TENANT);
        steps.chooseLogin(first, logins());
        Delivery retry = steps.map(hire(MAPPED_CONTRACT), TENANT);

        steps.chooseLogin(retry, logins());

        assertThat(retry.draft().login()).isEqualTo(first.draft().login()).isEqualTo("emuller");
    }

    // ---- a login that is the hire's address (LUCCA_LOGIN_RULE=email)

    /** HR made her account by hand: her own e-mail as login, a work address, no personal e-mail. */
    private static final String LOGIN_IS_HER_EMAIL = "{\"id\":77,\"mail\":\"e.muller@acme.fr\","
            + "\"login\":\"Eloise@Gmail.com\"}";

    @Test
    void underTheEmailRuleSomeoneWhoseLoginIsTheCandidatesEmailIsLookedUpNotGivenANumberedLogin() {
        luccaPeople.add(people(LOGIN_IS_HER_EMAIL));
        people.refresh(LUCCA);
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), EMAIL_LOGIN);
        steps.checkInDirectory(delivery, LUCCA);
        assertThat(delivery.isDirectoryChecked()).as("nobody with her e-mail as address").isTrue();

        steps.chooseLoginInDirectory(delivery, LUCCA);

        assertThat(delivery.isLoginHolderToFind()).isTrue();
        assertThat(delivery.draft().login()).as("never eloise@gmail.com2").isNull();
        assertThat(steps.findLoginHolder(delivery).query()).as("as Lucca writes it: login= is exact")
                .startsWith("login=Eloise%40Gmail.com&");
        steps.noteLoginHolder(delivery, loginHolder(null, null));
        assertThat(delivery.isAlreadyInLucca()).isTrue();
        assertThat(delivery.luccaUserId()).as("no second person").isEqualTo(77L);
        assertThat(delivery.warnings()).contains(DeliverySteps.ALREADY_EMPLOYED, DeliverySteps.FOUND_BY_LOGIN);
    }

    @Test
    void underTheEmailRuleAFormerEmployeeFoundByTheirLoginComesBack() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), EMAIL_LOGIN);

        steps.chooseLogin(delivery, logins("ELOISE@gmail.com", "eloise@gmail.com.old"));
        steps.noteLoginHolder(delivery, loginHolder("2025-06-30T00:00:00", null));

        assertThat(delivery.isLoginHolderToFind()).as("Lucca's taken logins say it too").isTrue();
        assertThat(delivery.isRehire()).isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(77L);
    }

    @Test
    void underTheEmailRuleALoginHolderGoneSinceTheReadLeavesTheLoginFree() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), EMAIL_LOGIN);
        steps.chooseLogin(delivery, logins("eloise@gmail.com"));

        steps.noteLoginHolder(delivery, json("{\"data\":{\"items\":[]}}"));

        assertThat(delivery.isUserKnown()).isFalse();
        assertThat(delivery.draft().login()).isEqualTo("eloise@gmail.com");
        assertThat(reservations.byLogin).containsEntry("acme/eloise@gmail.com", delivery.getHireId());
    }

    @Test
    void underTheEmailRuleAFreeAddressIsTheLoginAsEver() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), EMAIL_LOGIN);

        steps.chooseLogin(delivery, logins("eloise@gmail.co"));

        assertThat(delivery.isLoginHolderToFind()).isFalse();
        assertThat(delivery.draft().login()).isEqualTo("eloise@gmail.com");
    }

    @Test
    void underTheEmailRuleAnotherHireOfTheAddressHoldingItsLoginGivesItUp() {
        // the same candidate hired into another vacancy, whose delivery died after it chose its login, before its
        // create; this hire holds the address now (holdAddress), Lucca has nobody with it
        reservations.reserve("acme", "earlier-hire", "eloise@gmail.com");
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), EMAIL_LOGIN);

        steps.chooseLogin(delivery, logins());

        assertThat(delivery.draft().login()).as("never eloise@gmail.com2").isEqualTo("eloise@gmail.com");
        assertThat(reservations.byLogin).containsEntry("acme/eloise@gmail.com", delivery.getHireId());
    }

    @Test
    void underTheEmailRuleAnAddressCutToTheLoginsLengthIsNumberedBesideAnotherHiresReservation() {
        // 101 characters: its login is cut to 100, which another address may make too
        String address = "e".repeat(91) + "@gmail.com";
        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT)
                .replace("eloise@gmail.com", address), RECEIVED_AT, RECEIVED_AT, null, 1, null, null, null), EMAIL_LOGIN);
        String cut = delivery.mapped().loginBase();
        assertThat(cut).hasSize(LoginRule.MAX_LENGTH);
        reservations.reserve("acme", "other-address", cut);

        steps.chooseLogin(delivery, logins());

        assertThat(delivery.draft().login()).isNotEqualTo(cut).endsWith("2");
        assertThat(reservations.byLogin).containsEntry("acme/" + cut, "other-address");
    }

    @Test
    void underTheEmailRuleAndAWorkEmailPatternTheLoginsHolderIsTheCandidateOnlyWithTheCandidatesOwnEmail() {
        Delivery namesake = steps.map(hire(MAPPED_CONTRACT), EMAIL_LOGIN_WORK_MAIL);
        Delivery candidate = steps.map(hire(MAPPED_CONTRACT), EMAIL_LOGIN_WORK_MAIL);
        steps.chooseLogin(namesake, logins("eloise.muller@acme.fr"));
        steps.chooseLogin(candidate, logins("eloise.muller@acme.fr"));
        assertThat(steps.findLoginHolder(namesake).query()).startsWith("login=eloise.muller%40acme.fr&");

        assertThatExceptionOfType(HireNeedsAPerson.class)
                .isThrownBy(() -> steps.noteLoginHolder(namesake,
                        loginHolder("eloise.muller@acme.fr", null, "eloise.other@gmail.com")))
                .withMessageContaining("#77").withMessageNotContaining("@acme").withMessageNotContaining("gmail")
                .satisfies(why -> assertThat(why.reason()).isEqualTo("address-is-their-login"));
        steps.noteLoginHolder(candidate, loginHolder("eloise.muller@acme.fr", null, " Eloise@Gmail.com"));
        assertThat(candidate.isAlreadyInLucca()).isTrue();
        assertThat(candidate.luccaUserId()).isEqualTo(77L);
    }

    @Test
    void underTheEmailRuleARefusalAfterWhichLuccaShowsTheAddressAsSomeonesLoginIsThatPerson() {
        luccaPeople.add(people());
        people.refresh(LUCCA);
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), EMAIL_LOGIN);
        steps.checkInDirectory(delivery, LUCCA);
        steps.chooseLoginInDirectory(delivery, LUCCA);
        luccaPeople.add(people(LOGIN_IS_HER_EMAIL));
        people.refreshNow(LUCCA);

        steps.afterRefusedCreate(delivery, LUCCA, refusal());

        assertThat(delivery.isAlreadyInLucca()).isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(77L);
        assertThat(delivery.draft().login()).as("no second account under a numbered login").isEqualTo("eloise@gmail.com");
    }

    /** The people directory, its reads answered from {@link #luccaPeople}, every Lucca used. */
    private PeopleDirectory directoryWithin(PeopleBudget budget) {
        return new PeopleDirectory((lucca, request) -> new LuccaCaller.Answer(json(luccaPeople.removeFirst()),
                "Mon, 05 Jan 2026 09:00:00 GMT"), new LuccaRequests(JSON), Clock.systemUTC(), budget, people -> true);
    }

    /** Lucca's answer to {@code login=eloise@gmail.com}: HR's account of her, under a work address. */
    private static JsonNode loginHolder(String contractEnd, String personalEmail) {
        return loginHolder("Eloise@Gmail.com", contractEnd, personalEmail);
    }

    private static JsonNode loginHolder(String login, String contractEnd, String personalEmail) {
        String end = contractEnd == null ? "null" : "\"" + contractEnd + "\"";
        String personal = personalEmail == null ? "null" : "\"" + personalEmail + "\"";
        return json("{\"data\":{\"items\":[{\"id\":77,\"login\":\"" + login + "\",\"mail\":\"e.muller@acme.fr\","
                + "\"personalEmail\":" + personal + ",\"dtContractEnd\":" + end + "}]}}");
    }

    // ---- the people directory

    @Test
    void aDirectoryReadThisRoundAnswersForTheMailAndTheLogin() {
        luccaPeople.add(people("{\"id\":5,\"mail\":\"someone@acme.test\",\"login\":\"emuller\"}"));
        people.refresh(LUCCA);
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        steps.checkInDirectory(delivery, LUCCA);
        steps.chooseLoginInDirectory(delivery, LUCCA);

        assertThat(delivery.isDirectoryChecked()).isTrue();
        assertThat(delivery.isUserKnown()).isFalse();
        assertThat(delivery.draft().login()).isEqualTo("emuller2");
    }

    /** A directory whose Lucca lists two people where its budget holds one: dropped, its hires looked up one by one. */
    private PeopleDirectory droppedOverItsBudget() {
        PeopleDirectory overBudget = directoryWithin(new PeopleBudget(1));
        luccaPeople.add(people("{\"id\":5,\"mail\":\"someone@acme.test\",\"login\":\"emuller\"}",
                "{\"id\":6,\"mail\":\"someone.else@acme.test\",\"login\":\"selse\"}"));
        overBudget.refresh(LUCCA);
        return overBudget;
    }

    @Test
    void aLuccaWithMorePeopleThanTheDirectoriesMayHoldHasEachHireLookedUpInLuccaAsWhenItCannotBeRead() {
        PeopleDirectory overBudget = droppedOverItsBudget();
        DeliverySteps steps = new DeliverySteps(JSON, new LuccaRequests(JSON), reservations, addresses, overBudget,
                ATTEMPTS);
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        steps.checkInDirectory(delivery, LUCCA);

        assertThat(delivery.isDirectoryChecked()).as("its \"nobody\" is not taken: Lucca is asked").isFalse();
        assertThat(steps.findPerson(delivery).query()).startsWith("mail=like%2Celoise%40gmail.com&");
        assertThatExceptionOfType(PeopleOverBudget.class).as("no read can be made for a refused create")
                .isThrownBy(() -> overBudget.refreshNow(LUCCA));
    }

    @Test
    void aCreateRefusedForAHireLookedUpOneByOneOverTheBudgetIsFinalWithLuccasAnswer() {
        PeopleDirectory overBudget = droppedOverItsBudget();
        DeliverySteps steps = new DeliverySteps(JSON, new LuccaRequests(JSON), reservations, addresses, overBudget,
                ATTEMPTS);
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);
        steps.checkInDirectory(delivery, LUCCA);
        LuccaRefused refusal = new LuccaRefused("create-user", 400, "{\"Message\":\"jobTitle is too long\"}");

        assertThatExceptionOfType(LuccaRefused.class).as("not put off to an attempt that could read no more")
                .isThrownBy(() -> steps.readPeopleAfterRefusal(delivery, LUCCA, refusal)).isSameAs(refusal);
    }

    @Test
    void someoneTheDirectoryListsIsLookedUpInLuccaWhoseAnswerOfNowDecides() {
        // the directory keeps her as an employee; her contract was ended since, without a change Lucca dates
        luccaPeople.add(people("{\"id\":77,\"mail\":\"ELOISE@gmail.com\",\"login\":\"emuller\"}"));
        people.refresh(LUCCA);
        Delivery rehire = steps.map(hire(MAPPED_CONTRACT), TENANT);
        Delivery reported = steps.map(hire(MAPPED_CONTRACT), REPORTING_REHIRES);

        steps.checkInDirectory(rehire, LUCCA);
        steps.checkInDirectory(reported, LUCCA);

        assertThat(rehire.isDirectoryChecked()).as("Lucca is asked").isFalse();
        assertThat(rehire.isUserKnown()).isFalse();
        assertThat(steps.findPerson(rehire).query()).as("by the address as Lucca writes it: mail= is exact")
                .contains("mail=like%2CELOISE%40gmail.com");
        steps.notePerson(rehire, person(77, "2025-06-30T00:00:00"));
        steps.notePerson(reported, person(77, "2025-06-30T00:00:00"));
        assertThat(rehire.isRehire()).isTrue();
        assertThat(rehire.luccaUserId()).isEqualTo(77L);
        assertThat(reported.isAlreadyInLucca()).isTrue();
        assertThat(reported.warnings()).contains(DeliverySteps.REHIRE);
    }

    // ---- the candidate known to Lucca by another address, with their own e-mail as personal e-mail

    /** Someone HR made by hand years ago: a work address of their own, the candidate's e-mail as personal e-mail. */
    private static final String SANCHEZ_IN_DIRECTORY = "{\"id\":77,\"mail\":\"eloise.sanchez@acme.fr\","
            + "\"login\":\"esanchez\",\"personalEmail\":\" Eloise@Gmail.com\",\"dtContractEnd\":\"2025-06-30T00:00:00\"}";

    @Test
    void aFormerEmployeeKnownByTheirPersonalEmailComesBackOnTheirOwnRecordOrIsReported() {
        luccaPeople.add(people(SANCHEZ_IN_DIRECTORY));
        people.refresh(LUCCA);
        Delivery rehire = steps.map(hire(MAPPED_CONTRACT), TENANT);
        Delivery reported = steps.map(hire(MAPPED_CONTRACT), REPORTING_REHIRES);

        steps.checkInDirectory(rehire, LUCCA);
        steps.checkInDirectory(reported, LUCCA);

        assertThat(rehire.isDirectoryChecked()).as("not nobody: Lucca is asked").isFalse();
        assertThat(steps.findPerson(rehire).query()).as("by the address Lucca has for them")
                .startsWith("mail=like%2Celoise.sanchez%40acme.fr&");
        steps.notePerson(rehire, personWithPersonalEmail(77, "2025-06-30T00:00:00", "eloise@gmail.com"));
        steps.notePerson(reported, personWithPersonalEmail(77, "2025-06-30T00:00:00", "eloise@gmail.com"));
        assertThat(rehire.isRehire()).isTrue();
        assertThat(rehire.luccaUserId()).as("no second person").isEqualTo(77L);
        assertThat(reported.isAlreadyInLucca()).isTrue();
        assertThat(reported.warnings()).contains(DeliverySteps.REHIRE);
    }

    @Test
    void anEmployeeKnownByTheirPersonalEmailIsAlreadyInLucca() {
        luccaPeople.add(people(SANCHEZ_IN_DIRECTORY.replace("\"2025-06-30T00:00:00\"", "null")));
        people.refresh(LUCCA);
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        steps.checkInDirectory(delivery, LUCCA);
        steps.notePerson(delivery, personWithPersonalEmail(77, null, "eloise@gmail.com"));

        assertThat(steps.findPerson(delivery).query()).startsWith("mail=like%2Celoise.sanchez%40acme.fr&");
        assertThat(delivery.isAlreadyInLucca()).isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(77L);
        assertThat(delivery.warnings()).contains(DeliverySteps.ALREADY_EMPLOYED);
    }

    @Test
    void withAWorkEmailPatternSomeoneKnownByThePersonalEmailIsTheCandidateNotANamesake() {
        luccaPeople.add(people(SANCHEZ_IN_DIRECTORY));
        people.refresh(LUCCA);
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), WORK_MAIL);
        assertThat(delivery.draft().mail()).as("the pattern's address, nobody's in Lucca").isEqualTo("eloise.muller@acme.fr");

        steps.checkInDirectory(delivery, LUCCA);
        steps.notePerson(delivery, personWithPersonalEmail(77, "2025-06-30T00:00:00", "eloise@gmail.com"));

        assertThat(steps.findPerson(delivery).query()).startsWith("mail=like%2Celoise.sanchez%40acme.fr&");
        assertThat(delivery.isRehire()).isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(77L);
    }

    @Test
    void severalPeopleWithTheHiresAddressInTheDirectoryNeedAPersonToSayWhichWithoutNamingIt() {
        // Lucca does not make addresses unique: a former account beside a current one
        luccaPeople.add(people("{\"id\":78,\"mail\":\"eloise@gmail.com\",\"login\":\"eschmidt2\"}",
                "{\"id\":77,\"mail\":\"Eloise@Gmail.com\",\"login\":\"eschmidt\",\"dtContractEnd\":\"2020-12-31T00:00:00\"}"));
        people.refresh(LUCCA);
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        assertThatExceptionOfType(HireNeedsAPerson.class).isThrownBy(() -> steps.checkInDirectory(delivery, LUCCA))
                .withMessageContaining("#77, #78").withMessageNotContaining("@").withMessageNotContaining("eloise")
                .satisfies(why -> assertThat(why.reason()).isEqualTo("address-shared"));
        assertThat(delivery.isUserKnown()).isFalse();
    }

    @Test
    void severalPeopleWithTheHiresAddressInALookUpNeedAPersonToSayWhich() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        assertThatExceptionOfType(HireNeedsAPerson.class).isThrownBy(() -> steps.notePerson(delivery, json("""
                        {"data":{"items":[
                          {"id":77,"login":"eschmidt","mail":"eloise@gmail.com","dtContractEnd":"2020-12-31T00:00:00"},
                          {"id":78,"login":"eschmidt2","mail":"ELOISE@gmail.com","dtContractEnd":null},
                          {"id":79,"login":"meloise","mail":"marie.eloise@gmail.com","dtContractEnd":null}]}}
                        """)))
                .withMessageContaining("#77, #78").withMessageNotContaining("#79")
                .satisfies(why -> assertThat(why.reason()).isEqualTo("address-shared"));
        assertThat(delivery.isUserKnown()).isFalse();
        assertThat(delivery.isRehire()).isFalse();
    }

    @Test
    void severalPeopleWithTheCandidatesEmailAsPersonalEmailNeedAPersonToSayWhichWithoutNamingIt() {
        luccaPeople.add(people(SANCHEZ_IN_DIRECTORY, "{\"id\":78,\"mail\":\"e.muller@acme.fr\",\"login\":\"emuller\","
                + "\"personalEmail\":\"eloise@gmail.com\"}"));
        people.refresh(LUCCA);
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        assertPersonalEmailSharedBy77And78(() -> steps.checkInDirectory(delivery, LUCCA), delivery);
    }

    /**
     * A former account under the candidate's own e-mail (an old internship), and the account HR made for them since,
     * current, with that e-mail as personal e-mail: a contract on the former one would give one person two active
     * accounts. Decided on Lucca's answer of now: the directory may still list the old account as employed.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFormerAccountWithTheHiresAddressBesideACurrentOneWithItAsPersonalEmailNeedsAPerson(boolean staleDirectory) {
        luccaPeople.add(people(staleDirectory ? INTERN_IN_DIRECTORY.replace("\"2025-06-30T00:00:00\"", "null")
                : INTERN_IN_DIRECTORY, "{\"id\":78,\"mail\":\"e.muller@acme.fr\",\"login\":\"emuller2\","
                + "\"personalEmail\":\"eloise@gmail.com\"}"));
        people.refresh(LUCCA);
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);
        steps.checkInDirectory(delivery, LUCCA);

        assertPersonalEmailSharedBy77And78(() -> steps.notePerson(delivery, json("{\"data\":{\"items\":["
                + INTERN_IN_DIRECTORY + "]}}")), delivery);
        assertThat(delivery.isRehire()).isFalse();
    }

    /**
     * The other way round: the one with the hire's address is employed, an old account of theirs holds the candidate's
     * own e-mail. Nothing would be written to the current one: already in Lucca, as before, with or without a work
     * e-mail pattern.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aCurrentAccountWithTheHiresAddressBesideAFormerOneWithTheCandidatesEmailIsAlreadyInLucca(boolean workMail) {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), workMail ? WORK_MAIL : TENANT);
        String address = delivery.draft().mail();
        // the current account: the hire's address (with a pattern, the work address, the candidate's own e-mail as
        // its personal e-mail); the former one: the candidate's own e-mail, as its personal e-mail or its address
        String current = "{\"id\":77,\"login\":\"emuller\",\"mail\":\"" + address + "\","
                + (workMail ? "\"personalEmail\":\"eloise@gmail.com\"," : "") + "\"dtContractEnd\":null}";
        luccaPeople.add(people(current, workMail ? INTERN_IN_DIRECTORY.replace("77", "78")
                : "{\"id\":78,\"mail\":\"old.intern@acme.fr\",\"login\":\"emuller2\",\"personalEmail\":"
                + "\"eloise@gmail.com\",\"dtContractEnd\":\"2020-06-30T00:00:00\"}"));
        people.refresh(LUCCA);

        steps.checkInDirectory(delivery, LUCCA);
        steps.notePerson(delivery, json("{\"data\":{\"items\":[" + current + "]}}"));

        assertThat(delivery.isAlreadyInLucca()).isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(77L);
    }

    /** The same two, found by the directory read again after Lucca refused the create. */
    @Test
    void aRefusalAfterWhichAFormerAccountHasTheAddressAndACurrentOneItAsPersonalEmailNeedsAPerson() {
        Delivery delivery = refusedThenLuccaReadAgainShows(INTERN_IN_DIRECTORY + ",{\"id\":78,\"mail\":"
                + "\"e.muller@acme.fr\",\"login\":\"emuller2\",\"personalEmail\":\"eloise@gmail.com\"}");

        assertPersonalEmailSharedBy77And78(() -> steps.afterRefusedCreate(delivery, LUCCA, refusal()), delivery);
    }

    /**
     * The step stops the hire for a person, naming Lucca users #77 and #78 and neither address, and finds no user: which
     * of the two the candidate is only a person can tell.
     */
    private static void assertPersonalEmailSharedBy77And78(ThrowingCallable step, Delivery delivery) {
        assertThatExceptionOfType(HireNeedsAPerson.class).isThrownBy(step)
                .withMessageContaining("#77, #78").withMessageNotContaining("@").withMessageNotContaining("eloise")
                .satisfies(why -> assertThat(why.reason()).isEqualTo("personal-email-shared"));
        assertThat(delivery.isUserKnown()).isFalse();
    }

    /** A former intern HR made by hand under the candidate's own e-mail, with no personal e-mail. */
    private static final String INTERN_IN_DIRECTORY = "{\"id\":77,\"mail\":\"Eloise@Gmail.com\",\"login\":\"emuller\","
            + "\"dtContractEnd\":\"2025-06-30T00:00:00\"}";

    @Test
    void withAWorkEmailPatternSomeoneWhoseAddressIsTheCandidatesOwnEmailIsTheCandidateNotASecondPerson() {
        luccaPeople.add(people(INTERN_IN_DIRECTORY));
        people.refresh(LUCCA);
        Delivery rehire = steps.map(hire(MAPPED_CONTRACT), WORK_MAIL);
        Delivery employed = steps.map(hire(MAPPED_CONTRACT), WORK_MAIL);
        assertThat(rehire.draft().mail()).as("the pattern's address, nobody's in Lucca").isEqualTo("eloise.muller@acme.fr");

        steps.checkInDirectory(rehire, LUCCA);
        steps.checkInDirectory(employed, LUCCA);

        assertThat(rehire.isDirectoryChecked()).as("not nobody: Lucca is asked").isFalse();
        assertThat(steps.findPerson(rehire).query()).as("by the candidate's own e-mail, as Lucca writes it")
                .startsWith("mail=like%2CEloise%40Gmail.com&");
        // Lucca has no personal e-mail for them: found by the candidate's own e-mail, they are no namesake
        steps.notePerson(rehire, person(77, "emuller", "2025-06-30T00:00:00"));
        steps.notePerson(employed, person(77, "emuller", null));
        assertThat(rehire.isRehire()).isTrue();
        assertThat(rehire.luccaUserId()).as("no second person").isEqualTo(77L);
        assertThat(employed.isAlreadyInLucca()).isTrue();
        assertThat(employed.warnings()).contains(DeliverySteps.ALREADY_EMPLOYED);
    }

    @Test
    void someoneWithTheCandidatesEmailAsPersonalEmailAndAnotherWithItAsAddressNeedAPersonToSayWhich() {
        luccaPeople.add(people(INTERN_IN_DIRECTORY, "{\"id\":78,\"mail\":\"e.muller@acme.fr\",\"login\":\"emuller2\","
                + "\"personalEmail\":\"eloise@gmail.com\"}"));
        people.refresh(LUCCA);
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), WORK_MAIL);

        assertThatExceptionOfType(HireNeedsAPerson.class).isThrownBy(() -> steps.checkInDirectory(delivery, LUCCA))
                .withMessageContaining("#77, #78").withMessageNotContaining("eloise");
    }

    @Test
    void aRefusalAfterWhichLuccaShowsTheCandidatesOwnEmailAsSomeonesAddressIsThatPersonNotANamesake() {
        luccaPeople.add(people());
        people.refresh(LUCCA);
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), WORK_MAIL);
        steps.checkInDirectory(delivery, LUCCA);
        steps.chooseLoginInDirectory(delivery, LUCCA);
        luccaPeople.add(people(INTERN_IN_DIRECTORY.replace("\"2025-06-30T00:00:00\"", "null")));
        people.refreshNow(LUCCA);

        steps.afterRefusedCreate(delivery, LUCCA, refusal());

        assertThat(delivery.isAlreadyInLucca()).isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(77L);
    }

    @Test
    void nobodyWithTheAddressOrThePersonalEmailIsCheckedWithTheDirectoryAndCreatedAsEver() {
        luccaPeople.add(people("{\"id\":78,\"mail\":\"e.muller@acme.fr\",\"login\":\"emuller\","
                + "\"personalEmail\":\"eloise.other@gmail.com\"}"));
        people.refresh(LUCCA);
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        steps.checkInDirectory(delivery, LUCCA);
        steps.chooseLoginInDirectory(delivery, LUCCA);

        assertThat(delivery.isDirectoryChecked()).isTrue();
        assertThat(delivery.isUserKnown()).isFalse();
        assertThat(delivery.draft().login()).isEqualTo("emuller2");
    }

    @Test
    void someoneWhosePersonalEmailLuccaNoLongerHasIsNotTakenForTheCandidate() {
        luccaPeople.add(people(SANCHEZ_IN_DIRECTORY));
        people.refresh(LUCCA);
        Delivery plain = steps.map(hire(MAPPED_CONTRACT), TENANT);
        Delivery withPattern = steps.map(hire(MAPPED_CONTRACT), WORK_MAIL);

        for (Delivery delivery : List.of(plain, withPattern)) {
            steps.checkInDirectory(delivery, LUCCA);
            steps.notePerson(delivery, personWithPersonalEmail(77, "2025-06-30T00:00:00", "e.sanchez@gmail.com"));

            assertThat(delivery.isUserKnown()).as("changed since the read: nobody to this hire").isFalse();
            assertThat(delivery.isRehire()).isFalse();
        }
    }

    @Test
    void aReturningEmployeesLostContractGoesOnWithItsOwnerNotWithWhoeverHasTheAddressTheDirectoryListsThemUnder() {
        // the directory, untrusted since a read failed, lists her under an address HR has changed since: Lucca has
        // nobody with it, or someone else
        luccaPeople.add(people(SANCHEZ_IN_DIRECTORY));
        people.refresh(LUCCA);
        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT, RECEIVED_AT, null, 2,
                null, "{\"ownerId\":77,\"startsOn\":\"2026-02-02\"}", ACME_LUCCA.toString()), TENANT);

        steps.checkInDirectory(delivery, LUCCA);

        assertThat(delivery.isPersonToLookUp()).as("no look-up by an address").isFalse();
        assertThat(delivery.isRehire()).isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(77L);
        assertThat(steps.findWorkContract(delivery).query()).contains("ownerId").endsWith("=77");
    }

    @Test
    void aReturningEmployeesLostContractWhoseOwnerTheDirectoryNoLongerListsGoesOnWithThatOwnerNotASecondPerson() {
        // dropped over its budget since the attempt that found her by her personal e-mail (or not read since a restart)
        PeopleDirectory overBudget = directoryWithin(new PeopleBudget(1));
        DeliverySteps steps = new DeliverySteps(JSON, new LuccaRequests(JSON), reservations, addresses, overBudget,
                ATTEMPTS);
        luccaPeople.add(people(SANCHEZ_IN_DIRECTORY,
                "{\"id\":6,\"mail\":\"someone.else@acme.test\",\"login\":\"selse\"}"));
        overBudget.refresh(LUCCA);
        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT,
                RECEIVED_AT, null, 2, null, "{\"ownerId\":77,\"startsOn\":\"2026-02-02\"}", ACME_LUCCA.toString()),
                TENANT);

        steps.checkInDirectory(delivery, LUCCA);

        assertThat(delivery.isPersonToLookUp()).as("not by the hire's own address, which Lucca has for nobody")
                .isFalse();
        assertThat(delivery.isRehire()).as("her contracts are read for the one the lost create made").isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(77L);
        assertThat(steps.findWorkContract(delivery).query()).contains("ownerId").endsWith("=77");
    }

    // ---- the address another hire of ours has (the same person hired into another vacancy)

    @Test
    void anAddressAnotherQueuedHireHoldsMakesThisOneWaitWithoutNamingIt() {
        addressOutcome = AddressReservations.Outcome.BUSY;
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        assertThatExceptionOfType(AddressBusy.class).isThrownBy(() -> steps.holdAddress(delivery, LUCCA))
                .withMessageContaining("hire hire-9 has the same address in this Lucca")
                .withMessageNotContaining("eloise");
    }

    @Test
    void anAddressTakenOverFromAnotherHireIsCheckedAgainstLuccaReadAgainNow() {
        luccaPeople.add(people());
        people.refresh(LUCCA);
        addressOutcome = AddressReservations.Outcome.TAKEN_OVER;
        Delivery takenOver = steps.map(hire(MAPPED_CONTRACT), TENANT);
        // the other hire made the account since the round's read, its address in other letters
        luccaPeople.add(people("{\"id\":88,\"mail\":\"Eloise@Gmail.com\",\"login\":\"emuller\"}"));

        steps.holdAddress(takenOver, LUCCA);
        steps.checkInDirectory(takenOver, LUCCA);

        assertThat(luccaPeople).as("Lucca's people read again").isEmpty();
        assertThat(takenOver.isDirectoryChecked()).isFalse();
        assertThat(steps.findPerson(takenOver).query()).as("looked up as Lucca writes it")
                .contains("mail=like%2CEloise%40Gmail.com");
    }

    @Test
    void anAddressTakenOverWhileTheDirectoryIsDroppedOverItsBudgetIsLookedUpInLuccaNotFailedForARead() {
        PeopleDirectory overBudget = droppedOverItsBudget();
        DeliverySteps steps = new DeliverySteps(JSON, new LuccaRequests(JSON), reservations, addresses, overBudget,
                ATTEMPTS);
        addressOutcome = AddressReservations.Outcome.TAKEN_OVER;
        Delivery takenOver = steps.map(hire(MAPPED_CONTRACT), TENANT);

        steps.holdAddress(takenOver, LUCCA);
        steps.checkInDirectory(takenOver, LUCCA);

        assertThat(takenOver.isDirectoryChecked()).isFalse();
        assertThat(steps.findPerson(takenOver).query()).as("the other hire's account is looked for in Lucca itself")
                .startsWith("mail=like%2Celoise%40gmail.com&");
    }

    @Test
    void twoHiresOfOneAddressTakingItFromEachOtherWhileTheDirectoryIsDroppedAreOneUserAndBothDelivered() {
        PeopleDirectory overBudget = droppedOverItsBudget();
        // the journal's reservations: neither hire is being delivered at the other's turn (a retry lets go of its hire)
        Map<String, String> holders = new HashMap<>();
        DeliverySteps.AddressHolds journal = (kind, lucca, address, hireId) -> {
            String before = holders.put(kind + " " + address, hireId);
            return before == null || before.equals(hireId) ? new AddressReservations.Hold(AddressReservations.Outcome.HELD, hireId)
                    : new AddressReservations.Hold(AddressReservations.Outcome.TAKEN_OVER, before);
        };
        DeliverySteps steps = new DeliverySteps(JSON, new LuccaRequests(JSON), reservations, journal, overBudget,
                ATTEMPTS);
        ClaimedHire firstHire = hire(MAPPED_CONTRACT);
        ClaimedHire secondHire = new ClaimedHire("hire-2", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT, RECEIVED_AT,
                null, 1, null, null, null);
        // the first holds the address, then its attempt fails further on (Lucca unavailable) and is retried
        steps.holdAddress(steps.map(firstHire, TENANT), LUCCA);

        // the second takes it over, finds nobody in Lucca and makes the user
        Delivery second = steps.map(secondHire, TENANT);
        steps.holdAddress(second, LUCCA);
        steps.checkInDirectory(second, LUCCA);
        steps.notePerson(second, json("{\"data\":{\"items\":[]}}"));
        steps.chooseLogin(second, logins());
        steps.noteCreatedUser(second, LUCCA, json("{\"data\":{\"id\":416}}"));
        // the first's next attempt takes it back, and finds that user in Lucca
        Delivery first = steps.map(firstHire, TENANT);
        steps.holdAddress(first, LUCCA);
        steps.checkInDirectory(first, LUCCA);
        steps.notePerson(first, person(416, "emuller", null));

        assertThat(second.luccaUserId()).isEqualTo(416L);
        assertThat(second.isAlreadyInLucca()).isFalse();
        assertThat(first.isAlreadyInLucca()).as("no second user").isTrue();
        assertThat(first.luccaUserId()).isEqualTo(416L);
    }

    @Test
    void anAddressOfItsOwnIsCheckedAgainstTheRoundsRead() {
        luccaPeople.add(people());
        people.refresh(LUCCA);
        Delivery own = steps.map(hire(MAPPED_CONTRACT), WORK_MAIL);

        steps.holdAddress(own, LUCCA);
        steps.checkInDirectory(own, LUCCA);

        assertThat(held).as("its account's address, and the candidate's own e-mail")
                .containsExactly("LUCCA_MAIL eloise.muller@acme.fr", "PERSONAL_EMAIL eloise@gmail.com");
        assertThat(own.isDirectoryChecked()).as("the directory's nobody holds").isTrue();
    }

    @Test
    void theCandidatesOwnEmailAnotherHireHoldsMakesThisOneWaitWhateverItsAddress() {
        ownEmailOutcome = AddressReservations.Outcome.BUSY;
        // the same candidate, their names written otherwise in the other hire: another work address
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), WORK_MAIL);

        assertThatExceptionOfType(AddressBusy.class).isThrownBy(() -> steps.holdAddress(delivery, LUCCA))
                .withMessageContaining("hire hire-9 has the same candidate (their own e-mail) in this Lucca")
                .withMessageNotContaining("eloise");
    }

    @Test
    void theCandidatesOwnEmailTakenOverFindsTheAccountTheOtherHireMadeUnderAnotherAddress() {
        luccaPeople.add(people());
        people.refresh(LUCCA);
        ownEmailOutcome = AddressReservations.Outcome.TAKEN_OVER;
        Delivery takenOver = steps.map(hire(MAPPED_CONTRACT), WORK_MAIL);
        // the other hire, "Éloïse Müller-Sanchez", made the account since the round's read
        luccaPeople.add(people("{\"id\":88,\"mail\":\"eloise.mullersanchez@acme.fr\",\"login\":\"emullersanchez\","
                + "\"personalEmail\":\"eloise@gmail.com\"}"));

        steps.holdAddress(takenOver, LUCCA);
        steps.checkInDirectory(takenOver, LUCCA);
        steps.notePerson(takenOver, json("{\"data\":{\"items\":[{\"id\":88,\"login\":\"emullersanchez\","
                + "\"mail\":\"eloise.mullersanchez@acme.fr\",\"personalEmail\":\"eloise@gmail.com\"}]}}"));

        assertThat(luccaPeople).as("Lucca's people read again").isEmpty();
        assertThat(steps.findPerson(takenOver).query()).as("by the address Lucca has for them")
                .startsWith("mail=like%2Celoise.mullersanchez%40acme.fr&");
        assertThat(takenOver.isAlreadyInLucca()).as("no second account").isTrue();
        assertThat(takenOver.luccaUserId()).isEqualTo(88L);
    }

    @Test
    void aCreateKeptWithoutItsLoginIsLookedUpInLuccaByTheHiresAddressNotInTheDirectory() {
        luccaPeople.add(people());
        people.refresh(LUCCA);
        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT, RECEIVED_AT, null, 2,
                null, "{}", null), TENANT);

        steps.checkInDirectory(delivery, LUCCA);

        assertThat(delivery.isSentUserToFind()).as("no login to look by").isFalse();
        assertThat(delivery.isDirectoryChecked()).isFalse();
        assertThat(steps.findPerson(delivery).query()).startsWith("mail=like%2Celoise%40gmail.com&");
    }

    /** What an attempt sent before a reload gave the tenant a work e-mail pattern: the address it had then. */
    private static final String SENT_BEFORE_THE_PATTERN = "{\"firstName\":\"Éloïse\",\"lastName\":\"Müller\","
            + "\"mail\":\"eloise@gmail.com\",\"login\":\"emuller\",\"dtContractStart\":\"2026-02-02T00:00:00\"}";

    @Test
    void aUserCreateWhoseAnswerWasLostIsLookedForByTheLoginItGaveNotByTheAddressOfNow() {
        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT,
                RECEIVED_AT, null, 2, null, SENT_BEFORE_THE_PATTERN, ACME_LUCCA.toString()), WORK_MAIL);
        assertThat(delivery.draft().mail()).as("the address of now").isEqualTo("eloise.muller@acme.fr");

        assertThat(delivery.isSentUserToFind()).isTrue();
        ApiRequest request = steps.findSentUser(delivery);
        steps.noteSentUser(delivery, person(416, "emuller", null));

        assertThat(request.name()).isEqualTo("find-person-by-login");
        assertThat(request.query()).startsWith("login=emuller&formerEmployees=true&");
        assertThat(delivery.luccaUserId()).as("the user the lost create made, not a second one").isEqualTo(416L);
        assertThat(delivery.isAlreadyInLucca()).isFalse();
        assertThat(delivery.isSentUserToFind()).as("found").isFalse();
        assertThat(delivery.warnings()).contains(DeliverySteps.ANSWER_LOST);
    }

    @Test
    void someoneWhoTookTheLoginALostCreateGaveIsNotTakenForItsUser() {
        // the create never landed (a 502 at a proxy); a hire of another tenant of the same Lucca took the login since
        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT,
                RECEIVED_AT, null, 2, null, SENT_BEFORE_THE_PATTERN, ACME_LUCCA.toString()), WORK_MAIL);
        JsonNode loginHolder = json("{\"data\":{\"items\":[{\"id\":418,\"login\":\"emuller\","
                + "\"mail\":\"emile.muller@acme.fr\",\"personalEmail\":\"emile@example.org\",\"dtContractEnd\":null}]}}");

        assertThatExceptionOfType(HireNeedsAPerson.class).isThrownBy(() -> steps.noteSentUser(delivery, loginHolder))
                .satisfies(why -> assertThat(why.reason()).isEqualTo("login-taken"))
                .satisfies(why -> assertThat(why.getMessage()).contains("#418").doesNotContain("@"));
        assertThat(delivery.isUserKnown()).as("not their contract to change").isFalse();
        assertThat(delivery.warnings()).doesNotContain(DeliverySteps.ANSWER_LOST);
    }

    @Test
    void theUserALostCreateMadeIsKnownByItsPersonalEmailToo() {
        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT,
                RECEIVED_AT, null, 2, null, "{\"login\":\"emuller\",\"mail\":\"eloise.muller@acme.fr\","
                + "\"personalEmail\":\"eloise@gmail.com\"}", ACME_LUCCA.toString()), WORK_MAIL);

        // HR corrected the work address since; the personal e-mail the create gave is still theirs
        steps.noteSentUser(delivery, json("{\"data\":{\"items\":[{\"id\":416,\"login\":\"emuller\","
                + "\"mail\":\"e.muller@acme.fr\",\"personalEmail\":\" ELOISE@gmail.com\",\"dtContractEnd\":null}]}}"));

        assertThat(delivery.luccaUserId()).isEqualTo(416L);
        assertThat(delivery.warnings()).contains(DeliverySteps.ANSWER_LOST);
    }

    @Test
    void aLostCreateWhoseUserLuccaHasNotMadeNothingAndTheHireIsCheckedAsEver() {
        luccaPeople.add(people("{\"id\":5,\"mail\":\"someone@acme.test\",\"login\":\"emuller\"}"));
        people.refresh(LUCCA);
        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT,
                RECEIVED_AT, null, 2, null, SENT_BEFORE_THE_PATTERN.replace("emuller", "emuller2"), ACME_LUCCA.toString()),
                WORK_MAIL);

        steps.noteSentUser(delivery, json("{\"data\":{\"items\":[]}}"));
        steps.checkInDirectory(delivery, LUCCA);
        steps.chooseLoginInDirectory(delivery, LUCCA);

        assertThat(delivery.isUserKnown()).isFalse();
        assertThat(delivery.isDirectoryChecked()).as("nobody has the address of now").isTrue();
        assertThat(delivery.draft().login()).as("the same login: Lucca did not take it").isEqualTo("emuller2");
    }

    @Test
    void someoneMadeByHandWithTheAddressOfNowIsNotTakenForTheUserALostCreateMade() {
        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT,
                RECEIVED_AT, null, 2, null, SENT_BEFORE_THE_PATTERN, ACME_LUCCA.toString()), TENANT);

        steps.noteSentUser(delivery, json("{\"data\":{\"items\":[]}}"));
        steps.notePerson(delivery, person(417, "eloise.muller", null));

        assertThat(delivery.isAlreadyInLucca()).isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(417L);
        assertThat(delivery.warnings()).contains(DeliverySteps.ALREADY_EMPLOYED).doesNotContain(DeliverySteps.ANSWER_LOST);
    }

    @Test
    void aReturningEmployeesLostContractIsNoUserToLookForByLogin() {
        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT,
                RECEIVED_AT, null, 2, null, "{\"ownerId\":77,\"startsOn\":\"2026-02-02\"}", null), TENANT);

        assertThat(delivery.isSentUserToFind()).isFalse();
    }

    @Test
    void aDirectoryNeverReadOrWhoseReadFailedIsNotAsked() {
        Delivery neverRead = steps.map(hire(MAPPED_CONTRACT), TENANT);
        steps.checkInDirectory(neverRead, LUCCA);
        luccaPeople.add("not json");
        people.refresh(LUCCA);
        Delivery readFailed = steps.map(hire(MAPPED_CONTRACT), TENANT);
        steps.checkInDirectory(readFailed, LUCCA);

        assertThat(neverRead.isDirectoryChecked()).isFalse();
        assertThat(readFailed.isDirectoryChecked()).isFalse();
    }

    @Test
    void aLoginRefusedAsTakenIsReplacedByTheNextFreeOneOnceLuccaIsReadAgain() {
        Delivery delivery = refusedThenLuccaReadAgainShows("{\"id\":9,\"mail\":\"o@acme.test\",\"login\":\"EMuller\"}");

        steps.afterRefusedCreate(delivery, LUCCA, refusal());

        assertThat(delivery.isUserKnown()).isFalse();
        assertThat(delivery.draft().login()).isEqualTo("emuller2");
    }

    @Test
    void anEmailRefusedAsTakenIsTheSomeoneLuccaNowShows() {
        Delivery delivery = refusedThenLuccaReadAgainShows("{\"id\":9,\"mail\":\"eloise@gmail.com\",\"login\":\"e\"}");

        steps.afterRefusedCreate(delivery, LUCCA, refusal());

        assertThat(delivery.isAlreadyInLucca()).isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(9L);
    }

    @Test
    void aLoginRefusedAsTakenBySomeoneWithTheCandidatesEmailAsPersonalEmailIsThatPersonNotANextLogin() {
        Delivery delivery = refusedThenLuccaReadAgainShows("{\"id\":9,\"mail\":\"e.muller@acme.fr\",\"login\":\"emuller\","
                + "\"personalEmail\":\"eloise@gmail.com\"}");

        steps.afterRefusedCreate(delivery, LUCCA, refusal());

        assertThat(delivery.isAlreadyInLucca()).isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(9L);
        assertThat(delivery.draft().login()).as("no second account under the next login").isEqualTo("emuller");
    }

    @Test
    void aRefusalAfterWhichSeveralHaveTheCandidatesEmailAsPersonalEmailNeedsAPerson() {
        Delivery delivery = refusedThenLuccaReadAgainShows(
                "{\"id\":9,\"mail\":\"e.muller@acme.fr\",\"login\":\"emuller\",\"personalEmail\":\"eloise@gmail.com\"}",
                "{\"id\":10,\"mail\":\"eloise.m@acme.fr\",\"login\":\"emuller3\",\"personalEmail\":\"Eloise@gmail.com\"}");

        assertThatExceptionOfType(HireNeedsAPerson.class)
                .isThrownBy(() -> steps.afterRefusedCreate(delivery, LUCCA, refusal()))
                .withMessageContaining("#9, #10");
    }

    @Test
    void aRefusalThatLuccaReadAgainDoesNotExplainStaysFinal() {
        Delivery delivery = refusedThenLuccaReadAgainShows("{\"id\":9,\"mail\":\"o@acme.test\",\"login\":\"emuller2\"}");
        LuccaRefused refusal = refusal();

        assertThatThrownBy(() -> steps.afterRefusedCreate(delivery, LUCCA, refusal)).isSameAs(refusal);
        assertThat(delivery.draft().login()).isEqualTo("emuller");
    }

    @Test
    void theCreatedUserIsKnownToTheDirectoryAtOnce() {
        luccaPeople.add(people());
        people.refresh(LUCCA);
        Delivery first = steps.map(hire(MAPPED_CONTRACT), TENANT);
        steps.chooseLoginInDirectory(first, LUCCA);
        steps.noteCreatedUser(first, LUCCA, json("{\"data\":{\"id\":416}}"));

        assertThat(people.withMail(LUCCA, "eloise@gmail.com")).isNotEmpty();
        assertThat(people.loginsContaining(LUCCA, "emuller")).containsExactly("emuller");
    }

    /** A hire checked against a directory of nobody, then Lucca read again after its create was refused. */
    private Delivery refusedThenLuccaReadAgainShows(String... person) {
        luccaPeople.add(people());
        people.refresh(LUCCA);
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);
        steps.checkInDirectory(delivery, LUCCA);
        steps.chooseLoginInDirectory(delivery, LUCCA);
        luccaPeople.add(people(person));
        people.refreshNow(LUCCA);
        return delivery;
    }

    private static String people(String... items) {
        return "{\"data\":{\"items\":[" + String.join(",", items) + "]}}";
    }

    private static LuccaRefused refusal() {
        return new LuccaRefused("create-user", 400, "{\"Message\":\"taken\"}");
    }

    // ---- create

    @Test
    void theCreateBodyHoldsTheLoginAndTheOrganisation() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);
        steps.enrich(delivery, List.of());
        steps.chooseLogin(delivery, logins("emuller"));

        ApiRequest create = steps.createUser(delivery);

        assertThat(create.name()).isEqualTo("create-user");
        assertThat(create.query()).as("the contract comes next, with its type").isEqualTo("contract=false");
        assertThat(steps.createUser(steps.map(hire(UNMAPPED_CONTRACT), TENANT)).query())
                .as("Lucca's default template").isEqualTo("contract=true");
        JsonNode body = json(create.body());
        assertThat(body.path("login").asText()).isEqualTo("emuller2");
        assertThat(body.path("departmentId").asInt()).isEqualTo(99);
        assertThat(body.path("legalEntityId").asInt()).isEqualTo(3);
        assertThat(body.path("rolePrincipalId").asInt()).isEqualTo(5);
        assertThat(body.path("mail").asText()).isEqualTo("eloise@gmail.com");
        assertThat(body.path("dtContractStart").asText()).isEqualTo("2026-02-02T00:00:00");
    }

    @Test
    void theCreatedUserIdIsNoted() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        steps.noteCreatedUser(delivery, LUCCA, json("{\"data\":{\"id\":416}}"));

        assertThat(delivery.isUserKnown()).isTrue();
        assertThat(delivery.luccaUserId()).isEqualTo(416L);
        assertThat(delivery.isAlreadyInLucca()).isFalse();
    }

    @Test
    void aCreateAnswerWithoutIdLeavesTheUserUnknown() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);

        assertThatIllegalStateException().isThrownBy(() -> steps.noteCreatedUser(delivery, LUCCA, json("{\"data\":{}}")));
        assertThat(delivery.isUserKnown()).isFalse();
    }

    // ---- work contract

    @Test
    void theWorkContractsOfTheNewUserAreListed() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);
        steps.noteCreatedUser(delivery, LUCCA, json("{\"data\":{\"id\":416}}"));

        assertThat(steps.findWorkContract(delivery).query()).isEqualTo("ownerId%5B%5D=416");
    }

    @Test
    void theUserMadeNowGetsItsContractWithTheMappedTypeDatesAndApplication() {
        Delivery delivery = steps.map(hire(MAPPED_CONTRACT), TENANT);
        steps.enrich(delivery, List.of());
        steps.noteCreatedUser(delivery, LUCCA, json("{\"data\":{\"id\":416}}"));

        ApiRequest contract = steps.createWorkContract(delivery);

        assertThat(delivery.isUserCreatedNow()).isTrue();
        assertThat(contract.method()).isEqualTo("POST");
        assertThat(contract.path()).isEqualTo("/directory/api/4.0/work-contracts");
        assertThat(contract.body()).as("the application's id traces the contract back to the hire").isEqualTo(
                "{\"ownerId\":416,\"startsOn\":\"2026-02-02\",\"typeId\":21,\"establishmentId\":3,\"externalId\":\"1234\"}");
    }

    @Test
    void aContractAnEarlierAttemptMadeIsNotMadeAgain() {
        Delivery delivery = userMadeEarlier();

        assertThat(steps.completeWorkContract(delivery, json(
                "{\"items\":[{\"id\":7001,\"ownerId\":416,\"startsOn\":\"2026-02-02\",\"externalId\":\"1234\"}]}")))
                .isNull();
    }

    @Test
    void aContractLuccaOpenedOnItsDefaultTemplateIsPatched() {
        Delivery delivery = userMadeEarlier();

        ApiRequest patch = steps.completeWorkContract(delivery,
                json("{\"items\":[{\"id\":7001},{\"id\":7003},{\"id\":7002}]}"));

        assertThat(patch.method()).isEqualTo("PATCH");
        assertThat(patch.path()).isEqualTo("/directory/api/4.0/work-contracts/7003");
        assertThat(patch.body()).isEqualTo("{\"typeId\":21,\"startsOn\":\"2026-02-02\",\"externalId\":\"1234\"}");
    }

    @Test
    void aContractOfAnotherApplicationIsNeverPatchedWithThisHiresVacancy() {
        // the lost create's login and addresses matched a user another hire of the same candidate made (another
        // tenant of this Lucca): its contract carries that hire's application id
        Delivery delivery = userMadeEarlier();

        assertThat(steps.completeWorkContract(delivery, json(
                "{\"items\":[{\"id\":7001,\"ownerId\":416,\"startsOn\":\"2026-01-05\",\"externalId\":\"9876\"}]}")))
                .as("nothing written over it").isNull();
        assertThat(delivery.warnings()).contains(DeliverySteps.CONTRACT_OF_ANOTHER_APPLICATION);
    }

    @Test
    void aUserAnEarlierAttemptMadeWithoutContractGetsItNow() {
        Delivery delivery = userMadeEarlier();

        ApiRequest contract = steps.completeWorkContract(delivery, json("{\"items\":[]}"));

        assertThat(contract.method()).isEqualTo("POST");
        assertThat(json(contract.body()).path("ownerId").asLong()).isEqualTo(416);
    }

    @Test
    void withoutAMappedTypeTheContractLuccaOpenedStaysAndAUserWithoutAnyGetsOneWithoutType() {
        // made for a type mapped then, whose contract call failed; the type is no longer mapped
        Delivery delivery = userMadeEarlier(UNMAPPED_CONTRACT);
        assertThat(delivery.isContractToSet()).as("the user may have no contract").isTrue();

        assertThat(steps.completeWorkContract(delivery, json("{\"items\":[{\"id\":7001}]}")))
                .as("Lucca's default contract is kept").isNull();
        assertThat(delivery.warnings()).as("that default is the contract the person has")
                .contains(DeliverySteps.CONTRACT_TYPE_UNMAPPED);
        ApiRequest contract = steps.completeWorkContract(delivery, json("{\"items\":[]}"));
        assertThat(contract.method()).isEqualTo("POST");
        assertThat(json(contract.body()).path("ownerId").asLong()).isEqualTo(416);
        assertThat(json(contract.body()).has("typeId")).as("Lucca says whether it takes it").isFalse();
    }

    @Test
    void aReplayedHireWhoseTypeIsNoLongerMappedSaysSoAndWhatWasDoneInsteadNotLuccasDefaultTemplate() {
        // the user was made without a contract for type 2, mapped then; the operator removed it and replays the hire
        Delivery delivery = userMadeEarlier(UNMAPPED_CONTRACT);

        steps.completeWorkContract(delivery, json("{\"items\":[]}"));

        assertThat(delivery.warnings()).doesNotContain(DeliverySteps.CONTRACT_TYPE_UNMAPPED)
                .contains("Flatchr contract type 2 is no longer mapped (LUCCA_CONTRACT_TYPES, or the tenant's "
                        + "contractTypes): an earlier attempt created the user without a contract, for the type mapped "
                        + "then, so Lucca's default template was not applied; the contract was made without a type (no "
                        + "typeId): check its type in Lucca");
    }

    @Test
    void aContractTypeNoLongerMappedIsNamedOnlyWhenItIsOneOfFlatchrsIds() {
        assertThat(DeliverySteps.noLongerMapped(" 12 ")).startsWith("Flatchr contract type 12 is no longer mapped (");
        assertThat(DeliverySteps.noLongerMapped("eloise@gmail.com"))
                .startsWith("the vacancy's Flatchr contract type is no longer mapped (").doesNotContain("eloise");
        assertThat(DeliverySteps.noLongerMapped(null)).startsWith("the vacancy no longer names a mapped contract type (");
    }

    private Delivery userMadeEarlier() {
        return userMadeEarlier(MAPPED_CONTRACT);
    }

    private Delivery userMadeEarlier(String contractTypeId) {
        Delivery delivery = steps.map(new ClaimedHire("hire-1", "acme", payload(contractTypeId), RECEIVED_AT, RECEIVED_AT, null, 2,
                416L, "{}", null), TENANT);
        steps.enrich(delivery, List.of());
        assertThat(delivery.isUserCreatedNow()).isFalse();
        return delivery;
    }

    private static ClaimedHire hire(String contractTypeId) {
        return hire(contractTypeId, "null");
    }

    private static ClaimedHire hire(String contractTypeId, String department) {
        return new ClaimedHire("hire-1", "acme", PAYLOAD.formatted(contractTypeId, department), RECEIVED_AT, RECEIVED_AT, null, 1, null, null, null);
    }

    /** A fixed-term job's hire, starting on 2 February 2026 as the others. */
    private static ClaimedHire hireEndingOn(String endDate) {
        return new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT).replace("\"start_date\": \"2026-02-02\"",
                "\"start_date\": \"2026-02-02\", \"end_date\": \"" + endDate + "\""), RECEIVED_AT, RECEIVED_AT, null, 1,
                null, null, null);
    }

    private static String payload(String contractTypeId) {
        return PAYLOAD.formatted(contractTypeId, "null");
    }

    private static Tenant tenant(RehirePolicy rehire) {
        return tenant(rehire, null);
    }

    private static Tenant tenant(RehirePolicy rehire, io.github.flatchrlucca.mapping.WorkEmailPattern workMail) {
        return tenant(rehire, workMail, LUCCA);
    }

    /** The tenant, after a reload gave it another Lucca, or none (a dry run). */
    private static Tenant movedTo(Optional<URI> luccaBaseUrl) {
        return tenant(RehirePolicy.CONTRACT, null, lucca(luccaBaseUrl));
    }

    private static LuccaConnection lucca(Optional<URI> baseUrl) {
        return new LuccaConnection("acme", baseUrl, "key", PARIS, 50, Duration.ofSeconds(60),
                new KeyState(state -> { }));
    }

    private static Tenant tenant(RehirePolicy rehire, io.github.flatchrlucca.mapping.WorkEmailPattern workMail,
                                 LuccaConnection lucca) {
        return tenant(rehire, workMail, lucca, LoginRule.INITIAL_LASTNAME);
    }

    private static Tenant tenant(RehirePolicy rehire, io.github.flatchrlucca.mapping.WorkEmailPattern workMail,
                                 LuccaConnection lucca, LoginRule login) {
        return new Tenant(new TenantSettings("acme", Set.of("4242"), WebhookToken.of("token-of-acme-0123456789"),
                Set.of(), lucca.baseUrl(), "", PARIS, 50, Duration.ofSeconds(60), 3, 99, 5, DepartmentTable.parse(""),
                ContractTypeTable.parse("1:21"), rehire, Duration.ZERO, login, workMail, PARIS, "FR",
                Optional.empty(), Optional.empty()),
                new HireMapper(new MappingSettings(PARIS, login, workMail, "FR", "/data/vacancy/department")),
                lucca);
    }

    private static ClaimedHire claimed(Long luccaUserId, String createSent, String luccaInstance) {
        return new ClaimedHire("hire-1", "acme", payload(MAPPED_CONTRACT), RECEIVED_AT, RECEIVED_AT, null, 2, luccaUserId,
                createSent, luccaInstance);
    }

    private static JsonNode person(long id, String contractEnd) {
        return person(id, "eschmidt", contractEnd);
    }

    private static JsonNode person(long id, String login, String contractEnd) {
        String end = contractEnd == null ? "null" : "\"" + contractEnd + "\"";
        return json("{\"data\":{\"items\":[{\"id\":" + id + ",\"login\":\"" + login
                + "\",\"mail\":\"eloise@gmail.com\",\"dtContractEnd\":" + end + "}]}}");
    }

    private static JsonNode personWithPersonalEmail(long id, String contractEnd, String personalEmail) {
        return personWithPersonalEmail(id, "eloise.sanchez@acme.fr", contractEnd, personalEmail);
    }

    /** @param mail their address: a look-up by e-mail lists only those whose address is the one it names */
    private static JsonNode personWithPersonalEmail(long id, String mail, String contractEnd, String personalEmail) {
        String end = contractEnd == null ? "null" : "\"" + contractEnd + "\"";
        return json("{\"data\":{\"items\":[{\"id\":" + id + ",\"login\":\"esanchez\",\"mail\":\"" + mail + "\","
                + "\"personalEmail\":\"" + personalEmail + "\",\"dtContractEnd\":" + end + "}]}}");
    }

    private static JsonNode logins(String... logins) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < logins.length; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\":").append(i + 1).append(",\"login\":\"").append(logins[i]).append("\"}");
        }
        return json("{\"data\":{\"items\":[" + items + "]}}");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
