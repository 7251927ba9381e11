package io.github.flatchrlucca.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.TestJournal;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class RetentionTest {

    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    // PostgreSQL's statement_timeout cancelling the pass's read; its message may quote what the statement held
    private final AtomicBoolean timingOut = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicReference<String> sqlState =
            new java.util.concurrent.atomic.AtomicReference<>("57014");
    private final Retention retention = new Retention(new Journal(statementsTimingOut(h2.dataSource()),
            Clock.systemUTC(), Duration.ofMinutes(10), "instance-a"), Duration.ofDays(90), Duration.ofHours(24),
            List::of, Clock.systemUTC());
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Retention.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    @Test
    void aStreakOfFailedPassesIsToldWhenItStartsAndWhenItEndsNotAtEachPass() {
        timingOut.set(true);

        retention.eraseExpired();

        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("57014").doesNotContain("jeanne@example.org");
            assertThat(event.getThrowableProxy()).as("its message may name a candidate").isNull();
        });
        for (int pass = 0; pass < 23; pass++) {
            retention.eraseExpired();
        }
        assertThat(log.list).as("an outage's every hour").hasSize(1);

        timingOut.set(false);
        retention.eraseExpired();
        retention.eraseExpired();

        assertThat(log.list).hasSize(2).last().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).contains("after 24 failed passes");
        });
    }

    @Test
    void aPassRefusedForAValueIsToldAsOnceAsAnOutage() {
        // class 22 (a value the database refuses) is no outage to the journal (JournalRefusedValue), yet it fails
        // every pass alike
        sqlState.set("22P02");
        timingOut.set(true);

        retention.eraseExpired();
        retention.eraseExpired();

        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("22P02").doesNotContain("jeanne@example.org");
        });
    }

    private DataSource statementsTimingOut(DataSource journal) {
        ClassLoader loader = RetentionTest.class.getClassLoader();
        return (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] {DataSource.class}, (source, call, values) -> {
            Object result = invoke(call, journal, values);
            if (!(result instanceof Connection connection)) {
                return result;
            }
            return Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                if (method.getName().equals("prepareStatement") && timingOut.get()) {
                    throw new SQLException("ERROR: canceling statement due to statement timeout (jeanne@example.org)",
                            sqlState.get());
                }
                return invoke(method, connection, arguments);
            });
        });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
