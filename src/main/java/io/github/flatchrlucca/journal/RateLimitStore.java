package io.github.flatchrlucca.journal;

import static io.github.flatchrlucca.journal.Jdbc.at;
import static io.github.flatchrlucca.journal.Jdbc.instant;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * The Lucca call budget kept in the journal, so that every instance sharing it spends one budget: a call
 * takes a slot while holding the lock of its Lucca instance's row, so two instances never both take the
 * last slot of a window. Windows are counted on the journal's time as each instance reckons it ({@link JournalClock}),
 * a second apart at most: the windows tenants are given leave room for it (LuccaRateLimiter.windowSlack).
 */
public final class RateLimitStore {

    /**
     * The longest window a call may count in: the longest a tenant may set (lucca.rate-limit.window-seconds in
     * Settings and the tenants file, an hour), plus the slack the connection adds to it (LuccaRateLimiter.windowSlack,
     * 1.25 s at most), with room.
     */
    private static final Duration LONGEST_WINDOW = Duration.ofHours(1).plusSeconds(10);
    /**
     * How long a slot is kept. Tenants sharing a Lucca instance may count in windows of different lengths: a slot is
     * deleted only once no window can count it, whichever tenant's call cleans up. The minute beyond the longest
     * window covers instances whose clocks are a little apart: one ahead must not delete what one behind still counts.
     */
    private static final Duration KEPT = LONGEST_WINDOW.plusMinutes(1);

    private final Jdbc jdbc;

    public RateLimitStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * A call's turn: the slot it took and how long its precondition holds ({@link Hold}), or how long to wait before
     * asking again.
     */
    public record Turn(Duration delay, long slot, Hold hold) {

        public boolean taken() {
            return delay.isZero();
        }

        static Turn waitFor(Duration delay) {
            return new Turn(atLeastAMillisecond(delay), 0, Hold.FOR_GOOD);
        }
    }

    /**
     * What must hold for a call to be made, checked in the transaction of its slot; it throws when it does not, and
     * otherwise says how long it holds from then on.
     */
    @FunctionalInterface
    public interface Precondition {
        Precondition NONE = connection -> Hold.FOR_GOOD;

        Hold check(Connection connection) throws SQLException;
    }

    /**
     * How long what a precondition checked holds. Asked once the slot is committed, just before the call is sent: the
     * commit may have waited (the Lucca row's lock, a stalled journal) for as long as nothing bounds.
     */
    @FunctionalInterface
    public interface Hold {
        Hold FOR_GOOD = longestCall -> { };

        /** Throws when what was checked could stop holding before a call sent now, lasting {@code longestCall}, ends. */
        void covers(Duration longestCall);
    }

    /**
     * Takes one call slot now if the window has room and Lucca has not asked us to wait. Otherwise nothing
     * is taken and the turn says how long to wait before asking again. {@code precondition} is checked once the row is locked, in
     * the same commit: what it throws is thrown, and nothing is taken; a turn taken carries how long it holds. The
     * window is the caller's own: it counts the calls every tenant made to that Lucca instance within it, whatever
     * their own windows.
     */
    public Turn takeOrWait(String luccaKey, int max, Duration window, Instant now, Precondition precondition) {
        if (window.compareTo(LONGEST_WINDOW) > 0) {
            // its oldest calls would be deleted while it still counts them
            throw new IllegalArgumentException("a Lucca rate-limit window of " + window + " is over " + LONGEST_WINDOW);
        }
        // unsynced: a slot lost at a power cut lets at most the last calls before it count less, after a restart
        return jdbc.inTransactionUnsynced("take a Lucca call slot", connection -> {
            // the precondition after the lock: its clock read (a claim's renewal) is then not spent waiting for the
            // turns of every caller of that Lucca, which the call's margin would pay for. No deadlock: a transaction
            // holding a hire's row never asks for this one.
            Instant pausedUntil = lock(connection, luccaKey);
            Hold hold = precondition.check(connection);
            if (pausedUntil != null && pausedUntil.isAfter(now)) {
                return Turn.waitFor(Duration.between(now, pausedUntil));
            }
            // Each slot is deleted once, by the first call after no window can count it: about one deletion per slot
            // taken, and after a quiet spell at most the slots of the hour before it.
            Jdbc.update(connection, "DELETE FROM lucca_call_slot WHERE lucca_key = ? AND granted_at <= ?",
                    luccaKey, at(now.minus(KEPT)));
            // Ordered as the index (lucca_key, granted_at) is, so that the read stops after the oldest max slots of the
            // window instead of sorting all of them; the oldest one tells how long a full window must wait.
            List<Instant> granted = Jdbc.query(connection, "SELECT granted_at FROM lucca_call_slot "
                    + "WHERE lucca_key = ? AND granted_at > ? ORDER BY lucca_key, granted_at FETCH FIRST " + max
                    + " ROWS ONLY", row -> instant(row, "granted_at"), luccaKey, at(now.minus(window)));
            if (granted.size() < max) {
                // the slot's number as the insert made it: finding this key's newest slot would read the whole hour kept
                long slot = Jdbc.insert(connection, "INSERT INTO lucca_call_slot (lucca_key, granted_at) VALUES (?, ?)",
                        "slot_id", luccaKey, at(now));
                return new Turn(Duration.ZERO, slot, hold);
            }
            return Turn.waitFor(Duration.between(now, granted.get(0).plus(window)));
        });
    }

    /**
     * Lucca answered the call that took {@code slot}: it counts from {@code answeredAt} on. Lucca counted it
     * when it arrived, after we took the slot: counted from then, it could leave our window before it left
     * Lucca's, and the next call draw a 429. From its answer, it never does.
     */
    public void countFromAnswer(long slot, Instant answeredAt) {
        // unsynced: lost at a power cut, the call counts from its sending, as one that got no answer does
        jdbc.inTransactionUnsynced("count a Lucca call from its answer", connection -> Jdbc.update(connection,
                "UPDATE lucca_call_slot SET granted_at = ? WHERE slot_id = ?", at(answeredAt), slot));
    }

    /** Zero means "taken": a wait is never zero, however close the end of the window. */
    private static Duration atLeastAMillisecond(Duration wait) {
        return wait.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : wait;
    }

    /** Lucca said 429: no instance calls it before {@code until}. A shorter pause never shortens a longer one. */
    public void pauseUntil(String luccaKey, Instant until) {
        jdbc.inTransaction("pause Lucca calls", connection -> {
            lock(connection, luccaKey);
            return Jdbc.update(connection, "UPDATE lucca_rate_limit SET paused_until = ? WHERE lucca_key = ? "
                    + "AND (paused_until IS NULL OR paused_until < ?)", at(until), luccaKey, at(until));
        });
    }

    /** Locks the Lucca instance's row, creating it the first time, and returns its pause. */
    private static Instant lock(Connection connection, String luccaKey) throws SQLException {
        List<Instant> row = pausedUntil(connection, luccaKey);
        if (row.isEmpty()) {
            createRow(connection, luccaKey);
            row = pausedUntil(connection, luccaKey);
        }
        return row.get(0);
    }

    private static List<Instant> pausedUntil(Connection connection, String luccaKey) throws SQLException {
        return Jdbc.query(connection, "SELECT paused_until FROM lucca_rate_limit WHERE lucca_key = ? FOR UPDATE",
                row -> instant(row, "paused_until"), luccaKey);
    }

    /** Two instances may create the row at once: the loser's insert fails on the key, and that is fine. */
    private static void createRow(Connection connection, String luccaKey) throws SQLException {
        var savepoint = connection.setSavepoint();
        try {
            Jdbc.update(connection, "INSERT INTO lucca_rate_limit (lucca_key) VALUES (?)", luccaKey);
        } catch (SQLException e) {
            if (!Jdbc.DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
        }
    }
}
