package io.github.flatchrlucca.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal kept in DATA_DIR (H2), when no JOURNAL_JDBC_URL names a PostgreSQL one: where its file is, how it is
 * opened, and how its schema is brought up to date.
 *
 * <p>Its migrations run on a copy of its file, which then takes the file's place in one rename. H2 commits each
 * statement that changes a table's shape as it runs it, so a migration is not one transaction there as it is on
 * PostgreSQL: a start stopped in the middle of one (a SIGTERM during an upgrade's first start, a {@code kill -9}, a
 * power cut) left a journal half migrated, whose every later start failed on the half it had done ("Duplicate column
 * name"), and no hire could be taken until someone mended the file by hand. Now a stop leaves the journal as it was,
 * or wholly migrated. Flyway's own undo of a failed migration would need it to be one transaction; its commercial
 * edition's repair of one that is not only rewrites the history.
 */
public final class EmbeddedJournal {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedJournal.class);

    /** The database's name: its file is {@code journal.mv.db}. */
    private static final String NAME = "journal";
    /** The copy being migrated: {@code journal.upgrading.mv.db}, one of the connector's files of DATA_DIR. */
    private static final String BEING_MIGRATED = "journal.upgrading";
    private static final String FILE = ".mv.db";
    /** Its owner, whom H2 makes when it makes the file; the file's permissions are its only protection. */
    public static final String USER = "flatchr-lucca";

    private EmbeddedJournal() {
    }

    /**
     * The embedded journal's JDBC URL, in {@code dataDir} (a test opening the same file in the same JVM must give
     * the same settings).
     *
     * <p>WRITE_DELAY=500 (H2's default): a commit stays in memory until the sync it waits for (SyncedJournal)
     * writes it, with the others of its group, as one chunk of the file, and forces the file to the disk
     * before the webhook answers 202; with 0, each commit wrote a chunk of its own, the intake's largest
     * cost. A commit that waits for no sync is written within the delay, or by the next sync. H2 keeps
     * each commit whole across a crash whenever it is written (its undo log). TRACE_LEVEL_FILE=0: H2's
     * trace file would keep pieces of refused values (names, logins) that retention never erases.
     * DB_CLOSE_ON_EXIT=FALSE: the journal closes when the connector has stopped using it, not before.
     *
     * <p>{@code retry:}: H2's file system that opens the file again when a thread interrupted during a read or write
     * closed it (Java closes a file channel on interrupt; H2 clears the thread's interrupt). With {@code file:}, one
     * such thread closed the journal for every thread of the process, every webhook then refused until a restart (and
     * Flatchr sends none again); Camel interrupts the threads of a route it stops by force (a removed tenant's delivery
     * still waiting at the shutdown timeout). What is left: with several threads at the file when it is closed, a
     * read may still fail once (a webhook answered 503, a delivery tried again). Two of them may also open it again
     * at once, the channel one of them leaves open later dropping the process's lock on the file (on Linux, closing
     * any channel of a file does), which H2 relies on to refuse a second process: DATA_DIR's own lock file
     * (DataDirectoryLock), which nothing but its holder opens, refuses that process all the same. {@code async:} was
     * tried too and not kept: the JDK's threads it writes on cache a direct buffer each (18 MB
     * after a burst, on a heap of 128 MiB), and an error other than an I/O one on such a thread leaves the journal
     * waiting for it for ever (BENCHMARKS.md, "the journal's file and interrupted threads").
     *
     * <p>CACHE_SIZE=8192 (KiB; H2's default is 16 MiB whatever the heap): pages read back cost little next to the
     * memory a full cache keeps in a 128 MiB heap, whose old generation keeps 40% free (BENCHMARKS.md, "Issue
     * #13: the journal's page cache": 5 to 6 MiB less resident after a burst).
     */
    public static String url(Path dataDir) {
        return url(dataDir, NAME);
    }

    private static String url(Path dataDir, String name) {
        return "jdbc:h2:retry:" + dataDir.toAbsolutePath().resolve(name)
                + ";WRITE_DELAY=500;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=8192";
    }

    /**
     * Brings the journal of {@code dataDir} to this version's schema, on a copy when it has anything to do; made anew
     * the same way when there is none. Before any connection of the connector's pool opens the file, and once the
     * connector holds DATA_DIR's lock (DataDirectoryLock).
     *
     * @throws JournalUnavailable when the journal cannot be opened (another process holds it)
     */
    public static void bringUpToDate(Path dataDir) {
        bringUpToDate(dataDir, JournalSchema::bringUpToDate);
    }

    /** @param migrate what migrates the copy (JournalSchema's; a test's stops half way) */
    static void bringUpToDate(Path dataDir, Consumer<DataSource> migrate) {
        Path file = dataDir.resolve(NAME + FILE);
        boolean exists = Files.exists(file);
        if (exists && JournalSchema.appliedVersion(open(dataDir, NAME)).orElse(0) >= JournalSchema.NEWEST_MIGRATION) {
            return;
        }
        Path copy = dataDir.resolve(BEING_MIGRATED + FILE);
        try {
            // what a stopped attempt left is started again from the journal itself
            Files.deleteIfExists(copy);
            Optional<FileState> copied = FileState.of(file);
            if (exists) {
                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
            JdbcDataSource upgrading = open(dataDir, BEING_MIGRATED);
            migrate.accept(upgrading);
            close(upgrading);
            force(copy, StandardOpenOption.WRITE);
            // Nothing holds the journal itself while its copy is migrated. DATA_DIR's lock, taken before, keeps
            // another connector of this version out; a connector of a version without that lock (a rollback's, an
            // overlapping container's) could still have opened it and taken hires, which the copy has not.
            if (!copied.equals(FileState.of(file))) {
                throw new JournalUnavailable("be migrated: another process wrote its file meanwhile (one DATA_DIR "
                        + "serves one connector)", null);
            }
            Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // the rename itself survives a power cut once the folder is on the disk
            force(dataDir, StandardOpenOption.READ);
        } catch (IOException e) {
            deleteQuietly(copy);
            throw new UncheckedIOException("the journal's file in " + dataDir + " could not be copied or replaced", e);
        } catch (RuntimeException e) {
            // a copy holds every candidate of the journal: none is left behind, where retention would never erase it
            deleteQuietly(copy);
            throw e;
        }
        if (exists) {
            LOG.info("The journal was brought to this version's schema on a copy of its file, which then took its place");
        }
    }

    /**
     * What tells a file was written: its size and time, and which file it is (a rename puts another in place); empty
     * while there is none.
     */
    private record FileState(long size, FileTime modified, Object key) {

        static Optional<FileState> of(Path file) throws IOException {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new FileState(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey()));
        }
    }

    private static void deleteQuietly(Path copy) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException ignored) {
            // the next start deletes it before anything else
        }
    }

    private static JdbcDataSource open(Path dataDir, String name) {
        JdbcDataSource journal = new JdbcDataSource();
        journal.setURL(url(dataDir, name));
        journal.setUser(USER);
        return journal;
    }

    /** Closes the database, its last changes written to its file. */
    private static void close(DataSource journal) {
        try (Connection connection = journal.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new JournalUnavailable("be closed after its migration", e);
        }
    }

    private static void force(Path path, StandardOpenOption mode) throws IOException {
        try (FileChannel channel = FileChannel.open(path, mode)) {
            channel.force(true);
        }
    }
}
