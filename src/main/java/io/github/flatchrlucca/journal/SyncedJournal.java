package io.github.flatchrlucca.journal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The embedded journal's connections, whose commits the journal's writes do not count as done until they are on
 * the disk: {@link Jdbc} waits, after each commit, for an H2 {@code CHECKPOINT SYNC} shared with the commits made
 * at the same time ({@link GroupSync}). A 202 thus means the hire survives a power cut, not only a killed process.
 * PostgreSQL syncs its commits itself and is used as it is.
 */
public final class SyncedJournal implements DataSource {

    private final DataSource pool;
    private final GroupSync groupSync;

    /** @param pool connections to an H2 file database opened with {@code WRITE_DELAY=0} */
    public SyncedJournal(DataSource pool) {
        this(pool, () -> checkpointSync(pool));
    }

    /** @param sync forces the journal's file to the disk: a test watches what each sync covers */
    SyncedJournal(DataSource pool, Runnable sync) {
        this.pool = pool;
        this.groupSync = new GroupSync(sync);
    }

    /** Returns once every commit made before this call is on disk (see {@link GroupSync#awaitSynced}). */
    void awaitSynced() {
        groupSync.awaitSynced();
    }

    /** H2's own statement: writes what is not written yet, then forces the file to the disk (fsync). */
    static void checkpointSync(DataSource pool) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new JournalUnavailable("sync its file to disk", e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
