package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.intake.HireVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The write-back of outcomes to Flatchr: pending once an outcome is known, claimed once, written or put off. */
class WriteBacksTest {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(T0);
    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final DataSource pool = h2.dataSource();
    private final Journal journal = new Journal(pool, clock, LEASE, "instance-a");
    private final JournalReader reader = new JournalReader(pool);
    private final WriteBacks one = new WriteBacks(pool, clock, LEASE, "instance-a");
    private final WriteBacks other = new WriteBacks(pool, clock, LEASE, "instance-b");

    @Test
    void anOutcomeIsToWriteBackOnceKnownAndAQueuedHireHasNone() {
        String delivered = hire("1");
        String queued = hire("2");
        journal.markDelivered(delivered, 416, List.of());

        assertThat(ClaimedWriteBacks.claimDue(one, "acme", 10)).extracting(HireView::hireId).containsExactly(delivered);
        assertThat(reader.find(queued).orElseThrow().writeBack()).isNull();
    }

    @Test
    void aHireRejectedAtItsArrivalHasItsRejectionToWriteBack() {
        String rejected = Intakes.recordIntake(journal, "{}", new HireVerdict(HireVerdict.Kind.INCOMPLETE,
                "the candidate's e-mail is missing", "4242", "1", List.of()), "acme", Duration.ZERO).hireId();

        assertThat(ClaimedWriteBacks.claimDue(one, "acme", 10)).extracting(HireView::hireId).containsExactly(rejected);
    }

    @Test
    void aDueWriteBackIsClaimedByOneInstanceOnly() {
        journal.markDelivered(hire("1"), 416, List.of());

        assertThat(ClaimedWriteBacks.claimDue(one, "acme", 10)).hasSize(1);
        assertThat(ClaimedWriteBacks.claimDue(other, "acme", 10)).isEmpty();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(ClaimedWriteBacks.claimDue(other, "acme", 10)).as("left by an instance that died").hasSize(1);
    }

    @Test
    void anOutcomeAnotherInstanceClaimedWhileThisTurnWroteAnotherIsLeftToIt() {
        String first = hire("1");
        String second = hire("2");
        journal.markDelivered(first, 416, List.of());
        journal.markDelivered(second, 417, List.of());
        assertThat(one.dueHireIds("acme", 10)).containsExactly(first, second);
        // a slow Flatchr: the first outcome's calls outlast a lease, its claim renewed before each of them
        assertThat(one.claim(first)).isNotNull();
        clock.advance(LEASE.minusSeconds(1));
        one.renewClaim(first);
        clock.advance(Duration.ofSeconds(2));

        assertThat(ClaimedWriteBacks.claimDue(other, "acme", 10)).as("the renewed one is still held")
                .extracting(HireView::hireId).containsExactly(second);
        one.written(first, "Lucca: created #416");
        assertThat(one.claim(second)).as("this turn's next outcome, the other instance's now").isNull();
        other.renewClaim(second);
        other.written(second, "Lucca: created #417");

        assertThat(reader.find(first).orElseThrow().writeBack()).isEqualTo("WRITTEN");
        assertThat(reader.history(second)).extracting(HireEvent::detail)
                .filteredOn(detail -> detail != null && detail.startsWith("outcome written")).hasSize(1);
    }

    @Test
    void aRenewalWhoseCommitAteHalfTheLeaseSendsNothingAndTheOutcomeIsDueAgainOnceItsClaimEnds() {
        String hireId = hire("1");
        journal.markDelivered(hireId, 416, List.of());
        assertThat(one.claim(hireId)).isNotNull();
        // the renewal waits (a lock, a stalled journal) after reading the clock: over half the lease, which is twice
        // what the turn's wait and the call need (FlatchrTurns.leaseCovering)
        WriteBacks stalled = new WriteBacks(stallingOnTheRenewal(LEASE.dividedBy(2).plusMillis(1)), clock, LEASE,
                "instance-a");

        assertThatExceptionOfType(CallHeldBack.class).isThrownBy(() -> stalled.renewClaim(hireId));

        assertThat(reader.find(hireId).orElseThrow().writeBack()).as("still to write").isEqualTo("PENDING");
        clock.advance(LEASE.dividedBy(2));
        assertThat(other.claim(hireId)).as("due again once the renewed claim ends").isNotNull();
    }

    @Test
    void aRenewalWhoseCommitLeftHalfTheLeaseGoesOn() {
        String hireId = hire("1");
        journal.markDelivered(hireId, 416, List.of());
        assertThat(one.claim(hireId)).isNotNull();
        WriteBacks stalled = new WriteBacks(stallingOnTheRenewal(LEASE.dividedBy(2)), clock, LEASE, "instance-a");

        stalled.renewClaim(hireId);

        assertThat(other.claim(hireId)).as("held").isNull();
    }

    /** The journal, whose renewal of a write-back's claim waits {@code stall} on the clock before it runs. */
    private DataSource stallingOnTheRenewal(Duration stall) {
        return WatchedStatements.of(pool, statement -> {
            if (statement.startsWith("UPDATE hire SET writeback_claimed_until")) {
                clock.advance(stall);
            }
        });
    }

    @Test
    void aWrittenOutcomeIsInTheHistoryAndNotWrittenAgain() {
        String hireId = hire("1");
        journal.markDelivered(hireId, 416, List.of());
        ClaimedWriteBacks.claimDue(one, "acme", 10);

        one.written(hireId, "Lucca: created #416 cmorel, starts 2027-01-04");

        HireView record = reader.find(hireId).orElseThrow();
        assertThat(record.writeBack()).isEqualTo("WRITTEN");
        assertThat(record.status()).as("the outcome itself is untouched").isEqualTo(HireStatus.DELIVERED);
        assertThat(reader.history(hireId)).last().satisfies(event ->
                assertThat(event.detail()).contains("written to the candidate in Flatchr: Lucca: created #416"));
        assertThat(ClaimedWriteBacks.claimDue(one, "acme", 10)).isEmpty();
    }

    @Test
    void aWriteBackEndingAfterRetentionErasedItsHireLeavesNoLineNamingTheLogin() {
        String hireId = hire("1");
        journal.markDelivered(hireId, 416, List.of());
        assertThat(one.claim(hireId)).isNotNull();
        // RETENTION_DAYS passed for the outcome, and its write-back's window (RETRY_MAX_AGE_HOURS) while this attempt
        // ran (a slow Flatchr): retention erases the hire under the attempt, which read it whole before
        clock.advance(Duration.ofMinutes(1));
        assertThat(journal.erasePersonalData(clock.instant(), clock.instant(), List.of("acme"))).isEqualTo(1);

        one.written(hireId, "Lucca: created #416 cmorel, starts 2027-01-04");

        assertThat(reader.find(hireId).orElseThrow().writeBack()).as("the write-back ends all the same")
                .isEqualTo("WRITTEN");
        assertThat(reader.history(hireId)).extracting(HireEvent::detail).as("an erased hire stays erased")
                .noneMatch(detail -> detail != null && detail.contains("cmorel"));
    }

    @Test
    void aFailedAttemptWaitsItsTimeAndCountsTheAttempts() {
        String hireId = hire("1");
        journal.markDelivered(hireId, 416, List.of());
        ClaimedWriteBacks.claimDue(one, "acme", 10);

        one.retryLater(hireId, T0.plusSeconds(30), "Flatchr answered 503 to write-tag");

        assertThat(ClaimedWriteBacks.claimDue(one, "acme", 10)).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(ClaimedWriteBacks.claimDue(one, "acme", 10)).singleElement()
                .satisfies(record -> assertThat(record.writeBackAttempts()).isEqualTo(2));
    }

    @Test
    void theApiSIdOfAnApplicationIsKeptAndAFoundHireHasItFromTheStart() {
        String webhook = hire("1");
        String found = Intakes.record(journal, "{}", new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", "z7gWQnjXG77hJRak",
                List.of()), "acme", Origin.FLATCHR_API, List.of(), Duration.ZERO).hireId();

        one.applicantFound(webhook, "Pq9rT2uVw3xY4zAb");

        assertThat(reader.find(webhook).orElseThrow().flatchrApplicant()).isEqualTo("Pq9rT2uVw3xY4zAb");
        assertThat(reader.find(found).orElseThrow().flatchrApplicant()).isEqualTo("z7gWQnjXG77hJRak");
    }

    @Test
    void theWriteBackKeepsNoIdOverTheOneASearchKeptSinceItClaimedTheHire() {
        String webhook = hire("1");
        journal.markDelivered(webhook, 416, List.of());
        assertThat(ClaimedWriteBacks.claimDue(one, "acme", 10)).singleElement()
                .satisfies(claimed -> assertThat(claimed.flatchrApplicant()).isNull());
        journal.applicantFoundBySearch(webhook, "z7gWQnjXG77hJRak");

        one.applicantFound(webhook, "Ar4cHv3dA1pL9xQe");

        assertThat(reader.find(webhook).orElseThrow().flatchrApplicant()).as("an id names the hire for good")
                .isEqualTo("z7gWQnjXG77hJRak");
    }

    @Test
    void aHireOfAnotherCompanyHasNothingToWriteBack() {
        String other = Intakes.recordIntake(journal, "{}", new HireVerdict(HireVerdict.Kind.OTHER_COMPANY,
                "company_id 77 is not one of tenant acme's Flatchr companies", "77", "1", List.of()), "acme", Duration.ZERO).hireId();

        assertThat(reader.find(other).orElseThrow().writeBack()).isNull();
    }

    @Test
    void aHireOfTheTenantsOwnCompanyWhoseApplicantIdReadsLikeAnotherCompanysMarkHasItsOutcomeWrittenBack() {
        // Flatchr's applicant id is free text: only the mark right after the tenant says another company's
        String own = hire("7:other-company:9999");
        journal.markDelivered(own, 417, List.of());

        assertThat(reader.find(own).orElseThrow().writeBack()).isEqualTo("PENDING");
    }

    private String hire(String applicantId) {
        String hireId = Intakes.recordIntake(journal, "{}", new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", applicantId,
                List.of()), "acme", Duration.ZERO).hireId();
        journal.claim(hireId);
        return hireId;
    }
}
