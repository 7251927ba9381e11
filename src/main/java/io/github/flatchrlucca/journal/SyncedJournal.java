package io.github.flatchrlucca.journal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The embedded journal's connections, whose commits the journal's writes do not count as done until they are on
 * the disk: {@link Jdbc} waits, after each commit, for a sync of H2's file shared with the commits made at the
 * same time ({@link GroupSync}). A 202 thus means the hire survives a power cut, not only a killed process.
 * PostgreSQL syncs its commits itself and is used as it is.
 */
public final class SyncedJournal implements DataSource {

    private final DataSource pool;
    private final GroupSync groupSync;

    /** @param pool connections to an H2 file database (any {@code WRITE_DELAY}: the sync writes what is left) */
    public SyncedJournal(DataSource pool) {
        this(pool, () -> syncToDisk(pool));
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

    /**
     * Writes every commit made so far to H2's file, as one chunk, then forces the file to the disk (fsync).
     *
     * <p>H2's {@code CHECKPOINT SYNC} does the same but for one case, which a {@code WRITE_DELAY} above 0 opens (the
     * journal's setting, so that the commits of a group are written once, by their sync, instead of one chunk each):
     * H2's background writer may already have taken the commits into a chunk that its own threads have not written
     * yet. {@code MVStore.commit()} then finds nothing left to store, and the statement's {@code force} could reach
     * the disk before that chunk (H2 2.3.232 and 2.5.252: {@code Store.sync}, {@code MVStore.store},
     * {@code FileStore.storeIt}).
     * {@code MVStore.executeFilestoreOperation} first waits for every chunk handed to those threads to be written, so
     * the sync below covers each commit made before it began, whoever writes it. The MVStore is reached through H2's
     * session, as no SQL statement offers that wait; the embedded journal's user is its owner.
     */
    static void syncToDisk(DataSource pool) {
        try (Connection connection = pool.getConnection()) {
            MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase()
                    .getStore().getMvStore();
            store.commit();
            store.executeFilestoreOperation(store::sync);
        } catch (SQLException | MVStoreException e) {
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
