package io.github.flatchrlucca.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The few JDBC moves the journal makes, each turning a database failure into {@link JournalUnavailable}
 * so that callers decide what an unavailable journal means (a 503 at intake, a later retry in delivery), and a
 * value the database refuses into {@link JournalRefusedValue}, which no retry would cure.
 */
final class Jdbc {

    static final String DUPLICATE_KEY = "23505";
    // SQL's "data exception" class: a string too long for its column, a number out of range, a malformed value.
    private static final String DATA_EXCEPTION_CLASS = "22";

    private final DataSource dataSource;
    // Runs after each commit: the embedded journal's wait for its file to be synced, nothing for PostgreSQL
    private final Runnable durable;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
        this.durable = dataSource instanceof SyncedJournal synced ? synced::awaitSynced : () -> { };
    }

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Several statements committed together, or not at all; returns once the commit is on disk. The connection
     * goes back to the pool before the wait for the sync, so that commits waiting together do not hold the pool.
     */
    <T> T inTransaction(String operation, Work<T> work) {
        T result = committed(operation, work);
        durable.run();
        return result;
    }

    /**
     * A commit that nothing outside the journal relies on (the Lucca budget's bookkeeping, a claim's renewal):
     * not waited for on disk. The embedded journal writes it with the next sync of any other commit (a sync covers
     * every commit made before it), or within H2's write delay: only a crash or a power cut before that could lose
     * it, and then nothing that was answered for.
     */
    <T> T inTransactionUnsynced(String operation, Work<T> work) {
        return committed(operation, work);
    }

    private <T> T committed(String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (Throwable failure) {
                // Any failure, an Error too (out of memory, a stack overflow): restoring auto-commit with the
                // transaction still open would commit the part of it done before the failure.
                rollBack(connection, failure);
                throw failure;
            }
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    /**
     * Undoes the transaction, then gives the connection back in auto-commit. A failure here never hides the one that
     * ended the transaction: it is kept as suppressed. Auto-commit is restored only once nothing is left to commit:
     * after a failed rollback, the connection is closed with its transaction open, and closing undoes it (HikariCP
     * rolls back a connection given back mid-transaction; a database rolls back a session that ends).
     */
    private static void rollBack(Connection connection, Throwable failure) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Returns once everything committed so far is on disk, such as another's commit this one depends on. */
    void synced() {
        durable.run();
    }

    int update(String operation, String sql, Object... values) {
        return inTransaction(operation, connection -> update(connection, sql, values));
    }

    <T> List<T> query(String operation, String sql, Row<T> row, Object... values) {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql, row, values);
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        }
    }

    /** One statement run once for each row of values, sent to the database together. */
    static void batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] values : rows) {
                bind(statement, values);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Inserts one row and returns the number the database gave its {@code keyColumn}. */
    static long insert(Connection connection, String sql, String keyColumn, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {keyColumn})) {
            bind(statement, values);
            statement.executeUpdate();
            try (ResultSet key = statement.getGeneratedKeys()) {
                if (!key.next()) {
                    throw new SQLException("no " + keyColumn + " generated by " + sql);
                }
                return key.getLong(1);
            }
        }
    }

    static <T> List<T> query(Connection connection, String sql, Row<T> row, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(row.read(rows));
                }
                return found;
            }
        }
    }

    /** An outage, or a value that no retry would make acceptable. */
    private static RuntimeException failure(String operation, SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith(DATA_EXCEPTION_CLASS)) {
            return new JournalRefusedValue(operation, state);
        }
        return new JournalUnavailable(operation, e);
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }
}
