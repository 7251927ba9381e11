package io.github.flatchrlucca.operations;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A test journal that can stop answering, as HikariCP does when its database is down: asked for a connection, it
 * fails (after its connection timeout, which is what must never be waited for on a request's path). Counts how
 * often it was asked.
 */
final class JournalThatStops implements DataSource {

    private final DataSource journal;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger asked = new AtomicInteger();

    JournalThatStops(DataSource journal) {
        this.journal = journal;
    }

    void stop() {
        down.set(true);
    }

    void start() {
        down.set(false);
    }

    /** How many connections were asked for since the last call. */
    int askedSinceLastTime() {
        return asked.getAndSet(0);
    }

    @Override
    public Connection getConnection() throws SQLException {
        asked.incrementAndGet();
        if (down.get()) {
            // HikariCP's, once its connection timeout has passed
            throw new SQLTransientConnectionException("journal - Connection is not available, request timed out "
                    + "after 3000ms.");
        }
        return journal.getConnection();
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
    public Logger getParentLogger() {
        return Logger.getGlobal();
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
