package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.journal.AddressReservations.Hold;
import io.github.flatchrlucca.journal.AddressReservations.Kind;
import io.github.flatchrlucca.journal.AddressReservations.Outcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AddressReservationsTest {

    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
    private static final String ACME = "https://acme.ilucca.net";
    private static final String ADDRESS = "Camille.Morel@example.org";
    private static final Kind MAIL = Kind.LUCCA_MAIL;
    private static final Kind OWN_EMAIL = Kind.PERSONAL_EMAIL;

    private final MutableClock clock = new MutableClock(T0);
    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final DataSource pool = h2.dataSource();
    private final Journal journal = new Journal(pool, clock, Duration.ofMinutes(5), "instance-a");
    /** A second instance's journal, on the same database. */
    private final Journal journalOfB = new Journal(pool, clock, Duration.ofMinutes(5), "instance-b");
    /** Two instances' views of the one journal. */
    private final AddressReservations one = new AddressReservations(pool, clock);
    private final AddressReservations other = new AddressReservations(pool, clock);

    @Test
    void theFirstHireToAskHoldsTheAddressAndKeepsItAtItsNextAttempt() {
        String first = hire("1");

        assertThat(one.reserve(MAIL, ACME, ADDRESS, first)).isEqualTo(new Hold(Outcome.HELD, first));
        assertThat(one.reserve(MAIL, ACME, ADDRESS, first)).isEqualTo(new Hold(Outcome.HELD, first));
    }

    @Test
    void anotherHireWithTheAddressWaitsWhileTheHolderIsBeingDeliveredAndTakesItOverOnceItIsDelivered() {
        String first = hire("1");
        String second = hire("2");
        journal.claim(first);
        one.reserve(MAIL, ACME, ADDRESS, first);

        assertThat(other.reserve(MAIL, ACME, "  camille.morel@EXAMPLE.org ", second))
                .as("the same address, whatever its case").isEqualTo(new Hold(Outcome.BUSY, first));

        journal.markDelivered(first, 416, List.of());
        assertThat(other.reserve(MAIL, ACME, ADDRESS, second)).isEqualTo(new Hold(Outcome.TAKEN_OVER, first));
        assertThat(other.reserve(MAIL, ACME, ADDRESS, second)).isEqualTo(new Hold(Outcome.HELD, second));
        assertThat(one.reserve(MAIL, ACME, ADDRESS, first)).as("replayed, the first asks Lucca in turn")
                .isEqualTo(new Hold(Outcome.TAKEN_OVER, second));
    }

    /**
     * One candidate hired twice, their names written differently in Flatchr: under a work e-mail pattern the two
     * accounts' addresses differ, and each instance holds its own; the candidate's own e-mail, held too, is common.
     */
    @Test
    void theSameCandidateUnderTwoAddressesWaitsOnAnotherInstanceForItsOwnEmailThenAsksLucca() {
        String zoe = hire("1");
        String zoeAgain = hire("2");
        assertThat(journal.claim(zoe)).isNotNull();
        assertThat(journalOfB.claim(zoeAgain)).isNotNull();
        assertThat(one.reserve(MAIL, ACME, "zoe.martin@acme.test", zoe)).isEqualTo(new Hold(Outcome.HELD, zoe));
        assertThat(one.reserve(OWN_EMAIL, ACME, "zoe@example.org", zoe)).isEqualTo(new Hold(Outcome.HELD, zoe));

        assertThat(other.reserve(MAIL, ACME, "zoe.martinleroy@acme.test", zoeAgain)).as("another address")
                .isEqualTo(new Hold(Outcome.HELD, zoeAgain));
        assertThat(other.reserve(OWN_EMAIL, ACME, " Zoe@Example.org", zoeAgain))
                .as("the same candidate: it must not look its person up before the first is made")
                .isEqualTo(new Hold(Outcome.BUSY, zoe));

        // the second's attempt ends (it waits for a retry); the first makes the account
        journalOfB.releaseClaim(zoeAgain);
        journal.markDelivered(zoe, 416, List.of());
        assertThat(journalOfB.claim(zoeAgain)).isNotNull();
        assertThat(other.reserve(MAIL, ACME, "zoe.martinleroy@acme.test", zoeAgain))
                .isEqualTo(new Hold(Outcome.HELD, zoeAgain));
        assertThat(other.reserve(OWN_EMAIL, ACME, "zoe@example.org", zoeAgain))
                .as("Lucca is read again, and the person found by their personal e-mail")
                .isEqualTo(new Hold(Outcome.TAKEN_OVER, zoe));
    }

    @Test
    void aHireHoldsItsAddressAndItsCandidatesEmailAndAnotherAddressGivesUpOnlyTheAddress() {
        String first = hire("1");
        String second = hire("2");
        journal.claim(first);
        one.reserve(MAIL, ACME, ADDRESS, first);
        one.reserve(OWN_EMAIL, ACME, "camille@example.org", first);
        // its tenant's work e-mail pattern changed: it makes another address now
        assertThat(one.reserve(MAIL, ACME, "cmorel@example.org", first)).isEqualTo(new Hold(Outcome.HELD, first));

        assertThat(other.reserve(MAIL, ACME, ADDRESS, second)).as("given up").isEqualTo(new Hold(Outcome.HELD, second));
        assertThat(other.reserve(OWN_EMAIL, ACME, "camille@example.org", second)).as("still held")
                .isEqualTo(new Hold(Outcome.BUSY, first));
        assertThat(other.reserve(MAIL, ACME, "camille@example.org", second))
                .as("an account's address is not a candidate's own e-mail, even in the same letters")
                .isEqualTo(new Hold(Outcome.HELD, second));
    }

    @Test
    void aHolderStoppedDuringItsAttemptKeepsTheAddressUntilTheAttemptEnds() {
        String first = hire("1");
        String second = hire("2");
        journal.claim(first);
        one.reserve(MAIL, ACME, ADDRESS, first);
        // cancelled while its create may be on its way: the attempt holds the hire until it ends
        assertThat(journal.cancel(first)).isTrue();

        assertThat(other.reserve(MAIL, ACME, ADDRESS, second)).isEqualTo(new Hold(Outcome.BUSY, first));
        journal.releaseClaim(first);
        assertThat(other.reserve(MAIL, ACME, ADDRESS, second)).isEqualTo(new Hold(Outcome.TAKEN_OVER, first));
    }

    @Test
    void aHolderStoppedWhenItsInstanceDiedKeepsTheAddressOnlyUntilItsLeaseEnds() {
        String cancelled = hire("1");
        String withdrawn = hire("2");
        String later = hire("3");
        journal.claim(cancelled);
        journal.claim(withdrawn);
        one.reserve(MAIL, ACME, ADDRESS, cancelled);
        one.reserve(MAIL, ACME, "jeanne.dupont@example.org", withdrawn);
        assertThat(journal.cancel(cancelled)).isTrue();
        Intakes.movedOutOfHired(journal, "acme", new HireVerdict(HireVerdict.Kind.MOVED_OUT, null, "4242", "2",
                List.of(), null), "by Marie Curie, to Refused");
        // the instance delivering them dies: nobody gives their claims back, and a stopped hire is never due again
        clock.advance(Duration.ofMinutes(5));

        assertThat(other.reserve(MAIL, ACME, ADDRESS, later))
                .as("a create sent before the stop may still be on its way")
                .isEqualTo(new Hold(Outcome.BUSY, cancelled));
        clock.advance(Duration.ofSeconds(1));
        assertThat(other.reserve(MAIL, ACME, ADDRESS, later)).isEqualTo(new Hold(Outcome.TAKEN_OVER, cancelled));
        assertThat(other.reserve(MAIL, ACME, "jeanne.dupont@example.org", later))
                .isEqualTo(new Hold(Outcome.TAKEN_OVER, withdrawn));
    }

    @Test
    void aHolderPastItsLeaseMayStillSendItsCreateAndKeepsTheAddress() {
        String first = hire("1");
        String second = hire("2");
        journal.claim(first);
        one.reserve(MAIL, ACME, ADDRESS, first);
        // it waits for Lucca's rate limit longer than its lease, and no other instance has taken it over
        clock.advance(Duration.ofHours(1));

        assertThat(other.reserve(MAIL, ACME, ADDRESS, second)).isEqualTo(new Hold(Outcome.BUSY, first));
    }

    @Test
    void aHolderWaitingForItsRetryHasNothingOnItsWayAndLeavesTheAddressToAHireThatAsksLucca() {
        String first = hire("1");
        String second = hire("2");
        journal.claim(first);
        one.reserve(MAIL, ACME, ADDRESS, first);
        journal.releaseClaim(first);

        assertThat(other.reserve(MAIL, ACME, ADDRESS, second)).isEqualTo(new Hold(Outcome.TAKEN_OVER, first));
    }

    @Test
    void theSameAddressInAnotherLuccaIsAnotherAccount() {
        String first = hire("1");
        String second = hire("2");
        one.reserve(MAIL, ACME, ADDRESS, first);

        assertThat(other.reserve(MAIL, "https://globex.ilucca.net", ADDRESS, second))
                .isEqualTo(new Hold(Outcome.HELD, second));
    }

    @Test
    void anAddressWhoseHolderRetentionErasedPassesOnAndIsKeptOnlyAsADigest() throws SQLException {
        String first = hire("1");
        one.reserve(MAIL, ACME, ADDRESS, first);
        one.reserve(OWN_EMAIL, ACME, "camille@gmail.example", first);
        assertThat(reservedKeys()).hasSize(2).allSatisfy(key -> assertThat(key).hasSize(64)
                .doesNotContainIgnoringCase("camille"));
        journal.markDelivered(first, 416, List.of());

        clock.advance(Duration.ofDays(31));
        assertThat(journal.erasePersonalData(clock.instant().minus(Duration.ofDays(30)), clock.instant(), List.of()))
                .isOne();

        assertThat(reservedKeys()).as("erased with the hire's personal data").isEmpty();
        String later = hire("3");
        assertThat(other.reserve(MAIL, ACME, ADDRESS, later)).isEqualTo(new Hold(Outcome.HELD, later));
        assertThat(other.reserve(OWN_EMAIL, ACME, "camille@gmail.example", later))
                .isEqualTo(new Hold(Outcome.HELD, later));
    }

    private String hire(String applicantId) {
        return Intakes.recordIntake(journal, "{}", new HireVerdict(HireVerdict.Kind.HIRE, null, "4242", applicantId,
                List.of()), "acme", Duration.ZERO).hireId();
    }

    private List<String> reservedKeys() throws SQLException {
        try (Connection connection = pool.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT address_key FROM lucca_address_reservation")) {
            List<String> keys = new java.util.ArrayList<>();
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            return keys;
        }
    }
}
