package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.intake.UnusableField;
import io.github.flatchrlucca.journal.IntakeResult.Outcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    private static final String TENANT = "acme";
    // The Lucca a hire's user is made in, as the journal keeps it (LuccaConnection.instance)
    private static final String LUCCA = "https://acme.ilucca.net";

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final String PAYLOAD = "{\"event\":\"drag_applicant\",\"company_id\":4242}";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private TestJournal h2;
    private DataSource pool;
    private Journal journal;
    private JournalReader reader;
    // a journal as an earlier version left it, for a test of its upgrade
    private JdbcConnectionPool older;

    @BeforeEach
    void openJournal() {
        h2 = TestJournal.inFolder(dir);
        pool = h2.dataSource();
        journal = new Journal(pool, clock, LEASE, "instance-a");
        reader = new JournalReader(pool);
    }

    @AfterEach
    void closeJournal() {
        h2.close();
        if (older != null) {
            older.dispose();
        }
    }

    // ---- intake

    @Test
    void aNewHireIsAcceptedAndQueued() {
        IntakeResult result = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO);

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        HireView record = reader.find(result.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(record.receivedAt()).isEqualTo(T0);
        assertThat(record.nextAttemptAt()).isEqualTo(T0);
        assertThat(record.attempts()).isZero();
        assertThat(record.lastError()).isNull();
        assertThat(record.warnings()).isEmpty();
    }

    @Test
    void theSameHireSentAgainIsADuplicateOfTheFirst() {
        IntakeResult first = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO);

        IntakeResult second = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO);

        assertThat(second).isEqualTo(new IntakeResult(first.hireId(), Outcome.DUPLICATE));
    }

    @Test
    void anotherApplicantIsAnotherHire() {
        IntakeResult first = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO);

        IntakeResult second = Intakes.recordIntake(journal, PAYLOAD, hire("5678"), TENANT, Duration.ZERO);

        assertThat(second.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(second.hireId()).isNotEqualTo(first.hireId());
    }

    @Test
    void theSameApplicantInAnotherCompanyIsAnotherHire() {
        Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO);

        IntakeResult other = Intakes.recordIntake(journal, PAYLOAD,
                new HireVerdict(HireVerdict.Kind.HIRE, null, "9999", "1234", List.of()), TENANT, Duration.ZERO);

        assertThat(other.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void anIncompleteHireIsRecordedAsRejectedWithItsMissingFields() {
        IntakeResult result = Intakes.recordIntake(journal, PAYLOAD, incomplete("1234", "data.candidate.email"), TENANT, Duration.ZERO);

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        HireView record = reader.find(result.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.REJECTED);
        assertThat(record.lastError()).isEqualTo("data.candidate.email is missing");
        assertThat(record.nextAttemptAt()).isNull();
    }

    @Test
    void aRejectedHireIsNeverClaimed() {
        Intakes.recordIntake(journal, PAYLOAD, incomplete("1234", "data.candidate.email"), TENANT, Duration.ZERO);
        clock.advance(Duration.ofDays(1));

        assertThat(claimDue(10)).isEmpty();
    }

    @Test
    void aRejectedHireSentAgainStillIncompleteIsRejectedForWhatItLacksNow() {
        IntakeResult first = Intakes.recordIntake(journal, PAYLOAD, incomplete("1234", "data.candidate.email"), TENANT, Duration.ZERO);
        clock.advance(Duration.ofMinutes(1));

        IntakeResult second = Intakes.recordIntake(journal, "{\"v\":2}", incomplete("1234", "data.candidate.lastname"), TENANT, Duration.ZERO);

        assertThat(second).as("answered 422, as the first, and told: its reason changed")
                .isEqualTo(new IntakeResult(first.hireId(), Outcome.REJECTED, true));
        HireView record = reader.find(first.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.REJECTED);
        assertThat(record.payload()).isEqualTo("{\"v\":2}");
        assertThat(record.lastError()).isEqualTo("data.candidate.lastname is missing");
        assertThat(record.writeBack()).as("the recruiter reads what is missing now").isEqualTo("PENDING");
        assertThat(reader.history(first.hireId())).last().extracting(HireEvent::detail)
                .isEqualTo("sent again: data.candidate.lastname is missing");
    }

    @Test
    void aRejectionIsNewsOnceForEachReason() {
        IntakeResult first = Intakes.recordIntake(journal, PAYLOAD, incomplete("1234", "data.candidate.email"), TENANT, Duration.ZERO);
        clock.advance(Duration.ofMinutes(1));

        IntakeResult again = Intakes.recordIntake(journal, PAYLOAD, incomplete("1234", "data.candidate.email"), TENANT, Duration.ZERO);

        assertThat(first.newRejection()).as("a new hire rejected").isTrue();
        assertThat(again).as("the same reason sent again: still 422, no news")
                .isEqualTo(new IntakeResult(first.hireId(), Outcome.REJECTED, false));
        assertThat(Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO).newRejection()).isFalse();
    }

    @Test
    void aRejectedHireSentAgainCompleteIsAcceptedUnderTheSameId() {
        IntakeResult rejected = Intakes.recordIntake(journal, PAYLOAD, incomplete("1234", "data.candidate.email"), TENANT, Duration.ZERO);
        clock.advance(Duration.ofMinutes(5));

        IntakeResult accepted = Intakes.recordIntake(journal, "{\"fixed\":true}", hire("1234"), TENANT, Duration.ZERO);

        assertThat(accepted).isEqualTo(new IntakeResult(rejected.hireId(), Outcome.ACCEPTED));
        HireView record = reader.find(rejected.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(record.lastError()).isNull();
        assertThat(record.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aRejectedHireAcceptedLaterIsDeliveredWithItsCompletePayload() {
        Intakes.recordIntake(journal, PAYLOAD, incomplete("1234", "data.candidate.email"), TENANT, Duration.ZERO);
        Intakes.recordIntake(journal, "{\"fixed\":true}", hire("1234"), TENANT, Duration.ZERO);

        assertThat(claimDue(10)).singleElement()
                .satisfies(hire -> assertThat(hire.payload()).isEqualTo("{\"fixed\":true}"));
    }

    @Test
    void aRejectedHireAcceptedLaterIsAgedFromItsAcceptance() {
        IntakeResult rejected = Intakes.recordIntake(journal, PAYLOAD, incomplete("1234", "data.candidate.email"), TENANT, Duration.ZERO);
        clock.advance(Duration.ofDays(2));

        Intakes.recordIntake(journal, "{\"fixed\":true}", hire("1234"), TENANT, Duration.ZERO);

        assertThat(reader.find(rejected.hireId()).orElseThrow().receivedAt()).isEqualTo(T0.plus(Duration.ofDays(2)));
    }

    @Test
    void aRejectedHireSentAgainWithItsEmailIsKnownByItsEmailAndVacancy() {
        IntakeResult rejected = Intakes.recordIntake(journal, PAYLOAD, incomplete("1234", "data.candidate.email"), TENANT, Duration.ZERO);

        Intakes.recordIntake(journal, PAYLOAD, sameApplication("1234", "jeanne@example.org|5"), TENANT, Duration.ZERO);

        assertThat(journal.knownApplications(TENANT, List.of("jeanne@example.org|5")))
                .as("a search of Flatchr's API finds it, and records no second hire").containsExactly("jeanne@example.org|5");
        IntakeResult found = Intakes.record(journal, PAYLOAD, sameApplication("z7gWQnjXG77hJRak", "jeanne@example.org|5"),
                TENANT, Origin.FLATCHR_API, List.of(), Duration.ZERO);
        assertThat(found).isEqualTo(new IntakeResult(rejected.hireId(), Outcome.DUPLICATE));
    }

    @Test
    void aRejectedHireSentAgainWithTheEmailOfAHireFoundMeanwhileIsItsDuplicate() {
        IntakeResult rejected = Intakes.recordIntake(journal, PAYLOAD, incomplete("1234", "data.candidate.email"), TENANT, Duration.ZERO);
        clock.advance(Duration.ofMinutes(1));
        IntakeResult found = Intakes.record(journal, PAYLOAD, sameApplication("z7gWQnjXG77hJRak", "jeanne@example.org|5"),
                TENANT, Origin.FLATCHR_API, List.of(), Duration.ZERO);

        IntakeResult again = Intakes.recordIntake(journal, PAYLOAD, sameApplication("1234", "jeanne@example.org|5"), TENANT, Duration.ZERO);

        assertThat(again).isEqualTo(new IntakeResult(found.hireId(), Outcome.DUPLICATE));
        assertThat(reader.find(rejected.hireId()).orElseThrow().status()).isEqualTo(HireStatus.REJECTED);
        assertThat(reader.find(found.hireId()).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
    }

    @Test
    void anAcceptedHireSentAgainIncompleteStaysAccepted() {
        IntakeResult accepted = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO);

        IntakeResult again = Intakes.recordIntake(journal, "{}", incomplete("1234", "data.candidate.email"), TENANT, Duration.ZERO);

        assertThat(again).isEqualTo(new IntakeResult(accepted.hireId(), Outcome.DUPLICATE));
        HireView record = reader.find(accepted.hireId()).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(record.lastError()).isNull();
    }

    @Test
    void aDeliveredHireSentAgainIsADuplicateAndStaysDelivered() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO).hireId();
        journal.markDelivered(hireId, 416, List.of());

        IntakeResult again = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO);

        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(reader.find(hireId).orElseThrow().status()).isEqualTo(HireStatus.DELIVERED);
        assertThat(claimDue(10)).isEmpty();
    }

    // ---- claims

    @Test
    void aDueHireIsClaimedWithItsPayloadAndOneMoreAttempt() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO).hireId();

        List<ClaimedHire> claimed = claimDue(10);

        assertThat(claimed).containsExactly(new ClaimedHire(hireId, TENANT, PAYLOAD, T0, T0, T0, 1, null, null, null));
        assertThat(reader.find(hireId).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void aHeldHireIsClaimedWithTheEndOfItsHoldFromWhichItsWaitForLuccaCounts() {
        String held = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ofHours(2)).hireId();
        String cutShort = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ofHours(2)).hireId();
        clock.advance(Duration.ofMinutes(30));
        journal.deliverNow(cutShort);
        clock.advance(Duration.ofMinutes(90));

        ClaimedHire heldClaimed = journal.claim(held);
        ClaimedHire cutShortClaimed = journal.claim(cutShort);

        assertThat(heldClaimed.heldUntil()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(heldClaimed.waitingSince()).as("its hold over").isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(cutShortClaimed.waitingSince()).as("an operator's deliver-now ended its hold")
                .isEqualTo(T0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aClaimedHireIsNotClaimedAgainWhileTheLeaseRuns() {
        Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO);
        claimDue(10);
        clock.advance(LEASE);

        assertThat(claimDue(10)).isEmpty();
    }

    @Test
    void aClaimLeftPastItsLeaseIsClaimedAgainWithAnotherAttempt() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO).hireId();
        claimDue(10);
        clock.advance(LEASE.plusSeconds(1));

        assertThat(claimDue(10)).singleElement().satisfies(hire -> {
            assertThat(hire.hireId()).isEqualTo(hireId);
            assertThat(hire.attempts()).isEqualTo(2);
        });
    }

    @Test
    void releasedClaimsCanBeClaimedAgainAtOnce() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO).hireId();
        claimDue(10);

        journal.releaseClaims();

        assertThat(claimDue(10)).extracting(ClaimedHire::hireId).containsExactly(hireId);
    }

    @Test
    void atMostTheAskedNumberOfHiresIsClaimedTheLongestWaitingFirst() {
        String first = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        clock.advance(Duration.ofSeconds(1));
        String second = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ZERO).hireId();
        clock.advance(Duration.ofSeconds(1));
        String third = Intakes.recordIntake(journal, PAYLOAD, hire("3"), TENANT, Duration.ZERO).hireId();

        assertThat(claimDue(2)).extracting(ClaimedHire::hireId).containsExactly(first, second);
        assertThat(claimDue(2)).extracting(ClaimedHire::hireId).containsExactly(third);
    }

    @Test
    void nothingIsClaimedFromAnEmptyJournal() {
        assertThat(claimDue(10)).isEmpty();
    }

    /**
     * What H2 writes again it first holds in memory, the row before the change too (its undo log) while any read begun
     * earlier runs: an event kept in its hire's row came with each of the hire's changes (a claim, each renewal before
     * a Lucca call, each outcome), a megabyte each for the largest ones. Out of the row, it is written once.
     */
    @Test
    void aHiresChangesDoNotWriteItsEventAgain() throws java.io.IOException {
        String event = "{\"pad\":\"" + "é".repeat(500_000) + "\"}";
        String hireId = Intakes.recordIntake(journal, event, hire("1"), TENANT, Duration.ZERO).hireId();
        Path file = dir.resolve("journal.mv.db");
        long written = java.nio.file.Files.size(file);

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(journal.claim(hireId)).isNotNull();
            journal.releaseClaim(hireId);
        }

        // each commit of this journal is written at once (WRITE_DELAY=0), at the end of its file
        assertThat(java.nio.file.Files.size(file) - written).as("bytes written by ten changes of a hire")
                .isLessThan(event.length());
        assertThat(journal.claim(hireId).payload()).isEqualTo(event);
    }

    // ---- retries

    @Test
    void aHireToRetryIsNotClaimedBeforeItsTime() {
        String hireId = claimedHire();
        journal.retryLater(hireId, T0.plusSeconds(30), new EventDetail("create-user", 503, "down", "Lucca answered 503 to create-user"));
        clock.advance(Duration.ofSeconds(29));

        assertThat(claimDue(10)).isEmpty();
    }

    @Test
    void aHireToRetryIsClaimedOnceItsTimeComes() {
        String hireId = claimedHire();
        journal.retryLater(hireId, T0.plusSeconds(30), new EventDetail("create-user", 503, "down", "Lucca answered 503 to create-user"));
        clock.advance(Duration.ofSeconds(30));

        assertThat(claimDue(10)).singleElement().satisfies(hire -> {
            assertThat(hire.hireId()).isEqualTo(hireId);
            assertThat(hire.attempts()).isEqualTo(2);
        });
    }

    @Test
    void dueHiresComeLongestWaitingFirstWhateverTheirStatusAndNoMoreThanAsked() {
        String retrying = claimedHire();
        journal.retryLater(retrying, T0.plusSeconds(10), new EventDetail("create-user", 503, "down", "Lucca answered 503"));
        clock.advance(Duration.ofSeconds(5));
        String earlier = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        clock.advance(Duration.ofSeconds(10));
        String later = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ZERO).hireId();

        assertThat(journal.dueHireIds(TENANT, 10)).containsExactly(earlier, retrying, later);
        assertThat(journal.dueHireIds(TENANT, 2)).containsExactly(earlier, retrying);
    }

    @Test
    void aHireToRetryKeepsItsFailureForTheOperator() {
        String hireId = claimedHire();
        clock.advance(Duration.ofSeconds(3));

        journal.retryLater(hireId, T0.plusSeconds(30), new EventDetail("create-user", 503, "down", "Lucca answered 503 to create-user"));

        HireView record = reader.find(hireId).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.RETRYING);
        assertThat(record.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(record.lastLuccaStatus()).isEqualTo(503);
        assertThat(record.lastLuccaBody()).isEqualTo("down");
        assertThat(record.lastError()).isEqualTo("Lucca answered 503 to create-user");
        assertThat(record.updatedAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void aFailureWithoutLuccaAnswerKeepsOnlyTheError() {
        String hireId = claimedHire();

        journal.retryLater(hireId, T0.plusSeconds(30), new EventDetail("create-user", null, null, "SocketTimeoutException during create-user"));

        HireView record = reader.find(hireId).orElseThrow();
        assertThat(record.lastLuccaStatus()).isNull();
        assertThat(record.lastLuccaBody()).isNull();
        assertThat(record.lastError()).isEqualTo("SocketTimeoutException during create-user");
    }

    // ---- outcomes

    @Test
    void aDeliveredHireKeepsItsUserAndWarningsAndLeavesTheQueue() {
        String hireId = claimedHire();
        journal.retryLater(hireId, T0, new EventDetail("create-user", 503, "down", "Lucca answered 503"));
        claimDue(10);
        clock.advance(Duration.ofSeconds(5));

        journal.markDelivered(hireId, 416, List.of("start date estimated", "phone number could not be read; not sent"));

        HireView record = reader.find(hireId).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.DELIVERED);
        assertThat(record.luccaUserId()).isEqualTo(416L);
        assertThat(record.warnings()).containsExactly("start date estimated", "phone number could not be read; not sent");
        assertThat(record.lastError()).isNull();
        assertThat(record.nextAttemptAt()).isNull();
        assertThat(record.updatedAt()).isEqualTo(T0.plusSeconds(5));
        clock.advance(LEASE.multipliedBy(2));
        assertThat(claimDue(10)).isEmpty();
    }

    @Test
    void aHireAlreadyInLuccaKeepsTheUserFound() {
        String hireId = claimedHire();

        journal.markAlreadyInLucca(hireId, 77, List.of("a user with this e-mail is already in Lucca"));

        HireView record = reader.find(hireId).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.ALREADY_IN_LUCCA);
        assertThat(record.luccaUserId()).isEqualTo(77L);
        assertThat(record.warnings()).containsExactly("a user with this e-mail is already in Lucca");
    }

    @Test
    void aDeadHireKeepsLuccaAnswerAndLeavesTheQueue() {
        String hireId = claimedHire();

        journal.markDead(hireId, new EventDetail("create-user", 422, "{\"message\":\"bad mail\"}", "Lucca answered 422 to create-user"));

        HireView record = reader.find(hireId).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.DEAD);
        assertThat(record.lastLuccaStatus()).isEqualTo(422);
        assertThat(record.lastLuccaBody()).isEqualTo("{\"message\":\"bad mail\"}");
        assertThat(record.lastError()).isEqualTo("Lucca answered 422 to create-user");
        assertThat(record.nextAttemptAt()).isNull();
        clock.advance(LEASE.multipliedBy(2));
        assertThat(claimDue(10)).isEmpty();
    }

    @Test
    void aDeadHireWhoseCreateWentUnansweredSaysTheUserMayExist() {
        String lost = claimedHire();
        journal.markCreateAttempted(lost, "{\"login\":\"emuller\"}", LUCCA);
        journal.markDead(lost, new EventDetail("find-person-by-login", 503, null, "Lucca could not be reached in time"));
        String refused = Intakes.recordIntake(journal, PAYLOAD, hire("5678"), TENANT, Duration.ZERO).hireId();
        assertThat(claimDue(10)).extracting(ClaimedHire::hireId).containsExactly(refused);
        journal.markCreateAttempted(refused, "{\"login\":\"jdoe\"}", LUCCA);
        journal.markDead(refused, new EventDetail("create-user", 422, null, "Lucca answered 422 to create-user"));

        assertThat(reader.find(lost).orElseThrow().createUnanswered()).isTrue();
        assertThat(reader.find(refused).orElseThrow().createUnanswered()).as("Lucca made nothing").isFalse();
        assertThat(reader.list(new HireFilter(null, HireStatus.DEAD, null, null, null, 0, 10)))
                .extracting(HireView::hireId, HireView::createUnanswered)
                .containsExactlyInAnyOrder(tuple(lost, true), tuple(refused, false));
    }

    @Test
    void aDryRunKeepsTheRequestThatWouldHaveBeenSent() {
        String hireId = claimedHire();

        journal.markDryRun(hireId, "{\"login\":\"emuller\"}", List.of("contract type not mapped"));

        HireView record = reader.find(hireId).orElseThrow();
        assertThat(record.status()).isEqualTo(HireStatus.DRY_RUN);
        assertThat(record.luccaRequest()).isEqualTo("{\"login\":\"emuller\"}");
        assertThat(record.warnings()).containsExactly("contract type not mapped");
        assertThat(record.luccaUserId()).isNull();
        clock.advance(LEASE.multipliedBy(2));
        assertThat(claimDue(10)).isEmpty();
    }

    @Test
    void anAttemptedCreateIsKnownToTheNextClaim() {
        String hireId = claimedHire();
        journal.markCreateAttempted(hireId, "{\"login\":\"emuller\"}", LUCCA);
        journal.releaseClaims();

        assertThat(claimDue(10)).singleElement().satisfies(hire -> {
            assertThat(hire.createAttempted()).isTrue();
            assertThat(hire.luccaInstance()).as("the Lucca it was sent to").isEqualTo(LUCCA);
        });
        assertThat(reader.find(hireId).orElseThrow().luccaRequest()).isEqualTo("{\"login\":\"emuller\"}");
    }

    @Test
    void aCreatedUserIsKnownToTheNextClaim() {
        String hireId = claimedHire();
        journal.markCreateAttempted(hireId, "{}", "https://acme-old.ilucca.net");
        journal.recordLuccaUser(hireId, 416, LUCCA);
        journal.releaseClaims();

        assertThat(claimDue(10)).singleElement().satisfies(hire -> {
            assertThat(hire.luccaUserId()).isEqualTo(416L);
            assertThat(hire.luccaInstance()).as("the Lucca the user was made in").isEqualTo(LUCCA);
        });
    }

    @Test
    void aReplayForgetsWhatWasMadeInALuccaItsTenantLeft() {
        String hireId = claimedHire();
        journal.markCreateAttempted(hireId, "{}", LUCCA);
        journal.recordLuccaUser(hireId, 416, LUCCA);
        journal.markDead(hireId, new EventDetail(null, null, null, "made in the Lucca its tenant used before"));

        assertThat(journal.replay(hireId, PAYLOAD, null)).isTrue();
        assertThat(claimDue(1)).as("its tenant not in force: kept, for the attempt to check").singleElement()
                .satisfies(hire -> assertThat(hire.madeElsewhereThan("https://acme-new.ilucca.net")).isTrue());
        journal.markDead(hireId, new EventDetail(null, null, null, "made in the Lucca its tenant used before"));
        assertThat(journal.replay(hireId, PAYLOAD, LUCCA)).isTrue();
        assertThat(claimDue(1)).as("the same Lucca: kept").singleElement()
                .satisfies(hire -> assertThat(hire.luccaUserId()).isEqualTo(416L));
        journal.markDead(hireId, new EventDetail(null, null, null, "made in the Lucca its tenant used before"));

        assertThat(journal.replay(hireId, PAYLOAD, "https://acme-new.ilucca.net")).isTrue();

        assertThat(claimDue(1)).singleElement().satisfies(hire -> {
            assertThat(hire.luccaUserId()).isNull();
            assertThat(hire.createAttempted()).isFalse();
            assertThat(hire.luccaInstance()).isNull();
        });
    }

    @Test
    void aUserKeptUnderAnEarlierSpellingOfTheSameLuccaIsKeptByTheNextAttemptAndByAReplay() {
        // kept before keys were written one way: a host in capitals, a default port written out
        String hireId = claimedHire();
        journal.markCreateAttempted(hireId, "{}", "https://Acme.ilucca.net:443");
        journal.recordLuccaUser(hireId, 416, "https://Acme.ilucca.net:443");
        journal.markDead(hireId, new EventDetail(null, null, null, "the contract was refused"));

        assertThat(journal.replay(hireId, PAYLOAD, LUCCA)).isTrue();

        assertThat(claimDue(1)).singleElement().satisfies(hire -> {
            assertThat(hire.luccaUserId()).as("made in this Lucca: not made again").isEqualTo(416L);
            assertThat(hire.createAttempted()).isTrue();
            assertThat(hire.madeElsewhereThan(LUCCA)).isFalse();
            assertThat(hire.madeElsewhereThan("https://acme-new.ilucca.net")).isTrue();
        });
    }

    @Test
    void anUnknownHireIsNotFound() {
        assertThat(reader.find("no-such-hire")).isEmpty();
    }

    // ---- a journal that cannot commit

    @Test
    void aBrokenDatabaseMakesTheIntakeUnavailable() {
        Journal broken = new Journal(new BrokenDataSource(), clock, LEASE, "instance-a");

        assertThatExceptionOfType(JournalUnavailable.class)
                .isThrownBy(() -> Intakes.recordIntake(broken, PAYLOAD, hire("1234"), TENANT, Duration.ZERO))
                .withMessage("The journal could not record a hire")
                .withCauseInstanceOf(SQLException.class);
    }

    @Test
    void aBrokenDatabaseMakesClaimsUnavailable() {
        Journal broken = new Journal(new BrokenDataSource(), clock, LEASE, "instance-a");

        assertThatExceptionOfType(JournalUnavailable.class).isThrownBy(() -> broken.dueHireIds(TENANT, 10));
    }

    @Test
    void aBrokenDatabaseMakesUpdatesUnavailable() {
        Journal broken = new Journal(new BrokenDataSource(), clock, LEASE, "instance-a");

        assertThatExceptionOfType(JournalUnavailable.class)
                .isThrownBy(() -> broken.markDelivered("some-hire", 416, List.of()));
    }

    @Test
    void aBrokenDatabaseMakesReadsUnavailable() {
        JournalReader broken = new JournalReader(new BrokenDataSource());

        assertThatExceptionOfType(JournalUnavailable.class).isThrownBy(() -> broken.find("some-hire"));
    }

    private String claimedHire() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO).hireId();
        assertThat(claimDue(10)).extracting(ClaimedHire::hireId).containsExactly(hireId);
        return hireId;
    }

    private static HireVerdict sameApplication(String applicantId, String sameApplication) {
        return new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", applicantId, List.of(), sameApplication);
    }

    private static HireVerdict hire(String applicantId) {
        return new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", applicantId, List.of());
    }

    private static HireVerdict incomplete(String applicantId, String missingField) {
        return new HireVerdict(HireVerdict.Kind.INCOMPLETE, null, "4242", applicantId,
                List.of(new UnusableField(missingField, "missing")));
    }

    /** A database that cannot be reached: every connection fails. */
    /** What the poller does: the due hires, each claimed in turn. */
    private List<ClaimedHire> claimDue(int max) {
        return claimDue(journal, max);
    }

    private static List<ClaimedHire> claimDue(Journal by, int max) {
        return by.dueHireIds(TENANT, max).stream().map(by::claim).filter(java.util.Objects::nonNull).toList();
    }

    // ---- several instances, stopping, retention

    @Test
    void ofTwoInstancesClaimingTheSameHireOnlyOneGetsIt() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO).hireId();
        Journal other = new Journal(pool, clock, LEASE, "instance-b");

        assertThat(journal.claim(hireId)).isNotNull();
        assertThat(other.claim(hireId)).isNull();
    }

    @Test
    void aClaimRenewedBeforeEachCallIsNotTakenOver() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO).hireId();
        Journal other = new Journal(pool, clock, LEASE, "instance-b");
        journal.claim(hireId);
        clock.advance(LEASE.minusSeconds(1));
        h2.nextLuccaCall(journal, hireId, clock.instant());
        clock.advance(Duration.ofSeconds(2));

        assertThat(other.claim(hireId)).isNull();
    }

    @Test
    void anInstanceWhoseLeaseRanOutAndWasTakenOverMustStop() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO).hireId();
        Journal other = new Journal(pool, clock, LEASE, "instance-b");
        journal.claim(hireId);
        clock.advance(LEASE.plusSeconds(1));

        assertThat(other.claim(hireId)).isNotNull();
        assertThatExceptionOfType(ClaimLost.class)
                .isThrownBy(() -> h2.nextLuccaCall(journal, hireId, clock.instant()));
    }

    @Test
    void aCreateRecordedByAnInstanceWhoseLeaseRanOutIsRefusedAndLeavesTheNewHoldersRequest() {
        // its lease ran out while its attempt read Lucca's people (a read renews no claim)
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO).hireId();
        Journal other = new Journal(pool, clock, LEASE, "instance-b");
        journal.claim(hireId);
        clock.advance(LEASE.plusSeconds(1));
        assertThat(other.claim(hireId)).isNotNull();
        other.markCreateAttempted(hireId, "{\"login\":\"jdoe\"}", LUCCA);

        assertThatExceptionOfType(ClaimLost.class)
                .isThrownBy(() -> journal.markCreateAttempted(hireId, "{\"login\":\"jdoe2\"}", LUCCA));
        assertThat(reader.find(hireId).orElseThrow().luccaRequest()).isEqualTo("{\"login\":\"jdoe\"}");
    }

    @Test
    void aCreateRecordedForAHireNoLongerQueuedIsRefused() {
        String hireId = claimedHire();
        journal.markCreateAttempted(hireId, "{\"login\":\"jdoe\"}", LUCCA);
        journal.recordLuccaUser(hireId, 416, LUCCA);
        journal.markDelivered(hireId, 416, List.of());

        assertThatExceptionOfType(ClaimLost.class)
                .isThrownBy(() -> journal.markCreateAttempted(hireId, "{\"login\":\"jdoe2\"}", LUCCA));
        assertThat(reader.find(hireId).orElseThrow().luccaRequest()).isEqualTo("{\"login\":\"jdoe\"}");
    }

    @Test
    void aCallsSlotRenewsTheClaimInTheSameCommit() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO).hireId();
        Journal other = new Journal(pool, clock, LEASE, "instance-b");
        RateLimitStore budget = new RateLimitStore(pool);
        journal.claim(hireId);
        clock.advance(LEASE.minusSeconds(1));

        assertThat(budget.takeOrWait("lucca", 10, Duration.ofMinutes(1), clock.instant(), journal.stillHolding(hireId))
                .taken()).isTrue();
        clock.advance(Duration.ofSeconds(2));

        assertThat(other.claim(hireId)).as("renewed with the slot").isNull();
    }

    @Test
    void aCallForAHireTakenOverTakesNoSlot() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ZERO).hireId();
        Journal other = new Journal(pool, clock, LEASE, "instance-b");
        RateLimitStore budget = new RateLimitStore(pool);
        journal.claim(hireId);
        clock.advance(LEASE.plusSeconds(1));
        other.claim(hireId);

        assertThatExceptionOfType(ClaimLost.class).isThrownBy(() -> budget.takeOrWait("lucca", 1, Duration.ofMinutes(1),
                clock.instant(), journal.stillHolding(hireId)));
        assertThat(budget.takeOrWait("lucca", 1, Duration.ofMinutes(1), clock.instant(),
                other.stillHolding(hireId)).taken()).as("the one slot of the window is still free").isTrue();
    }

    @Test
    void aStoppingInstanceTakesNothingNewAndGivesBackOnlyItsOwnClaims() {
        String mine = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        String theirs = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ZERO).hireId();
        String waiting = Intakes.recordIntake(journal, PAYLOAD, hire("3"), TENANT, Duration.ZERO).hireId();
        Journal other = new Journal(pool, clock, LEASE, "instance-b");
        journal.claim(mine);
        other.claim(theirs);

        journal.stopClaiming();

        assertThat(journal.claim(waiting)).isNull();
        assertThat(journal.releaseOwnClaims()).isEqualTo(1);
        assertThat(claimDue(other, 10)).extracting(ClaimedHire::hireId).containsExactlyInAnyOrder(mine, waiting);
    }

    @Test
    void aStoppingInstanceKeepsEachHireACreateOfWhichMayStillBeOnItsWayUntilItsLeaseEnds() {
        String lookingUp = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        String creating = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ZERO).hireId();
        String contracting = Intakes.recordIntake(journal, PAYLOAD, hire("3"), TENANT, Duration.ZERO).hireId();
        Journal other = new Journal(pool, clock, LEASE, "instance-b");
        List.of(lookingUp, creating, contracting).forEach(journal::claim);
        // the stop's timeout cuts these attempts short: one sending its user's create (or a returning employee's
        // contract), one its new user's contract, which nothing records before it is sent
        journal.markCreateAttempted(creating, "{\"login\":\"jdupont\"}", LUCCA);
        journal.markCreateAttempted(contracting, "{\"login\":\"mcurie\"}", LUCCA);
        journal.recordLuccaUser(contracting, 416, LUCCA);
        journal.stopClaiming();

        assertThat(journal.releaseOwnClaims()).isOne();
        assertThat(claimDue(other, 10)).extracting(ClaimedHire::hireId).as("only the one that made only look-ups")
                .containsExactly(lookingUp);
        other.markDelivered(lookingUp, 417, List.of());

        clock.advance(LEASE.plusSeconds(1));
        assertThat(claimDue(other, 10)).extracting(ClaimedHire::hireId).as("taken over as after a crash")
                .containsExactlyInAnyOrder(creating, contracting);
    }

    @Test
    void aHireWhoseOutcomeIsStillBeingWrittenBackKeepsItsDataUntilTheWriteBackIsOver() {
        String finished = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        journal.markDelivered(finished, 416, List.of());
        clock.advance(Duration.ofHours(1));

        // RETENTION_DAYS=0: finished is enough; the write-back (pending since the delivery) is tried for 24 h
        assertThat(journal.erasePersonalData(clock.instant(), clock.instant().minus(Duration.ofHours(24)),
                List.of(TENANT))).isZero();
        assertThat(reader.find(finished).orElseThrow().payload()).isEqualTo(PAYLOAD);

        clock.advance(Duration.ofHours(24));
        assertThat(journal.erasePersonalData(clock.instant(), clock.instant().minus(Duration.ofHours(24)),
                List.of(TENANT))).isOne();
        assertThat(reader.find(finished).orElseThrow().payload()).isNull();
    }

    @Test
    void aLongBacklogIsFoundAndErasedAPageAtATimeNotHeldAllAtOnce() throws Exception {
        List<String> finished = new java.util.ArrayList<>();
        // a thousand and one hires delivered, written as the journal would (one by one through it takes seconds)
        try (java.sql.Connection connection = pool.getConnection(); java.sql.PreparedStatement insert = connection
                .prepareStatement("INSERT INTO hire (hire_id, tenant, dedupe_key, status, payload, received_at, "
                        + "queued_at, updated_at, lucca_user_id) VALUES (?, ?, ?, 'DELIVERED', ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 1_001; i++) {
                String hireId = HireIds.at(T0.toEpochMilli());
                java.sql.Timestamp at = java.sql.Timestamp.from(T0);
                insert.setString(1, hireId);
                insert.setString(2, TENANT);
                insert.setString(3, TENANT + ":4242:" + i);
                insert.setString(4, PAYLOAD);
                insert.setTimestamp(5, at);
                insert.setTimestamp(6, at);
                insert.setTimestamp(7, at);
                insert.setLong(8, 416 + i);
                insert.addBatch();
                finished.add(hireId);
            }
            insert.executeBatch();
        }
        clock.advance(Duration.ofHours(1));
        List<String> searches = new java.util.ArrayList<>();
        Journal erasing = new Journal(WatchedStatements.of(pool, prepared -> {
            if (prepared.startsWith("SELECT hire_id FROM hire WHERE status NOT IN")) {
                searches.add(prepared);
            }
        }), clock, LEASE, "instance-a");

        // RETENTION_DAYS lowered to 0: every hire is due at once
        assertThat(erasing.erasePersonalData(clock.instant(), clock.instant(), List.of())).isEqualTo(1_001);

        assertThat(searches).as("500, 500, then the last one").hasSize(3);
        assertThat(List.of(finished.get(0), finished.get(500), finished.get(1_000))).allSatisfy(hireId ->
                assertThat(reader.find(hireId).orElseThrow().payload()).isNull());
        assertThat(erasing.erasePersonalData(clock.instant(), clock.instant(), List.of())).as("nothing left").isZero();
    }

    @Test
    void aHireOfATenantThatWritesNothingBackWaitsForNoWriteBack() {
        String finished = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        journal.markDelivered(finished, 416, List.of());
        clock.advance(Duration.ofHours(1));

        assertThat(journal.erasePersonalData(clock.instant(), clock.instant().minus(Duration.ofHours(24)),
                List.of("globex"))).isOne();
        assertThat(reader.find(finished).orElseThrow().payload()).isNull();
    }

    @Test
    void theKeyMadeFromACandidatesEmailIsErasedWithTheirData() {
        String finished = Intakes.recordIntake(journal, PAYLOAD, sameApplication("1", "jeanne@example.org|5"), TENANT,
                Duration.ZERO).hireId();
        journal.markDelivered(finished, 416, List.of());
        assertThat(journal.knownApplications(TENANT, List.of("jeanne@example.org|5"))).hasSize(1);
        clock.advance(Duration.ofDays(91));

        eraseAfterNinetyDays();

        assertThat(journal.knownApplications(TENANT, List.of("jeanne@example.org|5"))).isEmpty();
        assertThat(Intakes.recordIntake(journal, PAYLOAD, sameApplication("1", "jeanne@example.org|5"), TENANT,
                Duration.ZERO).outcome()).as("still known by Flatchr's id of the application")
                .isEqualTo(IntakeResult.Outcome.DUPLICATE);
    }

    @Test
    void personalDataOfFinishedHiresIsErasedAfterRetentionAndQueuedOnesKeepIt() {
        String finished = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        String queued = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ZERO).hireId();
        journal.markDelivered(finished, 416, List.of("start date estimated"));
        clock.advance(Duration.ofDays(91));

        assertThat(eraseAfterNinetyDays()).isEqualTo(1);

        HireView erased = reader.find(finished).orElseThrow();
        assertThat(erased.payload()).isNull();
        assertThat(erased.status()).isEqualTo(HireStatus.DELIVERED);
        assertThat(erased.luccaUserId()).isEqualTo(416);
        assertThat(reader.history(finished)).isNotEmpty().allSatisfy(event -> assertThat(event.detail()).isNull());
        assertThat(reader.find(queued).orElseThrow().payload()).isEqualTo(PAYLOAD);
        assertThat(journal.erasePersonalData(clock.instant(), clock.instant(), List.of(TENANT))).isZero();
    }

    @Test
    void aHireSentAgainCompleteAfterItsDataWasErasedIsErasedAgainOnceFinished() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, incomplete("1", "data.candidate.email"), TENANT,
                Duration.ZERO).hireId();
        clock.advance(Duration.ofDays(91));
        eraseAfterNinetyDays();
        assertThat(Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).outcome())
                .isEqualTo(IntakeResult.Outcome.ACCEPTED);
        journal.claim(hireId);
        journal.markDelivered(hireId, 416, List.of());
        clock.advance(Duration.ofDays(91));

        assertThat(eraseAfterNinetyDays()).isEqualTo(1);

        assertThat(reader.find(hireId).orElseThrow().payload()).isNull();
    }

    @Test
    void aReplayOfAHireErasedSinceItsPayloadWasReadIsRefused() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        journal.claim(hireId);
        journal.markDead(hireId, new EventDetail("create-user", 500, "", "Lucca failed"));
        clock.advance(Duration.ofDays(91));
        String readBeforeTheErasure = reader.find(hireId).orElseThrow().payload();
        eraseAfterNinetyDays();

        assertThat(journal.replay(hireId, readBeforeTheErasure, LUCCA)).isFalse();

        assertThat(reader.find(hireId).orElseThrow().payload()).as("not put back").isNull();
    }

    @Test
    void theLookUpOfAnApplicationsHiresReadsItsTwoKeysNotTheWholeTable() throws Exception {
        for (int i = 0; i < 500; i++) {
            Intakes.recordIntake(journal, PAYLOAD, sameApplication(String.valueOf(i), "p" + i + "@example.org|5"), TENANT,
                    Duration.ZERO);
        }
        try (java.sql.Connection connection = pool.getConnection();
             java.sql.Statement analyse = connection.createStatement()) {
            analyse.execute("ANALYZE");
            for (String onlyIf : List.of("", " AND moved_out_at IS NULL AND queued_at < ?")) {
                String plan;
                try (java.sql.PreparedStatement explain = connection.prepareStatement("EXPLAIN "
                        + Journal.hireOfApplication("hire_id", onlyIf))) {
                    int at = 1;
                    for (String key : List.of("acme:4242:7", "acme|p7@example.org|5")) {
                        explain.setString(at++, key);
                        if (!onlyIf.isEmpty()) {
                            explain.setTimestamp(at++, java.sql.Timestamp.from(T0));
                        }
                    }
                    try (java.sql.ResultSet row = explain.executeQuery()) {
                        row.next();
                        plan = row.getString(1);
                    }
                }
                // a whole-table read in received_at's order (its index) was the plan of a look-up with OR
                assertThat(plan).as(plan).doesNotContain("tableScan").doesNotContain("HIRE_RECEIVED");
            }
            // a webhook's move out looks for it by the key of each of Flatchr's ids it carries, and by the plain id a
            // hire kept
            try (java.sql.PreparedStatement explain = connection.prepareStatement("EXPLAIN "
                    + Journal.hireMovedOut("", false))) {
                int at = 1;
                for (String key : List.of("acme:4242:7", "acme|p7@example.org|5", "acme:4242:8", "acme:4242:7",
                        "acme:4242:8")) {
                    explain.setString(at++, key);
                }
                try (java.sql.ResultSet row = explain.executeQuery()) {
                    row.next();
                    assertThat(row.getString(1)).as(row.getString(1)).doesNotContain("tableScan")
                            .doesNotContain("HIRE_RECEIVED").contains("HIRE_PLAIN_DEDUPE_KEY");
                }
            }
            // a search's move out looks for it by Flatchr's API's id too
            try (java.sql.PreparedStatement explain = connection.prepareStatement("EXPLAIN "
                    + Journal.hireMovedOut("", true))) {
                int at = 1;
                for (String key : List.of("acme:4242:7", "acme|p7@example.org|5", "z7gW", TENANT, "z7gW")) {
                    explain.setString(at++, key);
                }
                try (java.sql.ResultSet row = explain.executeQuery()) {
                    row.next();
                    assertThat(row.getString(1)).as(row.getString(1)).doesNotContain("tableScan")
                            .doesNotContain("HIRE_RECEIVED").contains("HIRE_FLATCHR_APPLICANT");
                }
            }
        }
    }

    @Test
    void aHireWhoseWriteBackEndsWhileRetentionErasesOthersIsLeftWholeForTheNextPass() {
        String due = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        String writingBack = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ZERO).hireId();
        journal.reserveLogin(TENANT, writingBack, "jdupont");
        journal.markDelivered(due, 416, List.of());
        journal.markDelivered(writingBack, 417, List.of());
        WriteBacks writeBacks = new WriteBacks(pool, clock, LEASE, "instance-a");
        assertThat(ClaimedWriteBacks.claimDue(writeBacks, TENANT, 10)).hasSize(2);
        writeBacks.written(due, "Lucca: created #416");
        clock.advance(Duration.ofDays(91));
        // its write-back ends (not moving updated_at) as the pass has begun erasing the hires it found due
        Journal erasing = new Journal(beforeStatement("DELETE FROM tenant_login_reservation",
                () -> writeBacks.written(writingBack, "Lucca: created #417")), clock, LEASE, "instance-a");
        Instant cut = clock.instant().minus(Duration.ofDays(90));

        assertThat(erasing.erasePersonalData(cut, T0.minusSeconds(1), List.of(TENANT))).isOne();

        assertThat(reader.find(writingBack).orElseThrow().payload()).as("not erased in part").isEqualTo(PAYLOAD);
        assertThat(reader.history(writingBack)).extracting(HireEvent::detail).contains("Lucca user 417");
        assertThat(journal.loginsReservedByOthers(TENANT, "someone-else", "jdupont")).containsExactly("jdupont");
        assertThat(erasing.erasePersonalData(cut, T0.minusSeconds(1), List.of(TENANT))).as("at the next pass").isOne();
        assertThat(reader.find(writingBack).orElseThrow().payload()).isNull();
        assertThat(reader.history(writingBack)).allSatisfy(event -> assertThat(event.detail()).isNull());
        assertThat(journal.loginsReservedByOthers(TENANT, "someone-else", "jdupont")).isEmpty();
    }

    @Test
    void aHireReplayedWhileRetentionErasesItKeepsItsDataAndItsHistory() {
        String erased = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        String replayed = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ZERO).hireId();
        for (String hireId : List.of(erased, replayed)) {
            journal.claim(hireId);
            journal.markDead(hireId, new EventDetail("create-user", 500, null, "Lucca failed"));
        }
        clock.advance(Duration.ofDays(91));
        // an operator replays one after the pass found both due, before it erased them
        Journal erasing = new Journal(beforeStatement("UPDATE hire SET payload = NULL",
                () -> assertThat(journal.replay(replayed, PAYLOAD, LUCCA)).isTrue()), clock, LEASE, "instance-a");
        Instant cut = clock.instant().minus(Duration.ofDays(90));

        assertThat(erasing.erasePersonalData(cut, cut, List.of(TENANT))).isOne();

        assertThat(reader.find(erased).orElseThrow().payload()).isNull();
        assertThat(reader.find(replayed).orElseThrow().payload()).isEqualTo(PAYLOAD);
        assertThat(reader.history(replayed)).extracting(HireEvent::detail).as("its history whole")
                .contains("Lucca failed", "replayed by an operator");
    }

    @Test
    void aLoginReservationIsErasedWithItsFinishedHiresPersonalData() {
        String finished = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        String queued = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ZERO).hireId();
        journal.reserveLogin(TENANT, finished, "cmorel");
        journal.reserveLogin(TENANT, queued, "cmorel2");
        journal.markDelivered(finished, 416, List.of());
        clock.advance(Duration.ofDays(91));

        eraseAfterNinetyDays();

        assertThat(journal.loginsReservedByOthers(TENANT, "someone-else", "cmorel")).containsExactly("cmorel2");
    }

    @Test
    void aHireCancelledWhileItsCreateWasUnansweredKeepsWhatThePersonLooksForUntilDecided() {
        String hireId = claimedHire();
        journal.reserveLogin(TENANT, hireId, "cmorel");
        journal.markCreateAttempted(hireId, "{\"login\":\"cmorel\"}", LUCCA);
        assertThat(journal.cancel(hireId)).isTrue();
        journal.releaseClaim(hireId);
        clock.advance(Duration.ofDays(91));

        assertThat(eraseAfterNinetyDays()).as("the account may exist: whom to look for in Lucca is kept").isZero();

        HireView undecided = reader.find(hireId).orElseThrow();
        assertThat(undecided.decisionNeeded()).isEqualTo(Journal.CANCELLED_CREATE_UNKNOWN);
        assertThat(undecided.payload()).isEqualTo(PAYLOAD);
        assertThat(journal.loginsReservedByOthers(TENANT, "someone-else", "cmorel")).containsExactly("cmorel");
        assertThat(journal.decided(hireId, null, "looked in Lucca: no account")).isTrue();
        clock.advance(Duration.ofDays(90));
        assertThat(eraseAfterNinetyDays()).as("not before RETENTION_DAYS after the decision").isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(eraseAfterNinetyDays()).isOne();
        assertThat(reader.find(hireId).orElseThrow().payload()).isNull();
        assertThat(journal.loginsReservedByOthers(TENANT, "someone-else", "cmorel")).isEmpty();
    }

    @Test
    void aHireCancelledAfterLuccaMadeItsAccountKeepsItsDataUntilDecidedToo() {
        String hireId = claimedHire();
        journal.recordLuccaUser(hireId, 417, LUCCA);
        assertThat(journal.cancel(hireId)).isTrue();
        journal.releaseClaim(hireId);
        clock.advance(Duration.ofDays(91));

        assertThat(eraseAfterNinetyDays()).as("a person is still to decide about whose account").isZero();

        assertThat(reader.find(hireId).orElseThrow().payload()).isEqualTo(PAYLOAD);
    }

    @Test
    void aReplayedHireThatWasAlreadyInLuccaForgetsThatUser() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        journal.markAlreadyInLucca(hireId, 416, List.of());

        assertThat(journal.replay(hireId, PAYLOAD, LUCCA)).isTrue();

        assertThat(claimDue(1)).singleElement().satisfies(hire -> assertThat(hire.luccaUserId()).isNull());
        assertThat(journal.replay(hireId, PAYLOAD, LUCCA)).as("a queued hire is not replayed").isFalse();
    }

    @Test
    void hiresRacingForOneLoginGetItOnceOnly() throws Exception {
        int racers = 4;
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            for (int i = 0; i < 100; i++) {
                String login = "cmorel" + i;
                CyclicBarrier together = new CyclicBarrier(racers);
                List<Future<Boolean>> reserved = new ArrayList<>();
                for (int racer = 0; racer < racers; racer++) {
                    String hireId = "hire-" + racer;
                    reserved.add(threads.submit(() -> {
                        together.await();
                        return journal.reserveLogin(TENANT, hireId, login);
                    }));
                }
                List<Boolean> outcomes = new ArrayList<>();
                for (Future<Boolean> outcome : reserved) {
                    outcomes.add(outcome.get());
                }

                assertThat(outcomes).as(login).containsOnlyOnce(true);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aLoginIsReservedForOneHireOnlyAndSeenByTheOthers() {
        assertThat(journal.reserveLogin(TENANT, "hire-1", "cmorel2")).isTrue();
        assertThat(journal.reserveLogin(TENANT, "hire-1", "cmorel2")).as("the same hire again").isTrue();
        assertThat(journal.reserveLogin(TENANT, "hire-2", "cmorel2")).isFalse();

        assertThat(journal.loginsReservedByOthers(TENANT, "hire-2", "cmorel")).containsExactly("cmorel2");
        assertThat(journal.loginsReservedByOthers(TENANT, "hire-1", "cmorel")).isEmpty();
        assertThat(journal.loginsReservedByOthers(TENANT, "hire-2", "amartin")).isEmpty();
    }

    @Test
    void aLoginTakenOverIsTheTakersAlone() {
        journal.reserveLogin(TENANT, "hire-1", "eloise@gmail.com");

        journal.takeOverLogin(TENANT, "hire-2", "eloise@gmail.com");
        journal.takeOverLogin(TENANT, "hire-3", "jeanne@gmail.com");

        assertThat(journal.loginsReservedByOthers(TENANT, "hire-1", "eloise")).containsExactly("eloise@gmail.com");
        assertThat(journal.loginsReservedByOthers(TENANT, "hire-2", "eloise")).isEmpty();
        assertThat(journal.reserveLogin(TENANT, "hire-1", "eloise@gmail.com")).as("no longer the first's").isFalse();
        assertThat(journal.reserveLogin(TENANT, "hire-3", "jeanne@gmail.com")).as("free: reserved").isTrue();
    }

    // ---- tenants

    @Test
    void aLoginIsTakenWithinOneTenantOnlyEachCustomerHasItsOwnLucca() {
        assertThat(journal.reserveLogin("acme", "hire-1", "cmorel")).isTrue();

        assertThat(journal.reserveLogin("globex", "hire-2", "cmorel")).isTrue();
        assertThat(journal.loginsReservedByOthers("globex", "hire-3", "cmorel")).containsExactly("cmorel");
        assertThat(journal.reserveLogin("globex", "hire-3", "cmorel")).isFalse();
    }

    @Test
    void eachTenantsDeliveryFindsOnlyItsOwnDueHires() {
        String acme = Intakes.recordIntake(journal, PAYLOAD, hire("1"), "acme", Duration.ZERO).hireId();
        String globex = Intakes.recordIntake(journal, PAYLOAD, hire("2"), "globex", Duration.ZERO).hireId();

        assertThat(journal.dueHireIds("acme", 10)).containsExactly(acme);
        assertThat(journal.dueHireIds("globex", 10)).containsExactly(globex);
        assertThat(journal.claim(globex).tenant()).isEqualTo("globex");
    }

    @Test
    void aHireSentAgainToAnotherTenantIsThatTenantsOwnAndNeverMovesTheFirst() {
        String rejected = Intakes.recordIntake(journal, PAYLOAD, incomplete("1", "data.candidate.email"), "acme", Duration.ZERO).hireId();
        String accepted = Intakes.recordIntake(journal, PAYLOAD, hire("2"), "default", Duration.ZERO).hireId();

        IntakeResult fixed = Intakes.recordIntake(journal, PAYLOAD, hire("1"), "globex", Duration.ZERO);
        IntakeResult resent = Intakes.recordIntake(journal, PAYLOAD, hire("2"), "globex", Duration.ZERO);

        assertThat(fixed.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(fixed.hireId()).isNotEqualTo(rejected);
        assertThat(resent.outcome()).as("not swallowed as the default tenant's duplicate").isEqualTo(Outcome.ACCEPTED);
        assertThat(resent.hireId()).isNotEqualTo(accepted);
        assertThat(reader.find(rejected).orElseThrow().tenant()).isEqualTo("acme");
        assertThat(reader.find(rejected).orElseThrow().status()).isEqualTo(HireStatus.REJECTED);
        assertThat(reader.find(accepted).orElseThrow().tenant()).isEqualTo("default");
        assertThat(journal.dueHireIds("globex", 10)).containsExactlyInAnyOrder(fixed.hireId(), resent.hireId());
        assertThat(Intakes.recordIntake(journal, PAYLOAD, hire("2"), "globex", Duration.ZERO).outcome()).isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void aHireFoundByFlatchrsApiAndItsWebhookAreOneHireWhicheverComesFirst() {
        IntakeResult webhook = Intakes.recordIntake(journal, PAYLOAD, sameApplication("1234", "jeanne@example.org|5"), TENANT, Duration.ZERO);
        IntakeResult foundAfter = Intakes.record(journal, PAYLOAD, sameApplication("z7gWQnjXG77hJRak", "Jeanne@Example.org|5"
                .toLowerCase()), TENANT, Origin.FLATCHR_API, List.of(), Duration.ZERO);
        IntakeResult found = Intakes.record(journal, PAYLOAD, sameApplication("Pq9rT2uVw3xY4zAb", "paul@example.org|5"), TENANT,
                Origin.FLATCHR_API, List.of("the vacancy is taken from Flatchr's list of vacancies"), Duration.ZERO);
        IntakeResult webhookAfter = Intakes.recordIntake(journal, PAYLOAD, sameApplication("4321", "paul@example.org|5"), TENANT, Duration.ZERO);

        assertThat(foundAfter).isEqualTo(new IntakeResult(webhook.hireId(), Outcome.DUPLICATE));
        assertThat(webhookAfter).isEqualTo(new IntakeResult(found.hireId(), Outcome.DUPLICATE));
        assertThat(reader.find(found.hireId()).orElseThrow().origin()).isEqualTo(Origin.FLATCHR_API);
        assertThat(reader.history(found.hireId())).first().satisfies(event -> assertThat(event.detail())
                .contains("found by a search of Flatchr's API", "Flatchr's list of vacancies"));
        assertThat(Intakes.recordIntake(journal, PAYLOAD, sameApplication("1", "paul@example.org|5"), "globex", Duration.ZERO).outcome())
                .as("within its tenant only").isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void theApplicationsTheJournalKnowsAreFoundByTheHundred() {
        Intakes.recordIntake(journal, PAYLOAD, sameApplication("1", "known-1@example.org|5"), TENANT, Duration.ZERO);
        Intakes.recordIntake(journal, PAYLOAD, sameApplication("2", "known-2@example.org|5"), TENANT, Duration.ZERO);
        List<String> asked = new java.util.ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            asked.add("unknown-" + i + "@example.org|5");
        }
        asked.add("known-1@example.org|5");
        asked.add("known-2@example.org|5");

        assertThat(journal.knownApplications(TENANT, asked))
                .containsExactlyInAnyOrder("known-1@example.org|5", "known-2@example.org|5");
        assertThat(journal.knownApplications("globex", asked)).isEmpty();
    }

    @Test
    void theApplicationsASearchFoundByEmailAndVacancyKeepFlatchrsIdsUnlessTheirHiresHaveOne() {
        // a webhook's hire of each application, more than a chunk of them, and one of another tenant
        java.util.Map<String, String> found = new java.util.LinkedHashMap<>();
        List<String> hires = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            hires.add(Intakes.recordIntake(journal, PAYLOAD, sameApplication(String.valueOf(i),
                    "p" + i + "@example.org|5"), TENANT, Duration.ZERO).hireId());
            found.put("p" + i + "@example.org|5", "api-" + i);
        }
        String globex = Intakes.recordIntake(journal, PAYLOAD, sameApplication("0", "p0@example.org|5"), "globex",
                Duration.ZERO).hireId();
        // the write-back learnt the first one's id already: it keeps its own
        new WriteBacks(pool, clock, LEASE, "instance-a").applicantFound(hires.get(0), "from-the-write-back");
        found.put("nobody@example.org|5", "api-unknown");

        journal.applicationsFoundBySearch(TENANT, found);
        journal.applicationsFoundBySearch(TENANT, found);

        assertThat(reader.find(hires.get(0)).orElseThrow().flatchrApplicant()).isEqualTo("from-the-write-back");
        assertThat(reader.find(hires.get(1)).orElseThrow().flatchrApplicant()).isEqualTo("api-1");
        assertThat(reader.find(hires.get(500)).orElseThrow().flatchrApplicant()).as("of the second chunk")
                .isEqualTo("api-500");
        assertThat(journal.knownApplicants(TENANT, found.values())).hasSize(500).doesNotContain("api-0", "api-unknown");
        assertThat(reader.find(globex).orElseThrow().flatchrApplicant()).as("another tenant's").isNull();
    }

    @Test
    void theWebhooksHiresASearchMayFindUnderACorrectedEmailAreTheNewestOfTheTenantWithoutFlatchrsIdWheneverTheyCame() {
        // a month before: from before the tenant's searches began, say, and none of them saw it
        String older = Intakes.recordIntake(journal, PAYLOAD, sameApplication("1", "p1@example.org|5"), TENANT,
                Duration.ZERO).hireId();
        clock.advance(Duration.ofDays(30));
        String found = Intakes.recordIntake(journal, PAYLOAD, sameApplication("2", "p2@example.org|5"), TENANT,
                Duration.ZERO).hireId();
        journal.applicantFoundBySearch(found, "api-2");
        Intakes.record(journal, PAYLOAD, sameApplication("3", "p3@example.org|5"), TENANT, Origin.FLATCHR_API,
                List.of(), Duration.ZERO);
        Intakes.recordIntake(journal, PAYLOAD, sameApplication("4", "p4@example.org|5"), "globex", Duration.ZERO);
        String rejected = Intakes.recordIntake(journal, PAYLOAD, incomplete("9", "candidate.email"), TENANT,
                Duration.ZERO).hireId();
        List<String> webhooks = new ArrayList<>();
        for (int i = 5; i < 8; i++) {
            clock.advance(Duration.ofMinutes(1));
            webhooks.add(Intakes.recordIntake(journal, PAYLOAD, sameApplication(String.valueOf(i),
                    "p" + i + "@example.org|5"), TENANT, Duration.ZERO).hireId());
        }

        assertThat(journal.webhookHiresWithoutApplicant(TENANT, 2)).as("the newest, at most 2")
                .containsExactly(webhooks.get(2), webhooks.get(1));
        assertThat(journal.webhookHiresWithoutApplicant(TENANT, 10))
                .as("the older one too; not one known by Flatchr's id, nor a search's, nor another tenant's, nor "
                        + "one rejected, which made nobody in Lucca")
                .containsExactly(webhooks.get(2), webhooks.get(1), webhooks.get(0), older)
                .doesNotContain(found, rejected);
    }

    @Test
    void retentionOfNoDaysErasesNoHireAnAttemptStillHoldsUntilItsLeaseEnds() {
        // cancelled while its create was on its way: finished, yet being delivered until the attempt lets it go
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        journal.claim(hireId);
        assertThat(journal.cancel(hireId)).isTrue();
        clock.advance(Duration.ofMinutes(1));

        assertThat(journal.erasePersonalData(clock.instant(), clock.instant(), List.of())).isZero();
        assertThat(reader.find(hireId).orElseThrow().payload()).isEqualTo(PAYLOAD);
        clock.advance(LEASE);
        assertThat(journal.erasePersonalData(clock.instant(), clock.instant(), List.of())).isOne();
    }

    @Test
    void aHeldNamesakeCancelledAsAWebhooksHiresCandidateGivesThatHireItsFlatchrIdUnlessItKnowsItsOwn() {
        String webhookHire = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        String knownHire = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ZERO).hireId();
        journal.applicantFoundBySearch(knownHire, "app-own");
        String otherTenantsHire = Intakes.recordIntake(journal, PAYLOAD, hire("3"), "globex", Duration.ZERO).hireId();
        String held = heldNamesake("app-1", webhookHire);
        String heldOfKnown = heldNamesake("app-2", knownHire);
        String heldOfOtherTenant = heldNamesake("app-3", otherTenantsHire);
        int eventsOfKnown = reader.history(knownHire).size();

        assertThat(journal.cancel(held, Optional.of(webhookHire))).isTrue();
        assertThat(journal.cancel(heldOfKnown, Optional.of(knownHire))).isTrue();
        assertThat(journal.cancel(heldOfOtherTenant, Optional.of(otherTenantsHire))).isTrue();

        assertThat(reader.find(webhookHire).orElseThrow().flatchrApplicant()).isEqualTo("app-1");
        assertThat(reader.history(webhookHire)).last().extracting(HireEvent::detail).isEqualTo("known by Flatchr's id "
                + "of the application of hire " + held + ", cancelled by an operator as this hire's candidate under a "
                + "corrected e-mail");
        assertThat(reader.find(knownHire).orElseThrow().flatchrApplicant()).as("a search named its own")
                .isEqualTo("app-own");
        assertThat(reader.history(knownHire)).hasSize(eventsOfKnown);
        assertThat(reader.find(otherTenantsHire).orElseThrow().flatchrApplicant()).as("another tenant's").isNull();
        assertThat(reader.find(held).orElseThrow().status()).isEqualTo(HireStatus.CANCELLED);
        String laterHire = Intakes.recordIntake(journal, PAYLOAD, hire("4"), TENANT, Duration.ZERO).hireId();
        assertThat(journal.cancel(held, Optional.of(laterHire))).as("cancelled once").isFalse();
        assertThat(reader.find(laterHire).orElseThrow().flatchrApplicant()).isNull();
    }

    /** As a search holds an application with the names and vacancy of a webhook's hire under another e-mail. */
    private String heldNamesake(String applicant, String webhookHire) {
        return journal.record(PAYLOAD, TENANT, Origin.FLATCHR_API, "4242:" + applicant, applicant + "@example.org|5",
                applicant, "same name and vacancy as hire " + webhookHire + ", another e-mail", List.of(),
                Duration.ZERO, null).hireId();
    }

    @Test
    void theWebhooksHiresASearchMayFindUnderACorrectedEmailKeepThoseFinishedWithNobodyMadeInLuccaAndSaySo() {
        List<String> hires = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            hires.add(Intakes.recordIntake(journal, PAYLOAD, sameApplication(String.valueOf(i),
                    "p" + i + "@example.org|5"), TENANT, Duration.ZERO).hireId());
            journal.claim(hires.get(i));
        }
        journal.movedOutOfHired(TENANT, "4242:0", null, "p0@example.org|5", "by Marie Curie, to Refused");
        journal.cancel(hires.get(1));
        journal.markDead(hires.get(2), new EventDetail(null, null, null, "names without Latin letters"));
        journal.markDryRun(hires.get(3), "{}", List.of());
        // these may have made someone in Lucca: a create sent before the cancel, or made
        journal.markCreateAttempted(hires.get(4), "{}", LUCCA);
        journal.markDead(hires.get(4), new EventDetail(null, null, null, "Lucca's answer lost"));
        journal.markDelivered(hires.get(5), 416, List.of());
        HireStatus[] statuses = hires.stream().map(hire -> reader.find(hire).orElseThrow().status())
                .toArray(HireStatus[]::new);
        assertThat(statuses).containsExactly(HireStatus.WITHDRAWN, HireStatus.CANCELLED, HireStatus.DEAD,
                HireStatus.DRY_RUN, HireStatus.DEAD, HireStatus.DELIVERED, HireStatus.RECEIVED);

        assertThat(journal.webhookHiresWithoutApplicant(TENANT, 10))
                .as("each can be replayed, and would make the person a second time next to a corrected application")
                .containsExactlyInAnyOrderElementsOf(hires);
        assertThat(hires).map(journal::madeNobodyInLucca).as("over with nobody made in Lucca: no employee to correct")
                .containsExactly(true, true, true, true, false, false, false);
        assertThat(journal.madeNobodyInLucca("no-such-hire")).isFalse();
    }

    @Test
    void hiresRecordedBeforeTheApplicationKeyGetItFromTheirPayload() throws SQLException {
        older = olderJournal("8");
        try (Connection connection = older.getConnection()) {
            connection.createStatement().execute("INSERT INTO hire (hire_id, tenant, dedupe_key, status, payload, "
                    + "received_at, queued_at, updated_at) VALUES ('old-hire', 'acme', 'acme:4242:1', 'DELIVERED', "
                    + "'{\"event\":\"drag_applicant\",\"data\":{\"candidate\":{\"email\":\"Old@Example.org\"},"
                    + "\"vacancy\":{\"id\":5}}}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            connection.createStatement().execute("INSERT INTO hire (hire_id, tenant, dedupe_key, status, payload, "
                    + "received_at, queued_at, updated_at) VALUES ('erased-hire', 'acme', 'acme:4242:2', 'DELIVERED', "
                    + "NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }

        Flyway.configure().dataSource(older).locations("classpath:db/journal").load().migrate();
        Journal upgraded = new Journal(older, clock, LEASE, "instance-a");

        assertThat(upgraded.knownApplications("acme", List.of("old@example.org|5"))).containsExactly("old@example.org|5");
    }

    @Test
    void hiresRecordedBeforeDedupePerTenantAreStillDuplicatesOfThemselves() throws SQLException {
        older = olderJournal("6");
        try (Connection connection = older.getConnection()) {
            connection.createStatement().execute("INSERT INTO hire (hire_id, tenant, dedupe_key, status, payload, "
                    + "received_at, queued_at, updated_at, next_attempt_at) VALUES ('old-hire', 'acme', '4242:1', "
                    + "'DELIVERED', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, NULL)");
        }

        Flyway.configure().dataSource(older).locations("classpath:db/journal").load().migrate();
        Journal upgraded = new Journal(older, clock, LEASE, "instance-a");

        assertThat(Intakes.recordIntake(upgraded, PAYLOAD, hire("1"), "acme", Duration.ZERO))
                .isEqualTo(new IntakeResult("old-hire", Outcome.DUPLICATE));
        assertThat(Intakes.recordIntake(upgraded, PAYLOAD, hire("1"), "globex", Duration.ZERO).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void eachTenantsOldestQueuedHireIsReadFromTheQueueAloneNotFromEveryHireEverReceived() throws Exception {
        try (Connection connection = pool.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO hire (hire_id, tenant, dedupe_key, status, received_at, queued_at, updated_at, "
                    + "origin) SELECT 'done-' || X, 'acme', 'acme:4242:done-' || X, 'DELIVERED', TIMESTAMP WITH TIME ZONE "
                    + "'2025-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', TIMESTAMP WITH TIME "
                    + "ZONE '2025-01-01 00:00:00+00', 'webhook' FROM SYSTEM_RANGE(1, 2000)");
        }
        for (int i = 0; i < 40; i++) {
            Intakes.recordIntake(journal, PAYLOAD, hire(String.valueOf(i)), i % 2 == 0 ? "acme" : "globex", Duration.ZERO);
            clock.advance(Duration.ofSeconds(1));
        }
        try (Connection connection = pool.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
            String plan;
            try (java.sql.ResultSet row = statement.executeQuery("EXPLAIN " + JournalReader.OLDEST_QUEUED_OF_EACH_TENANT)) {
                row.next();
                plan = row.getString(1);
            }
            java.util.regex.Matcher reads = java.util.regex.Pattern.compile("/\\* PUBLIC\\.(\\w+)([^*]*)\\*/")
                    .matcher(plan);
            List<String> indexes = new ArrayList<>();
            while (reads.find()) {
                indexes.add(reads.group(1) + reads.group(2).strip());
            }
            // by the queued hires' index, each read naming the statuses of the queue; and the grouping once, not again
            // for each hire with the hire's values (H2 passes them as ?1, ?2: the query itself has no parameter)
            assertThat(indexes).as(plan).hasSize(2)
                    .allSatisfy(read -> assertThat(read).startsWith("HIRE_QUEUED_BY_TENANT: STATUS IN("));
            assertThat(plan).doesNotContain("?1");
        }
        assertThat(reader.oldestQueuedOfEachTenant()).extracting(HireView::tenant).containsExactly("acme", "globex");
    }

    @Test
    void theStatusPagesReadsGoThroughTheirIndexesNotThroughEveryHireEverReceived() throws Exception {
        try (Connection connection = pool.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO hire (hire_id, tenant, dedupe_key, status, received_at, queued_at, updated_at, "
                    + "origin) SELECT 'done-' || X, CASEWHEN(MOD(X, 2) = 0, 'acme', 'globex'), 'acme:4242:done-' || X, "
                    + "'DELIVERED', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE "
                    + "'2025-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 'webhook' "
                    + "FROM SYSTEM_RANGE(1, 4000)");
            statement.execute("ANALYZE");
            // a range of the index, not a walk of it (IS NOT NULL) nor of every row (the mark itself)
            assertThat(plan(connection, "SELECT tenant, COUNT(*) FROM hire WHERE " + JournalReader.NEEDS_DECISION
                    + " GROUP BY tenant")).contains("/* PUBLIC.HIRE_DECISION_NEEDED: DECISION_NEEDED_AT >=");
            // a tenant's page, read in the index's order up to the page, not all its hires sorted
            assertThat(plan(connection, JournalReader.pageOf(new HireFilter(TENANT, null, null, null, null, 0, 50))))
                    .contains("/* PUBLIC.HIRE_BY_TENANT_NEWEST: TENANT = ?1 */").contains("/* index sorted");
            assertThat(plan(connection, JournalReader.pageOf(new HireFilter(TENANT, null, true, null, null, 0, 50))))
                    .as("the few waiting for a decision, not looked for along all the tenant's hires")
                    .doesNotContain("HIRE_BY_TENANT_NEWEST");
            assertThat(plan(connection, JournalReader.pageOf(new HireFilter(TENANT, HireStatus.DEAD, null, null, null, 0,
                    50)))).as("the few of a status, likewise").doesNotContain("HIRE_BY_TENANT_NEWEST");
            // a search's look for the webhook's hires an application may be under a corrected e-mail: the newest of
            // those not found nor erased, read alone in order, not along all the tenant's hires
            String webhookHires = plan(connection, Journal.webhookHiresWithoutApplicant(500));
            assertThat(webhookHires.substring(webhookHires.indexOf("/* PUBLIC."), webhookHires.indexOf("*/")))
                    .as("a range of the index on each of its columns but the date").startsWith(
                            "/* PUBLIC.HIRE_WEBHOOK_NOT_FOUND: ").contains("TENANT = ?1", "ORIGIN = ?2",
                            "FLATCHR_APPLICANT IS NULL", "ERASED_AT IS NULL");
            assertThat(webhookHires).contains("/* index sorted");
            // whether an admin call may name a tenant out of the configuration: one hire looked up, not all counted
            assertThat(plan(connection, JournalReader.A_HIRE_OF_TENANT)).contains(": TENANT = ?1");
        }
        assertThat(reader.hasHires(TENANT)).isTrue();
        assertThat(reader.hasHires("initech")).isFalse();
        String cancelledUnanswered = claimedHire();
        journal.markCreateAttempted(cancelledUnanswered, "{}", LUCCA);
        journal.cancel(cancelledUnanswered);

        assertThat(reader.decisionsNeededByTenant()).containsOnly(entry(TENANT, 1L));
        assertThat(reader.count(new HireFilter(TENANT, null, false, null, null, 0, 10))).isEqualTo(2000);
    }

    /** The plan H2 makes for a statement, its parameters bound to a tenant's name. */
    private static String plan(Connection connection, String sql) throws java.sql.SQLException {
        try (java.sql.PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            for (int parameter = 1; parameter <= explain.getParameterMetaData().getParameterCount(); parameter++) {
                explain.setString(parameter, TENANT);
            }
            try (java.sql.ResultSet row = explain.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    @Test
    void countsAndTheOldestQueuedHireAreKeptPerTenant() {
        String acmeOld = Intakes.recordIntake(journal, PAYLOAD, hire("1"), "acme", Duration.ZERO).hireId();
        // older than globex's queued hire, but not queued: it never counts as the oldest in the queue
        Intakes.recordIntake(journal, PAYLOAD, incomplete("5", "data.candidate.email"), "globex", Duration.ZERO);
        clock.advance(Duration.ofMinutes(1));
        Intakes.recordIntake(journal, PAYLOAD, hire("2"), "acme", Duration.ZERO);
        String globexOld = Intakes.recordIntake(journal, PAYLOAD, hire("3"), "globex", Duration.ZERO).hireId();
        Intakes.recordIntake(journal, PAYLOAD, incomplete("4", "data.candidate.email"), "globex", Duration.ZERO);

        assertThat(reader.countsByTenantAndStatus().get("acme")).containsEntry(HireStatus.RECEIVED, 2L);
        assertThat(reader.countsByTenantAndStatus().get("globex"))
                .containsEntry(HireStatus.RECEIVED, 1L).containsEntry(HireStatus.REJECTED, 2L);
        assertThat(reader.oldestQueuedOfEachTenant()).extracting(HireView::hireId).containsExactly(acmeOld, globexOld);
        assertThat(reader.oldestQueued("globex")).map(HireView::hireId).contains(globexOld);
        assertThat(reader.oldestQueued(null)).map(HireView::hireId).contains(acmeOld);
        assertThat(reader.list(new HireFilter("globex", null, null, null, null, 0, 10)))
                .extracting(HireView::tenant).containsOnly("globex").hasSize(3);
    }

    @Test
    void aReplayedHireHasWaitedSinceItsReplayNotSinceItsFirstArrival() {
        String deadOnMonday = claimedHire();
        journal.markDead(deadOnMonday, new EventDetail("create-user", 400, "{}", "Lucca answered 400 to create-user"));
        clock.advance(Duration.ofHours(24));
        String arrivedOnTuesday = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ZERO).hireId();
        clock.advance(Duration.ofHours(1));

        assertThat(journal.replay(deadOnMonday, PAYLOAD, LUCCA)).isTrue();

        assertThat(reader.find(deadOnMonday).orElseThrow()).satisfies(replayed -> {
            assertThat(replayed.receivedAt()).as("when it first came").isEqualTo(T0);
            assertThat(replayed.queuedAt()).isEqualTo(T0.plus(Duration.ofHours(25)));
        });
        assertThat(reader.oldestQueuedOfEachTenant()).extracting(HireView::hireId).containsExactly(arrivedOnTuesday);
        assertThat(reader.oldestQueued(TENANT)).map(HireView::hireId).contains(arrivedOnTuesday);
        assertThat(reader.oldestQueued(null)).map(HireView::hireId).contains(arrivedOnTuesday);
    }

    @Test
    void aHireWaitsFromTheEndOfItsHoldHoweverItEnteredTheQueueAndHoweverOftenItWasTriedSince() {
        String held = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ofHours(2)).hireId();
        String requeued = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ofHours(2)).hireId();
        String replayed = claimedHire();
        journal.markDead(replayed, new EventDetail("create-user", 400, "{}", "Lucca answered 400 to create-user"));
        Intakes.movedOutOfHired(journal, TENANT, hire("2"), "by Marie Curie, to Refused");
        clock.advance(Duration.ofHours(2));
        assertThat(claimDue(10)).extracting(ClaimedHire::hireId).containsExactly(held);
        journal.retryLater(held, clock.instant().plusSeconds(5), new EventDetail("create-user", 503, "", "Lucca 503"));
        clock.advance(Duration.ofMinutes(10));
        // moved back into hired: held again, as a new hire is
        assertThat(Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ofHours(1)).hireId())
                .isEqualTo(requeued);
        assertThat(journal.replay(replayed, PAYLOAD, LUCCA)).isTrue();

        assertThat(reader.find(held).orElseThrow().waitingSince()).as("tried once past its hold")
                .isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(reader.find(requeued).orElseThrow().waitingSince()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(reader.find(replayed).orElseThrow()).satisfies(hire -> {
            assertThat(hire.heldUntil()).as("an operator's replay holds nothing").isNull();
            assertThat(hire.waitingSince()).isEqualTo(clock.instant());
        });
        clock.advance(Duration.ofMinutes(1));
        assertThat(journal.deliverNow(requeued)).isTrue();
        assertThat(reader.find(requeued).orElseThrow().waitingSince()).as("its hold cut short")
                .isEqualTo(clock.instant());
        assertThat(reader.oldestQueuedOfEachTenant()).extracting(HireView::hireId).containsExactly(held);
    }

    @Test
    void theHiresWaitingForADecisionAreCountedPerTenantAndListedWhateverTheirStatus() {
        String cancelledUnanswered = claimedHire();
        journal.markCreateAttempted(cancelledUnanswered, "{}", LUCCA);
        journal.cancel(cancelledUnanswered);
        String movedOutAfterLucca = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ZERO).hireId();
        journal.claim(movedOutAfterLucca);
        journal.markDelivered(movedOutAfterLucca, 416, List.of());
        Intakes.movedOutOfHired(journal, TENANT, hire("2"), "by Marie Curie, to Refused");
        String plain = Intakes.recordIntake(journal, PAYLOAD, hire("3"), TENANT, Duration.ZERO).hireId();
        String globex = Intakes.recordIntake(journal, PAYLOAD, hire("4"), "globex", Duration.ZERO).hireId();
        journal.claim(globex);
        journal.markCreateAttempted(globex, "{}", LUCCA);
        journal.cancel(globex);

        assertThat(reader.decisionsNeededByTenant()).containsOnly(entry(TENANT, 2L), entry("globex", 1L));
        HireFilter waiting = new HireFilter(TENANT, null, true, null, null, 0, 10);
        assertThat(reader.list(waiting)).extracting(HireView::hireId, HireView::status)
                .containsExactlyInAnyOrder(tuple(cancelledUnanswered, HireStatus.CANCELLED),
                        tuple(movedOutAfterLucca, HireStatus.DELIVERED));
        assertThat(reader.count(waiting)).isEqualTo(2);
        assertThat(reader.list(new HireFilter(null, HireStatus.CANCELLED, true, null, null, 0, 10)))
                .extracting(HireView::hireId).containsExactlyInAnyOrder(cancelledUnanswered, globex);
        assertThat(reader.list(new HireFilter(TENANT, null, false, null, null, 0, 10)))
                .extracting(HireView::hireId).containsExactly(plain);
    }

    @Test
    void aListReadsNoLargeEventNorLuccasTextsWhileTheHireItselfHasThemAll() {
        String small = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        String large = "{\"pad\":\"" + "x".repeat(JournalReader.LISTED_EVENT_CHARS) + "\"}";
        String largeId = Intakes.recordIntake(journal, large, hire("2"), TENANT, Duration.ZERO).hireId();
        journal.claim(small);
        journal.markCreateAttempted(small, "{\"login\":\"cmorel\"}", LUCCA);

        assertThat(reader.list(new HireFilter(TENANT, null, null, null, null, 0, 10)))
                .extracting(HireView::hireId, HireView::payload, HireView::luccaRequest)
                .containsExactlyInAnyOrder(tuple(small, PAYLOAD, null), tuple(largeId, null, null));
        assertThat(reader.find(largeId)).map(HireView::payload).contains(large);
        assertThat(reader.find(small)).map(HireView::luccaRequest).contains("{\"login\":\"cmorel\"}");
    }

    @Test
    void aHireSentToTheWrongTenantNeverStandsInTheWayOfTheSameHireSentRight() {
        HireVerdict other = new HireVerdict(HireVerdict.Kind.OTHER_COMPANY, "company_id 4242 is not one of tenant "
                + "globex's Flatchr companies", "4242", "1", List.of());
        IntakeResult refused = Intakes.recordIntake(journal, PAYLOAD, other, "globex", Duration.ZERO);

        IntakeResult right = Intakes.recordIntake(journal, PAYLOAD, hire("1"), "acme", Duration.ZERO);

        assertThat(refused.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(reader.find(refused.hireId()).orElseThrow().lastError()).contains("company_id 4242");
        assertThat(right.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(right.hireId()).isNotEqualTo(refused.hireId());
    }

    @Test
    void aHireInterruptedByAJournalOutageIsGivenBackAloneOtherDeliveriesKeepTheirs() {
        String interrupted = Intakes.recordIntake(journal, PAYLOAD, hire("1"), "acme", Duration.ZERO).hireId();
        String inProgress = Intakes.recordIntake(journal, PAYLOAD, hire("2"), "globex", Duration.ZERO).hireId();
        journal.claim(interrupted);
        journal.claim(inProgress);

        journal.releaseClaim(interrupted);

        assertThat(journal.dueHireIds("acme", 10)).containsExactly(interrupted);
        assertThat(journal.dueHireIds("globex", 10)).as("still held by its delivery").isEmpty();
    }

    @Test
    void aHireHandedBackIsAsItWasBeforeItsClaimWithWhyInItsHistory() {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1234"), TENANT, Duration.ofMinutes(1)).hireId();
        clock.advance(Duration.ofMinutes(2));
        journal.claim(hireId);
        journal.markCreateAttempted(hireId, "{}", LUCCA);

        journal.handBack(hireId, new EventDetail("create-user", null, null, "tenant acme left the configuration"),
                true, null);

        HireView handedBack = reader.find(hireId).orElseThrow();
        assertThat(handedBack.status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(handedBack.attempts()).isZero();
        assertThat(handedBack.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(handedBack.lastError()).isNull();
        assertThat(reader.history(hireId)).last().satisfies(event -> {
            assertThat(event.luccaCall()).isEqualTo("create-user");
            assertThat(event.detail()).isEqualTo("tenant acme left the configuration");
        });
        assertThat(claimDue(10)).singleElement().satisfies(hire -> {
            assertThat(hire.attempts()).isEqualTo(1);
            assertThat(hire.createAttempted()).as("recorded, never sent").isFalse();
        });
    }

    @Test
    void aCreateRecordedButNeverSentIsNotHandedBackWithItsHireAndAnEarlierOneIsPutBack() {
        String first = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        String second = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ZERO).hireId();
        journal.claim(first);
        journal.markCreateAttempted(first, "{\"login\":\"cmorel\"}", LUCCA);
        journal.claim(second);
        journal.markCreateAttempted(second, "{\"login\":\"emuller2\"}", LUCCA);
        EventDetail why = new EventDetail("create-user", null, null, "tenant acme left the configuration");

        journal.handBack(first, why, true, null);
        journal.handBack(second, why, true, "{\"login\":\"emuller\"}");

        assertThat(reader.find(first).orElseThrow().luccaRequest()).isNull();
        assertThat(reader.find(second).orElseThrow().luccaRequest()).isEqualTo("{\"login\":\"emuller\"}");
        assertThat(claimDue(10)).extracting(ClaimedHire::hireId, ClaimedHire::createAttempted)
                .containsExactlyInAnyOrder(tuple(first, false), tuple(second, true));
    }

    @Test
    void aHireHandedBackAfterItsAttemptsWereResetCountsNoneRatherThanLessThanNone() throws Exception {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        journal.claim(hireId);
        try (Connection connection = pool.getConnection()) {
            // as a move back into hired during the attempt does
            Jdbc.update(connection, "UPDATE hire SET attempts = 0 WHERE hire_id = ?", hireId);
        }

        journal.handBack(hireId, new EventDetail(null, null, null, "tenant acme left the configuration"), false, null);

        assertThat(reader.find(hireId).orElseThrow().attempts()).isZero();
    }

    @Test
    void onlyTheInstanceHoldingAHireHandsItBackAndACancelStillWins() {
        String takenOver = claimedHire();
        String cancelled = Intakes.recordIntake(journal, PAYLOAD, hire("5678"), TENANT, Duration.ZERO).hireId();
        journal.claim(cancelled);
        journal.cancel(cancelled);
        clock.advance(LEASE.plusSeconds(1));
        Journal other = new Journal(pool, clock, LEASE, "instance-b");
        assertThat(other.claim(takenOver)).isNotNull();

        journal.handBack(takenOver, new EventDetail(null, null, null, "tenant acme left the configuration"), false,
                null);
        journal.handBack(cancelled, new EventDetail(null, null, null, "tenant acme left the configuration"), false,
                null);

        assertThat(reader.find(takenOver).orElseThrow().attempts()).as("the other instance's attempt").isEqualTo(2);
        h2.nextLuccaCall(other, takenOver, clock.instant());
        assertThat(reader.find(cancelled).orElseThrow().status()).isEqualTo(HireStatus.CANCELLED);
        assertThat(reader.history(cancelled)).extracting(HireEvent::detail)
                .doesNotContain("tenant acme left the configuration");
        assertThat(journal.releaseOwnClaims()).as("the cancelled hire's claim was given back").isZero();
    }

    @Test
    void aQueuedHireIsCancelledWaitingOrDuringItsAttemptWhichStopsBeforeItsNextCall() {
        String held = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        String waiting = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ZERO).hireId();
        journal.claim(held);

        assertThat(journal.cancel(held)).isTrue();
        assertThat(journal.cancel(waiting)).isTrue();

        assertThat(reader.find(held).orElseThrow().status()).isEqualTo(HireStatus.CANCELLED);
        assertThat(reader.find(waiting).orElseThrow().status()).isEqualTo(HireStatus.CANCELLED);
        assertThatExceptionOfType(HireStopped.class)
                .isThrownBy(() -> h2.nextLuccaCall(journal, held, clock.instant()));
        assertThat(journal.retryLater(held, T0.plusSeconds(5), new EventDetail("create-user", 503, "", "down")))
                .as("a retry never undoes the cancel").isFalse();
        assertThat(journal.markDead(held, new EventDetail("create-user", 400, "", "refused"))).isFalse();
        assertThat(reader.find(held).orElseThrow().status()).isEqualTo(HireStatus.CANCELLED);
        assertThat(claimDue(10)).isEmpty();
        assertThat(journal.cancel(waiting)).as("a finished hire is not cancelled again").isFalse();
    }

    @Test
    void aDeadOrRejectedHireIsClosedByACancelAndNoLongerWaitsForAPersonButADeliveredOneIsNot() {
        String dead = claimedHire();
        journal.markCreateAttempted(dead, "{}", LUCCA);
        assertThat(journal.markDead(dead, new EventDetail("create-user", 504, "", "no answer"))).isTrue();
        String rejected = Intakes.recordIntake(journal, PAYLOAD, incomplete("2", "data.candidate.email"), TENANT,
                Duration.ZERO).hireId();
        String delivered = Intakes.recordIntake(journal, PAYLOAD, hire("3"), TENANT, Duration.ZERO).hireId();
        journal.claim(delivered);
        journal.markDelivered(delivered, 416, List.of());

        assertThat(journal.cancel(dead)).isTrue();
        assertThat(journal.cancel(rejected)).isTrue();
        assertThat(journal.cancel(delivered)).as("what Lucca holds").isFalse();

        assertThat(reader.countsByTenantAndStatus().get(TENANT)).doesNotContainKeys(HireStatus.DEAD, HireStatus.REJECTED)
                .containsEntry(HireStatus.CANCELLED, 2L);
        assertThat(reader.find(dead).orElseThrow().decisionNeeded()).as("its create's answer was lost: a person looks")
                .isEqualTo(Journal.CANCELLED_CREATE_UNKNOWN);
        assertThat(reader.find(rejected).orElseThrow().decisionNeeded()).isNull();
        assertThat(reader.history(rejected)).last().extracting(HireEvent::detail).isEqualTo("cancelled by an operator");
    }

    @Test
    void aHireCancelledAfterItsLuccaUserWasMadeWaitsForAPersonWhetherQueuedOrDead() {
        String queued = claimedHire();
        journal.recordLuccaUser(queued, 417, LUCCA);
        journal.retryLater(queued, T0.plusSeconds(60), new EventDetail("create-work-contract", 503, "", "unavailable"));
        String dead = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ZERO).hireId();
        journal.claim(dead);
        journal.recordLuccaUser(dead, 418, LUCCA);
        assertThat(journal.markDead(dead, new EventDetail("create-work-contract", 400, "", "refused"))).isTrue();
        clock.advance(Duration.ofMinutes(5));

        assertThat(journal.cancel(queued)).isTrue();
        assertThat(journal.cancel(dead)).isTrue();

        for (String hireId : List.of(queued, dead)) {
            HireView cancelled = reader.find(hireId).orElseThrow();
            assertThat(cancelled.status()).isEqualTo(HireStatus.CANCELLED);
            // no create was on its way: the account was made before the cancel came
            assertThat(cancelled.decisionNeeded()).as("its account stays in Lucca").isEqualTo(
                    Journal.CANCELLED_WITH_ACCOUNT).doesNotContain("on its way");
            assertThat(cancelled.decisionNeededAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(reader.history(hireId)).last().extracting(HireEvent::detail).asString()
                    .contains("after its Lucca account was made");
        }
    }

    @Test
    void aDecisionOnAMarkThatChangedSinceItWasReadIsRefusedAndTheMarkKept() {
        String hireId = claimedHire();
        journal.markCreateAttempted(hireId, "{}", LUCCA);
        assertThat(journal.cancel(hireId)).isTrue();
        String read = reader.find(hireId).orElseThrow().decisionNeeded();
        // Lucca's late answer: it made the account the operator is about to say does not exist
        journal.recordLuccaUser(hireId, 417, LUCCA);

        assertThat(journal.decided(hireId, read, "looked in Lucca: no account")).isFalse();

        assertThat(reader.find(hireId).orElseThrow().decisionNeeded()).isEqualTo(Journal.CANCELLED_AFTER_LUCCA);
        assertThat(reader.history(hireId)).extracting(HireEvent::detail).noneMatch(
                detail -> detail != null && detail.startsWith("decided"));
        assertThat(journal.decided(hireId, Journal.CANCELLED_AFTER_LUCCA, "account 417 archived in Lucca")).isTrue();
        assertThat(reader.find(hireId).orElseThrow().decisionNeeded()).isNull();
    }

    @Test
    void aCancelWinsOverADryRunAndAnAlreadyInLuccaButNotOverAUserLuccaCreated() {
        String dry = Intakes.recordIntake(journal, PAYLOAD, hire("1"), TENANT, Duration.ZERO).hireId();
        String found = Intakes.recordIntake(journal, PAYLOAD, hire("2"), TENANT, Duration.ZERO).hireId();
        String created = Intakes.recordIntake(journal, PAYLOAD, hire("3"), TENANT, Duration.ZERO).hireId();
        List.of(dry, found, created).forEach(journal::claim);
        List.of(dry, found, created).forEach(journal::cancel);
        clock.advance(Duration.ofSeconds(5));

        assertThat(journal.markDryRun(dry, "{}", List.of())).isFalse();
        assertThat(journal.markAlreadyInLucca(found, 416, List.of())).isFalse();
        journal.markDelivered(created, 417, List.of());

        assertThat(reader.find(dry).orElseThrow().status()).isEqualTo(HireStatus.CANCELLED);
        assertThat(reader.find(found).orElseThrow().status()).isEqualTo(HireStatus.CANCELLED);
        HireView delivered = reader.find(created).orElseThrow();
        assertThat(delivered.status()).as("what Lucca holds").isEqualTo(HireStatus.DELIVERED);
        assertThat(delivered.decisionNeeded()).as("cancelled, yet the account is made").isEqualTo(
                Journal.CANCELLED_AFTER_LUCCA);
        assertThat(delivered.decisionNeededAt()).as("from the cancel").isEqualTo(T0);
    }

    @Test
    void aHireCancelledDuringItsAttemptIsReplayedOnlyOnceThatAttemptHasStopped() {
        String hireId = claimedHire();
        journal.cancel(hireId);

        assertThat(journal.replay(hireId, PAYLOAD, LUCCA)).as("its attempt still runs").isFalse();
        journal.releaseClaim(hireId);

        assertThat(journal.replay(hireId, PAYLOAD, LUCCA)).isTrue();
        assertThat(claimDue(10)).extracting(ClaimedHire::hireId).containsExactly(hireId);
    }

    @Test
    void aValueTooLongForTheJournalIsRefusedNotAnOutage() {
        assertThatExceptionOfType(JournalRefusedValue.class)
                .isThrownBy(() -> journal.reserveLogin(TENANT, "hire-1", "m".repeat(251)))
                .withMessageContaining("reserve the login")
                .withMessageNotContaining("mmm");
        assertThat(reader.time()).isNotNull();
    }

    @Test
    void anOutcomeOfAnAttemptTakenOverByAnotherInstanceIsNotWritten() {
        String hireId = claimedHire();
        clock.advance(LEASE.plusSeconds(1));
        Journal other = new Journal(pool, clock, LEASE, "instance-b");
        assertThat(other.claim(hireId)).isNotNull();

        assertThat(journal.retryLater(hireId, clock.instant().plusSeconds(5),
                new EventDetail("create-user", 503, "", "down"))).isFalse();

        assertThat(reader.find(hireId).orElseThrow().status()).isEqualTo(HireStatus.RECEIVED);
        h2.nextLuccaCall(other, hireId, clock.instant());
    }

    private static final class BrokenDataSource implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("Database is closed", "08003");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    /** A journal in a file of its own that the migrations up to {@code version} made, as that version left it. */
    private JdbcConnectionPool olderJournal(String version) {
        JdbcConnectionPool earlier = JdbcConnectionPool.create("jdbc:h2:file:" + dir.toAbsolutePath() + "/journal-v"
                + version + ";WRITE_DELAY=0", "flatchr-lucca", "");
        Flyway.configure().dataSource(earlier).locations("classpath:db/journal").target(version).load().migrate();
        return earlier;
    }

    /**
     * The test's journal, whose connections run {@code meanwhile} once, on a connection of their own, just before the
     * first statement starting with {@code sql} is prepared: another instance's change in the middle of a transaction.
     */
    private DataSource beforeStatement(String sql, Runnable meanwhile) {
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        return WatchedStatements.of(pool, prepared -> {
            if (prepared.startsWith(sql) && ran.compareAndSet(false, true)) {
                meanwhile.run();
            }
        });
    }

    /** As retention erases with RETENTION_DAYS=90, the write-backs given up before. */
    private int eraseAfterNinetyDays() {
        Instant cut = clock.instant().minus(Duration.ofDays(90));
        return journal.erasePersonalData(cut, cut, List.of(TENANT));
    }
}
