package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.intake.UnusableField;
import io.github.flatchrlucca.journal.IntakeResult.Outcome;
import io.github.flatchrlucca.writeback.ResultLine;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Candidates moved out of hired in Flatchr, hires held before their first delivery, and decisions people take. */
class WithdrawnHiresTest {

    private static final String TENANT = "acme";
    // The Lucca a hire's user is made in, as the journal keeps it (LuccaConnection.instance)
    private static final String LUCCA = "https://acme.ilucca.net";
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final String PAYLOAD = "{\"event\":\"drag_applicant\",\"company_id\":4242}";
    private static final String HOW = "by Marie Curie, to Refused";

    private final MutableClock clock = new MutableClock(T0);
    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final DataSource pool = h2.dataSource();
    private final Journal journal = new Journal(pool, clock, Duration.ofMinutes(10), "instance-a");
    private final JournalReader reader = new JournalReader(pool);

    @Test
    void aQueuedHireMovedOutOfHiredIsWithdrawnAndNeverDelivered() {
        String hireId = record("1", Duration.ZERO);

        MoveOut moveOut = only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW));

        assertThat(moveOut).isEqualTo(new MoveOut(hireId, MoveOut.Outcome.WITHDRAWN));
        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.status()).isEqualTo(HireStatus.WITHDRAWN);
        assertThat(hire.nextAttemptAt()).isNull();
        assertThat(hire.decisionNeeded()).isNull();
        assertThat(hire.writeBack()).as("the recruiter reads it on the candidate").isEqualTo("PENDING");
        assertThat(journal.dueHireIds(TENANT, 10)).isEmpty();
        assertThat(reader.history(hireId)).last().satisfies(event -> {
            assertThat(event.status()).isEqualTo(HireStatus.WITHDRAWN);
            assertThat(event.detail()).isEqualTo("moved out of hired in Flatchr by Marie Curie, to Refused: "
                    + "withdrawn, nothing more is sent to Lucca");
        });
    }

    @Test
    void aHireIsFoundByTheCandidatesEmailAndVacancyWhenFlatchrsIdsDiffer() {
        String found = Intakes.record(journal, PAYLOAD, new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", "z7gWQnjXG77hJRak",
                List.of(), "jeanne@example.org|5"), TENANT, Origin.FLATCHR_API, List.of(), Duration.ZERO).hireId();

        assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1234", "jeanne@example.org|5"), HOW)).hireId())
                .isEqualTo(found);
        assertThat(reader.find(found).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    @Test
    void theWebhooksMoveOfTheCandidatesOtherApplicationOnTheVacancyIsNoMoveOfTheWebhooksHire() {
        String hired = record("1", Duration.ZERO);

        // her second job board's application on vacancy 5, of the same e-mail, dragged to Refused after the hire
        assertThat(Intakes.movedOutOfHired(journal, TENANT, movedOut("2", sameApplication("1")), HOW)).isEmpty();

        assertThat(reader.find(hired).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
    }

    /**
     * Flatchr's data.applicant.id is its plain id of the application in one event and its encoded one in another,
     * data.applicant_id the plain one in every event (flatchr-webhooks.md, quirk 1): a hire keyed by the plain id
     * (as every hire recorded before a hire kept its plain id is) is the hire of a move out keyed by the encoded one
     * that carries the plain one too.
     */
    @Test
    void aWebhooksMoveOutKeyedByFlatchrsEncodedIdFindsTheHireKeyedByThePlainIdItCarriesToo() {
        String hireId = record("1234", Duration.ZERO);

        assertThat(Intakes.movedOutOfHired(journal, TENANT, movedOut("G6KzqPkNZ0n31m0l", "1234", null), HOW))
                .containsExactly(new MoveOut(hireId, MoveOut.Outcome.WITHDRAWN));
        assertThat(reader.find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    /** The other way round: the hire keyed by the encoded id kept its plain one, which the move out is keyed by. */
    @Test
    void aWebhooksMoveOutKeyedByThePlainIdFindsTheHireKeyedByFlatchrsEncodedId() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, new HireVerdict(HireVerdict.Kind.HIRE, null, "4242",
                "G6KzqPkNZ0n31m0l", List.of(), sameApplication("1234"), "1234"), TENANT, Duration.ZERO).hireId();
        assertThat(Intakes.recordIntake(journal, PAYLOAD, new HireVerdict(HireVerdict.Kind.HIRE, null, "4242",
                "G6KzqPkNZ0n31m0l", List.of(), sameApplication("1234"), "1234"), TENANT, Duration.ZERO))
                .as("sent again: the same hire").isEqualTo(new IntakeResult(hireId, Outcome.DUPLICATE));

        assertThat(Intakes.movedOutOfHired(journal, TENANT, movedOut("1235", null), HOW))
                .as("another application's").isEmpty();
        assertThat(Intakes.movedOutOfHired(journal, "globex", movedOut("1234", null), HOW))
                .as("another tenant's").isEmpty();
        assertThat(Intakes.movedOutOfHired(journal, TENANT, movedOut("1234", null), HOW))
                .containsExactly(new MoveOut(hireId, MoveOut.Outcome.WITHDRAWN));
        assertThat(reader.find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    /**
     * A hire recorded keyed by the encoded id without its plain one (before migration 31 kept it) learns the plain one
     * from the webhook sent again: the move out naming the plain id only finds it.
     */
    @Test
    void aHireRecordedWithoutItsPlainIdKeepsTheOneItsWebhookSentAgainCarries() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, new HireVerdict(HireVerdict.Kind.HIRE, null, "4242",
                "G6KzqPkNZ0n31m0l", List.of(), null), TENANT, Duration.ZERO).hireId();
        assertThat(Intakes.recordIntake(journal, PAYLOAD, new HireVerdict(HireVerdict.Kind.HIRE, null, "4242",
                "G6KzqPkNZ0n31m0l", List.of(), null, "1234"), TENANT, Duration.ZERO))
                .isEqualTo(new IntakeResult(hireId, Outcome.DUPLICATE));

        assertThat(Intakes.movedOutOfHired(journal, TENANT, movedOut("1234", null), HOW))
                .containsExactly(new MoveOut(hireId, MoveOut.Outcome.WITHDRAWN));
    }

    @Test
    void aMoveOutStopsEveryHireOfTheApplication() {
        // the webhook's hire, and one a search found after the candidate's e-mail was corrected in Flatchr
        String webhook = record("1234", Duration.ZERO);
        clock.advance(Duration.ofMinutes(1));
        String found = Intakes.record(journal, PAYLOAD, new HireVerdict(HireVerdict.Kind.HIRE, null, "4242",
                "z7gWQnjXG77hJRak", List.of(), "jeanne@example.org|5"), TENANT, Origin.FLATCHR_API, List.of(),
                Duration.ZERO).hireId();

        List<MoveOut> moveOuts = Intakes.movedOutOfHired(journal, TENANT, movedOut("1234", "jeanne@example.org|5"), HOW);

        assertThat(moveOuts).containsExactly(new MoveOut(webhook, MoveOut.Outcome.WITHDRAWN),
                new MoveOut(found, MoveOut.Outcome.WITHDRAWN));
        assertThat(reader.find(found).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
        assertThat(journal.dueHireIds(TENANT, 10)).as("neither reaches Lucca").isEmpty();
    }

    @Test
    void aMoveOutOfACandidateNeverHiredChangesNothing() {
        String other = record("1", Duration.ZERO);

        assertThat(Intakes.movedOutOfHired(journal, TENANT, movedOut("2", null), HOW)).isEmpty();
        assertThat(Intakes.movedOutOfHired(journal, "globex", movedOut("1", null), HOW))
                .as("another tenant's hire is not this one's").isEmpty();
        assertThat(reader.find(other).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
    }

    @Test
    void anAttemptInProgressStopsBeforeItsNextCall() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);

        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);

        assertThatExceptionOfType(HireStopped.class).isThrownBy(() -> h2.nextLuccaCall(journal, hireId,
                clock.instant()))
                .withMessageContaining("withdrawn");
        assertThat(journal.retryLater(hireId, T0.plusSeconds(5), new EventDetail("create-user", 503, "", "down")))
                .as("a retry never undoes the withdrawal").isFalse();
        assertThat(journal.markAlreadyInLucca(hireId, 416, List.of())).isFalse();
        assertThat(reader.find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    @Test
    void aUserLuccaCreatedWhileTheMoveCameMakesTheHireWaitForAPerson() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);
        journal.markCreateAttempted(hireId, "{}", LUCCA);

        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);
        journal.recordLuccaUser(hireId, 417, LUCCA);

        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.status()).isEqualTo(HireStatus.WITHDRAWN);
        assertThat(hire.luccaUserId()).isEqualTo(417L);
        assertThat(hire.decisionNeeded()).isEqualTo(Journal.MOVED_OUT_AFTER_LUCCA);
    }

    @Test
    void aMoveOutAfterACreateWhoseAnswerWasLostWithdrawsTheHireAndAsksAPersonToLookInLucca() {
        String hireId = createAnswerLost("1", T0.plusSeconds(30));

        MoveOut moveOut = only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW));

        assertThat(moveOut).as("the team is alerted, with the mark").isEqualTo(new MoveOut(hireId,
                MoveOut.Outcome.NEEDS_DECISION, Journal.MOVED_OUT_CREATE_UNKNOWN));
        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.status()).isEqualTo(HireStatus.WITHDRAWN);
        assertThat(hire.decisionNeeded()).isEqualTo(Journal.MOVED_OUT_CREATE_UNKNOWN);
        assertThat(hire.writeBack()).isEqualTo("PENDING");
        clock.advance(Duration.ofMinutes(1));
        assertThat(journal.dueHireIds(TENANT, 10)).as("nothing more is sent").isEmpty();
        assertThat(reader.history(hireId)).last().extracting(HireEvent::detail).asString()
                .contains("answer to its create was unknown", "the account may exist");
    }

    @Test
    void aCreateLuccaAnsweredWithoutMakingAnythingNeedsNobodyToLookAfterAStop() {
        String refused = record("1", Duration.ZERO);
        journal.claim(refused);
        journal.markCreateAttempted(refused, "{}", LUCCA);
        journal.markDead(refused, new EventDetail("create-user", 422, "{}", "Lucca answered 422 to create-user"));
        String limited = record("2", Duration.ZERO);
        journal.claim(limited);
        journal.markCreateAttempted(limited, "{}", LUCCA);
        journal.retryLater(limited, T0, new EventDetail("create-user", 429, "", "Lucca answered 429 to create-user"));
        String keyRefusedAtTheLookUp = createAnswerLost("3", T0);
        clock.advance(Duration.ofSeconds(1));
        journal.claim(keyRefusedAtTheLookUp);
        // the next attempt's look-up is refused: what became of the create is still unknown
        journal.retryLater(keyRefusedAtTheLookUp, T0.plusSeconds(60),
                new EventDetail("find-person-by-mail", 401, "", "Lucca answered 401 to find-person-by-mail"));

        assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW)).outcome())
                .isEqualTo(MoveOut.Outcome.WITHDRAWN);
        assertThat(journal.cancel(limited)).isTrue();
        assertThat(reader.find(limited).orElseThrow().decisionNeeded()).isNull();
        assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut("3", null), HOW)).outcome())
                .isEqualTo(MoveOut.Outcome.NEEDS_DECISION);
    }

    @Test
    void aStopWhileTheCreateWaitedForItsTurnInLuccasRateLimitAsksNobodyToLookInLucca() {
        String cancelled = createRecordedUnsent("1");
        String withdrawn = createRecordedUnsent("2");
        // the journal cannot tell a create recorded from one sent: the stops take it for one whose answer was lost
        assertThat(journal.cancel(cancelled)).isTrue();
        assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut("2", null), HOW)).outcome())
                .isEqualTo(MoveOut.Outcome.NEEDS_DECISION);
        clock.advance(Duration.ofSeconds(5));

        // the attempt stops at the rate limit's check that it still holds the hire: the create is never sent
        assertThat(journal.giveBackStopped(cancelled, null)).as("the mark taken back")
                .contains(Journal.CANCELLED_CREATE_UNKNOWN);
        assertThat(journal.giveBackStopped(withdrawn, null)).contains(Journal.MOVED_OUT_CREATE_UNKNOWN);

        assertThat(reader.find(cancelled).orElseThrow()).satisfies(hire -> {
            assertThat(hire.status()).isEqualTo(HireStatus.CANCELLED);
            assertThat(ResultLine.of(hire, ZoneOffset.UTC)).as("what the recruiter reads on the candidate")
                    .isEqualTo("Lucca: not created - cancelled by an operator (2026-01-05)");
        });
        for (String hireId : List.of(cancelled, withdrawn)) {
            HireView hire = reader.find(hireId).orElseThrow();
            assertThat(hire.decisionNeeded()).as("no account can exist").isNull();
            assertThat(hire.decisionNeededAt()).isNull();
            assertThat(hire.luccaRequest()).isNull();
            assertThat(hire.writeBack()).as("written back again, as not created").isEqualTo("PENDING");
            assertThat(hire.writeBackSince()).isEqualTo(T0.plusSeconds(5));
            assertThat(reader.history(hireId)).last().extracting(HireEvent::detail).asString()
                    .isEqualTo("its create was stopped before it was sent: nothing was made in Lucca, no person need "
                            + "look for the account");
        }
        assertThat(reader.find(withdrawn).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
        assertThat(journal.releaseOwnClaims()).as("both claims given back").isZero();
    }

    @Test
    void aStopBeforeACreateIsSentStillAsksAPersonToLookForTheAccountAnEarlierCreateMayHaveMade() {
        String hireId = createAnswerLost("1", T0);
        ClaimedHire again = journal.claim(hireId);
        journal.markCreateAttempted(hireId, "{\"login\":\"jdupont2\"}", LUCCA);
        journal.cancel(hireId);

        assertThat(journal.giveBackStopped(hireId, again.createSent())).as("no mark taken back").isEmpty();

        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.decisionNeeded()).isEqualTo(Journal.CANCELLED_CREATE_UNKNOWN);
        assertThat(hire.luccaRequest()).as("what was sent").isEqualTo("{}");
        // not by releaseOwnClaims, which leaves a hire with a create recorded to its lease
        assertThat(journal.replay(hireId, PAYLOAD, LUCCA)).as("its claim given back: replayed at once").isTrue();
    }

    @Test
    void aHireHandedBackAfterAStopThatCameBeforeItsCreateWasSentAsksNobodyToLookInLucca() {
        String hireId = createRecordedUnsent("1");
        journal.cancel(hireId);

        assertThat(journal.handBack(hireId, new EventDetail("create-user", null, null,
                "tenant acme left the configuration"), true, null)).contains(Journal.CANCELLED_CREATE_UNKNOWN);

        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.status()).isEqualTo(HireStatus.CANCELLED);
        assertThat(hire.decisionNeeded()).isNull();
        assertThat(journal.releaseOwnClaims()).isZero();
    }

    @Test
    void aHireMovedBackIntoHiredNoLongerWaitsForADecisionAboutAnAccountThatMayExist() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);
        journal.markCreateAttempted(hireId, "{\"login\":\"cmorel\"}", LUCCA);
        journal.retryLater(hireId, T0, new EventDetail("create-user", 504, "", "timed out"));
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);

        Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO);

        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(hire.decisionNeeded()).as("its delivery looks the person up in Lucca first").isNull();
        assertThat(hire.decisionNeededAt()).isNull();
        assertThat(journal.claim(hireId).createSent()).as("by what the lost create sent, whatever the event is now")
                .isEqualTo("{\"login\":\"cmorel\"}");
    }

    @Test
    void aCancelAfterACreateWhoseAnswerWasLostAsksAPersonToLookInLucca() {
        String lost = createAnswerLost("1", T0.plusSeconds(30));
        String neverSent = record("2", Duration.ZERO);

        assertThat(journal.cancel(lost)).isTrue();
        assertThat(journal.cancel(neverSent)).isTrue();

        HireView hire = reader.find(lost).orElseThrow();
        assertThat(hire.status()).isEqualTo(HireStatus.CANCELLED);
        assertThat(hire.decisionNeeded()).isEqualTo(Journal.CANCELLED_CREATE_UNKNOWN);
        assertThat(hire.writeBack()).isEqualTo("PENDING");
        assertThat(reader.history(lost)).last().extracting(HireEvent::detail).asString()
                .contains("cancelled by an operator", "the account may exist");
        assertThat(reader.find(neverSent).orElseThrow().decisionNeeded()).as("nothing can be in Lucca").isNull();
        assertThat(journal.cancel(lost)).as("once").isFalse();
    }

    @Test
    void aReplayThatMakesThePersonInLuccaSettlesTheLookUpACancelAfterALostAnswerAskedFor() {
        String hireId = createAnswerLost("1", T0.plusSeconds(30));
        journal.cancel(hireId);
        assertThat(journal.replay(hireId, PAYLOAD, LUCCA)).isTrue();
        journal.claim(hireId);

        journal.recordLuccaUser(hireId, 417, LUCCA);

        HireView replayed = reader.find(hireId).orElseThrow();
        assertThat(replayed.decisionNeeded()).as("the account is known now").isNull();
        assertThat(replayed.decisionNeededAt()).isNull();
        assertThat(reader.history(hireId)).last().extracting(HireEvent::detail).asString()
                .contains("made or found by this attempt", "no person need look for it");
        journal.markDelivered(hireId, 417, List.of());
        assertThat(reader.find(hireId).orElseThrow()).satisfies(delivered -> {
            assertThat(delivered.status()).isEqualTo(HireStatus.DELIVERED);
            assertThat(delivered.decisionNeeded()).isNull();
        });
    }

    @Test
    void aReplayIntoTheTenantsNewLuccaKeepsTheLookUpForTheAccountTheEarlierLuccaMayHold() {
        String hireId = createAnswerLost("1", T0.plusSeconds(30));
        journal.cancel(hireId);
        // the tenant now delivers to another Lucca: the replay forgets what was sent to the earlier one
        assertThat(journal.replay(hireId, PAYLOAD, "https://acme-new.ilucca.net")).isTrue();
        assertThat(journal.claim(hireId).createAttempted()).isFalse();

        journal.recordLuccaUser(hireId, 417, "https://acme-new.ilucca.net");

        HireView replayed = reader.find(hireId).orElseThrow();
        assertThat(replayed.decisionNeeded()).as("made in the new Lucca: the earlier one's account is still unknown")
                .isEqualTo(Journal.CREATE_UNKNOWN_IN_EARLIER_LUCCA);
        assertThat(replayed.decisionNeededAt()).isNotNull();
        assertThat(reader.history(hireId)).extracting(HireEvent::detail)
                .anySatisfy(detail -> assertThat(detail).contains("its create in the Lucca its tenant had before got "
                        + "no answer", "the mark stays"))
                .noneSatisfy(detail -> assertThat(detail).contains("no person need look for it"));
    }

    @Test
    void aReplayThatFindsThePersonInLuccaSettlesTheLookUpAMoveOutAfterALostAnswerAskedFor() {
        String hireId = createAnswerLost("1", T0.plusSeconds(30));
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);
        assertThat(journal.replay(hireId, PAYLOAD, LUCCA)).isTrue();
        journal.claim(hireId);

        assertThat(journal.markAlreadyInLucca(hireId, 417, List.of())).isTrue();

        HireView found = reader.find(hireId).orElseThrow();
        assertThat(found.status()).isEqualTo(HireStatus.ALREADY_IN_LUCCA);
        assertThat(found.decisionNeeded()).isNull();
        assertThat(reader.history(hireId)).extracting(HireEvent::detail).last().asString()
                .contains("made or found by this attempt");
    }

    @Test
    void anAccountWhoseLostAnswerComesAfterTheStopStillWaitsForAPerson() {
        String cancelled = createRecordedUnsent("1");
        journal.cancel(cancelled);
        String withdrawn = createRecordedUnsent("2");
        Intakes.movedOutOfHired(journal, TENANT, movedOut("2", null), HOW);

        // the creates were on their way: Lucca answers them after the stops
        journal.recordLuccaUser(cancelled, 417, LUCCA);
        journal.recordLuccaUser(withdrawn, 418, LUCCA);

        assertThat(reader.find(cancelled).orElseThrow().decisionNeeded()).as("cancelled, yet the account is made")
                .isEqualTo(Journal.CANCELLED_AFTER_LUCCA);
        assertThat(reader.find(withdrawn).orElseThrow().decisionNeeded()).as("no longer hired, yet the account is made")
                .isEqualTo(Journal.MOVED_OUT_AFTER_LUCCA);
        assertThat(reader.history(cancelled)).extracting(HireEvent::detail)
                .noneSatisfy(detail -> assertThat(detail).contains("no person need look for it"));
    }

    @Test
    void aHireDeliveredAfterTheMoveCameWaitsForAPerson() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);

        journal.markDelivered(hireId, 417, List.of());

        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.status()).as("what Lucca holds").isEqualTo(HireStatus.DELIVERED);
        assertThat(hire.decisionNeeded()).isEqualTo(Journal.MOVED_OUT_AFTER_LUCCA);
    }

    @Test
    void aHireInLuccaMovedOutIsLeftAsItIsAndWaitsForADecisionThatAPersonNotes() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);
        journal.markDelivered(hireId, 417, List.of());
        clock.advance(Duration.ofHours(1));

        MoveOut moveOut = only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW));

        assertThat(moveOut.needsDecision()).isTrue();
        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.status()).isEqualTo(HireStatus.DELIVERED);
        assertThat(hire.decisionNeeded()).isEqualTo(Journal.MOVED_OUT_AFTER_LUCCA);
        assertThat(hire.decisionNeededAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(hire.writeBack()).as("the outcome in Lucca did not change").isEqualTo("PENDING");
        assertThat(reader.history(hireId)).last().extracting(HireEvent::detail).asString()
                .contains("after the Lucca account was made").contains("nothing was changed in Lucca");

        assertThat(journal.decided(hireId, null, "contract ended in Lucca by HR")).isTrue();

        HireView decided = reader.find(hireId).orElseThrow();
        assertThat(decided.decisionNeeded()).isNull();
        assertThat(decided.decisionNeededAt()).isNull();
        assertThat(decided.status()).isEqualTo(HireStatus.DELIVERED);
        assertThat(reader.history(hireId)).last().extracting(HireEvent::detail)
                .isEqualTo("decided: contract ended in Lucca by HR");
        assertThat(journal.decided(hireId, null, "again")).as("nothing left to decide").isFalse();
    }

    @Test
    void aMoveOutSentAgainOrADragOnBetweenColumnsAsksForNoSecondDecision() {
        String delivered = delivered("1");
        String contractPending = record("2", Duration.ZERO);
        journal.claim(contractPending);
        journal.markCreateAttempted(contractPending, "{}", LUCCA);
        journal.recordLuccaUser(contractPending, 418, LUCCA);
        journal.retryLater(contractPending, T0.plusSeconds(30), new EventDetail("create-work-contract", 503, "", "down"));
        for (String applicant : List.of("1", "2")) {
            assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut(applicant, null), HOW)).needsDecision())
                    .isTrue();
        }
        journal.decided(delivered, null, "contract ended in Lucca by HR");
        journal.decided(contractPending, null, "user archived in Lucca by HR");
        clock.advance(Duration.ofDays(7));

        for (String applicant : List.of("1", "2")) {
            assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut(applicant, null),
                    "by Marie Curie, to Talent pool")).outcome()).isEqualTo(MoveOut.Outcome.ALREADY_MOVED_OUT);
        }

        for (String hireId : List.of(delivered, contractPending)) {
            HireView hire = reader.find(hireId).orElseThrow();
            assertThat(hire.decisionNeeded()).as("the person's decision stands").isNull();
            assertThat(reader.history(hireId)).last().extracting(HireEvent::detail).isEqualTo(
                    "moved out of hired in Flatchr by Marie Curie, to Talent pool: already moved out, nothing changes");
        }
        assertThat(reader.find(delivered).orElseThrow().status()).isEqualTo(HireStatus.DELIVERED);
        assertThat(reader.find(contractPending).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    @Test
    void aWithdrawnHireMovedOutAgainIsOnlyNoted() {
        String hireId = record("1", Duration.ZERO);
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);

        assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW)).outcome())
                .isEqualTo(MoveOut.Outcome.ALREADY_MOVED_OUT);
        assertThat(reader.find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    @Test
    void aHireInLuccaMovedBackIntoHiredAsksForADecisionAtItsNextMoveOut() {
        String hireId = delivered("1");
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);
        journal.decided(hireId, null, "kept: the recruiter's mistake");
        clock.advance(Duration.ofMinutes(1));

        IntakeResult back = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO);

        assertThat(back).as("the team, asked at the move out, hears of the move back")
                .isEqualTo(new IntakeResult(hireId, Outcome.DUPLICATE, false, true));
        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.status()).as("what Lucca holds").isEqualTo(HireStatus.DELIVERED);
        assertThat(hire.writeBack()).as("no new outcome to write back").isEqualTo("PENDING");
        assertThat(reader.history(hireId)).last().extracting(HireEvent::detail)
                .isEqualTo("moved back into hired in Flatchr");
        clock.advance(Duration.ofMinutes(1));
        assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW)).outcome())
                .isEqualTo(MoveOut.Outcome.NEEDS_DECISION);
        assertThat(reader.find(hireId).orElseThrow().decisionNeeded()).isEqualTo(Journal.MOVED_OUT_AFTER_LUCCA);
    }

    @Test
    void aSearchShowingAHireMovedOutInHiredIsNoMoveBackIn() {
        String hireId = delivered("1");
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", sameApplication("1")), HOW);
        journal.decided(hireId, null, "kept");

        assertThat(Intakes.record(journal, PAYLOAD, new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", "z7gW",
                List.of(), sameApplication("1")), TENANT, Origin.FLATCHR_API, List.of(), Duration.ZERO).outcome())
                .isEqualTo(Outcome.DUPLICATE);

        assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW)).outcome())
                .as("its answer may have been read before the move out").isEqualTo(MoveOut.Outcome.ALREADY_MOVED_OUT);
        assertThat(reader.find(hireId).orElseThrow().decisionNeeded()).isNull();
    }

    @Test
    void aMoveOutAfterTheUserWasMadeButBeforeItsContractStopsTheContractToo() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);
        journal.markCreateAttempted(hireId, "{\"login\":\"jdoe\"}", LUCCA);
        journal.recordLuccaUser(hireId, 417, LUCCA);
        journal.retryLater(hireId, T0.plusSeconds(30),
                new EventDetail("create-work-contract", 503, "", "Lucca answered 503 to create-work-contract"));

        MoveOut moveOut = only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW));

        assertThat(moveOut.needsDecision()).isTrue();
        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.status()).as("no contract is sent for it").isEqualTo(HireStatus.WITHDRAWN);
        assertThat(hire.luccaUserId()).as("kept, for the person who decides").isEqualTo(417L);
        assertThat(hire.decisionNeeded()).isEqualTo(Journal.MOVED_OUT_AFTER_LUCCA);
        assertThat(hire.writeBack()).isEqualTo("PENDING");
        clock.advance(Duration.ofMinutes(1));
        assertThat(journal.dueHireIds(TENANT, 10)).isEmpty();
        assertThat(journal.claim(hireId)).isNull();
    }

    @Test
    void aHireFoundAlreadyInLuccaMovedOutAsksNobodyToUndoWhatTheConnectorNeverMade() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);
        assertThat(journal.markAlreadyInLucca(hireId, 12, List.of("already in Lucca"))).isTrue();

        MoveOut moveOut = only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW));

        assertThat(moveOut.outcome()).isEqualTo(MoveOut.Outcome.ALREADY_STOPPED);
        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.status()).isEqualTo(HireStatus.ALREADY_IN_LUCCA);
        assertThat(hire.decisionNeeded()).isNull();
        assertThat(journal.decisionAskedAtMoveOut(hireId)).as("nobody to tell of a move back").isFalse();
        assertThat(reader.history(hireId)).last().extracting(HireEvent::detail)
                .isEqualTo("moved out of hired in Flatchr " + HOW);
    }

    @Test
    void aFormerEmployeeReportedToHrThenMovedOutAsksHrToEndTheContractTheyWereAskedToGive() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);
        assertThat(journal.markAlreadyInLucca(hireId, 12, List.of("start date estimated", Journal.REHIRE_WARNING
                + " a former employee with this e-mail is in Lucca; no new user was created"))).isTrue();

        MoveOut moveOut = only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW));

        assertThat(moveOut).as("told, as the report was").isEqualTo(new MoveOut(hireId, MoveOut.Outcome.NEEDS_DECISION,
                Journal.MOVED_OUT_AFTER_HR_ASKED));
        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.status()).as("nothing was made in Lucca").isEqualTo(HireStatus.ALREADY_IN_LUCCA);
        assertThat(hire.decisionNeeded()).isEqualTo(Journal.MOVED_OUT_AFTER_HR_ASKED);
        assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW)).outcome())
                .as("the same move again asks nothing more").isEqualTo(MoveOut.Outcome.ALREADY_MOVED_OUT);
        assertThat(journal.decisionAskedAtMoveOut(hireId)).as("back in hired, the team is told: the contract HR "
                + "gave may be ended by now").isTrue();

        record("1", Duration.ZERO);
        assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW)).outcome())
                .as("back in hired, then out again before anyone decided: asked again, as a delivered hire is")
                .isEqualTo(MoveOut.Outcome.NEEDS_DECISION);
    }

    @Test
    void anEmployeeWhoseContractEndsSoonerThenMovedOutAsksHrToEndTheContractTheyWereAskedToGive() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);
        assertThat(journal.markAlreadyInLucca(hireId, 12, List.of("already in Lucca", Journal.CONTRACT_ENDS_SOONER
                + "2026-06-30, before this hire's (open-ended)"))).isTrue();

        assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW)).decisionNeeded())
                .isEqualTo(Journal.MOVED_OUT_AFTER_HR_ASKED);
        assertThat(reader.find(hireId).orElseThrow().decisionNeeded()).isEqualTo(Journal.MOVED_OUT_AFTER_HR_ASKED);
    }

    @Test
    void aRehireMovedOutAsksToEndItsNewContractNotThePerson() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);
        journal.markDelivered(hireId, 12, List.of("start date estimated", Journal.REHIRE_WARNING
                + " a former employee with this e-mail is in Lucca; a new work contract was made"));

        MoveOut moveOut = only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW));

        assertThat(moveOut).isEqualTo(new MoveOut(hireId, MoveOut.Outcome.NEEDS_DECISION,
                Journal.MOVED_OUT_AFTER_REHIRE));
        assertThat(reader.find(hireId).orElseThrow().decisionNeeded()).isEqualTo(Journal.MOVED_OUT_AFTER_REHIRE);
    }

    @Test
    void aRehireWhoseContractLuccaMadeAfterTheMoveOutAsksToEndThatContractNotThePerson() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);
        // its contract's create on its way to Lucca when the candidate is moved out
        journal.markCreateAttempted(hireId, "{}", LUCCA);
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);

        journal.markDelivered(hireId, 12, List.of(Journal.REHIRE_WARNING + " a former employee with this e-mail is in "
                + "Lucca; a new work contract was made"));

        assertThat(reader.find(hireId).orElseThrow().decisionNeeded()).isEqualTo(Journal.MOVED_OUT_AFTER_REHIRE);
    }

    @Test
    void aNewEmployeeWhoseWarningOnlyMentionsARehireIsAskedAboutTheirAccount() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);
        journal.markDelivered(hireId, 416, List.of("job title: not a rehire: kept as written"));

        assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW)).decisionNeeded())
                .as("a warning that does not begin so is no rehire's").isEqualTo(Journal.MOVED_OUT_AFTER_LUCCA);
    }

    @Test
    void aFinishedHireNotInLuccaIsWithdrawnToo() {
        String dead = record("1", Duration.ZERO);
        journal.claim(dead);
        journal.markDead(dead, new EventDetail("create-user", 400, "{}", "refused"));

        assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW)).outcome())
                .isEqualTo(MoveOut.Outcome.WITHDRAWN);
        assertThat(reader.find(dead).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    @Test
    void aRejectedHireMovedOutStaysRejected() {
        String rejected = Intakes.recordIntake(journal, PAYLOAD, new HireVerdict(HireVerdict.Kind.INCOMPLETE,
                "data.candidate.lastname is missing", "4242", "1", List.of()), TENANT, Duration.ZERO).hireId();

        assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW)).outcome())
                .isEqualTo(MoveOut.Outcome.ALREADY_STOPPED);
        assertThat(reader.find(rejected).orElseThrow().status())
                .as("a search that shows it back in hired queues no withdrawn hire").isEqualTo(HireStatus.REJECTED);
    }

    @Test
    void aCancelledHireStaysCancelledAndItsHistorySaysItWasMoved() {
        String hireId = record("1", Duration.ZERO);
        journal.cancel(hireId);

        assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW)).outcome())
                .isEqualTo(MoveOut.Outcome.ALREADY_STOPPED);
        assertThat(reader.find(hireId).orElseThrow().status()).isEqualTo(HireStatus.CANCELLED);
        assertThat(reader.history(hireId)).last().extracting(HireEvent::detail)
                .isEqualTo("moved out of hired in Flatchr by Marie Curie, to Refused");
    }

    @Test
    void aWithdrawnHireMovedBackIntoHiredIsAHireAgainHeldLikeANewOne() {
        String hireId = record("1", Duration.ZERO);
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);
        clock.advance(Duration.ofMinutes(1));

        IntakeResult again = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ofMinutes(5));

        assertThat(again).isEqualTo(new IntakeResult(hireId, Outcome.ACCEPTED));
        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(hire.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(6)));
        assertThat(reader.history(hireId)).last().extracting(HireEvent::detail)
                .isEqualTo("moved back into hired in Flatchr");
        assertThat(Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).outcome())
                .as("sent once more while queued").isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void aMoveBackIntoHiredOfAnApplicationRecordedTwiceQueuesTheHireWithItsEmailOfNow() {
        // the webhook's hire, then one a search found once the candidate's e-mail was corrected in Flatchr: a move
        // out withdrew both
        String webhook = record("1234", Duration.ZERO);
        clock.advance(Duration.ofMinutes(1));
        String found = Intakes.record(journal, PAYLOAD, new HireVerdict(HireVerdict.Kind.HIRE, null, "4242",
                "z7gWQnjXG77hJRak", List.of(), "jeanne@example.org|5"), TENANT, Origin.FLATCHR_API, List.of(),
                Duration.ZERO).hireId();
        assertThat(Intakes.movedOutOfHired(journal, TENANT, movedOut("1234", "jeanne@example.org|5"), HOW)).hasSize(2);
        clock.advance(Duration.ofMinutes(1));

        IntakeResult back = Intakes.recordIntake(journal, PAYLOAD, new HireVerdict(HireVerdict.Kind.HIRE, null, "4242",
                "1234", List.of(), "jeanne@example.org|5"), TENANT, Duration.ZERO);

        assertThat(back).isEqualTo(new IntakeResult(found, Outcome.ACCEPTED));
        assertThat(journal.dueHireIds(TENANT, 10)).as("one hire of the application reaches Lucca")
                .containsExactly(found);
        assertThat(reader.find(webhook).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    @Test
    void aRejectedHireErasedByRetentionAndSentAgainIncompleteIsErasedAgainLater() {
        String rejected = Intakes.recordIntake(journal, PAYLOAD, new HireVerdict(HireVerdict.Kind.INCOMPLETE,
                "data.candidate.lastname is missing", "4242", "1", List.of()), TENANT, Duration.ZERO).hireId();
        clock.advance(Duration.ofDays(31));
        assertThat(journal.erasePersonalData(clock.instant().minus(Duration.ofDays(30)), clock.instant(), List.of()))
                .isOne();

        Intakes.recordIntake(journal, PAYLOAD, new HireVerdict(HireVerdict.Kind.INCOMPLETE,
                "data.candidate.firstname is missing", "4242", "1", List.of()), TENANT, Duration.ZERO);
        assertThat(reader.find(rejected).orElseThrow().payload()).as("kept again").isEqualTo(PAYLOAD);
        clock.advance(Duration.ofDays(31));

        assertThat(journal.erasePersonalData(clock.instant().minus(Duration.ofDays(30)), clock.instant(), List.of()))
                .isOne();
        assertThat(reader.find(rejected).orElseThrow().payload()).isNull();
    }

    @Test
    void whatTheHistoryOfAnErasedHireGainsIsErasedRetentionDaysAfter() {
        String delivered = record("1", Duration.ZERO);
        journal.claim(delivered);
        journal.markDelivered(delivered, 416, List.of());
        String cancelled = record("2", Duration.ZERO);
        journal.cancel(cancelled);
        clock.advance(Duration.ofDays(31));
        assertThat(eraseAfterThirtyDays()).isEqualTo(2);
        clock.advance(Duration.ofHours(1));

        // the recruiter moves both out of hired (the history names them), and HR's note on the decision names the person
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);
        Intakes.movedOutOfHired(journal, TENANT, movedOut("2", null), HOW);
        assertThat(journal.decided(delivered, null, "Jeanne Dupont keeps her account")).isTrue();
        clock.advance(Duration.ofDays(29));
        assertThat(eraseAfterThirtyDays()).as("kept as long as any history").isZero();
        assertThat(reader.history(delivered)).extracting(HireEvent::detail)
                .contains("decided: Jeanne Dupont keeps her account");

        clock.advance(Duration.ofDays(2));
        assertThat(eraseAfterThirtyDays()).isEqualTo(2);
        for (String hireId : List.of(delivered, cancelled)) {
            assertThat(reader.history(hireId)).allSatisfy(event -> assertThat(event.detail()).isNull());
        }
        assertThat(eraseAfterThirtyDays()).as("erased once").isZero();
    }

    @Test
    void aHireMovedBackIntoHiredWhileAnAttemptStillHoldsItIsAHireAgain() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);

        IntakeResult again = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO);

        assertThat(again).isEqualTo(new IntakeResult(hireId, Outcome.ACCEPTED));
        assertThat(reader.find(hireId).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(journal.dueHireIds(TENANT, 10)).as("still held by its attempt: not two at once").isEmpty();
        h2.nextLuccaCall(journal, hireId, clock.instant());
        assertThat(journal.retryLater(hireId, T0, new EventDetail("create-user", 503, "", "down")))
                .as("the attempt carries on with the hire it holds").isTrue();
        assertThat(journal.dueHireIds(TENANT, 10)).containsExactly(hireId);
    }

    @Test
    void aWithdrawnHireMovedBackIntoHiredWithDataItCannotBeSentWithIsRejectedForIt() {
        String hireId = record("1", Duration.ZERO);
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);
        clock.advance(Duration.ofMinutes(1));

        // its e-mail edited, while it was out, into one that is none
        IntakeResult back = Intakes.recordIntake(journal, "{\"v\":2}", new HireVerdict(HireVerdict.Kind.INCOMPLETE, null,
                "4242", "1", List.of(new UnusableField("data.candidate.email", "not an e-mail address"))), TENANT,
                Duration.ZERO);

        assertThat(back).as("answered 422, told to the team").isEqualTo(new IntakeResult(hireId, Outcome.REJECTED, true));
        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.status()).isEqualTo(HireStatus.REJECTED);
        assertThat(hire.payload()).isEqualTo("{\"v\":2}");
        assertThat(hire.lastError()).isEqualTo("data.candidate.email is not an e-mail address");
        assertThat(hire.writeBack()).as("the recruiter reads why on the candidate").isEqualTo("PENDING");
        assertThat(reader.history(hireId)).last().extracting(HireEvent::detail)
                .isEqualTo("moved back into hired in Flatchr, rejected: data.candidate.email is not an e-mail address");
        assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW)).outcome())
                .as("back in hired: the next move out is one (not already moved out)")
                .isEqualTo(MoveOut.Outcome.ALREADY_STOPPED);
        assertThat(Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO))
                .as("sent complete, a hire again").isEqualTo(new IntakeResult(hireId, Outcome.ACCEPTED));
    }

    @Test
    void aWithdrawnHireWhoseAccountWasMadeStaysWithdrawnWhenMovedBackWithDataItCannotBeSentWith() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);
        journal.markCreateAttempted(hireId, "{}", LUCCA);
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);
        journal.recordLuccaUser(hireId, 416, LUCCA);
        String line = ResultLine.of(reader.find(hireId).orElseThrow(), ZoneOffset.UTC);
        clock.advance(Duration.ofMinutes(1));

        IntakeResult back = Intakes.recordIntake(journal, "{\"v\":2}", new HireVerdict(HireVerdict.Kind.INCOMPLETE,
                null, "4242", "1", List.of(new UnusableField("data.candidate.email", "not an e-mail address"))), TENANT,
                Duration.ZERO);

        assertThat(back).as("the hire it is, not a new rejection; the team, asked at the move out, hears of it")
                .isEqualTo(new IntakeResult(hireId, Outcome.DUPLICATE, false, true));
        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.status()).isEqualTo(HireStatus.WITHDRAWN);
        assertThat(hire.decisionNeeded()).as("still a person's to decide").isEqualTo(Journal.MOVED_OUT_AFTER_LUCCA);
        assertThat(hire.payload()).isEqualTo(PAYLOAD);
        assertThat(ResultLine.of(hire, ZoneOffset.UTC)).as("the tag still says #416 was made").isEqualTo(line)
                .contains("#416");
        assertThat(reader.history(hireId)).last().extracting(HireEvent::detail).asString()
                .contains("data.candidate.email is not an e-mail address", "stays withdrawn");
    }

    @Test
    void aWithdrawnHireWhoseCreateWasUnansweredStaysWithdrawnWhenMovedBackWithDataItCannotBeSentWith() {
        String hireId = createAnswerLost("1", T0.plusSeconds(30));
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);
        // decided, the account still unknown to the journal: the lost create's mark is all that says it may exist
        journal.decided(hireId, null, "looked in Lucca");

        HireVerdict incomplete = new HireVerdict(HireVerdict.Kind.INCOMPLETE, null, "4242", "1",
                List.of(new UnusableField("data.candidate.email", "missing")));
        IntakeResult back = Intakes.recordIntake(journal, PAYLOAD, incomplete, TENANT, Duration.ZERO);
        IntakeResult resent = Intakes.recordIntake(journal, PAYLOAD, incomplete, TENANT, Duration.ZERO);

        assertThat(back).as("the person who looked may have ended the account: told")
                .isEqualTo(new IntakeResult(hireId, Outcome.DUPLICATE, false, true));
        assertThat(resent).as("a resend is no news").isEqualTo(new IntakeResult(hireId, Outcome.DUPLICATE));
        assertThat(reader.find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
        // out again, then back incomplete again: news again
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);
        assertThat(Intakes.recordIntake(journal, PAYLOAD, incomplete, TENANT, Duration.ZERO))
                .isEqualTo(new IntakeResult(hireId, Outcome.DUPLICATE, false, true));
    }

    @Test
    void aWithdrawnHireErasedByRetentionMovedBackIncompleteIsNewsOnceNotAtEachResend() {
        String hireId = createAnswerLost("1", T0.plusSeconds(30));
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);
        journal.decided(hireId, null, "looked in Lucca");
        clock.advance(Duration.ofDays(31));
        assertThat(eraseAfterThirtyDays()).as("its history no longer names the move out").isOne();
        HireVerdict incomplete = new HireVerdict(HireVerdict.Kind.INCOMPLETE, null, "4242", "1",
                List.of(new UnusableField("data.candidate.email", "missing")));

        IntakeResult back = Intakes.recordIntake(journal, PAYLOAD, incomplete, TENANT, Duration.ZERO);
        IntakeResult resent = Intakes.recordIntake(journal, PAYLOAD, incomplete, TENANT, Duration.ZERO);

        assertThat(back).isEqualTo(new IntakeResult(hireId, Outcome.DUPLICATE, false, true));
        assertThat(resent).as("a resend is no news").isEqualTo(new IntakeResult(hireId, Outcome.DUPLICATE));
    }

    @Test
    void aWithdrawnHireAnAttemptStillHoldsRejectedStopsThatAttempt() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);

        Intakes.recordIntake(journal, PAYLOAD, new HireVerdict(HireVerdict.Kind.INCOMPLETE, null, "4242", "1",
                List.of(new UnusableField("data.candidate.email", "missing"))), TENANT, Duration.ZERO);

        assertThatExceptionOfType(HireStopped.class).isThrownBy(() -> h2.nextLuccaCall(journal, hireId,
                clock.instant())).withMessageContaining("rejected");
    }

    @Test
    void aSearchOfFlatchrNeverBringsAWithdrawnHireBack() {
        String hireId = record("1", Duration.ZERO);
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);

        IntakeResult found = Intakes.record(journal, PAYLOAD, new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", "z7gW",
                List.of(), sameApplication("1")), TENANT, Origin.FLATCHR_API, List.of(), Duration.ZERO);

        assertThat(found).as("its answer may have been read before the move").isEqualTo(
                new IntakeResult(hireId, Outcome.DUPLICATE));
        assertThat(reader.find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    @Test
    void aStoppedHireWhoseAccountWasMadeReplayedAndDeliveredNoLongerWaitsForADecisionNorSaysHrDecides() {
        String withdrawn = contractToCome("1");
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);
        String cancelled = contractToCome("2");
        assertThat(journal.cancel(cancelled)).isTrue();
        assertThat(reader.find(withdrawn).orElseThrow().decisionNeeded()).isEqualTo(Journal.MOVED_OUT_AFTER_LUCCA);
        assertThat(reader.find(cancelled).orElseThrow().decisionNeeded()).isEqualTo(Journal.CANCELLED_WITH_ACCOUNT);

        for (String hireId : List.of(withdrawn, cancelled)) {
            // the operator goes on with the hire: the candidate is hired after all
            assertThat(journal.replay(hireId, PAYLOAD, LUCCA)).isTrue();
            assertThat(journal.claim(hireId)).isNotNull();
            journal.markDelivered(hireId, 416, List.of());

            HireView delivered = reader.find(hireId).orElseThrow();
            assertThat(delivered.status()).isEqualTo(HireStatus.DELIVERED);
            assertThat(delivered.decisionNeeded()).as("the replay was the decision").isNull();
            assertThat(delivered.decisionNeededAt()).isNull();
            assertThat(ResultLine.of(delivered, ZoneOffset.UTC)).as("what the recruiter reads on the candidate")
                    .startsWith("Lucca: created #416").doesNotContain("HR decides");
        }
    }

    @Test
    void aDeadHireMovedOutAfterItsAccountWasMadeStillWaitsForADecisionOnceReplayed() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);
        journal.markCreateAttempted(hireId, "{}", LUCCA);
        journal.recordLuccaUser(hireId, 416, LUCCA);
        journal.markDead(hireId, new EventDetail("create-work-contract", 400, "{}", "refused"));
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);
        assertThat(reader.find(hireId).orElseThrow().status()).isEqualTo(HireStatus.DEAD);

        // the operator replays the dead hire for its contract: no decision about a candidate out of hired
        assertThat(journal.replay(hireId, PAYLOAD, LUCCA)).isTrue();
        assertThat(journal.claim(hireId)).isNotNull();
        journal.markDelivered(hireId, 416, List.of());

        HireView delivered = reader.find(hireId).orElseThrow();
        assertThat(delivered.decisionNeeded()).as("the candidate is still out of hired")
                .isEqualTo(Journal.MOVED_OUT_AFTER_LUCCA);
        assertThat(ResultLine.of(delivered, ZoneOffset.UTC)).contains("HR decides");
    }

    @Test
    void aStoppedHireWhoseAccountWasMadeReplayedWhileItsTenantIsNotInForceStillWaitsForADecision() {
        String withdrawn = contractToCome("1");
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);
        String cancelled = contractToCome("2");
        assertThat(journal.cancel(cancelled)).isTrue();

        for (String hireId : List.of(withdrawn, cancelled)) {
            String mark = reader.find(hireId).orElseThrow().decisionNeeded();
            // ADMIN_TOKEN's replay: which Lucca the tenant has is unknown, the account may be in one it left
            assertThat(journal.replay(hireId, PAYLOAD, null)).isTrue();

            assertThat(reader.find(hireId).orElseThrow().decisionNeeded()).isNotNull().isEqualTo(mark);
        }
    }

    @Test
    void aWithdrawnHireCanBeReplayedByAnOperator() {
        String hireId = record("1", Duration.ZERO);
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);

        assertThat(journal.replay(hireId, PAYLOAD, LUCCA)).isTrue();

        assertThat(reader.find(hireId).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(journal.dueHireIds(TENANT, 10)).containsExactly(hireId);
    }

    // ---- moves seen in a search of Flatchr's API

    @Test
    void aMoveSeenInASearchAfterTheHireWithdrawsItOnceOnly() {
        String hireId = record("1", Duration.ZERO);
        Instant changed = T0.plusSeconds(60);
        clock.advance(Duration.ofMinutes(2));

        MoveOut first = only(seenMovedOut("1", changed));
        List<MoveOut> again = seenMovedOut("1", changed);

        assertThat(first.hireId()).isEqualTo(hireId);
        assertThat(first.outcome()).isEqualTo(MoveOut.Outcome.WITHDRAWN);
        assertThat(again).as("the searches overlap: the same move is seen again").isEmpty();
        assertThat(reader.history(hireId)).filteredOn(event -> event.detail() != null
                && event.detail().startsWith("moved out")).hasSize(1);
    }

    @Test
    void aSearchShowingAChangeBeforeTheHireWasRecordedChangesNothing() {
        String hireId = record("1", Duration.ZERO);
        clock.advance(Duration.ofMinutes(1));

        assertThat(seenMovedOut("1", T0.minusSeconds(5))).isEmpty();
        assertThat(only(seenMovedOut("1", T0.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))).hireId())
                .as("Flatchr counts whole seconds: a change within the hire's second came after it").isEqualTo(hireId);
    }

    @Test
    void aMoveKnownFromItsWebhookIsNotTakenAgainFromASearchNorADecisionAskedAgain() {
        String hireId = record("1", Duration.ZERO);
        journal.claim(hireId);
        journal.markDelivered(hireId, 417, List.of());
        clock.advance(Duration.ofMinutes(1));
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", sameApplication("1")), HOW);
        journal.decided(hireId, null, "kept");
        clock.advance(Duration.ofMinutes(1));

        assertThat(seenMovedOut("1", T0.plusSeconds(50))).isEmpty();
        assertThat(reader.find(hireId).orElseThrow().decisionNeeded()).isNull();
    }

    @Test
    void aHireMovedBackIntoHiredCanBeSeenMovedOutAgain() {
        String hireId = record("1", Duration.ZERO);
        clock.advance(Duration.ofSeconds(30));
        seenMovedOut("1", T0.plusSeconds(10));
        clock.advance(Duration.ofMinutes(1));
        Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO);
        clock.advance(Duration.ofMinutes(1));

        assertThat(only(seenMovedOut("1", T0.plusSeconds(120))).outcome()).isEqualTo(MoveOut.Outcome.WITHDRAWN);
        assertThat(reader.find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    @Test
    void aHireASearchRecordedIsOutOfHiredByAMoveAfterTheAnswerThatShowedItInHiredUntilItIsQueuedAgain() {
        Instant answered = T0;
        clock.advance(Duration.ofMinutes(5));
        String hireId = journal.record(PAYLOAD, TENANT, Origin.FLATCHR_API, "4242:z7gW", sameApplication("1"), "z7gW",
                null, List.of(), Duration.ZERO, answered).hireId();
        clock.advance(Duration.ofMinutes(1));

        assertThat(seenMovedOut("1", answered.minusSeconds(5))).as("before the answer: it showed her in hired after")
                .isEmpty();
        assertThat(only(seenMovedOut("1", answered.plus(Duration.ofMinutes(2)))).outcome())
                .as("after the answer, before the hire was recorded").isEqualTo(MoveOut.Outcome.WITHDRAWN);

        // a later search shows her moved back into hired: from its answer on, only a move after it is one
        clock.advance(Duration.ofMinutes(1));
        Instant movedBackAnswer = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        assertThat(journal.movedBackIntoHiredSeenInFlatchr(withdrawn(hireId), answered.plus(Duration.ofMinutes(3)),
                Duration.ZERO, movedBackAnswer, movedBackAnswer, CurrentEvent.RECORDED)).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(seenMovedOut("1", answered.plus(Duration.ofMinutes(2)))).as("the move out before it").isEmpty();
        assertThat(reader.find(hireId).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(only(seenMovedOut("1", movedBackAnswer.plusSeconds(30))).outcome())
                .as("a move after the answer that showed her back, before she was queued again")
                .isEqualTo(MoveOut.Outcome.WITHDRAWN);
    }

    @Test
    void aMoveBackSeenInASearchQueuesTheHireAgainOnlyByAChangeAfterTheMoveOut() {
        String hireId = record("1", Duration.ZERO);
        clock.advance(Duration.ofMinutes(1));
        Instant movedOutAt = clock.instant();
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", sameApplication("1")), HOW);
        clock.advance(Duration.ofMinutes(1));

        WithdrawnHire withdrawn = journal.withdrawnHires(TENANT).get(0);
        assertThat(withdrawn.movedBackIn(sameApplication("1"), null, movedOutAt))
                .as("Flatchr counts whole seconds: a change within the move's second may be the move").isFalse();
        assertThat(withdrawn.movedBackIn(sameApplication("2"), null, movedOutAt.plusSeconds(1)))
                .as("another application").isFalse();
        assertThat(withdrawn.movedBackIn(sameApplication("1"), null, movedOutAt.plusSeconds(1))).isTrue();
        assertThat(journal.movedBackIntoHiredSeenInFlatchr(withdrawn, movedOutAt, Duration.ZERO, clock.instant(),
                clock.instant(), CurrentEvent.RECORDED)).as("moved out again after the change the search shows")
                .isFalse();
        assertThat(journal.movedBackIntoHiredSeenInFlatchr(withdrawn, movedOutAt.plusSeconds(1), Duration.ZERO,
                clock.instant(), clock.instant(), CurrentEvent.RECORDED)).isTrue();
        assertThat(reader.find(hireId).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(journal.withdrawnHires(TENANT)).isEmpty();
    }

    @Test
    void aWebhooksHireKnownByItsCancelledNamesakesFlatchrIdIsQueuedAgainWhenASearchShowsItBackInHired() {
        String webhookHire = record("1", Duration.ofHours(1));
        String held = journal.record(PAYLOAD, TENANT, Origin.FLATCHR_API, "4242:app-9", "corrected@example.org|5",
                "app-9", "same name and vacancy as hire " + webhookHire + ", another e-mail", List.of(), Duration.ZERO,
                clock.instant()).hireId();
        assertThat(journal.cancel(held, Optional.of(webhookHire))).isTrue();
        clock.advance(Duration.ofMinutes(1));
        Instant askedAt = clock.instant();
        assertThat(journal.movedOutSeenInFlatchr(TENANT, "4242:app-9", "corrected@example.org|5", "app-9",
                "as a search of its API shows (archived)", askedAt.minusSeconds(10), askedAt))
                .as("by the Flatchr id it learnt").contains(new MoveOut(webhookHire, MoveOut.Outcome.WITHDRAWN));
        clock.advance(Duration.ofMinutes(1));

        WithdrawnHire withdrawn = journal.withdrawnHires(TENANT).get(0);
        assertThat(journal.movedBackIntoHiredSeenInFlatchr(withdrawn, clock.instant().minusSeconds(5), Duration.ZERO,
                clock.instant(), clock.instant(), CurrentEvent.RECORDED))
                .as("its namesake, cancelled, is no second hire of the application that stands").isTrue();
        assertThat(reader.find(webhookHire).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
    }

    // ---- a search's answer and the webhooks that come between its asking and its use: the later webhook wins

    @Test
    void aMoveOutAnAnswerShowsIsNotTakenWhenAWebhookAfterItWasAskedForShowsTheCandidateBackInHired() {
        // held: the hold is what lets a drag into hired be undone before it reaches Lucca
        String hireId = record("1", Duration.ofHours(1));
        // the recruiter drags her out at 09:10: that webhook is lost
        Instant movedOutAt = T0.plus(Duration.ofMinutes(10));
        // 09:20: a search asks for the candidates changed, and is answered: out of hired since 09:10
        clock.set(T0.plus(Duration.ofMinutes(20)));
        Instant asked = clock.instant();
        // 09:21: the recruiter drags her back into hired, and that webhook comes
        clock.set(T0.plus(Duration.ofMinutes(21)));
        assertThat(Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ofHours(1)).outcome())
                .isEqualTo(Outcome.DUPLICATE);
        // 09:22: the search gets to its answer
        clock.set(T0.plus(Duration.ofMinutes(22)));

        assertThat(Intakes.movedOutSeenInFlatchr(journal, TENANT, movedOut("z7gW", sameApplication("1")), "seen",
                movedOutAt, asked)).as("the answer is older than the webhook").isEmpty();
        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(hire.nextAttemptAt()).as("still held as it was").isEqualTo(T0.plus(Duration.ofHours(1)));

        // a search asked for after the webhook, that shows her moved out again (09:25), withdraws her
        clock.set(T0.plus(Duration.ofMinutes(30)));
        assertThat(only(seenMovedOut("1", T0.plus(Duration.ofMinutes(25)))).outcome())
                .isEqualTo(MoveOut.Outcome.WITHDRAWN);
    }

    @Test
    void aMoveOutTheRecruiterUndidAfterTheSearchWasAnsweredAsksForNoDecisionAgain() {
        String hireId = delivered("1");
        clock.advance(Duration.ofMinutes(1));
        // moved out, its webhook came: a person decided to keep the account
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", sameApplication("1")), HOW);
        Instant movedOutAt = clock.instant();
        journal.decided(hireId, null, "kept: a mistake in Flatchr");
        // a search's answer shows her out; then she is dragged back into hired, and that webhook comes
        clock.advance(Duration.ofMinutes(1));
        Instant asked = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO);
        clock.advance(Duration.ofMinutes(1));

        assertThat(Intakes.movedOutSeenInFlatchr(journal, TENANT, movedOut("z7gW", sameApplication("1")), "seen",
                movedOutAt, asked)).isEmpty();
        HireView hire = reader.find(hireId).orElseThrow();
        assertThat(hire.decisionNeeded()).as("no second decision for the move undone").isNull();
        assertThat(hire.status()).isEqualTo(HireStatus.DELIVERED);
    }

    @Test
    void aMoveBackAnAnswerShowsIsNotTakenWhenAWebhookAfterItWasAskedForShowsTheCandidateOutAgain() {
        String hireId = record("1", Duration.ZERO);
        clock.advance(Duration.ofMinutes(1));
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", sameApplication("1")), HOW);
        // dragged back into hired (that webhook lost), then a search asks and is answered: in hired since then
        Instant movedBackAt = clock.instant().plus(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2));
        Instant asked = clock.instant();
        // dragged out again, and that webhook comes: the hire was withdrawn already, only its history says so
        clock.advance(Duration.ofMinutes(1));
        assertThat(only(Intakes.movedOutOfHired(journal, TENANT, movedOut("1", sameApplication("1")), HOW)).outcome())
                .isEqualTo(MoveOut.Outcome.ALREADY_MOVED_OUT);
        clock.advance(Duration.ofMinutes(1));

        assertThat(journal.withdrawnHires(TENANT).get(0).movedBackIn(sameApplication("1"), null, movedBackAt))
                .as("by the change alone, a move back").isTrue();
        assertThat(journal.movedBackIntoHiredSeenInFlatchr(withdrawn(hireId), movedBackAt, Duration.ZERO, asked, asked,
                CurrentEvent.RECORDED)).as("the answer is older than the webhook").isFalse();
        assertThat(reader.find(hireId).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    @Test
    void aHireMovedBackWithTheEmailOfAnotherWithdrawnHireOfItsApplicationKeepsItsOwnKey() {
        // the webhook's hire, and one a search recorded once the candidate's e-mail was corrected: both withdrawn
        String webhook = record("1", Duration.ZERO);
        String found = journal.record(PAYLOAD, TENANT, Origin.FLATCHR_API, "4242:z7gW", sameApplication("1b"), "z7gW",
                null, List.of(), Duration.ZERO, T0).hireId();
        clock.advance(Duration.ofMinutes(1));
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", sameApplication("1")), HOW);
        Intakes.movedOutOfHired(journal, TENANT, movedOut("z7gW", sameApplication("1b")), HOW);
        clock.advance(Duration.ofMinutes(1));

        // the webhook's is queued again with the search's event of now, whose e-mail the other hire is kept under
        assertThat(journal.movedBackIntoHiredSeenInFlatchr(withdrawn(webhook), clock.instant(), Duration.ZERO,
                clock.instant(), clock.instant(), new CurrentEvent("{\"now\": true}", sameApplication("1b"),
                "its data.candidate.email as the search shows them now"))).isTrue();

        assertThat(reader.find(webhook).orElseThrow().payload()).isEqualTo("{\"now\": true}");
        assertThat(journal.knownApplications(TENANT, List.of(sameApplication("1"), sameApplication("1b"))))
                .as("each keeps its own key").containsExactlyInAnyOrder(sameApplication("1"), sameApplication("1b"));
        assertThat(reader.find(found).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
    }

    @Test
    void aHireIsNotMovedBackWhenAnotherHireOfItsApplicationIsQueuedUnderTheEmailOfNow() {
        String old = record("1", Duration.ZERO);
        new WriteBacks(pool, clock, Duration.ofMinutes(10), "instance-a").applicantFound(old, "z7gW");
        clock.advance(Duration.ofMinutes(1));
        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", sameApplication("1")), HOW);
        // a webhook's hire under the corrected e-mail (Flatchr's id of it not learnt yet), queued
        String now = record("1b", Duration.ZERO);
        clock.advance(Duration.ofMinutes(1));

        assertThat(journal.movedBackIntoHiredSeenInFlatchr(withdrawn(old), clock.instant(), Duration.ZERO,
                clock.instant(), clock.instant(), new CurrentEvent("{}", sameApplication("1b"), null)))
                .as("two would make two accounts").isFalse();
        assertThat(reader.find(old).orElseThrow().status()).isEqualTo(HireStatus.WITHDRAWN);
        assertThat(reader.find(now).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
    }

    @Test
    void aMoveOutASearchShowsIsTheMoveOfTheHireThatKeptFlatchrsIdWhateverItsEmailHasBecome() {
        // the webhook's hire, delivered; a search found its application by e-mail and vacancy, and kept its id
        String hireId = delivered("1");
        journal.applicationsFoundBySearch(TENANT, java.util.Map.of(sameApplication("1"), "z7gW"));
        clock.advance(Duration.ofMinutes(1));

        // the recruiter corrected the e-mail, then moved the candidate out of hired: no webhook for either
        assertThat(only(Intakes.movedOutSeenInFlatchr(journal, TENANT, movedOut("z7gW", sameApplication("1b")),
                "seen", clock.instant(), clock.instant())).outcome()).isEqualTo(MoveOut.Outcome.NEEDS_DECISION);
        assertThat(reader.find(hireId).orElseThrow().decisionNeeded()).isEqualTo(Journal.MOVED_OUT_AFTER_LUCCA);
    }

    private WithdrawnHire withdrawn(String hireId) {
        return journal.withdrawnHires(TENANT).stream().filter(hire -> hire.hireId().equals(hireId)).findFirst()
                .orElseThrow();
    }

    /** A search's answer, asked for now, shows the candidate of application {@code applicantId} out of hired. */
    private List<MoveOut> seenMovedOut(String applicantId, Instant changedAt) {
        return Intakes.movedOutSeenInFlatchr(journal, TENANT, movedOut("z7gW", sameApplication(applicantId)), "seen",
                changedAt, clock.instant());
    }

    // ---- the hold

    @Test
    void aHeldHireIsDueOnlyOnceItsHoldIsOver() {
        String hireId = record("1", Duration.ofMinutes(5));

        assertThat(reader.find(hireId).orElseThrow().nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(reader.history(hireId)).first().extracting(HireEvent::detail).asString()
                .contains("held until 2026-01-05T09:05:00Z");
        clock.advance(Duration.ofMinutes(4));
        assertThat(journal.dueHireIds(TENANT, 10)).isEmpty();
        assertThat(journal.claim(hireId)).isNull();

        clock.advance(Duration.ofMinutes(1));
        assertThat(journal.dueHireIds(TENANT, 10)).containsExactly(hireId);
    }

    @Test
    void aHireWithdrawnWithinItsHoldNeverBecomesDue() {
        String hireId = record("1", Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(2));

        Intakes.movedOutOfHired(journal, TENANT, movedOut("1", null), HOW);
        clock.advance(Duration.ofHours(1));

        assertThat(journal.dueHireIds(TENANT, 10)).isEmpty();
        assertThat(reader.find(hireId).orElseThrow().attempts()).isZero();
    }

    @Test
    void deliverNowSkipsTheHoldOfAQueuedHireOnly() {
        String held = record("1", Duration.ofMinutes(5));
        String due = record("2", Duration.ZERO);

        assertThat(journal.deliverNow(held)).isTrue();
        assertThat(journal.deliverNow(due)).as("already due").isFalse();

        assertThat(journal.dueHireIds(TENANT, 10)).containsExactlyInAnyOrder(held, due);
        assertThat(reader.history(held)).last().extracting(HireEvent::detail)
                .isEqualTo("to be delivered now, asked by an operator");
        Intakes.movedOutOfHired(journal, TENANT, movedOut("2", null), HOW);
        assertThat(journal.deliverNow(due)).as("withdrawn").isFalse();
    }

    /** A hire whose create was sent and timed out: Lucca may have made the user. It is retried at {@code next}. */
    private String createAnswerLost(String applicantId, Instant next) {
        String hireId = record(applicantId, Duration.ZERO);
        journal.claim(hireId);
        journal.markCreateAttempted(hireId, "{}", LUCCA);
        journal.retryLater(hireId, next, new EventDetail("create-user", 504, "", "timed out"));
        return hireId;
    }

    /** A hire whose user Lucca made (416), its work contract to be set at its next attempt (Lucca was down). */
    private String contractToCome(String applicantId) {
        String hireId = record(applicantId, Duration.ZERO);
        journal.claim(hireId);
        journal.markCreateAttempted(hireId, "{}", LUCCA);
        journal.recordLuccaUser(hireId, 416, LUCCA);
        journal.retryLater(hireId, T0.plusSeconds(30), new EventDetail("create-work-contract", 503, "", "down"));
        return hireId;
    }

    /** A hire whose create is recorded, waiting for its turn in Lucca's rate limit before it is sent. */
    private String createRecordedUnsent(String applicantId) {
        String hireId = record(applicantId, Duration.ZERO);
        journal.claim(hireId);
        journal.markCreateAttempted(hireId, "{\"login\":\"jdupont\"}", LUCCA);
        return hireId;
    }

    /** As retention erases with RETENTION_DAYS=30, for a tenant that writes nothing back. */
    private int eraseAfterThirtyDays() {
        return journal.erasePersonalData(clock.instant().minus(Duration.ofDays(30)), clock.instant(), List.of());
    }

    /** A hire delivered to Lucca as user 417, as its webhook brought it. */
    private String delivered(String applicantId) {
        String hireId = record(applicantId, Duration.ZERO);
        journal.claim(hireId);
        journal.markDelivered(hireId, 417, List.of());
        return hireId;
    }

    private String record(String applicantId, Duration hold) {
        return Intakes.recordIntake(journal, PAYLOAD, hire(applicantId), TENANT, hold).hireId();
    }

    /** A hire of vacancy 5, as Flatchr's webhook sends it, by a candidate of its own. */
    private static HireVerdict hire(String applicantId) {
        return new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", applicantId, List.of(), sameApplication(applicantId));
    }

    private static String sameApplication(String applicantId) {
        return "person-" + applicantId + "@example.org|5";
    }

    /** The move out's only hire: one application, one hire. */
    private static MoveOut only(List<MoveOut> moveOuts) {
        assertThat(moveOuts).hasSize(1);
        return moveOuts.get(0);
    }

    private static HireVerdict movedOut(String applicantId, String sameApplication) {
        return movedOut(applicantId, null, sameApplication);
    }

    /** A move out whose event names the application by {@code applicantId} and, as well, by the plain one. */
    private static HireVerdict movedOut(String applicantId, String plainApplicantId, String sameApplication) {
        return new HireVerdict(HireVerdict.Kind.MOVED_OUT, HOW, "4242", applicantId, List.of(), sameApplication,
                plainApplicantId);
    }
}
