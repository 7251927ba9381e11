package io.github.flatchrlucca.lucca;

import io.github.flatchrlucca.http.KeyState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.journal.CallHeldBack;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.Intakes;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalClock;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.RateLimitStore;
import io.github.flatchrlucca.journal.TestJournal;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LuccaRateLimiterTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(60);
    // The budget of one Lucca instance that several tenants call, as the store is given it (LuccaConnection.instance)
    private static final String SHARED_LUCCA = "https://acme.ilucca.net";
    private static final Instant T0 = START;
    // DELIVERY_LEASE_SECONDS' default: a call for a hire asks for its turn again at least every minute
    private static final Duration LEASE = Duration.ofMinutes(3);
    // LUCCA_TIMEOUT_MS' default, twice: a call's connection and its answer
    private static final Duration LONGEST_CALL = Duration.ofSeconds(20);
    // Instances sharing a journal, as in most of these tests: a second's room for their clocks
    private static final Duration SHARED = LuccaRateLimiter.clockDisagreement(true);
    // How much longer than Lucca's Retry-After a pause lasts: another instance may reckon the journal's time that far ahead
    private static final Duration PAUSE_ROOM = SHARED;

    private final MutableClock clock = new MutableClock(START);
    private final List<Duration> sleeps = new ArrayList<>();
    // waits by moving the fake clock forward, and remembers every wait
    private final LuccaRateLimiter.Sleeper sleeper = duration -> {
        sleeps.add(duration);
        clock.advance(duration);
    };
    private final List<Duration> waits = new ArrayList<>();
    // The budget lives in the journal; an in-memory H2 database per test, migrated as in production.
    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final DataSource journal = h2.dataSource();
    private final RateLimitStore store = new RateLimitStore(journal);
    private final LuccaRateLimiter shared = new LuccaRateLimiter(store, clock, sleeper, (tenant, wait) -> waits.add(wait),
            LEASE, LONGEST_CALL, SHARED);
    private final Budget limiter = limiter("https://acme.ilucca.net");

    private Budget limiter(String luccaBaseUrl) {
        return new Budget(shared, connection(luccaBaseUrl, 3));
    }

    private static LuccaConnection connection(String luccaBaseUrl, int requests) {
        return new LuccaConnection("acme", Optional.of(URI.create(luccaBaseUrl)), "key",
                ZoneId.of("Europe/Paris"), requests, WINDOW,
                new KeyState(state -> { }));
    }

    /** The shared limiter as one tenant's calls use it. */
    private record Budget(LuccaRateLimiter limiter, LuccaConnection lucca) {
        long acquire() throws InterruptedException {
            return limiter.acquire(lucca, null);
        }

        void pauseFor(Duration retryAfter) {
            limiter.pauseFor(lucca, retryAfter);
        }

        void answered(Long slot) {
            limiter.answered(slot);
        }
    }

    @Test
    void tenantsOnTheSameLuccaInstanceShareItsBudgetEachWithinItsOwnLimit() throws InterruptedException {
        Budget generous = new Budget(shared, connection("https://acme.ilucca.net", 5));
        limiter.acquire();
        limiter.acquire();
        limiter.acquire();

        generous.acquire();
        generous.acquire();

        assertThat(sleeps).as("five calls fit in the generous tenant's limit").isEmpty();
        limiter.acquire();
        assertThat(sleeps).as("the strict tenant counts the other's calls too").isNotEmpty();
    }

    @Test
    void twoInstancesOnOneJournalShareOneBudget() throws InterruptedException {
        Budget otherInstance = limiter("https://acme.ilucca.net");
        limiter.acquire();
        limiter.acquire();
        otherInstance.acquire();

        otherInstance.acquire();

        assertThat(sleeps).containsExactly(WINDOW);
    }

    @Test
    void aLuccaWrittenInCapitalsOrWithItsDefaultPortSharesOneKeyAndOneWindowWithItsLowerCaseSpelling()
            throws InterruptedException {
        Budget capitals = limiter("https://Acme.ILucca.net:443/");
        assertThat(capitals.lucca().instance()).isEqualTo(limiter.lucca().instance());
        acquireTimes(3);

        capitals.acquire();

        assertThat(sleeps).as("the window the lower-case spelling filled").containsExactly(WINDOW);
    }

    @Test
    void anotherLuccaInstanceHasItsOwnBudget() throws InterruptedException {
        acquireTimes(3);

        limiter("https://other.ilucca.net").acquire();

        assertThat(sleeps).isEmpty();
    }

    @Test
    void asManyCallsAsTheLimitPassWithoutWaiting() throws InterruptedException {
        acquireTimes(3);

        assertThat(sleeps).isEmpty();
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void theCallOverTheLimitWaitsUntilTheOldestCallLeavesTheWindow() throws InterruptedException {
        limiter.acquire();
        clock.advance(Duration.ofSeconds(10));
        limiter.acquire();
        limiter.acquire();

        limiter.acquire();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(50));
        assertThat(clock.instant()).isEqualTo(START.plus(WINDOW));
    }

    @Test
    void theNextCallOverTheLimitWaitsForTheSecondOldest() throws InterruptedException {
        limiter.acquire();
        clock.advance(Duration.ofSeconds(10));
        limiter.acquire();
        limiter.acquire();
        limiter.acquire(); // waited until START + 60 s

        limiter.acquire();

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(70));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(50), Duration.ofSeconds(10));
    }

    @Test
    void callsSpreadOverTimeNeverWait() throws InterruptedException {
        for (int call = 0; call < 20; call++) {
            limiter.acquire();
            clock.advance(Duration.ofSeconds(20));
        }

        assertThat(sleeps).isEmpty();
    }

    @Test
    void aPauseHoldsTheNextCallUntilItEnds() throws InterruptedException {
        limiter.pauseFor(Duration.ofSeconds(30));

        limiter.acquire();

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(30).plus(PAUSE_ROOM));
    }

    @Test
    void aHireWaitingOutALongPauseKeepsItsClaimSoNoOtherInstanceTakesItOver() throws InterruptedException {
        Journal instanceA = new Journal(journal, clock, LEASE, "instance-a");
        Journal instanceB = new Journal(journal, clock, LEASE, "instance-b");
        String hireId = Intakes.recordIntake(instanceA, "{}", new HireVerdict(HireVerdict.Kind.HIRE, null, "4242",
                "1234", List.of()), "acme", Duration.ZERO).hireId();
        assertThat(instanceA.claim(hireId)).isNotNull();
        // Lucca answered another call with a 429 and Retry-After: 600, over three times the lease
        limiter.pauseFor(Duration.ofSeconds(600));
        List<String> takenOver = new ArrayList<>();
        LuccaRateLimiter waiting = new LuccaRateLimiter(store, clock, duration -> {
            sleeper.sleep(duration);
            // the other instance's next round, after each wait
            if (instanceB.claim(hireId) != null) {
                takenOver.add(hireId);
            }
        }, (tenant, wait) -> { }, LEASE, LONGEST_CALL, SHARED);

        waiting.acquire(limiter.lucca(), instanceA.stillHolding(hireId));

        assertThat(takenOver).as("claimed by instance A all along").isEmpty();
        assertThat(sleeps).as("a third of the lease at a time").allSatisfy(sleep ->
                assertThat(sleep).isLessThanOrEqualTo(Duration.ofMinutes(1)));
        assertThat(clock.instant()).as("the call still waits for the pause's end")
                .isEqualTo(START.plusSeconds(600).plus(PAUSE_ROOM));
    }

    @Test
    void aCallWhoseSlotsCommitAteTheClaimsMarginIsHeldBackUnsentItsHireStillClaimedUntilTheDeliveryGivesItBack() {
        Journal instanceA = new Journal(journal, clock, LEASE, "instance-a");
        Journal instanceB = new Journal(journal, clock, LEASE, "instance-b");
        String hireId = claimedByA(instanceA);
        // the claim is renewed, then the slot's transaction waits (the Lucca row's lock, a stalled journal) until less
        // than the call's longest length, and the instances' disagreement on the time, is left of the lease
        RateLimitStore.Precondition renewedThenStalled = stalledAfter(instanceA.stillHolding(hireId),
                LEASE.minus(LONGEST_CALL).minus(JournalClock.DISAGREEMENT).plusMillis(1));

        assertThatExceptionOfType(CallHeldBack.class).isThrownBy(() -> limiter.limiter().acquire(limiter.lucca(),
                renewedThenStalled));

        assertThat(new JournalReader(journal).find(hireId).orElseThrow().status()).as("neither dead nor lost").isEqualTo(HireStatus.RECEIVED);
        clock.advance(LONGEST_CALL.plus(JournalClock.DISAGREEMENT));
        assertThat(instanceB.claim(hireId)).as("due again once the claim this instance renewed ends").isNotNull();
    }

    @Test
    void aCallWhoseSlotsCommitLeftTheClaimItsWholeLengthIsSent() throws InterruptedException, SQLException {
        Journal instanceA = new Journal(journal, clock, LEASE, "instance-a");
        String hireId = claimedByA(instanceA);
        RateLimitStore.Precondition renewedThenStalled = stalledAfter(instanceA.stillHolding(hireId),
                LEASE.minus(LONGEST_CALL).minus(JournalClock.DISAGREEMENT));

        limiter.limiter().acquire(limiter.lucca(), renewedThenStalled);

        assertThat(slotsKept()).as("the call's slot").hasSize(1);
    }

    private String claimedByA(Journal instanceA) {
        String hireId = Intakes.recordIntake(instanceA, "{}", new HireVerdict(HireVerdict.Kind.HIRE, null, "4242",
                "1234", List.of()), "acme", Duration.ZERO).hireId();
        assertThat(instanceA.claim(hireId)).isNotNull();
        return hireId;
    }

    /** The precondition, then the rest of the slot's transaction lasting {@code stall} on the clock. */
    private RateLimitStore.Precondition stalledAfter(RateLimitStore.Precondition precondition, Duration stall) {
        return connection -> {
            RateLimitStore.Hold hold = precondition.check(connection);
            clock.advance(stall);
            return hold;
        };
    }

    /**
     * A 429's pause is written by the instance Lucca answered, on its reckoning of the journal's time, and read by the
     * others on theirs, a second apart at most (JournalClock): none calls before Lucca's Retry-After is over.
     */
    @Test
    void aPauseWrittenByAnInstanceReckoningTheJournalsTimeASecondBehindHoldsAnothersCallsUntilLuccaSaidTheyMay()
            throws InterruptedException {
        LuccaRateLimiter behind = new LuccaRateLimiter(store, Clock.offset(clock, JournalClock.DISAGREEMENT.negated()),
                sleeper, (tenant, wait) -> { }, LEASE, LONGEST_CALL, SHARED);
        // Lucca refused a call with 429 and Retry-After: 30, by the true time
        Instant refused = clock.instant();
        behind.pauseFor(limiter.lucca(), Duration.ofSeconds(30));

        limiter.acquire();

        assertThat(clock.instant()).as("Lucca's Retry-After is over").isAfterOrEqualTo(refused.plusSeconds(30));
    }

    @Test
    void aPauseHoldsEveryCallEvenWithBudgetLeft() throws InterruptedException {
        limiter.acquire();
        limiter.pauseFor(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(10));

        limiter.acquire();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(20).plus(PAUSE_ROOM));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(30).plus(PAUSE_ROOM));
    }

    @Test
    void callsPassFreelyOnceThePauseIsOver() throws InterruptedException {
        limiter.pauseFor(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30).plus(PAUSE_ROOM));

        acquireTimes(3);

        assertThat(sleeps).isEmpty();
    }

    @Test
    void aShorterPauseDoesNotShortenALongerOne() throws InterruptedException {
        limiter.pauseFor(Duration.ofSeconds(120));
        limiter.pauseFor(Duration.ofSeconds(5));

        limiter.acquire();

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(120).plus(PAUSE_ROOM));
    }

    @Test
    void aLongerPauseExtendsAShorterOne() throws InterruptedException {
        limiter.pauseFor(Duration.ofSeconds(5));
        limiter.pauseFor(Duration.ofSeconds(120));

        limiter.acquire();

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(120).plus(PAUSE_ROOM));
    }

    @Test
    void aFullWindowAfterAPauseStillWaitsForItsOldestCall() throws InterruptedException {
        acquireTimes(3);
        limiter.pauseFor(Duration.ofSeconds(10));

        limiter.acquire();

        // the pause ends at +10 s, but the window is full until the first call is 60 s old
        assertThat(clock.instant()).isEqualTo(START.plus(WINDOW));
    }

    @Test
    void anAnsweredCallIsCountedFromItsAnswer() throws InterruptedException {
        List<Long> slots = List.of(limiter.acquire(), limiter.acquire(), limiter.acquire());
        clock.advance(Duration.ofSeconds(2)); // Lucca answered 2 s later, having counted the calls in between
        slots.forEach(limiter::answered);

        limiter.acquire();

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(2).plus(WINDOW));
    }

    @Test
    void anAnswerMovesOnlyItsOwnCall() throws InterruptedException {
        limiter.acquire();
        long second = limiter.acquire();
        limiter.acquire();
        clock.advance(Duration.ofSeconds(2));
        limiter.answered(second);

        limiter.acquire();

        // the first call, never answered (a lost connection), still counts from its sending
        assertThat(clock.instant()).isEqualTo(START.plus(WINDOW));
    }

    /**
     * Instances sharing a journal reckon its time each their own way, a second apart at most (JournalClock): the one
     * that answered a call stamps it by its reckoning, the other counts it by its own. With the window the connector
     * gives a tenant, the next call still reaches Lucca once Lucca's own window no longer counts the first.
     */
    @Test
    void anotherInstanceReckoningTheJournalsTimeASecondBehindDrawsNo429FromLucca() throws InterruptedException {
        LuccaConnection lucca = new LuccaConnection("acme", Optional.of(URI.create(SHARED_LUCCA)), "key",
                ZoneId.of("Europe/Paris"), 1, WINDOW.plus(LuccaRateLimiter.windowSlack(SHARED)), new KeyState(state -> { }));
        LuccaRateLimiter behind = new LuccaRateLimiter(store, Clock.offset(clock, JournalClock.DISAGREEMENT.negated()),
                sleeper, (tenant, wait) -> { }, LEASE, LONGEST_CALL, SHARED);
        // Lucca counts the call as it arrives, by the true time, and answers it at once
        Instant countedByLucca = clock.instant();
        behind.answered(behind.acquire(lucca, null));

        shared.acquire(lucca, null);

        assertThat(clock.instant()).as("the next call leaves once Lucca's window is past the first")
                .isAfter(countedByLucca.plus(WINDOW));
    }

    @Test
    void anInterruptedWaitIsPassedOnToTheCaller() throws InterruptedException {
        Budget interrupted = new Budget(new LuccaRateLimiter(store, clock,
                duration -> {
                    throw new InterruptedException("stopping");
                }, (tenant, wait) -> waits.add(wait), LEASE, LONGEST_CALL, SHARED), connection("https://acme.ilucca.net", 1));
        interrupted.acquire();

        assertThatExceptionOfType(InterruptedException.class)
                .isThrownBy(interrupted::acquire);
    }

    @Test
    void eachCallReportsHowLongItWaitedForItsTurn() throws InterruptedException {
        acquireTimes(3);
        clock.advance(Duration.ofSeconds(20));
        limiter.acquire();

        assertThat(waits).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(40));
    }

    @Test
    void aTenantWithAShortWindowErasesTheCallsAnotherTenantOnTheSameLuccaStillCounts() {
        Duration longWindow = Duration.ofSeconds(60), shortWindow = Duration.ofSeconds(10);
        for (int i = 0; i < 5; i++) {
            assertThat(store.takeOrWait(SHARED_LUCCA, 5, longWindow, T0, RateLimitStore.Precondition.NONE).taken()).isTrue();
        }
        assertThat(store.takeOrWait(SHARED_LUCCA, 5, longWindow, T0.plusSeconds(1), RateLimitStore.Precondition.NONE).taken()).isFalse();
        assertThat(store.takeOrWait(SHARED_LUCCA, 5, shortWindow, T0.plusSeconds(15), RateLimitStore.Precondition.NONE).taken()).isTrue();
        RateLimitStore.Turn turn = store.takeOrWait(SHARED_LUCCA, 5, longWindow, T0.plusSeconds(16), RateLimitStore.Precondition.NONE);
        assertThat(turn.taken()).as("X already made 5 calls within its 60 s window (and Y one more)").isFalse();
        assertThat(turn.delay()).as("until X's first calls leave its window").isEqualTo(Duration.ofSeconds(44));
    }

    @Test
    void aRefusedTurnWaitsForTheOldestCallOfItsOwnWindowNotForOlderOnesOfLongerWindows() {
        Duration longWindow = Duration.ofSeconds(60), shortWindow = Duration.ofSeconds(10);
        for (int i = 0; i < 3; i++) {
            store.takeOrWait(SHARED_LUCCA, 5, longWindow, T0, RateLimitStore.Precondition.NONE);
        }
        assertThat(store.takeOrWait(SHARED_LUCCA, 2, shortWindow, T0.plusSeconds(20), RateLimitStore.Precondition.NONE).taken())
                .as("the long window's calls are 20 s old: out of the short window").isTrue();
        store.takeOrWait(SHARED_LUCCA, 2, shortWindow, T0.plusSeconds(22), RateLimitStore.Precondition.NONE);

        RateLimitStore.Turn turn = store.takeOrWait(SHARED_LUCCA, 2, shortWindow, T0.plusSeconds(25), RateLimitStore.Precondition.NONE);

        assertThat(turn.taken()).isFalse();
        assertThat(turn.delay()).as("until the call made at +20 s is 10 s old").isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aConnectorAloneOnItsEmbeddedJournalLeavesNoRoomForOtherClocks() throws InterruptedException {
        Duration one = LuccaRateLimiter.clockDisagreement(false);
        LuccaRateLimiter limiter = new LuccaRateLimiter(store, clock, sleeper, (tenant, wait) -> { }, LEASE,
                LONGEST_CALL, one);
        Budget alone = new Budget(limiter, connection("https://acme.ilucca.net", 3));

        alone.pauseFor(Duration.ofSeconds(30));
        alone.acquire();

        assertThat(clock.instant()).as("Retry-After, no more").isEqualTo(START.plusSeconds(30));
        assertThat(LuccaRateLimiter.windowSlack(one)).as("the network's room alone: a bench's two-second window "
                + "is not half again as long").isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void theLongestWindowATenantMaySetStillCountsItsCallsWhateverAOneSecondWindowDeletes() {
        // an hour, the settings' longest, and the connection's slack
        Duration longest = Duration.ofHours(1).plus(LuccaRateLimiter.windowSlack(SHARED)), oneSecond = Duration.ofSeconds(1);
        store.takeOrWait(SHARED_LUCCA, 1, longest, T0, RateLimitStore.Precondition.NONE);
        assertThat(store.takeOrWait(SHARED_LUCCA, 1, oneSecond, T0.plusSeconds(3_599), RateLimitStore.Precondition.NONE).taken())
                .isTrue();
        store.takeOrWait(SHARED_LUCCA, 1, oneSecond, T0.plusSeconds(3_600), RateLimitStore.Precondition.NONE);

        RateLimitStore.Turn turn = store.takeOrWait(SHARED_LUCCA, 1, longest, T0.plusSeconds(3_600), RateLimitStore.Precondition.NONE);

        assertThat(turn.taken()).isFalse();
        assertThat(turn.delay()).as("its first call leaves its window at T0 + 1 h and the slack")
                .isEqualTo(LuccaRateLimiter.windowSlack(SHARED));
    }

    @Test
    void callsNoWindowCanCountAnyMoreAreDeleted() throws SQLException {
        store.takeOrWait(SHARED_LUCCA, 5, WINDOW, T0, RateLimitStore.Precondition.NONE);
        store.takeOrWait(SHARED_LUCCA, 5, WINDOW, T0.plusSeconds(30), RateLimitStore.Precondition.NONE);
        store.takeOrWait("https://other.ilucca.net", 5, WINDOW, T0, RateLimitStore.Precondition.NONE);

        store.takeOrWait(SHARED_LUCCA, 5, Duration.ofSeconds(1), T0.plus(Duration.ofHours(1)).plusSeconds(75),
                RateLimitStore.Precondition.NONE);

        assertThat(slotsKept()).as("T0's slot of this Lucca is deleted; the one 30 s younger, and the other Lucca's, "
                + "wait for a call of their own Lucca").containsExactlyInAnyOrder(
                SHARED_LUCCA + " " + T0.plusSeconds(30), SHARED_LUCCA + " " + T0.plus(Duration.ofHours(1)).plusSeconds(75),
                "https://other.ilucca.net " + T0);
    }

    @Test
    void aWindowLongerThanTheCallsAreKeptIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> store.takeOrWait(SHARED_LUCCA, 5, Duration.ofHours(2), T0,
                RateLimitStore.Precondition.NONE)).withMessageContaining("PT2H");
    }

    private List<String> slotsKept() throws SQLException {
        List<String> slots = new ArrayList<>();
        try (Connection connection = journal.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT lucca_key, granted_at FROM lucca_call_slot")) {
            while (rows.next()) {
                slots.add(rows.getString(1) + " " + rows.getObject(2, java.time.OffsetDateTime.class).toInstant());
            }
        }
        return slots;
    }

    private void acquireTimes(int times) throws InterruptedException {
        for (int call = 0; call < times; call++) {
            limiter.acquire();
        }
    }
}
