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
 * last slot of a window. Windows are counted on the instances' own clocks, which must be in time (NTP).
 */
public final class RateLimitStore {

    private final Jdbc jdbc;

    public RateLimitStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** A call's turn: the slot it took, or how long to wait before asking again. */
    public record Turn(Duration delay, long slot) {

        public boolean taken() {
            return delay.isZero();
        }

        static Turn waitFor(Duration delay) {
            return new Turn(atLeastAMillisecond(delay), 0);
        }
    }

    /** What must hold for a call to be made, checked in the transaction of its slot; it throws when it does not. */
    @FunctionalInterface
    public interface Precondition {
        Precondition NONE = connection -> { };

        void check(Connection connection) throws SQLException;
    }

    /**
     * Takes one call slot now if the window has room and Lucca has not asked us to wait. Otherwise nothing
     * is taken and the turn says how long to wait before asking again. {@code precondition} is checked first, in
     * the same commit: what it throws is thrown, and nothing is taken.
     */
    public Turn takeOrWait(String luccaKey, int max, Duration window, Instant now, Precondition precondition) {
        // unsynced: a slot lost at a power cut lets at most the last calls before it count less, after a restart
        return jdbc.inTransactionUnsynced("take a Lucca call slot", connection -> {
            precondition.check(connection);
            Instant pausedUntil = lock(connection, luccaKey);
            if (pausedUntil != null && pausedUntil.isAfter(now)) {
                return Turn.waitFor(Duration.between(now, pausedUntil));
            }
            Jdbc.update(connection, "DELETE FROM lucca_call_slot WHERE lucca_key = ? AND granted_at <= ?",
                    luccaKey, at(now.minus(window)));
            List<Instant> granted = Jdbc.query(connection, "SELECT granted_at FROM lucca_call_slot WHERE lucca_key = ? "
                    + "ORDER BY granted_at FETCH FIRST " + max + " ROWS ONLY", row -> instant(row, "granted_at"), luccaKey);
            if (granted.size() < max) {
                Jdbc.update(connection, "INSERT INTO lucca_call_slot (lucca_key, granted_at) VALUES (?, ?)",
                        luccaKey, at(now));
                // Under the lock of this Lucca instance's row, its newest slot is the one just taken.
                long slot = Jdbc.query(connection, "SELECT MAX(slot_id) AS slot_id FROM lucca_call_slot WHERE lucca_key = ?",
                        row -> row.getLong("slot_id"), luccaKey).get(0);
                return new Turn(Duration.ZERO, slot);
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
