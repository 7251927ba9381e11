package io.github.flatchrlucca.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.intake.FlatchrEventClassifier;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.journal.EventDetail;
import io.github.flatchrlucca.journal.HireEvent;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.IntakeResult;
import io.github.flatchrlucca.journal.Intakes;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.MoveOut;
import io.github.flatchrlucca.journal.Reconciliations;
import io.github.flatchrlucca.journal.TestJournal;
import io.github.flatchrlucca.tenants.FlatchrApi;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.TenantSettings;
import io.github.flatchrlucca.tenants.TestTenants;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin API's answers, read from a journal, outside any HTTP request. */
class AdminApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LUCCA = "https://acme.ilucca.net";
    // ALERT_QUEUE_AGE_SECONDS=600
    private static final Duration QUEUE_AGE_LIMIT = Duration.ofMinutes(10);
    // a Flatchr company (9999) acme does not name (another customer's, or acme's own while acme's ids are wrong), the
    // application named by Flatchr's encoded id and its plain one
    private static final String OTHER_COMPANYS_HIRE = "{\"event\":\"drag_applicant\",\"company_id\":\"9999\","
            + "\"data\":{\"applicant\":{\"id\":\"z7gWQnjXG77hJRak\"},\"applicant_id\":\"7\",\"candidate\":{"
            + "\"firstname\":\"Jane\",\"lastname\":\"Roe\",\"email\":\"jane.roe@acme2.example\"},\"vacancy\":{"
            + "\"id\":\"55\",\"title\":\"Welder\"},\"column\":{\"hired\":true}}}";
    private static final String MOVED_OUT_BY_PLAIN_ID = "{\"event\":\"drag_applicant\",\"company_id\":\"9999\","
            + "\"data\":{\"applicant\":{\"id\":\"7\"},\"candidate\":{},\"vacancy\":{},\"column\":{"
            + "\"id\":\"interview\",\"title\":\"Interview\"},\"user\":{\"firstname\":\"Ann\"}}}";

    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final Journal journal = new Journal(h2.dataSource(), clock, Duration.ofMinutes(10), "instance-a");
    private final JournalReader reader = new JournalReader(h2.dataSource());
    private final AdminApi api = adminApi("4242");

    @Test
    void theHiresWaitingForADecisionAreCountedForEachTenantAndInTheStatsWhateverTheirStatus() throws Exception {
        cancelledWhileItsCreateWasUnanswered("acme", "1");
        cancelledWhileItsCreateWasUnanswered("acme", "2");
        cancelledWhileItsCreateWasUnanswered("globex", "3");
        Intakes.recordIntake(journal, "{}", hire("4"), "globex", Duration.ZERO);

        JsonNode tenants = answer(api::tenants, null).path("tenants");
        assertThat(tenants.findValuesAsText("id")).containsExactly("acme", "globex");
        assertThat(tenants.get(0).path("decisionsNeeded").asLong()).isEqualTo(2);
        assertThat(tenants.get(0).path("counts").path("cancelled").asLong()).isEqualTo(2);
        assertThat(tenants.get(1).path("decisionsNeeded").asLong()).isEqualTo(1);
        assertThat(answer(api::stats, null).path("decisionsNeeded").asLong()).as("every tenant").isEqualTo(3);
        assertThat(answer(api::stats, "globex").path("decisionsNeeded").asLong()).as("a tenant's token").isEqualTo(1);
    }

    @Test
    void theOldestQueuedHireIsLateOnThePageWhenTheAlertTellsItFromTheEndOfItsHold() throws Exception {
        List<String> chat = new java.util.ArrayList<>();
        Alerts alerts = new Alerts(chat::add, "https://connector.acme.example", new JournalReader(h2.dataSource()),
                QUEUE_AGE_LIMIT, clock);
        // HIRE_HOLD_SECONDS=7200: two hours to move the candidate out of hired before anything reaches Lucca
        String held = Intakes.recordIntake(journal, "{}", hire("1"), "acme", Duration.ofHours(2)).hireId();

        clock.advance(Duration.ofMinutes(61));
        JsonNode holding = answer(api::stats, null);
        clock.advance(Duration.ofMinutes(59 + 9));
        alerts.checkQueueAge();
        JsonNode nineMinutesAfter = answer(api::stats, null);
        clock.advance(Duration.ofMinutes(2));
        alerts.checkQueueAge();
        JsonNode elevenMinutesAfter = answer(api::stats, null);

        assertThat(holding.path("oldestQueuedHireId").asText()).isEqualTo(held);
        assertThat(holding.path("oldestQueuedHeldUntil").asText()).isEqualTo("2026-03-02T11:00:00Z");
        assertThat(holding.path("oldestQueuedAgeSeconds").asLong()).as("held on purpose: not waiting").isZero();
        assertThat(holding.path("queueAgeLimitSeconds").asLong()).isEqualTo(600);
        assertThat(nineMinutesAfter.path("oldestQueuedHeldUntil").isNull()).isTrue();
        assertThat(nineMinutesAfter.path("oldestQueuedAgeSeconds").asLong()).as("since its hold ended").isEqualTo(540);
        assertThat(elevenMinutesAfter.path("oldestQueuedAgeSeconds").asLong()).isEqualTo(660)
                .isGreaterThan(elevenMinutesAfter.path("queueAgeLimitSeconds").asLong());
        assertThat(chat).as("the alert, at the same moment as the page").singleElement().asString()
                .contains(held, "has waited 11 minute(s)");
        assertThat(elevenMinutesAfter.path("oldestQueuedSince").asText()).as("when it entered the queue")
                .isEqualTo("2026-03-02T09:00:00Z");
    }

    @Test
    void aHireWhoseFirstAttemptPastItsHoldFailedHasWaitedFromTheEndOfItsHoldNotFromItsArrival() throws Exception {
        List<String> chat = new java.util.ArrayList<>();
        Alerts alerts = new Alerts(chat::add, "https://connector.acme.example", new JournalReader(h2.dataSource()),
                QUEUE_AGE_LIMIT, clock);
        // HIRE_HOLD_SECONDS=7200, longer than ALERT_QUEUE_AGE_SECONDS
        String held = Intakes.recordIntake(journal, "{}", hire("1"), "acme", Duration.ofHours(2)).hireId();
        clock.advance(Duration.ofHours(2));
        assertThat(journal.claim(held)).isNotNull();
        JsonNode duringItsFirstAttempt = answer(api::stats, null);
        // Lucca's 503: tried again 5 s later
        assertThat(journal.retryLater(held, clock.instant().plusSeconds(5), new EventDetail("create-user", 503, "",
                "Lucca answered 503 to create-user"))).isTrue();
        clock.advance(Duration.ofSeconds(5));
        alerts.checkQueueAge();
        JsonNode retrying = answer(api::stats, null);
        List<String> toldAtItsRetry = List.copyOf(chat);
        clock.advance(Duration.ofMinutes(11).minusSeconds(5));
        alerts.checkQueueAge();

        assertThat(duringItsFirstAttempt.path("oldestQueuedAgeSeconds").asLong()).as("not late").isZero();
        assertThat(retrying.path("oldestQueuedAgeSeconds").asLong()).as("5 s past its hold, not 2 hours").isEqualTo(5);
        assertThat(toldAtItsRetry).isEmpty();
        assertThat(chat).as("its wait past its hold over the limit").singleElement().asString()
                .contains(held, "has waited 11 minute(s)", "last: Lucca answered 503");
        assertThat(answer(api::stats, null).path("oldestQueuedAgeSeconds").asLong()).isEqualTo(660);
    }

    @Test
    void aReplayedHireRetryingLongIsTheOldestAheadOfAnEarlierHireStillHeld() throws Exception {
        List<String> chat = new java.util.ArrayList<>();
        Alerts alerts = new Alerts(chat::add, "https://connector.acme.example", new JournalReader(h2.dataSource()),
                QUEUE_AGE_LIMIT, clock);
        String replayed = Intakes.recordIntake(journal, "{}", hire("1"), "acme", Duration.ZERO).hireId();
        assertThat(journal.claim(replayed)).isNotNull();
        assertThat(journal.markDead(replayed, new EventDetail("create-user", 400, "{}", "Lucca answered 400"))).isTrue();
        String held = Intakes.recordIntake(journal, "{}", hire("2"), "acme", Duration.ofHours(2)).hireId();
        clock.advance(Duration.ofMinutes(5));
        assertThat(journal.replay(replayed, "{}", LUCCA)).isTrue();
        assertThat(journal.claim(replayed)).isNotNull();
        assertThat(journal.retryLater(replayed, clock.instant().plus(Duration.ofHours(1)), new EventDetail(
                "create-user", 503, "", "Lucca answered 503 to create-user"))).isTrue();

        clock.advance(Duration.ofMinutes(75));
        alerts.checkQueueAge();
        JsonNode stats = answer(api::stats, null);

        assertThat(stats.path("oldestQueuedHireId").asText()).as("not " + held + ", held for 40 more minutes")
                .isEqualTo(replayed);
        assertThat(stats.path("oldestQueuedHeldUntil").isNull()).isTrue();
        assertThat(stats.path("oldestQueuedAgeSeconds").asLong()).isEqualTo(75 * 60);
        assertThat(chat).singleElement().asString().contains(replayed, "has waited 75 minute(s)");
    }

    @Test
    void aHireListedWithoutItsNameIsSaidErasedOnlyWhenRetentionErasedItAndLeftOutOnlyWhenItsEventWas() throws Exception {
        String named = "\"data\":{\"candidate\":{\"firstname\":\"Camille\",\"lastname\":\"Morel\"}}";
        // a long vacancy description: more than a list reads of an event (JournalReader.LISTED_EVENT_CHARS)
        String large = Intakes.recordIntake(journal, "{" + named + ",\"pad\":\"" + "x".repeat(70_000) + "\"}",
                hire("1"), "acme", Duration.ZERO).hireId();
        String erased = Intakes.recordIntake(journal, "{" + named + "}", hire("2"), "acme", Duration.ZERO).hireId();
        String nameless = Intakes.recordIntake(journal, "{\"data\":{\"candidate\":{}}}", hire("3"), "acme",
                Duration.ZERO).hireId();
        assertThat(journal.claim(erased)).isNotNull();
        journal.markDelivered(erased, 416, List.of());
        clock.advance(Duration.ofDays(1));
        assertThat(journal.erasePersonalData(clock.instant(), clock.instant(), List.of())).isEqualTo(1);

        JsonNode hires = answer(api::hires, null).path("hires");

        assertThat(hires).extracting(summary -> summary.path("hireId").asText(),
                        summary -> summary.path("candidate").isNull(),
                        summary -> summary.path("personalDataErased").asBoolean(),
                        summary -> summary.path("eventLeftOut").asBoolean())
                .containsExactlyInAnyOrder(tuple(large, true, false, true), tuple(erased, true, true, false),
                        tuple(nameless, true, false, false));
        assertThat(answer(exchange -> api.hire(large, exchange), null).path("candidate").asText())
                .as("its name is kept").isEqualTo("Camille Morel");
    }

    @Test
    void eachTenantShowsWhatIsKnownOfItsDefaultDepartmentInLucca() throws Exception {
        JsonNode tenants = answer(api::tenants, null).path("tenants");

        assertThat(tenants.get(0).path("defaultDepartment").isNull()).as("not known yet").isTrue();
        assertThat(tenants.get(1).path("defaultDepartment").asText())
                .isEqualTo("LUCCA_DEPARTMENT_ID 999 is not among Lucca's departments");
    }

    @Test
    void theDaysNoSearchOfFlatchrCoversAreInTheTenantsLastSearchAsTheBackfillTakesThem() throws Exception {
        Reconciliations reconciliations = new Reconciliations(h2.dataSource(), clock, Duration.ofMinutes(10),
                "instance-a");
        Reconciliations.Run run = reconciliations.claim("acme", false).orElseThrow();
        reconciliations.firstWindowLeavesOut(run, LocalDate.of(2025, 10, 25), LocalDate.of(2025, 12, 2));
        reconciliations.failed(run, "key-rejected", "401", failures -> clock.instant());
        Reconciliations.Run globex = reconciliations.claim("globex", false).orElseThrow();
        reconciliations.failed(globex, "key-rejected", "401", failures -> clock.instant());

        JsonNode tenants = answer(api::tenants, null).path("tenants");

        assertThat(tenants.get(0).at("/lastSearchOfFlatchr/daysNotSearched").toString())
                .isEqualTo("{\"from\":\"2025-10-25\",\"to\":\"2025-12-01\"}");
        assertThat(tenants.get(1).at("/lastSearchOfFlatchr/daysNotSearched").isNull()).as("globex's: none").isTrue();
    }

    @Test
    void aDayOfTheHiresListIsTheTenantsDayAndOfSeveralTenantsTheConnectorsDay() throws Exception {
        // 04:00 on March 2nd in Paris (acme's days, and the connector's), 22:00 on March 1st in New York (globex's)
        clock.set(Instant.parse("2026-03-02T03:00:00Z"));
        String acme = Intakes.recordIntake(journal, "{}", hire("1"), "acme", Duration.ZERO).hireId();
        String globex = Intakes.recordIntake(journal, "{}", hire("2"), "globex", Duration.ZERO).hireId();

        assertThat(listed("globex", "2026-03-01")).containsExactly(globex);
        assertThat(listed("acme", "2026-03-01")).isEmpty();
        assertThat(listed("acme", "2026-03-02")).containsExactly(acme);
        assertThat(listed(null, "2026-03-02")).containsExactlyInAnyOrder(acme, globex);
    }

    @Test
    void aTenantsTokenNamingAnotherTenantIsAnsweredAsForATenantNoOneHasWhetherItExistsOrNot() throws Exception {
        Intakes.recordIntake(journal, "{}", hire("1"), "acme", Duration.ZERO);
        Intakes.recordIntake(journal, "{}", hire("2"), "globex", Duration.ZERO);

        for (String endpoint : List.of("hires", "stats")) {
            java.util.function.Consumer<Exchange> call = "hires".equals(endpoint) ? api::hires : api::stats;
            Problem another = refused(call, "globex", "acme");
            Problem nobody = refused(call, "nope", "acme");

            assertThat(another.status()).as(endpoint).isEqualTo(404);
            assertThat(another.document()).as(endpoint + ": globex exists, nope does not: the same answer")
                    .isEqualTo(nobody.document()).containsEntry("field", "tenant");
        }
        assertThat(named(api::hires, "acme", "acme").path("total").asLong()).as("its own, named").isEqualTo(1);
        assertThat(named(api::stats, "acme", "acme").path("counts").path("received").asLong()).isEqualTo(1);
    }

    @Test
    void aTenantsTokenSeesAHireAnotherCompanySentToItsUrlWithoutThatCompanysCandidateTheOperatorWithIt()
            throws Exception {
        // company 9999 is globex's neighbour, not acme's (4242): its webhook was pasted into acme's URL
        String event = "{\"event\":\"drag_applicant\",\"company_id\":\"9999\",\"data\":{\"applicant\":{\"id\":"
                + "\"7\"},\"candidate\":{\"firstname\":\"Jane\",\"lastname\":\"Roe\",\"email\":"
                + "\"jane.roe@other.example\"},\"column\":{\"hired\":true}}}";
        String hireId = Intakes.recordIntake(journal, event, new FlatchrEventClassifier().classify(JSON.readTree(event),
                TestTenants.inForce(TestTenants.tenant("acme", "acme-token-0123456789", "4242")).find("acme")
                        .orElseThrow()), "acme", Duration.ZERO).hireId();

        JsonNode listedToAcme = answer(api::hires, "acme").path("hires").get(0);
        JsonNode shownToAcme = answer(exchange -> {
            exchange.getIn().setHeader("hireId", hireId);
            api.hire(hireId, exchange);
        }, "acme");
        JsonNode shownToOperator = answer(exchange -> api.hire(hireId, exchange), null);

        assertThat(listedToAcme.path("status").asText()).as("received and rejected, never dropped").isEqualTo("rejected");
        assertThat(listedToAcme.path("candidate").isNull()).isTrue();
        assertThat(listedToAcme.path("otherCompany").asBoolean()).as("what the page says instead").isTrue();
        assertThat(shownToAcme.toString()).as("no name, e-mail or event of another customer's candidate")
                .doesNotContain("Jane", "Roe", "jane.roe");
        assertThat(shownToAcme.path("lastError").asText()).contains("company_id 9999");
        assertThat(shownToOperator.path("candidate").asText()).as("ADMIN_TOKEN sees all").isEqualTo("Jane Roe");
        assertThat(shownToOperator.path("flatchrEvent").path("company_id").asText()).isEqualTo("9999");
    }

    @Test
    void aTenantsTokenSeesItsOwnCompanysHireWhoseApplicantIdReadsLikeAnotherCompanysMark() throws Exception {
        // Flatchr's applicant id is free text: this one is acme's own (company 4242), however it reads
        String event = "{\"event\":\"drag_applicant\",\"company_id\":\"4242\",\"data\":{\"applicant\":{\"id\":"
                + "\"7:other-company:9999\"},\"candidate\":{\"firstname\":\"Jane\",\"lastname\":\"Roe\",\"email\":"
                + "\"jane.roe@acme.example\"},\"column\":{\"hired\":true}}}";
        Intakes.recordIntake(journal, event, new FlatchrEventClassifier().classify(JSON.readTree(event),
                TestTenants.inForce(TestTenants.tenant("acme", "acme-token-0123456789", "4242")).find("acme")
                        .orElseThrow()), "acme", Duration.ZERO);

        JsonNode listedToAcme = answer(api::hires, "acme").path("hires").get(0);

        assertThat(listedToAcme.path("otherCompany").asBoolean()).isFalse();
        assertThat(listedToAcme.path("candidate").asText()).as("its own candidate").isEqualTo("Jane Roe");
    }

    @Test
    void adminTokenNamingATenantNeitherInForceNorInTheJournalIsANotFoundNamingTenantNotAnEmptyAnswer()
            throws Exception {
        // initech was taken out of the configuration; its hires stay in the journal
        String initech = Intakes.recordIntake(journal, "{}", hire("1"), "initech", Duration.ZERO).hireId();

        for (java.util.function.Consumer<Exchange> call : List.<java.util.function.Consumer<Exchange>>of(api::hires,
                api::stats)) {
            Problem nope = refused(call, "nope", null);
            assertThat(nope.status()).isEqualTo(404);
            assertThat(nope.document()).containsEntry("field", "tenant");
        }
        assertThat(named(api::hires, "initech", null).path("hires").findValuesAsText("hireId"))
                .as("operators look at a former tenant's hires").containsExactly(initech);
        assertThat(named(api::stats, "initech", null).path("counts").path("received").asLong()).isEqualTo(1);
        assertThat(named(api::hires, "globex", null).path("total").asLong()).as("in force, no hire yet").isZero();
    }

    @Test
    void anotherCompanysHireReplayedOnceItsTenantNamesThatCompanyIsTheTenantsOwnHireAsItsWebhookWouldBeToday()
            throws Exception {
        // acme's company id was wrong (4242 for 9999): its hire was refused as another company's. With Flatchr's API,
        // which writes outcomes back, a tenant names one company only.
        String hireId = recordedFor(OTHER_COMPANYS_HIRE, "4242").hireId();
        AdminApi corrected = adminApi(TestTenants.withFlatchrApi(TestTenants.tenant("acme", "acme-token-0123456789",
                "9999"), new FlatchrApi(URI.create("https://api.flatchr.io"), "flatchr-key-acme", "Wy3EOp2NP3p1KMq8",
                Duration.ofMinutes(15), Duration.ofDays(3), Optional.empty())));

        assertThat(replayed(corrected, hireId)).isEqualTo(202);

        HireView replayed = reader.find(hireId).orElseThrow();
        assertThat(replayed.status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(replayed.otherCompany()).as("no longer marked as another company's").isNull();
        assertThat(recordedFor(OTHER_COMPANYS_HIRE, "9999")).as("its webhook sent again: the same hire")
                .isEqualTo(new IntakeResult(hireId, IntakeResult.Outcome.DUPLICATE));
        assertThat(journal.knownApplications("acme", List.of("jane.roe@acme2.example|55")))
                .as("a search of Flatchr's API knows it by its candidate's e-mail and vacancy").hasSize(1);
        assertThat(journal.claim(hireId)).isNotNull();
        journal.markDelivered(hireId, 416, List.of());
        assertThat(reader.find(hireId).orElseThrow().writeBack()).as("its outcome is written back to Flatchr")
                .isEqualTo("PENDING");
        assertThat(Intakes.movedOutOfHired(journal, "acme", new FlatchrEventClassifier().classify(JSON.readTree(
                        MOVED_OUT_BY_PLAIN_ID), acme("9999")), "by Ann"))
                .as("a move out naming it by Flatchr's plain id only").extracting(MoveOut::hireId)
                .containsExactly(hireId);
    }

    @Test
    void aReplayOfAnotherCompanysHireWhoseApplicationItsTenantHasSinceIsRefusedNamingThatHireAndChangesNothing()
            throws Exception {
        String marked = recordedFor(OTHER_COMPANYS_HIRE, "4242").hireId();
        List<HireEvent> before = reader.history(marked);
        // the tenants file corrected, Flatchr's next webhook of the application came before the operator's replay
        String since = recordedFor(OTHER_COMPANYS_HIRE, "4242", "9999").hireId();

        Problem refused = replayRefused(adminApi("4242", "9999"), marked);

        assertThat(since).isNotEqualTo(marked);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.document()).containsEntry("otherHireId", since);
        assertThat(refused.getMessage()).contains(since, "cancel this one to close it").doesNotContain("jane", "Jane");
        HireView after = reader.find(marked).orElseThrow();
        assertThat(after.status()).isEqualTo(HireStatus.REJECTED);
        assertThat(after.otherCompany()).isEqualTo("9999");
        assertThat(reader.history(marked)).isEqualTo(before);
        assertThat(recordedFor(OTHER_COMPANYS_HIRE, "4242", "9999")).as("still that one hire's duplicate")
                .isEqualTo(new IntakeResult(since, IntakeResult.Outcome.DUPLICATE));
    }

    /** A cancelled hire cannot be cancelled again: the refusal names the application's hire, and no cancel. */
    @Test
    void aReplayOfAnotherCompanysCancelledHireWhoseApplicationItsTenantHasSinceAdvisesNoCancel() throws Exception {
        String marked = recordedFor(OTHER_COMPANYS_HIRE, "4242").hireId();
        assertThat(journal.cancel(marked)).as("an operator closed it").isTrue();
        String since = recordedFor(OTHER_COMPANYS_HIRE, "4242", "9999").hireId();

        Problem refused = replayRefused(adminApi("4242", "9999"), marked);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.document()).containsEntry("otherHireId", since);
        assertThat(refused.getMessage()).contains(since).doesNotContainIgnoringCase("cancel");
        assertThat(reader.find(marked).orElseThrow().status()).isEqualTo(HireStatus.CANCELLED);
    }

    @Test
    void aReplayOfAnotherCompanysHireWhoseCandidateAndVacancyASearchFoundSinceIsRefusedNamingThatHire()
            throws Exception {
        String marked = recordedFor(OTHER_COMPANYS_HIRE, "4242").hireId();
        // a search of Flatchr's API (its own id of the application) recorded the application meanwhile
        String found = Intakes.record(journal, OTHER_COMPANYS_HIRE, new HireVerdict(HireVerdict.Kind.HIRE, null,
                "9999", "z7gWQnjXG77hJRak", List.of(), "jane.roe@acme2.example|55"), "acme",
                io.github.flatchrlucca.journal.Origin.FLATCHR_API, List.of(), Duration.ZERO).hireId();

        Problem refused = replayRefused(adminApi("4242", "9999"), marked);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.document()).containsEntry("otherHireId", found);
        assertThat(reader.find(marked).orElseThrow().otherCompany()).isEqualTo("9999");
    }

    @Test
    void anotherCompanysHireIsReplayedOnlyOnceItsTenantNamesThatCompanyRejectedOrClosedByACancel() throws Exception {
        String rejected = recordedFor(OTHER_COMPANYS_HIRE, "4242").hireId();
        String cancelled = recordedFor(OTHER_COMPANYS_HIRE.replace("\"applicant_id\":\"7\"",
                "\"applicant_id\":\"8\"").replace("z7gWQnjXG77hJRak", "k9aQnjXG77hJRzz"), "4242").hireId();
        assertThat(journal.cancel(cancelled)).as("an operator closed it").isTrue();

        for (String hireId : List.of(rejected, cancelled)) {
            Problem refused = replayRefused(api, hireId);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.getMessage()).contains("company_id 9999", "send it to the right tenant's URL");
            assertThat(reader.find(hireId).orElseThrow().otherCompany()).isEqualTo("9999");
        }
        assertThat(reader.find(cancelled).orElseThrow().status()).as("nothing delivered to acme's Lucca")
                .isEqualTo(HireStatus.CANCELLED);
    }

    @Test
    void aDecisionOnTheMarkTheOperatorReadIsRefusedOnceTheMarkChanged() throws Exception {
        String hireId = cancelledWhileItsCreateWasUnanswered("acme", "1");
        journal.recordLuccaUser(hireId, 417, LUCCA);

        Problem refused = decisionRefused(hireId, Journal.CANCELLED_CREATE_UNKNOWN);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.document().get("detail")).asString().contains("read the hire again");
        assertThat(reader.find(hireId).orElseThrow().decisionNeeded()).isEqualTo(Journal.CANCELLED_AFTER_LUCCA);
        assertThat(decided(hireId, JSON.createObjectNode().put("needsDecision", Journal.CANCELLED_AFTER_LUCCA)
                .put("note", "account 417 archived in Lucca")).path("hireId").asText()).isEqualTo(hireId);
        assertThat(reader.find(hireId).orElseThrow().decisionNeeded()).isNull();
    }

    @Test
    void aDecisionWithoutTheMarkItWasReadWithClearsWhicheverMarkIsThere() throws Exception {
        String hireId = cancelledWhileItsCreateWasUnanswered("acme", "1");

        decided(hireId, JSON.createObjectNode().put("note", "looked in Lucca: no account"));

        assertThat(reader.find(hireId).orElseThrow().decisionNeeded()).isNull();
    }

    @Test
    void aDecisionNamingNoMarkTheConnectorSetsIsABadRequestNamingTheField() {
        String hireId = cancelledWhileItsCreateWasUnanswered("acme", "1");

        for (Object mark : List.of("needs a decision", 3)) {
            Problem refused = decisionRefused(hireId, mark);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.document()).containsEntry("field", "needsDecision");
        }
        assertThat(reader.find(hireId).orElseThrow().decisionNeeded()).isEqualTo(Journal.CANCELLED_CREATE_UNKNOWN);
    }

    /** What the decision's call answers for this body. */
    private JsonNode decided(String hireId, JsonNode body) throws Exception {
        return answer(exchange -> {
            exchange.getIn().setBody(body);
            api.decided(hireId, exchange);
        }, null);
    }

    /** The problem the decision's call answers when its body carries {@code mark} as the mark read. */
    private Problem decisionRefused(String hireId, Object mark) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setBody(JSON.createObjectNode().put("note", "looked in Lucca: no account")
                .set("needsDecision", JSON.valueToTree(mark)));
        return org.assertj.core.api.Assertions.catchThrowableOfType(Problem.class, () -> api.decided(hireId, exchange));
    }

    /** The hires received on one day ({@code from} and {@code to} both naming it), of a tenant or of all. */
    private List<String> listed(String tenant, String day) throws Exception {
        return answer(exchange -> {
            if (tenant != null) {
                exchange.getIn().setHeader("tenant", tenant);
            }
            exchange.getIn().setHeader("from", day);
            exchange.getIn().setHeader("to", day);
            api.hires(exchange);
        }, null).path("hires").findValuesAsText("hireId");
    }

    private String cancelledWhileItsCreateWasUnanswered(String tenant, String applicant) {
        String hireId = Intakes.recordIntake(journal, "{}", hire(applicant), tenant, Duration.ZERO).hireId();
        assertThat(journal.claim(hireId)).isNotNull();
        journal.markCreateAttempted(hireId, "{}", LUCCA);
        assertThat(journal.cancel(hireId)).isTrue();
        return hireId;
    }

    /** The admin API with acme naming these Flatchr companies (its tenants file as it is, or corrected). */
    private AdminApi adminApi(String... acmeCompanies) {
        return adminApi(TestTenants.tenant("acme", "acme-token-0123456789", acmeCompanies));
    }

    private AdminApi adminApi(TenantSettings acme) {
        return new AdminApi(JSON, journal, reader, new Reconciliations(h2.dataSource(), clock, Duration.ofMinutes(10),
                "instance-a"), new FlatchrEventClassifier(), TestTenants.inForce(acme,
                        TestTenants.withZone(TestTenants.tenant("globex", "globex-token-0123456789", "4343"),
                                ZoneId.of("America/New_York"))), ZoneId.of("Europe/Paris"), QUEUE_AGE_LIMIT, clock,
                tenant -> tenant.equals("globex")
                        ? Optional.of("LUCCA_DEPARTMENT_ID 999 is not among Lucca's departments") : Optional.empty());
    }

    private static Tenant acme(String... companies) {
        return TestTenants.inForce(TestTenants.tenant("acme", "acme-token-0123456789", companies)).find("acme")
                .orElseThrow();
    }

    /** The webhook's event as acme's URL records it while acme names these companies. */
    private IntakeResult recordedFor(String event, String... acmeCompanies) throws Exception {
        return Intakes.recordIntake(journal, event, new FlatchrEventClassifier().classify(JSON.readTree(event),
                acme(acmeCompanies)), "acme", Duration.ZERO);
    }

    /** The answer's status of an operator's replay. */
    private static int replayed(AdminApi api, String hireId) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        api.replay(hireId, exchange);
        return exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    private static Problem replayRefused(AdminApi api, String hireId) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(Problem.class, () -> replayed(api, hireId));
    }

    private static HireVerdict hire(String applicantId) {
        return new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", applicantId, List.of());
    }

    /** What a call answers for the {@code tenant} parameter, as the caller's token narrows it. */
    private static JsonNode named(java.util.function.Consumer<Exchange> call, String tenant, String tenantOfToken)
            throws Exception {
        return answer(exchange -> {
            exchange.getIn().setHeader("tenant", tenant);
            call.accept(exchange);
        }, tenantOfToken);
    }

    /** The problem a call answers for the {@code tenant} parameter, as the caller's token narrows it. */
    private static Problem refused(java.util.function.Consumer<Exchange> call, String tenant, String tenantOfToken) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        if (tenantOfToken != null) {
            exchange.setVariable(AdminTokenCheck.SCOPE, tenantOfToken);
        }
        exchange.getIn().setHeader("tenant", tenant);
        return org.assertj.core.api.Assertions.catchThrowableOfType(Problem.class, () -> call.accept(exchange));
    }

    /** What a call answers, as the caller's token narrows it: null opens every tenant. */
    private static JsonNode answer(java.util.function.Consumer<Exchange> call, String tenantOfToken) throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        if (tenantOfToken != null) {
            exchange.setVariable(AdminTokenCheck.SCOPE, tenantOfToken);
        }
        call.accept(exchange);
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        return JSON.readTree(exchange.getMessage().getBody(String.class));
    }
}
