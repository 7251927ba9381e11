package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A journal transaction is committed whole or not at all, whatever ends it half-way. */
class JdbcTest {

    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final DataSource pool = h2.dataSource();

    @Test
    void anErrorHalfWayThroughATransactionRollsBackWhatWasDoneBeforeIt() {
        Jdbc jdbc = new Jdbc(pool);
        OutOfMemoryError outOfMemory = new OutOfMemoryError("Java heap space");

        assertThatThrownBy(() -> jdbc.inTransaction("record a hire", connection -> {
            Jdbc.update(connection, "INSERT INTO lucca_rate_limit (lucca_key) VALUES ('half')");
            throw outOfMemory;
        })).as("the Error itself, not wrapped").isSameAs(outOfMemory);

        assertThat(rows(jdbc, "half")).as("rows written by a transaction that did not complete").isZero();
    }

    @Test
    void aRuntimeExceptionHalfWayIsRolledBackAndPassedOnUnchanged() {
        Jdbc jdbc = new Jdbc(pool);
        IllegalStateException bug = new IllegalStateException("a bug in the work");

        assertThatThrownBy(() -> jdbc.inTransactionUnsynced("record a hire", connection -> {
            Jdbc.update(connection, "INSERT INTO lucca_rate_limit (lucca_key) VALUES ('half')");
            throw bug;
        })).isSameAs(bug);

        assertThat(rows(jdbc, "half")).isZero();
    }

    @Test
    void aConnectionIsGivenBackInAutoCommitAfterAFailedTransaction() {
        Connections connections = new Connections(pool, false);
        Jdbc jdbc = new Jdbc(connections.dataSource());

        assertThatThrownBy(() -> jdbc.inTransaction("record a hire", connection -> {
            Jdbc.update(connection, "INSERT INTO lucca_rate_limit (lucca_key) VALUES ('half')");
            throw new StackOverflowError();
        })).isInstanceOf(StackOverflowError.class);

        assertThat(connections.calls).containsSubsequence("rollback", "setAutoCommit(true)", "close");
        assertThat(rows(jdbc, "half")).isZero();
    }

    @Test
    void aRollbackThatFailsNeitherHidesTheErrorNorCommitsWhatWasWritten() {
        // Unpooled: closing the connection ends its session, which H2 rolls back.
        Connections connections = new Connections(h2.unpooled(), true);
        Jdbc jdbc = new Jdbc(connections.dataSource());
        AssertionError failure = new AssertionError("an assert half-way");

        assertThatThrownBy(() -> jdbc.inTransaction("record a hire", connection -> {
            Jdbc.update(connection, "INSERT INTO lucca_rate_limit (lucca_key) VALUES ('half')");
            throw failure;
        })).isSameAs(failure);

        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(SQLTransientConnectionException.class);
        assertThat(connections.calls).as("auto-commit on would commit what the rollback left")
                .doesNotContain("setAutoCommit(true)");
        assertThat(rows(new Jdbc(pool), "half")).isZero();
    }

    @Test
    void aCompleteTransactionIsCommitted() {
        Jdbc jdbc = new Jdbc(pool);

        jdbc.inTransaction("record a hire", connection ->
                Jdbc.update(connection, "INSERT INTO lucca_rate_limit (lucca_key) VALUES ('whole')"));

        assertThat(rows(jdbc, "whole")).isOne();
    }

    private static long rows(Jdbc jdbc, String luccaKey) {
        return jdbc.query("count", "SELECT COUNT(*) FROM lucca_rate_limit WHERE lucca_key = ?",
                row -> row.getLong(1), luccaKey).get(0);
    }

    /** Hands out the connections of {@code source}, noting the calls made on them; a rollback may fail. */
    private static final class Connections {
        final List<String> calls = new CopyOnWriteArrayList<>();
        private final DataSource source;
        private final boolean rollbackFails;

        Connections(DataSource source, boolean rollbackFails) {
            this.source = source;
            this.rollbackFails = rollbackFails;
        }

        /** Jdbc asks a data source for nothing but connections. */
        DataSource dataSource() {
            return proxy(DataSource.class, (proxy, method, arguments) -> {
                if (!method.getName().equals("getConnection") || arguments != null) {
                    throw new UnsupportedOperationException(method.getName());
                }
                return connection(source.getConnection());
            });
        }

        private Connection connection(Connection real) {
            return proxy(Connection.class, (proxy, method, arguments) -> {
                calls.add(method.getName() + (arguments == null || arguments.length != 1 ? "" : "(" + arguments[0] + ")"));
                if (rollbackFails && method.getName().equals("rollback")) {
                    throw new SQLTransientConnectionException("test: connection lost");
                }
                try {
                    return method.invoke(real, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        }

        private static <T> T proxy(Class<T> type, InvocationHandler handler) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
        }
    }
}
