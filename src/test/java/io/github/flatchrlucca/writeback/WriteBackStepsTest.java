package io.github.flatchrlucca.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.http.RetrySchedule;
import io.github.flatchrlucca.flatchr.FlatchrAnswers;
import io.github.flatchrlucca.flatchr.FlatchrConnection;
import io.github.flatchrlucca.flatchr.FlatchrPause;
import io.github.flatchrlucca.flatchr.FlatchrRequests;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.journal.ClaimedWriteBacks;
import io.github.flatchrlucca.journal.EventDetail;
import io.github.flatchrlucca.journal.HireEvent;
import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.JournalFaults;
import io.github.flatchrlucca.journal.Intakes;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.ClaimLost;
import io.github.flatchrlucca.journal.TestJournal;
import io.github.flatchrlucca.journal.WriteBacks;
import io.github.flatchrlucca.routes.Variables;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.Origin;
import io.github.flatchrlucca.operations.ConnectorMetrics;
import io.github.flatchrlucca.tenants.FlatchrApi;
import io.github.flatchrlucca.tenants.TenantChanged;
import io.github.flatchrlucca.tenants.Tenants;
import io.github.flatchrlucca.tenants.TestTenants;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

class WriteBackStepsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private static final Duration LEASE = Duration.ofMinutes(5);
    private final Tenants tenants = new Tenants("/data/vacancy/department", Duration.ZERO, (tenant, state) -> { });
    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final DataSource pool = h2.dataSource();
    private final Journal journal = new Journal(pool, clock, LEASE, "instance-a");
    private final WriteBacks writeBacks = new WriteBacks(pool, clock, LEASE, "instance-a");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FlatchrPause pause = new FlatchrPause(clock, Duration.ofSeconds(30), Duration.ofMinutes(15));
    private final FlatchrAnswers answers = new FlatchrAnswers(JSON, (tenant, call, status) -> { }, pause);
    private final WriteBackSteps steps = new WriteBackSteps(JSON, tenants, writeBacks, new FlatchrRequests(JSON),
            new RetrySchedule(Duration.ofSeconds(5), Duration.ofMinutes(30), Duration.ofHours(24), () -> 0.5),
            new ConnectorMetrics(registry, null, Duration.ofHours(1), clock), pause, clock);

    @Test
    void onlyTenantsWithAKeyAndAResultTagWriteBack() {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca")), TestTenants.withResultTag("globex", Optional.empty())));

        assertThat(steps.tenants()).containsExactly("acme");
    }

    @Test
    void theResultTagIsFoundByTitleInAnyCaseAndMustTakeFreeTextOnCandidates() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("lucca"))));
        assertThat(steps.tagToCheck("acme")).isTrue();

        tagsOf("acme", tags("""
                [{"id": "Vt1", "tag_id": 3, "title": "Lucca", "type": "vacancies", "creatable": true}]
                """));

        assertThat(steps.tagHealth("acme")).contains("tag 'lucca' is a tag of vacancies, not of candidates");
        assertThat(steps.tagUsable("acme")).isFalse();
        assertThat(steps.tagToCheck("acme")).as("looked up again only later").isFalse();
        clock.advance(Duration.ofHours(2));
        tagsOf("acme", tags("[{\"id\": \"Ct2\", \"tag_id\": 4, \"title\": \"Lucca\", \"type\": \"candidates\", "
                + "\"creatable\": true}]"));
        assertThat(steps.tagUsable("acme")).isTrue();
        assertThat(steps.tagHealth("acme")).contains("ok");
    }

    @Test
    void aCandidateTagIsUsedEvenWhenAVacancyTagOfTheSameTitleIsListedFirst() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));

        tagsOf("acme", tags("""
                [{"id": "Vt1", "tag_id": 3, "title": "Lucca", "type": "vacancies", "creatable": true},
                 {"id": "Ct2", "tag_id": 4, "title": "Lucca", "type": "candidates", "creatable": true},
                 {"id": "Vt5", "tag_id": 5, "title": "Lucca", "type": "vacancies", "creatable": true}]
                """));

        assertThat(steps.tagHealth("acme")).contains("ok");
        assertThat(steps.tagUsable("acme")).isTrue();
        HireView hire = new HireView("hire-1", "acme", HireStatus.DELIVERED, clock.instant(), clock.instant(), null, clock.instant(), 1,
                null, 416L, null, null, null, List.of(), null, null, Origin.WEBHOOK, "PENDING", "z7gW", 0,
                clock.instant(), null, null, false, false, null);
        assertThat(JSON.readTree(steps.writeTag(steps.connection("acme"), hire, "z7gW", steps.resultLine(hire)).body()).path("tag").asText())
                .isEqualTo("Ct2");
    }

    @Test
    void aCandidateTagWithoutFreeTextIsSaidEvenBesideAVacancyTagOfTheSameTitle() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));

        tagsOf("acme", tags("""
                [{"id": "Ct2", "tag_id": 4, "title": "Lucca", "type": "candidates", "creatable": false},
                 {"id": "Vt1", "tag_id": 3, "title": "Lucca", "type": "vacancies", "creatable": true}]
                """));

        assertThat(steps.tagHealth("acme")).contains("tag 'Lucca' takes only its listed values, not free text");
        assertThat(steps.tagUsable("acme")).isFalse();
    }

    @Test
    void aTagSaidCreatableAsTextOrAsOneTakesFreeText() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));

        for (String creatable : List.of("\"true\"", "\"1\"", "1")) {
            clock.advance(Duration.ofHours(2));
            tagsOf("acme", tags("[{\"id\": \"Ct2\", \"title\": \"Lucca\", \"type\": \"candidates\", "
                    + "\"creatable\": " + creatable + "}]"));
            assertThat(steps.tagHealth("acme")).as(creatable).contains("ok");
        }
        clock.advance(Duration.ofHours(2));
        tagsOf("acme", tags("[{\"id\": \"Ct2\", \"title\": \"Lucca\", \"type\": \"candidates\", "
                + "\"creatable\": \"0\"}]"));
        assertThat(steps.tagHealth("acme")).contains("tag 'Lucca' takes only its listed values, not free text");
    }

    @Test
    void aTagThatTakesOnlyItsValuesOrThatIsNotThereIsSaid() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));

        tagsOf("acme", tags("[{\"id\": \"Ct2\", \"title\": \"Lucca\", \"type\": \"candidates\", \"creatable\": false}]"));
        assertThat(steps.tagHealth("acme")).contains("tag 'Lucca' takes only its listed values, not free text");

        clock.advance(Duration.ofHours(2));
        tagsOf("acme", tags("[]"));
        assertThat(steps.tagHealth("acme")).contains("there is no tag 'Lucca' in Flatchr");
    }

    @Test
    void aTagOfOneValueOnACandidateIsPreferredToAMultipleOneOfTheSameTitle() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));

        tagsOf("acme", tags("""
                [{"id": "Mt1", "tag_id": 3, "title": "Lucca", "type": "candidates", "creatable": true, "multiple": true},
                 {"id": "Ct2", "tag_id": 4, "title": "Lucca", "type": "candidates", "creatable": true, "multiple": false}]
                """));

        assertThat(steps.tagHealth("acme")).contains("ok");
        HireView hire = new HireView("hire-1", "acme", HireStatus.DELIVERED, clock.instant(), clock.instant(), null,
                clock.instant(), 1, null, 416L, null, null, null, List.of(), null, null, Origin.WEBHOOK, "PENDING",
                "z7gW", 0, clock.instant(), null, null, false, false, null);
        assertThat(JSON.readTree(steps.writeTag(steps.connection("acme"), hire, "z7gW", steps.resultLine(hire)).body())
                .path("tag").asText()).isEqualTo("Ct2");
    }

    /**
     * A recruiters' own candidate tag whose title differs from FLATCHR_RESULT_TAG only in case is not the one written
     * in, wherever Flatchr lists it: each outcome would replace the value they keep there. Two tags that fit alike
     * cannot be told apart: neither is written in, and health says to name the tag by its id.
     */
    @Test
    void theResultTagIsNeverARecruitersOwnTagThatMerelyLooksLikeIt() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));

        tagsOf("acme", tags("""
                [{"id": "Rt1", "tag_id": 3, "title": "lucca", "type": "candidates", "creatable": true},
                 {"id": "Ct2", "tag_id": 4, "title": "Lucca", "type": "candidates", "creatable": true}]
                """));
        HireView hire = new HireView("hire-1", "acme", HireStatus.DELIVERED, clock.instant(), clock.instant(), null,
                clock.instant(), 1, null, 416L, null, null, null, List.of(), null, null, Origin.WEBHOOK, "PENDING",
                "z7gW", 0, clock.instant(), null, null, false, false, null);
        assertThat(JSON.readTree(steps.writeTag(steps.connection("acme"), hire, "z7gW", steps.resultLine(hire)).body())
                .path("tag").asText()).isEqualTo("Ct2");

        clock.advance(Duration.ofHours(2));
        tagsOf("acme", tags("""
                [{"id": "Rt1", "tag_id": 3, "title": "Lucca", "type": "candidates", "creatable": true},
                 {"id": "Ct2", "tag_id": 4, "title": "Lucca", "type": "candidates", "creatable": true}]
                """));
        assertThat(steps.tagUsable("acme")).isFalse();
        assertThat(steps.tagHealth("acme")).contains("2 candidate tags named 'Lucca' take free text (ids Rt1, Ct2): "
                + "which one is meant cannot be told; name it by its id");

        // the very title made unfit ('multiple'): said, not passed over for the recruiters' look-alike
        clock.advance(Duration.ofHours(2));
        tagsOf("acme", tags("""
                [{"id": "Rt1", "tag_id": 3, "title": "lucca", "type": "candidates", "creatable": true},
                 {"id": "Ct2", "tag_id": 4, "title": "Lucca", "type": "candidates", "creatable": true, "multiple": true}]
                """));
        assertThat(steps.tagUsable("acme")).as("never the look-alike").isFalse();
        assertThat(steps.tagHealth("acme")).hasValueSatisfying(health -> assertThat(health).contains(
                "takes several values", "a tag of that title in another case would fit (ids Rt1): name it by its id"));

        // a title that is also another tag's plain id: that tag, unfit, does not hide the one of the very title
        clock.advance(Duration.ofHours(2));
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("2026"))));
        tagsOf("acme", tags("""
                [{"id": "Ab1", "tag_id": 2026, "title": "Salons", "type": "candidates", "creatable": false},
                 {"id": "Ct2", "tag_id": 4, "title": "2026", "type": "candidates", "creatable": true}]
                """));
        assertThat(steps.tagHealth("acme")).contains("ok");
        assertThat(JSON.readTree(steps.writeTag(steps.connection("acme"), hire, "z7gW", steps.resultLine(hire)).body())
                .path("tag").asText()).isEqualTo("Ct2");
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));

        // named by its id, the tag is the one meant
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Ct2"))));
        tagsOf("acme", tags("""
                [{"id": "Rt1", "tag_id": 3, "title": "Lucca", "type": "candidates", "creatable": true},
                 {"id": "Ct2", "tag_id": 4, "title": "Lucca", "type": "candidates", "creatable": true}]
                """));
        assertThat(steps.tagHealth("acme")).contains("ok");
        assertThat(JSON.readTree(steps.writeTag(steps.connection("acme"), hire, "z7gW", steps.resultLine(hire)).body())
                .path("tag").asText()).isEqualTo("Ct2");
    }

    @Test
    void aTagThatTakesSeveralValuesOnACandidateIsUnusableAndSaysWhy() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));

        // a second outcome of the candidate's (a replay) would be added beside the first: two contradictory lines
        tagsOf("acme", tags("""
                [{"id": "Mt1", "tag_id": 3, "title": "Lucca", "type": "candidates", "creatable": true, "multiple": true},
                 {"id": "Ct2", "tag_id": 4, "title": "Lucca", "type": "candidates", "creatable": false}]
                """));

        assertThat(steps.tagUsable("acme")).isFalse();
        assertThat(steps.tagHealth("acme")).contains("tag 'Lucca' takes several values on a candidate ('multiple'): "
                + "each outcome would be added beside the last one instead of replacing it");
    }

    @Test
    void aTagSaidMultipleAsTextOrAsOneTakesSeveralValuesToo() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));

        // read as 'creatable' is: Jackson's asBoolean took the text "1" for false, and the tag for one of one value
        for (String multiple : List.of("\"true\"", "\"1\"", "1")) {
            clock.advance(Duration.ofHours(2));
            tagsOf("acme", tags("[{\"id\": \"Mt1\", \"title\": \"Lucca\", \"type\": \"candidates\", "
                    + "\"creatable\": true, \"multiple\": " + multiple + "}]"));
            assertThat(steps.tagUsable("acme")).as(multiple).isFalse();
            assertThat(steps.tagHealth("acme")).as(multiple).contains("tag 'Lucca' takes several values on a "
                    + "candidate ('multiple'): each outcome would be added beside the last one instead of replacing it");
        }
        for (String single : List.of("\"0\"", "0", "false")) {
            clock.advance(Duration.ofHours(2));
            tagsOf("acme", tags("[{\"id\": \"Ct2\", \"title\": \"Lucca\", \"type\": \"candidates\", "
                    + "\"creatable\": true, \"multiple\": " + single + "}]"));
            assertThat(steps.tagHealth("acme")).as(single).contains("ok");
        }
    }

    @Test
    void aCandidateWithTheEmailButForAnotherVacancyIsNotTheHiresApplication() throws Exception {
        HireView hire = new HireView("hire-1", "acme", HireStatus.DELIVERED, clock.instant(), clock.instant(), null, clock.instant(), 1,
                null, 416L, null, null, null, List.of(), null, """
                {"data": {"candidate": {"email": "Jeanne@Example.org"}, "vacancy": {"id": 5}}}
                """, Origin.WEBHOOK, "PENDING", "unused", 0, clock.instant(), null, null, false, false, null);

        Throwable none = catchThrowable(() -> steps.applicantFound(hire, tags(
                "[{\"applicant\": \"other\", \"email\": \"jeanne@example.org\", \"vacancy_id\": 6}]")));

        assertThat(none).isInstanceOf(WriteBackSteps.ApplicantNotFound.class);
    }

    @Test
    void itemsOfAnOlderAnswerWithoutVacancyIdAreTheHiresApplicationByTheVacancysTitleWhenOnlyOneHasIt()
            throws Exception {
        Intakes.recordIntake(journal, """
                {"event": "drag_applicant", "company_id": 4242, "data": {"applicant": {"id": 77},
                 "candidate": {"id": 12, "firstname": "Jeanne", "lastname": "Exemple", "email": "Jeanne@Example.org"},
                 "vacancy": {"id": 5, "title": "Comptable H/F"}, "column": {"id": 9, "title": "Recruté", "hired": true}}}
                """, new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", "77", List.of()), "acme", Duration.ZERO);
        HireView hire = new JournalReader(pool).list(new io.github.flatchrlucca.journal.HireFilter("acme", null, null,
                null, null, 0, 10)).get(0);

        // older docs list fewer fields: no vacancy_id, the vacancy's title only
        assertThat(steps.applicantFound(hire, tags("""
                [{"applicant": "other", "email": "jeanne@example.org", "vacancy": "Développeuse Java"},
                 {"applicant": "z7gWQnjXG77hJRak", "email": "jeanne@example.org", "vacancy": "comptable h/f"}]
                """))).isEqualTo("z7gWQnjXG77hJRak");
        assertThat(new JournalReader(pool).find(hire.hireId()).orElseThrow().flatchrApplicant())
                .isEqualTo("z7gWQnjXG77hJRak");
        assertThat(catchThrowable(() -> steps.applicantFound(hire, tags("""
                [{"applicant": "one", "email": "jeanne@example.org", "vacancy": "Comptable H/F"},
                 {"applicant": "two", "email": "jeanne@example.org", "vacancy": "Comptable H/F"}]
                """)))).as("two of one title cannot be told apart").isInstanceOf(WriteBackSteps.ApplicantNotFound.class);
    }

    @Test
    void theCandidatesArchivedApplicationOfTheSameEmailAndVacancyIsPassedOverForTheOneInHired() throws Exception {
        HireView hire = webhookHire();

        // the search by e-mail lists all the candidate's applications: last year's on this vacancy, archived, first
        String found = steps.applicantFound(hire, tags("""
                [{"applicant": "Ar4cHv3dA1pL9xQe", "email": "jeanne@example.org", "vacancy_id": 5, "status": 0,
                  "hired": false, "column": "Refusé"},
                 {"applicant": "z7gWQnjXG77hJRak", "email": "jeanne@example.org", "vacancy_id": 5, "status": 1,
                  "hired": true, "column": "Recruté"}]
                """));

        assertThat(found).isEqualTo("z7gWQnjXG77hJRak");
        assertThat(new JournalReader(pool).find(hire.hireId()).orElseThrow().flatchrApplicant())
                .isEqualTo("z7gWQnjXG77hJRak");
    }

    @Test
    void ofTheCandidatesApplicationsOnTheVacancyNeitherArchivedTheOneInHiredIsTheHires() throws Exception {
        HireView hire = webhookHire();

        assertThat(steps.applicantFound(hire, tags("""
                [{"applicant": "N3wb0ArdAppL1c4t", "email": "jeanne@example.org", "vacancy_id": 5, "status": 1,
                  "hired": false, "column": "Nouveau"},
                 {"applicant": "z7gWQnjXG77hJRak", "email": "jeanne@example.org", "vacancy_id": 5, "status": 1,
                  "hired": true, "column": "Recruté"}]
                """))).isEqualTo("z7gWQnjXG77hJRak");
    }

    @Test
    void anApplicationsHiredFlagGivenAsTextOrNumberPutsItFirstAndOneNotReadableDoesNot() throws Exception {
        HireView hire = webhookHire();
        String answer = """
                [{"applicant": "N3wb0ArdAppL1c4t", "email": "jeanne@example.org", "vacancy_id": 5, "status": 1,
                  "hired": false, "column": "Nouveau"},
                 {"applicant": "z7gWQnjXG77hJRak", "email": "jeanne@example.org", "vacancy_id": 5, "status": 1,
                  "hired": %s, "column": "Recruté"}]
                """;

        // read as the search reads it: Jackson's asBoolean took the text "1" for false, and neither for the hire's
        for (String hired : List.of("\"1\"", "\"true\"", "1")) {
            assertThat(steps.applicantFound(hire, tags(answer.formatted(hired)))).as(hired)
                    .isEqualTo("z7gWQnjXG77hJRak");
        }
        for (String notHired : List.of("\"0\"", "\"yes\"")) {
            assertThat(catchThrowable(() -> steps.applicantFound(hire, tags(answer.formatted(notHired))))).as(notHired)
                    .isInstanceOf(WriteBackSteps.ApplicantNotFound.class);
        }
    }

    @Test
    void twoApplicationsInHiredOfTheHiresEmailAndVacancyWriteOnNeitherKeepNoIdAndTheHistorySaysWhy()
            throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        webhookHire();
        HireView hire = ClaimedWriteBacks.claimDue(writeBacks, "acme", 10).get(0);

        Throwable neither = catchThrowable(() -> steps.applicantFound(hire, tags("""
                [{"applicant": "z7gWQnjXG77hJRak", "email": "jeanne@example.org", "vacancy_id": 5, "status": 1,
                  "hired": true, "column": "Recruté"},
                 {"applicant": "Tw0aPpL1cAt10nZz", "email": "jeanne@example.org", "vacancy_id": 5, "status": 1,
                  "hired": true, "column": "Recruté"}]
                """)));
        steps.failed(failure(hire, neither));

        assertThat(neither).isInstanceOf(WriteBackSteps.ApplicantNotFound.class);
        HireView after = new JournalReader(pool).find(hire.hireId()).orElseThrow();
        assertThat(after.flatchrApplicant()).as("which is the hire's cannot be told").isNull();
        assertThat(after.writeBack()).as("tried again: the recruiter may archive one").isEqualTo("PENDING");
        assertThat(new JournalReader(pool).history(hire.hireId())).last().satisfies(event -> assertThat(
                event.detail()).startsWith("outcome not written to Flatchr yet (two applications in Flatchr, neither "
                + "archived, have this e-mail and vacancy: which is the hire's cannot be told, so the outcome is "
                + "written on neither); tried again at "));
    }

    @Test
    void theCandidatesOnlyApplicationOnTheVacancyArchivedIsTheHiresArchivedSinceTheHire() throws Exception {
        HireView hire = webhookHire();

        // archived five minutes after the hire came: the search of moves withdraws the hire for this archive, and its
        // outcome is written where the recruiter put it
        String found = steps.applicantFound(hire, tags("""
                [{"applicant": "Ar4cHv3dA1pL9xQe", "email": "jeanne@example.org", "vacancy_id": 5, "status": 0,
                  "hired": false, "column": "Refusé", "updated_at": 1796202300}]
                """));

        assertThat(found).isEqualTo("Ar4cHv3dA1pL9xQe");
        assertThat(new JournalReader(pool).find(hire.hireId()).orElseThrow().flatchrApplicant())
                .isEqualTo("Ar4cHv3dA1pL9xQe");
    }

    @Test
    void anIdASearchKeptWhileTheWriteBackLookedTheApplicationUpIsTheOneTheOutcomeGoesOn() throws Exception {
        HireView hire = webhookHire();
        // the search of hires kept Flatchr's id of the hire after the write-back read it, before its own look-up
        journal.applicantFoundBySearch(hire.hireId(), "z7gWQnjXG77hJRak");

        assertThat(steps.applicantFound(hire, tags("""
                [{"applicant": "Ot4erJ0bB0ardXyz", "email": "jeanne@example.org", "vacancy_id": 5, "status": 1,
                  "hired": true, "column": "Recruté"}]
                """))).as("the hire is named by the search's id for good").isEqualTo("z7gWQnjXG77hJRak");
        assertThat(new JournalReader(pool).find(hire.hireId()).orElseThrow().flatchrApplicant())
                .isEqualTo("z7gWQnjXG77hJRak");
    }

    @Test
    void aReplayedHiresApplicationArchivedBeforeTheReplayIsStillTheHiresArchivedSinceItCame() throws Exception {
        String hireId = webhookHireRecorded();
        // dead, then replayed an hour later: the recruiter archived the candidate five minutes after the hire came
        journal.claim(hireId);
        journal.markDead(hireId, new EventDetail(null, null, null, "Lucca answered 400 to create-user"));
        clock.advance(Duration.ofHours(1));
        assertThat(journal.replay(hireId, new JournalReader(pool).find(hireId).orElseThrow().payload(),
                "https://acme.ilucca.net"))
                .isTrue();
        journal.claim(hireId);
        journal.markDelivered(hireId, 416, List.of());
        HireView replayed = new JournalReader(pool).find(hireId).orElseThrow();
        assertThat(replayed.queuedAt()).as("queued again by the replay").isAfter(Instant.ofEpochSecond(1796202300));

        assertThat(steps.applicantFound(replayed, tags("""
                [{"applicant": "Ar4cHv3dA1pL9xQe", "email": "jeanne@example.org", "vacancy_id": 5, "status": 0,
                  "hired": false, "column": "Refusé", "updated_at": 1796202300}]
                """))).isEqualTo("Ar4cHv3dA1pL9xQe");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // last year's, archived long before the hire: the hire's own is under another e-mail, corrected since
        """
        [{"applicant": "LastYear0000000A", "email": "jeanne@example.org", "vacancy_id": 5, "status": 0,
          "hired": false, "column": "Refusé", "updated_at": 1763632800}]""",
        // an item that does not say when it changed
        """
        [{"applicant": "Ar4cHv3dA1pL9xQe", "email": "jeanne@example.org", "vacancy_id": 5, "status": 0,
          "hired": false, "column": "Refusé"}]""",
        // two archived since the hire
        """
        [{"applicant": "Ar4cHv3dA1pL9xQe", "email": "jeanne@example.org", "vacancy_id": 5, "status": 0,
          "hired": false, "column": "Refusé", "updated_at": 1796202300},
         {"applicant": "z7gWQnjXG77hJRak", "email": "jeanne@example.org", "vacancy_id": 5, "status": 0,
          "hired": false, "column": "Refusé", "updated_at": 1796202300}]"""})
    void archivedApplicationsOfWhichNotOneAloneWasArchivedSinceTheHireAreNotTheHires(String answer) throws Exception {
        HireView hire = webhookHire();

        Throwable none = catchThrowable(() -> steps.applicantFound(hire, tags(answer)));

        assertThat(none).isInstanceOf(WriteBackSteps.ApplicantNotFound.class)
                .hasMessage("only archived applications in Flatchr have this e-mail and vacancy, and not one alone "
                        + "archived since the hire: which is the hire's cannot be told, so the outcome is written on "
                        + "none");
        assertThat(new JournalReader(pool).find(hire.hireId()).orElseThrow().flatchrApplicant())
                .as("an old id would name the hire for good").isNull();
    }

    @Test
    void aWebhookHireWithoutEmailIsNotSearchedForAndItsWriteBackEndsAtOnce() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        Intakes.recordIntake(journal, """
                {"event": "drag_applicant", "company_id": 4242, "data": {"applicant": {"id": 77},
                 "candidate": {"id": 12, "firstname": "Jeanne", "lastname": "Exemple", "email": " "},
                 "vacancy": {"id": 5, "title": "Dev"}, "column": {"id": 9, "title": "Recruté", "hired": true}}}
                """, new HireVerdict(HireVerdict.Kind.INCOMPLETE, "data.candidate.email is missing", "4242", "77",
                List.of()), "acme", Duration.ZERO);
        HireView hire = ClaimedWriteBacks.claimDue(writeBacks, "acme", 10).get(0);
        assertThat(steps.applicantNeeded(hire)).isTrue();

        Throwable noSearch = catchThrowable(() -> steps.searchByEmail(steps.connection("acme"), hire));
        steps.failed(failure(hire, noSearch));

        assertThat(noSearch).isInstanceOf(WriteBackSteps.ApplicantUnfindable.class);
        HireView ended = new JournalReader(pool).find(hire.hireId()).orElseThrow();
        assertThat(ended.writeBack()).as("not retried until RETRY_MAX_AGE_HOURS").isEqualTo("FAILED");
        assertThat(new JournalReader(pool).history(hire.hireId())).last().satisfies(event -> assertThat(
                event.detail()).isEqualTo("outcome not written to Flatchr, given up: the hire has no candidate "
                + "e-mail to find its application in Flatchr by"));
        assertThat(givenUp("acme")).isEqualTo(1);
        assertThat(ClaimedWriteBacks.claimDue(writeBacks, "acme", 10)).isEmpty();
    }

    @Test
    void aHireWhosePayloadWasErasedIsNotSearchedFor() {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        HireView erased = new HireView("hire-1", "acme", HireStatus.DELIVERED, clock.instant(), clock.instant(), null, clock.instant(), 1,
                null, 416L, null, null, null, List.of(), null, null, Origin.WEBHOOK, "PENDING", null, 0,
                clock.instant(), null, null, false, true, null);

        assertThat(catchThrowable(() -> steps.searchByEmail(steps.connection("acme"), erased)))
                .isInstanceOf(WriteBackSteps.ApplicantUnfindable.class).hasMessageContaining("retention");
    }

    @Test
    void aHireWithoutVacancyIdIsNotSearchedFor() {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        HireView hire = new HireView("hire-1", "acme", HireStatus.DELIVERED, clock.instant(), clock.instant(), null, clock.instant(), 1,
                null, 416L, null, null, null, List.of(), null, """
                {"data": {"candidate": {"email": "jeanne@example.org"}, "vacancy": {"title": "Dev"}}}
                """, Origin.WEBHOOK, "PENDING", null, 0, clock.instant(), null, null, false, false, null);

        assertThat(catchThrowable(() -> steps.searchByEmail(steps.connection("acme"), hire)))
                .isInstanceOf(WriteBackSteps.ApplicantUnfindable.class).hasMessageContaining("no vacancy id");
    }

    @Test
    void aHireWithAnEmailIsSearchedForByIt() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        HireView hire = new HireView("hire-1", "acme", HireStatus.DELIVERED, clock.instant(), clock.instant(), null, clock.instant(), 1,
                null, 416L, null, null, null, List.of(), null, """
                {"data": {"candidate": {"email": "jeanne@example.org"}, "vacancy": {"id": 5}}}
                """, Origin.WEBHOOK, "PENDING", null, 0, clock.instant(), null, null, false, false, null);

        assertThat(JSON.readTree(steps.searchByEmail(steps.connection("acme"), hire).body()).path("email").asText())
                .isEqualTo("jeanne@example.org");
    }

    @Test
    void afterA429NoWriteBackCallIsMadeToTheCompanyAndTheHiresRetryWaitsUntilRetryAfterHasPassed() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        recordRejected("1");
        HireView hire = ClaimedWriteBacks.claimDue(writeBacks, "acme", 10).get(0);
        Exchange tooMany = flatchrAnswer("write-tag", 429, "60");

        steps.failed(failure(hire, catchThrowable(() -> answers.check(tooMany))));

        assertThat(steps.tenants()).as("the tenant's turns stop").isEmpty();
        assertThat(steps.due("acme")).isEmpty();
        assertThat(new JournalReader(pool).history(hire.hireId())).last().satisfies(event -> assertThat(
                event.detail()).endsWith("tried again at 2026-12-02T09:01:00Z"));
        clock.advance(Duration.ofSeconds(59));
        assertThat(steps.tenants()).isEmpty();
        assertThat(ClaimedWriteBacks.claimDue(writeBacks, "acme", 10)).as("its own backoff would have been 5 s").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(steps.tenants()).containsExactly("acme");
        assertThat(steps.due("acme")).containsExactly(hire.hireId());
    }

    @Test
    void theOutcomesOfATurnNotTriedOnceFlatchrAskedToWaitAreNotClaimedAndStayDueUncounted() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        recordRejected("1");
        recordRejected("2");
        List<String> turn = steps.due("acme");
        assertThat(steps.takesCalls(steps.connection("acme"))).isTrue();
        HireView first = steps.claim(turn.get(0));
        steps.failed(failure(first, catchThrowable(() -> answers.check(flatchrAnswer("write-tag", 503, "600")))));

        assertThat(steps.takesCalls(steps.connection("acme"))).as("the turn ends here").isFalse();
        HireView untried = new JournalReader(pool).find(turn.get(1)).orElseThrow();
        assertThat(untried.writeBackAttempts()).as("no attempt was made").isZero();
        assertThat(untried.writeBack()).isEqualTo("PENDING");
        assertThat(steps.due("acme")).as("no turn before the pause ends").isEmpty();
        clock.advance(Duration.ofSeconds(600));
        assertThat(steps.due("acme")).containsExactlyInAnyOrder(first.hireId(), untried.hireId());
    }

    @Test
    void outcomesNeverTriedAndOlderThanTheWindowAreEndedQuietlyAndTheWindowsAreWritten() {
        // outcomes of months before the tenant turned its result tag on, and of the day before, and of today
        clock.advance(Duration.ofDays(-180));
        recordRejected("1");
        clock.advance(Duration.ofDays(179));
        recordRejected("2");
        clock.advance(Duration.ofHours(20));
        recordRejected("3");
        clock.advance(Duration.ofHours(4).plusMinutes(1));
        List<String> hires = new JournalReader(pool).list(new io.github.flatchrlucca.journal.HireFilter("acme", null,
                null, null, null, 0, 10)).stream().sorted(java.util.Comparator.comparing(HireView::receivedAt))
                .map(HireView::hireId).toList();
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));

        List<String> due = steps.due("acme");

        assertThat(due).as("within RETRY_MAX_AGE_HOURS (24 h)")
                .containsExactly(hires.get(2));
        for (String old : hires.subList(0, 2)) {
            assertThat(new JournalReader(pool).find(old).orElseThrow().writeBack()).isEqualTo("SKIPPED");
            assertThat(new JournalReader(pool).history(old)).last().satisfies(event -> assertThat(event.detail())
                    .isEqualTo("outcome not written to Flatchr: older than the write-back window (RETRY_MAX_AGE_HOURS) "
                            + "when it could first be written"));
        }
        assertThat(givenUp("acme")).as("no failure, no alert").isZero();
        assertThat(registry.counter("flatchr.writebacks", "tenant", "acme", "outcome", "too-old").count())
                .isEqualTo(2);
        assertThat(steps.due("acme")).as("the ended ones are not due again").containsExactly(hires.get(2));
    }

    @Test
    void anOutcomeTriedAndPutOffIsNotEndedQuietlyPastTheWindow() {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        recordRejected("1");
        HireView hire = steps.claim(steps.due("acme").get(0));
        // Flatchr refused its tag: tried again later
        steps.failed(failure(hire, new WriteBackSteps.ApplicantNotFound(WriteBackSteps.ApplicantNotFound.NONE)));
        clock.advance(Duration.ofHours(25));

        assertThat(steps.due("acme")).as("its last attempt, whose failure is given up and alerted")
                .containsExactly(hire.hireId());
    }

    @Test
    void aTurnHeldBackForASlowJournalSendsNothingAndIsPutOffAndCountedAsAnyFailedTurn() {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        recordRejected("1");
        HireView hire = steps.claim(steps.due("acme").get(0));

        steps.failed(failure(hire, JournalFaults.callHeldBack("the write-back of hire " + hire.hireId())));

        assertThat(registry.get("flatchr.writebacks").tag("outcome", "retried").counter().count()).isEqualTo(1.0);
        assertThat(new JournalReader(pool).history(hire.hireId())).extracting(HireEvent::detail).last().asString()
                .contains("outcome not written to Flatchr yet", "the journal's commit was slow");
        assertThat(steps.due("acme")).as("put off with the backoff").isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(steps.due("acme")).as("due again after its backoff, before the claim's lease would have ended")
                .containsExactly(hire.hireId());
    }

    @Test
    void anOutcomeFlatchrTookIsRecordedWrittenWithItsLineEvenIfItsTenantLeftMeanwhile() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        tagsOf("acme", tags("[{\"id\": \"Tg8\", \"title\": \"Lucca\", \"type\": \"candidates\", "
                + "\"creatable\": true}]"));
        recordRejected("1");
        HireView hire = ClaimedWriteBacks.claimDue(writeBacks, "acme", 10).get(0);
        String line = steps.resultLine(hire);
        String sent = JSON.readTree(steps.writeTag(steps.connection("acme"), hire, "applicant-1", line).body())
                .path("value").asText();

        tenants.replace(List.of(TestTenants.withResultTag("globex", Optional.of("Lucca"))));
        steps.written(hire, line);

        HireView written = new JournalReader(pool).find(hire.hireId()).orElseThrow();
        assertThat(written.writeBack()).as("not written again later").isEqualTo("WRITTEN");
        assertThat(new JournalReader(pool).history(hire.hireId())).extracting(HireEvent::detail)
                .anyMatch(detail -> detail != null && !sent.isEmpty() && detail.contains(sent));
    }

    @Test
    void theOutcomesOfATenantThatLeftDuringItsTurnAreGivenBackUncountedAndSentNowhere() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        tagsOf("acme", tags("[{\"id\": \"Tg8\", \"title\": \"Lucca\", \"type\": \"candidates\", "
                + "\"creatable\": true}]"));
        recordRejected("1");
        FlatchrConnection turns = steps.connection("acme");
        HireView hire = ClaimedWriteBacks.claimDue(writeBacks, "acme", 10).get(0);

        tenants.replace(List.of(TestTenants.withResultTag("globex", Optional.of("Lucca"))));
        Throwable left = catchThrowable(() -> steps.stillTheTenants(turns));
        steps.failed(failure(hire, turns, left));

        assertThat(left).isInstanceOf(TenantChanged.class).hasMessage("tenant acme left the configuration");
        HireView given = new JournalReader(pool).find(hire.hireId()).orElseThrow();
        assertThat(given.writeBack()).isEqualTo("PENDING");
        assertThat(given.writeBackAttempts()).isZero();
        assertThat(new JournalReader(pool).history(hire.hireId())).extracting(HireEvent::detail)
                .noneMatch(detail -> detail != null && detail.contains("not written"));
        assertThat(pause.paused(turns)).isFalse();
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        assertThat(ClaimedWriteBacks.claimDue(writeBacks, "acme", 10)).as("due at once on its return").extracting(HireView::hireId)
                .containsExactly(hire.hireId());
    }

    @Test
    void anOutcomeAnotherInstanceClaimedOnceThisOnesLeaseRanOutIsNeitherTaggedNorRecordedByThisOne() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        recordRejected("1");
        HireView mine = steps.claim(steps.due("acme").get(0));
        WriteBacks otherInstance = new WriteBacks(pool, clock, LEASE, "instance-b");
        // the search of its candidate outlasts the lease it was claimed under: another instance takes it
        clock.advance(LEASE.plusSeconds(1));
        assertThat(ClaimedWriteBacks.claimDue(otherInstance, "acme", 10)).extracting(HireView::hireId)
                .containsExactly(mine.hireId());

        Throwable lost = catchThrowable(() -> steps.stillHolding(mine));
        steps.failed(failure(mine, lost));

        assertThat(lost).isInstanceOf(ClaimLost.class);
        assertThat(registry.find("flatchr.writebacks").counters()).as("no turn of this instance's counted")
                .isEmpty();
        HireView left = new JournalReader(pool).find(mine.hireId()).orElseThrow();
        assertThat(left.writeBack()).isEqualTo("PENDING");
        assertThat(left.writeBackAttempts()).as("the other instance's turn").isEqualTo(2);
        assertThat(new JournalReader(pool).history(left.hireId())).extracting(HireEvent::detail)
                .noneMatch(detail -> detail != null && detail.contains("Flatchr"));
        otherInstance.written(left.hireId(), "Lucca: not created");
        assertThat(new JournalReader(pool).find(left.hireId()).orElseThrow().writeBack()).isEqualTo("WRITTEN");
    }

    @Test
    void aTurnWhoseTenantGotAnotherFlatchrKeySendsNothingMoreWithTheOldOne() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        FlatchrConnection turns = steps.connection("acme");
        HireView hire = new HireView("hire-1", "acme", HireStatus.DELIVERED, clock.instant(), clock.instant(), null, clock.instant(), 1,
                null, 416L, null, null, null, List.of(), null, """
                {"data": {"candidate": {"email": "jeanne@example.org"}, "vacancy": {"id": 5}}}
                """, Origin.WEBHOOK, "PENDING", null, 0, clock.instant(), null, null, false, false, null);

        tenants.replace(List.of(TestTenants.withFlatchrApi(TestTenants.tenant("acme", "acme-token-0123456789", "1"),
                new FlatchrApi(URI.create("https://api.flatchr.io"), "rotated-flatchr-key", "Wy3EOp2NP3p1KMq8",
                        Duration.ofMinutes(15), Duration.ofDays(3), Optional.of("Lucca")))));

        assertThat(catchThrowable(() -> steps.stillTheTenants(turns))).isInstanceOf(TenantChanged.class)
                .hasMessage("tenant acme has another Flatchr now");
        steps.stillTheTenants(steps.connection("acme"));
        assertThat(steps.searchByEmail(steps.connection("acme"), hire).name()).as("the next turn's")
                .isNotBlank();
    }

    @Test
    void aTenantGivenAnotherCompanyHasItsTagLookedUpThereBeforeAnyOutcomeIsTagged() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        tagsOf("acme", tags("[{\"id\": \"Ct2\", \"title\": \"Lucca\", \"type\": \"candidates\", "
                + "\"creatable\": true}]"));
        assertThat(steps.tagToCheck("acme")).as("just looked up").isFalse();

        // the same tag's title, in another company: its tags have ids of their own
        tenants.replace(List.of(TestTenants.withFlatchrApi(TestTenants.tenant("acme", "acme-token-0123456789", "1"),
                new FlatchrApi(URI.create("https://api.flatchr.io"), "flatchr-key-acme", "OtherCompany0001",
                        Duration.ofMinutes(15), Duration.ofDays(3), Optional.of("Lucca")))));

        assertThat(steps.tagToCheck("acme")).isTrue();
        steps.tagsUnread("acme", steps.connection("acme"));
        assertThat(steps.tagUsable("acme")).as("the other company's tag id is not this one's").isFalse();
        assertThat(steps.tagHealth("acme")).isEmpty();
    }

    @Test
    void tagsReadFromTheCompanyATenantLeftDuringTheLookUpAreNotTakenForItsNewCompanys() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        FlatchrConnection looked = steps.connection("acme");
        tenants.replace(List.of(TestTenants.withFlatchrApi(TestTenants.tenant("acme", "acme-token-0123456789", "1"),
                new FlatchrApi(URI.create("https://api.flatchr.io"), "flatchr-key-acme", "OtherCompany0001",
                        Duration.ofMinutes(15), Duration.ofDays(3), Optional.of("Lucca")))));

        steps.tags("acme", tags("[{\"id\": \"Ct2\", \"title\": \"Lucca\", \"type\": \"candidates\", "
                + "\"creatable\": true}]"), looked);

        assertThat(steps.tagToCheck("acme")).as("the new company's tags are still to look up").isTrue();
    }

    @Test
    void aTagLookUpThatFailedAfterItsTenantLeftNotesNothingAndThrowsNothing() {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        FlatchrConnection looked = steps.connection("acme");
        tenants.replace(List.of(TestTenants.withResultTag("globex", Optional.of("Lucca"))));

        steps.tagsUnread("acme", looked);
        steps.tagsUnread("acme", null);

        assertThat(steps.tagHealth("acme")).isEmpty();
    }

    @Test
    void tagsThatCouldNotBeReadAreLookedUpAgainAfterAFewMinutes() {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));

        steps.tagsUnread("acme", steps.connection("acme"));

        assertThat(steps.tagToCheck("acme")).as("no new look at once").isFalse();
        assertThat(steps.tagUsable("acme")).isFalse();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(steps.tagToCheck("acme")).isTrue();
    }

    @Test
    void aTagTheTenantNoLongerNamesIsNeitherWrittenInNorReportedByHealth() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Notes"))));
        tagsOf("acme", tags("[{\"id\": \"Nt1\", \"title\": \"Notes\", \"type\": \"candidates\", "
                + "\"creatable\": true}]"));
        assertThat(steps.tagUsable("acme")).isTrue();

        // FLATCHR_RESULT_TAG changed to "Lucca" while Flatchr's tags cannot be read
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        assertThat(steps.tagToCheck("acme")).isTrue();
        steps.tagsUnread("acme", steps.connection("acme"));

        assertThat(steps.tagUsable("acme")).as("nothing more written in 'Notes'").isFalse();
        assertThat(steps.tagHealth("acme")).as("'Lucca' is not looked up yet").isEmpty();
    }

    @Test
    void aResultTagRemovedWithAReloadIsNoLongerReportedUnusable() throws Exception {
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Lucca"))));
        tagsOf("acme", tags("[]"));
        assertThat(steps.tagHealth("acme")).contains("there is no tag 'Lucca' in Flatchr");

        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.empty())));

        assertThat(steps.tagHealth("acme")).isEmpty();
        tenants.replace(List.of(TestTenants.withResultTag("acme", Optional.of("Notes"))));
        assertThat(steps.tagHealth("acme")).as("what was learned of 'Lucca' says nothing of 'Notes'").isEmpty();
    }

    /** A webhook's hire of Jeanne's application on vacancy 5, delivered: its write-back is due. */
    private HireView webhookHire() {
        String hireId = webhookHireRecorded();
        journal.claim(hireId);
        journal.markDelivered(hireId, 416, List.of());
        return new JournalReader(pool).find(hireId).orElseThrow();
    }

    private String webhookHireRecorded() {
        return Intakes.recordIntake(journal, """
                {"event": "drag_applicant", "company_id": 4242, "data": {"applicant": {"id": 77},
                 "candidate": {"id": 12, "firstname": "Jeanne", "lastname": "Exemple", "email": "jeanne@example.org"},
                 "vacancy": {"id": 5, "title": "Comptable H/F"}, "column": {"id": 9, "title": "Recruté", "hired": true}}}
                """, new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", "77", List.of()), "acme", Duration.ZERO)
                .hireId();
    }

    private void recordRejected(String applicantId) {
        Intakes.recordIntake(journal, """
                {"event": "drag_applicant", "company_id": 4242, "data": {"applicant": {"id": %s},
                 "candidate": {"id": 12, "firstname": "Jeanne", "lastname": "", "email": "jeanne%s@example.org"},
                 "vacancy": {"id": 5, "title": "Dev"}, "column": {"id": 9, "title": "Recruté", "hired": true}}}
                """.formatted(applicantId, applicantId), new HireVerdict(HireVerdict.Kind.INCOMPLETE,
                "data.candidate.lastname is missing", "4242", applicantId, List.of()), "acme", Duration.ZERO);
    }

    /** Flatchr's answer as the call route reads it, with the tenant's connection in the exchange. */
    private Exchange flatchrAnswer(String call, int status, String retryAfter) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setVariable(Variables.FLATCHR, steps.connection("acme"));
        exchange.setVariable(Variables.FLATCHR_CALL, call);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader("Retry-After", retryAfter);
        return exchange;
    }

    private Exchange failure(HireView hire, Throwable caught) {
        return failure(hire, tenants.find(hire.tenant()).flatMap(tenant -> tenant.flatchr()).orElse(null), caught);
    }

    /** The failed attempt of a turn that began with {@code flatchr}. */
    private Exchange failure(HireView hire, FlatchrConnection flatchr, Throwable caught) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setVariable(Variables.HIRE, hire);
        exchange.setVariable(Variables.FLATCHR, flatchr);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, caught);
        return exchange;
    }

    private double givenUp(String tenant) {
        return registry.counter("flatchr.writebacks", "tenant", tenant, "outcome", "given-up").count();
    }

    private static JsonNode tags(String json) throws Exception {
        return JSON.readTree(json);
    }


    /** Flatchr's tags as the tag look-up of the tenant's turn read them, from its Flatchr of now. */
    private void tagsOf(String tenantId, JsonNode answer) {
        steps.tags(tenantId, answer, steps.connection(tenantId));
    }
}
