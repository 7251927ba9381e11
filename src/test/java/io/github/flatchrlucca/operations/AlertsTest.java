package io.github.flatchrlucca.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.journal.EventDetail;
import io.github.flatchrlucca.journal.Intakes;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.MoveOut;
import io.github.flatchrlucca.journal.TestJournal;
import io.github.flatchrlucca.tenants.TenantRoutes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What reaches the team's chat when hires die, one by one or many at once. */
class AlertsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T09:00:00Z"));
    private final List<String> chat = new ArrayList<>();
    private final Alerts alerts = new Alerts(chat::add, "https://connector.acme.example", null, Duration.ofHours(1),
            clock);

    @Test
    void fiftyHiresDyingOfOneCauseAreToldAsAFewLinksThenOneCount() {
        for (int i = 0; i < 50; i++) {
            alerts.hireDead("acme", "hire-" + i, "Lucca answered 400 to list-departments");
        }
        alerts.hireDead("globex", "hire-g", "Lucca answered 400 to create-user");

        assertThat(chat).hasSize(Alerts.TOLD_ONE_BY_ONE + 1);
        assertThat(chat.subList(0, Alerts.TOLD_ONE_BY_ONE)).allSatisfy(message ->
                assertThat(message).contains("of tenant acme is dead", "#hire=hire-"));
        assertThat(chat.get(Alerts.TOLD_ONE_BY_ONE)).as("another tenant's first").contains("hire-g", "tenant globex");

        alerts.summariseBursts();
        assertThat(chat).as("the burst is not over").hasSize(Alerts.TOLD_ONE_BY_ONE + 1);

        clock.advance(Alerts.BURST);
        alerts.summariseBursts();
        assertThat(chat).hasSize(Alerts.TOLD_ONE_BY_ONE + 2);
        assertThat(chat.get(Alerts.TOLD_ONE_BY_ONE + 1)).contains("45 more hire(s) of tenant acme",
                "Lucca answered 400 to list-departments", "https://connector.acme.example/admin/");

        alerts.summariseBursts();
        assertThat(chat).as("told once").hasSize(Alerts.TOLD_ONE_BY_ONE + 2);
    }

    @Test
    void aDeliveryRouteThatCannotBeMadeIsToldWithItsTriesAndItsEnd() {
        alerts.deliveryRouteChanged("acme", TenantRoutes.State.FAILED);
        alerts.deliveryRouteChanged("acme", TenantRoutes.State.GIVEN_UP);
        alerts.deliveryRouteChanged("acme", TenantRoutes.State.RUNNING);

        assertThat(chat).hasSize(3);
        assertThat(chat.get(0)).contains("delivery route of tenant acme could not be made", "tried again",
                "https://connector.acme.example/admin/");
        assertThat(chat.get(1)).contains("no longer tried", "a change of the tenants file or a restart");
        assertThat(chat.get(2)).contains("tenant acme is made; delivery goes on");
    }

    @Test
    void whatAnAlertQuotesReachesTheChatAsTextWithNoPersonalDataAndNoLinkItDidNotMean() {
        alerts.hireDead("acme", "hire-1", "Lucca answered 400 to create-user: mail eloise.muller@example.org or "
                + "+33 6 12 34 56 78 taken, see <https://evil.example/x|the status page> & more");

        assertThat(chat).singleElement().satisfies(message -> assertThat(message)
                .contains("mail [email] or [phone] taken", "see &lt;https://evil.example/x|the status page&gt; &amp; more",
                        "https://connector.acme.example/admin/#hire=hire-1")
                .doesNotContain("eloise", "12 34", "<https://evil"));
    }

    @Test
    void aSearchsHireHeldAsANamesakeIsToldWithItsReasonAndNotAsAnIncompleteOne() {
        alerts.namesakeHeld("acme", "hire-1", "same name and vacancy as hire hire-0, another e-mail: if the e-mail was "
                + "corrected in Flatchr, cancel this one and correct the employee in Lucca; if it is another person, "
                + "replay it");

        assertThat(chat).singleElement().satisfies(message -> assertThat(message).contains("Hire hire-1 of tenant acme",
                "found by a search of Flatchr's API", "waits for a person", "same name and vacancy as hire hire-0",
                "https://connector.acme.example/admin/#hire=hire-1").doesNotContain("drag them into hired again"));
    }

    @Test
    void namesakesHeldTogetherAreCountedApartFromTheRejectedOnesWithWhatToDoAboutThem() {
        for (int i = 0; i < Alerts.TOLD_ONE_BY_ONE + 3; i++) {
            alerts.hireRejected("acme", "hire-r" + i, "candidate.email is missing");
        }
        for (int i = 0; i < Alerts.TOLD_ONE_BY_ONE + 2; i++) {
            alerts.namesakeHeld("acme", "hire-n" + i, "same name and vacancy as hire hire-w" + i + ", another e-mail");
        }

        assertThat(chat).as("each kind's first ones told one by one").hasSize(2 * Alerts.TOLD_ONE_BY_ONE);
        clock.advance(Alerts.BURST);
        alerts.summariseBursts();
        assertThat(chat.subList(2 * Alerts.TOLD_ONE_BY_ONE, chat.size())).satisfiesExactlyInAnyOrder(
                rejected -> assertThat(rejected).contains("3 more hire(s) of tenant acme were rejected",
                        "candidate.email is missing", "drag them into hired again"),
                namesakes -> assertThat(namesakes).contains("2 more hire(s) of tenant acme found by a search",
                        "wait for a person", "(the last: same name and vacancy as hire hire-w6",
                        "cancel it if the e-mail was corrected in Flatchr, replay it if it is another person")
                        .doesNotContain("drag them into hired again"));
    }

    @Test
    void hiresRejectedTogetherAreToldAsAFewLinksThenOneCountApartFromTheDeadOnes() {
        // a wrong FLATCHR_COMPANY_ID: every hire of the tenant is refused as it comes
        for (int i = 0; i < 20; i++) {
            alerts.hireRejected("acme", "hire-" + i, "company_id 4242 is not one of tenant acme's Flatchr companies");
        }
        alerts.hireDead("acme", "hire-d", "Lucca answered 400 to create-user");

        assertThat(chat).hasSize(Alerts.TOLD_ONE_BY_ONE + 1);
        assertThat(chat.subList(0, Alerts.TOLD_ONE_BY_ONE)).allSatisfy(message -> assertThat(message).contains(
                "of tenant acme was rejected", "company_id 4242 is not one of tenant acme's Flatchr companies",
                "drag them into hired again", "https://connector.acme.example/admin/#hire=hire-"));
        assertThat(chat.get(Alerts.TOLD_ONE_BY_ONE)).as("a dead hire is told in its own burst")
                .contains("hire-d", "is dead");

        clock.advance(Alerts.BURST);
        alerts.summariseBursts();
        assertThat(chat).hasSize(Alerts.TOLD_ONE_BY_ONE + 2);
        assertThat(chat.get(Alerts.TOLD_ONE_BY_ONE + 1)).contains("15 more hire(s) of tenant acme were rejected",
                "company_id 4242", "https://connector.acme.example/admin/");
    }

    @Test
    void aDefaultDepartmentLuccaDoesNotListIsToldWithWhatToDoAndSoIsItsFix() {
        alerts.defaultDepartmentUnlisted("acme", "LUCCA_DEPARTMENT_ID 999 is not among Lucca's departments");
        alerts.defaultDepartmentListed("acme", "LUCCA_DEPARTMENT_ID 14");

        assertThat(chat).satisfiesExactly(
                unlisted -> assertThat(unlisted).contains("Tenant acme: LUCCA_DEPARTMENT_ID 999 is not among Lucca's "
                        + "departments", "stop, dead, with nothing sent", "then replay them",
                        "https://connector.acme.example/admin/"),
                listed -> assertThat(listed).contains("Tenant acme: LUCCA_DEPARTMENT_ID 14 is among Lucca's "
                        + "departments", "replay those that died meanwhile"));
    }

    @Test
    void aHireDyingAfterTheBurstIsToldAtOnceAndTheCountOfTheBurstBeforeIt() {
        for (int i = 0; i < Alerts.TOLD_ONE_BY_ONE + 2; i++) {
            alerts.hireDead("acme", "hire-" + i, "Lucca answered 400 to create-user");
        }
        clock.advance(Alerts.BURST.plusSeconds(1));

        alerts.hireDead("acme", "hire-later", "Lucca answered 422 to create-user");

        assertThat(chat.subList(Alerts.TOLD_ONE_BY_ONE, chat.size())).satisfiesExactly(
                count -> assertThat(count).contains("2 more hire(s) of tenant acme"),
                later -> assertThat(later).contains("hire-later", "422"));
    }

    @Test
    void anApplicationASearchSkippedIsToldWithItsTenantFlatchrsIdAndWhyAndTheStatusPage() {
        alerts.applicationSkipped("acme", "z7gWQnjXG77hJRak", "the id in 'data.applicant.id' is too long");
        alerts.applicationSkipped("globex", "z7gWQnjXG77hJRak", "the id in 'data.applicant.id' is too long");

        assertThat(chat).satisfiesExactly(
                acme -> assertThat(acme).contains("tenant acme", "z7gWQnjXG77hJRak", "data.applicant.id",
                        "https://connector.acme.example/admin/"),
                globex -> assertThat(globex).contains("tenant globex"));
    }

    @Test
    void aMoveOutThatAsksADecisionIsToldWithItsMarkWhichSaysWhatToUndo() {
        alerts.movedOutAfterLucca("acme", new MoveOut("h-1", MoveOut.Outcome.NEEDS_DECISION,
                Journal.MOVED_OUT_AFTER_HR_ASKED));
        alerts.movedOutAfterLucca("acme", new MoveOut("h-2", MoveOut.Outcome.NEEDS_DECISION,
                Journal.MOVED_OUT_AFTER_REHIRE));

        assertThat(chat).satisfiesExactly(
                reported -> assertThat(reported).contains("Hire h-1 of tenant acme was " + Journal.MOVED_OUT_AFTER_HR_ASKED,
                        "decide what to do in Lucca", "https://connector.acme.example/admin/"),
                rehired -> assertThat(rehired).contains(Journal.MOVED_OUT_AFTER_REHIRE).doesNotContain("account"));
    }

    @Test
    void webhooksRefusedForTheirTokenAreToldWithTheTenantTheCountAndWhatToDoButNoToken() {
        alerts.tokenRefused("acme", true, 3, Instant.parse("2026-12-04T08:12:34.567Z"));
        alerts.tokenRefused("globex", false, 1, Instant.parse("2026-12-04T09:00:00Z"));

        assertThat(chat).satisfiesExactly(
                acme -> assertThat(acme).contains("tenant acme's URL", "refused 3 time(s)",
                        "since 2026-12-04T08:12:34Z", "a wrong token",
                        "Administration &gt; Marketplace &gt; Webhooks", "does not send a refused hire again",
                        "those after this message are told an hour after it, whether more follow or not",
                        "https://connector.acme.example/admin/")
                        .doesNotContain("token=", "/webhooks/flatchr"),
                globex -> assertThat(globex).contains("tenant globex's URL", "refused 1 time(s)", "no token")
                        .doesNotContain("a wrong token", "token=", "/webhooks/flatchr"));
    }

    @Test
    void daysNoSearchCoversAreToldWithTheBackfillThatSearchesThem() {
        alerts.daysNotSearched("acme", java.time.LocalDate.of(2025, 10, 25), java.time.LocalDate.of(2025, 12, 2));

        assertThat(chat).singleElement().satisfies(message -> assertThat(message).contains("tenant acme",
                "from 2025-10-25 to 2025-12-01", "POST /admin/api/reconcile?tenant=acme&amp;since=2025-10-25",
                "https://connector.acme.example/admin/"));
    }

    @Test
    void aFewHiresDyingApartAreEachToldAndNeverCounted() {
        alerts.hireDead("acme", "hire-1", "Lucca answered 400 to create-user");
        clock.advance(Duration.ofMinutes(5));
        alerts.summariseBursts();
        alerts.hireDead("acme", "hire-2", "Lucca answered 400 to create-user");

        assertThat(chat).satisfiesExactly(
                first -> assertThat(first).contains("hire-1"),
                second -> assertThat(second).contains("hire-2"));
    }

    @Test
    void aHireDeadForADayAndReplayedHasWaitedSinceItsReplay() {
        try (TestJournal h2 = TestJournal.inMemory()) {
            Journal journal = new Journal(h2.dataSource(), clock, Duration.ofMinutes(10), "instance-a");
            Alerts watching = watchingTheQueueOf(h2);
            String hireId = queuedHire(journal, "1", Duration.ZERO);
            assertThat(journal.claim(hireId)).isNotNull();
            journal.markDead(hireId, new EventDetail("create-user", 400, "{}", "Lucca answered 400 to create-user"));
            clock.advance(Duration.ofHours(25));

            assertThat(journal.replay(hireId, "{}", null)).isTrue();
            // its first attempt since the replay failed for a passing reason: it waits for its retry
            assertThat(journal.claim(hireId)).isNotNull();
            journal.retryLater(hireId, clock.instant().plus(Duration.ofMinutes(5)), new EventDetail("create-user", 503,
                    "{}", "Lucca answered 503 to create-user"));
            watching.checkQueueAge();
            assertThat(chat).as("replayed a moment ago: no queue stopped moving").isEmpty();

            clock.advance(Duration.ofMinutes(61));
            watching.checkQueueAge();
            assertThat(chat).singleElement().asString().contains(hireId, "has waited 61 minute(s) for Lucca");
        }
    }

    @Test
    void aHireToldLateThenDeadAndReplayedIsToldAgainWhenItsNewWaitIsTooLong() {
        try (TestJournal h2 = TestJournal.inMemory()) {
            Journal journal = new Journal(h2.dataSource(), clock, Duration.ofMinutes(10), "instance-a");
            Alerts watching = watchingTheQueueOf(h2);
            String hireId = queuedHire(journal, "1", Duration.ZERO);
            // Lucca down: it waits, is told late, then dies of old age
            clock.advance(Duration.ofMinutes(61));
            watching.checkQueueAge();
            assertThat(journal.claim(hireId)).isNotNull();
            journal.markDead(hireId, new EventDetail("create-user", 503, "{}", "Lucca answered 503 to create-user"));
            // the operator replays it; Lucca is still down, and its new wait passes the limit too
            assertThat(journal.replay(hireId, "{}", null)).isTrue();
            clock.advance(Duration.ofMinutes(61));
            watching.checkQueueAge();
            watching.checkQueueAge();

            assertThat(chat).as("told for each wait, once each").hasSize(2)
                    .allSatisfy(alert -> assertThat(alert).contains(hireId, "has waited 61 minute(s) for Lucca"));
        }
    }

    @Test
    void twoHiresWaitingSinceTheSameMomentAreToldOnceNotInTurnAtEveryLook() {
        try (TestJournal h2 = TestJournal.inMemory()) {
            Journal journal = new Journal(h2.dataSource(), clock, Duration.ofMinutes(10), "instance-a");
            Alerts watching = watchingTheQueueOf(h2);
            queuedHire(journal, "1", Duration.ZERO);
            queuedHire(journal, "2", Duration.ZERO);
            clock.advance(Duration.ofMinutes(61));

            watching.checkQueueAge();
            watching.checkQueueAge();
            watching.checkQueueAge();

            assertThat(chat).singleElement().asString().contains("has waited 61 minute(s) for Lucca");
        }
    }

    @Test
    void aHireHeldOnPurposeIsNoQueueThatStoppedMovingUntilItsHoldIsOver() {
        try (TestJournal h2 = TestJournal.inMemory()) {
            Journal journal = new Journal(h2.dataSource(), clock, Duration.ofMinutes(10), "instance-a");
            Alerts watching = watchingTheQueueOf(h2);
            String held = queuedHire(journal, "1", Duration.ofHours(2));

            clock.advance(Duration.ofMinutes(61));
            watching.checkQueueAge();
            assertThat(chat).as("held for an hour more, on purpose").isEmpty();

            clock.advance(Duration.ofMinutes(60 + 60));
            watching.checkQueueAge();
            watching.checkQueueAge();
            assertThat(chat).singleElement().asString().contains(held, "has waited 61 minute(s) for Lucca");
        }
    }

    /** The queue-age alert reading {@code h2}'s journal, as the connector's watch does, an hour its limit. */
    private Alerts watchingTheQueueOf(TestJournal h2) {
        return new Alerts(chat::add, "https://connector.acme.example", new JournalReader(h2.dataSource()),
                Duration.ofHours(1), clock);
    }

    /** The hire of tenant acme's applicant entered the queue now, held for {@code hold} (HIRE_HOLD_SECONDS). */
    private static String queuedHire(Journal journal, String applicantId, Duration hold) {
        return Intakes.recordIntake(journal, "{}", new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", applicantId,
                List.of()), "acme", hold).hireId();
    }
}
