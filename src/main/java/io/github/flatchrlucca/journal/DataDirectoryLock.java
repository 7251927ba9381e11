package io.github.flatchrlucca.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One DATA_DIR serves one connector: the embedded journal's connector holds the OS's lock on {@code journal.lock}
 * from before the journal's migration until its pool of connections is closed. H2's own lock on the journal's file
 * cannot be relied on alone: the {@code retry:} file system that reopens the file may leave a channel whose close
 * drops it (EmbeddedJournal), and nothing holds the journal while a copy of it is migrated. Nobody but this class
 * opens the lock file: on Linux, closing any channel of a file drops the process's locks on it.
 *
 * <p>The OS's locks are the process's: a second start in the same JVM (the in-JVM tests run many) is refused by
 * the folders this JVM holds, before it opens the file (its channel closed would drop the first's lock).
 */
public final class DataDirectoryLock implements AutoCloseable {

    /** Matches DataDirectory's pattern of the connector's files: the owner's only, as the journal. */
    private static final String FILE = "journal.lock";
    /** The folders (their real path, whatever link leads there) whose lock this JVM holds. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dataDir;
    private Path held;
    private FileChannel channel;

    public DataDirectoryLock(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * Takes the lock, the file made when missing.
     *
     * @throws DataDirInUse         when another process, or another start of this JVM, holds it
     * @throws UncheckedIOException when the file cannot be made or opened
     */
    public synchronized void take() {
        Path folder = realPath();
        if (!HELD.add(folder)) {
            throw new DataDirInUse(dataDir);
        }
        try {
            channel = locked(folder.resolve(FILE));
            held = folder;
        } finally {
            if (held == null) {
                HELD.remove(folder);
            }
        }
    }

    private FileChannel locked(Path file) {
        FileChannel opened = null;
        try {
            opened = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = opened.tryLock();
            if (lock != null) {
                return opened;
            }
        } catch (OverlappingFileLockException heldInThisJvm) {
            // taken on a channel of this JVM other than this class's (none of the connector's): in use all the same
        } catch (IOException e) {
            closeQuietly(opened);
            throw new UncheckedIOException("DATA_DIR's lock file " + file + " cannot be made or locked", e);
        }
        closeQuietly(opened);
        throw new DataDirInUse(dataDir);
    }

    private Path realPath() {
        try {
            return dataDir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("DATA_DIR " + dataDir + " cannot be read", e);
        }
    }

    /** Releases the lock, if this one took it (closing its channel releases it); again, nothing more. */
    @Override
    public synchronized void close() {
        if (held == null) {
            return;
        }
        closeQuietly(channel);
        HELD.remove(held);
        held = null;
        channel = null;
    }

    private static void closeQuietly(FileChannel opened) {
        if (opened == null) {
            return;
        }
        try {
            opened.close();
        } catch (IOException ignored) {
            // a close that failed still released the descriptor, and with it the lock
        }
    }
}
