package io.github.flatchrlucca.lucca;

import io.github.flatchrlucca.http.KeyState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.journal.RateLimitStore;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class LuccaRateLimiterTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(START);
    private final List<Duration> sleeps = new ArrayList<>();
    // waits by moving the fake clock forward, and remembers every wait
    private final LuccaRateLimiter.Sleeper sleeper = duration -> {
        sleeps.add(duration);
        clock.advance(duration);
    };
    private final List<Duration> waits = new ArrayList<>();
    // The budget lives in the journal; an in-memory H2 database per test, migrated as in production.
    private final RateLimitStore store = new RateLimitStore(journal());
    private final LuccaRateLimiter shared = new LuccaRateLimiter(store, clock, sleeper, (tenant, wait) -> waits.add(wait));
    private final Budget limiter = limiter("https://acme.ilucca.net");

    private static DataSource journal() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:limiter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/journal").load().migrate();
        return dataSource;
    }

    private Budget limiter(String luccaBaseUrl) {
        return new Budget(shared, connection(luccaBaseUrl, 3));
    }

    private static LuccaConnection connection(String luccaBaseUrl, int requests) {
        return new LuccaConnection("acme", Optional.of(URI.create(luccaBaseUrl)), "key", requests, WINDOW,
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

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(30));
    }

    @Test
    void aPauseHoldsEveryCallEvenWithBudgetLeft() throws InterruptedException {
        limiter.acquire();
        limiter.pauseFor(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(10));

        limiter.acquire();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(20));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(30));
    }

    @Test
    void callsPassFreelyOnceThePauseIsOver() throws InterruptedException {
        limiter.pauseFor(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));

        acquireTimes(3);

        assertThat(sleeps).isEmpty();
    }

    @Test
    void aShorterPauseDoesNotShortenALongerOne() throws InterruptedException {
        limiter.pauseFor(Duration.ofSeconds(120));
        limiter.pauseFor(Duration.ofSeconds(5));

        limiter.acquire();

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(120));
    }

    @Test
    void aLongerPauseExtendsAShorterOne() throws InterruptedException {
        limiter.pauseFor(Duration.ofSeconds(5));
        limiter.pauseFor(Duration.ofSeconds(120));

        limiter.acquire();

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(120));
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

    @Test
    void anInterruptedWaitIsPassedOnToTheCaller() throws InterruptedException {
        Budget interrupted = new Budget(new LuccaRateLimiter(store, clock,
                duration -> {
                    throw new InterruptedException("stopping");
                }, (tenant, wait) -> waits.add(wait)), connection("https://acme.ilucca.net", 1));
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

    private void acquireTimes(int times) throws InterruptedException {
        for (int call = 0; call < times; call++) {
            limiter.acquire();
        }
    }
}
