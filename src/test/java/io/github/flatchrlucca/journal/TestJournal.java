package io.github.flatchrlucca.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh journal for a test: an H2 database no other test sees, brought to this version's schema as the connector's
 * start brings it. On an instance field with {@code @RegisterExtension} it is open for the fields declared after it
 * (the test's journal, stores and steps) and closed after each test; opened within a test or a {@code @BeforeEach}
 * (one test alone needs it, or it lives in the test's {@code @TempDir}), it is closed by whoever opened it.
 */
public final class TestJournal implements AfterEachCallback, AutoCloseable {

    private static final String USER = "sa";

    private final String url;
    private final JdbcConnectionPool pool;

    private TestJournal(String url) {
        this.url = url;
        this.pool = JdbcConnectionPool.create(url, USER, "");
        JournalSchema.bringUpToDate(pool);
    }

    /**
     * What the call route does before each Lucca call of a hire: takes the call's slot in its Lucca's budget in the
     * commit that checks {@code journal} still holds the hire and renews its claim ({@link Journal#stillHolding}),
     * which throws {@link HireStopped} or {@link ClaimLost} when it does not.
     */
    public void nextLuccaCall(Journal journal, String hireId, Instant now) {
        new RateLimitStore(pool).takeOrWait("https://test.ilucca.net", Integer.MAX_VALUE, Duration.ofMinutes(1), now,
                journal.stillHolding(hireId));
    }

    /** In memory: DB_CLOSE_DELAY=-1 keeps it when no connection is open, as between two steps of a test. */
    public static TestJournal inMemory() {
        return new TestJournal("jdbc:h2:mem:journal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * In a file of {@code folder} (a test's {@code @TempDir}), as the embedded journal is kept; each commit is written
     * at once.
     */
    public static TestJournal inFolder(Path folder) {
        return new TestJournal("jdbc:h2:file:" + folder.toAbsolutePath().resolve("journal") + ";WRITE_DELAY=0");
    }

    /** The journal's connections, pooled as the connector's are. */
    public DataSource dataSource() {
        return pool;
    }

    /** Connections of their own to the same journal, for a test of what a pool hides: closing one ends its session. */
    public DataSource unpooled() {
        JdbcDataSource unpooled = new JdbcDataSource();
        unpooled.setURL(url);
        unpooled.setUser(USER);
        return unpooled;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
