package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One DATA_DIR serves one connector: its lock file, held by the OS for the process that took it, refuses another
 * process, and another start in the same JVM (which the OS would not refuse: its locks are the process's).
 */
class DataDirectoryLockTest {

    @TempDir
    Path dataDir;

    @Test
    void takenItIsHeldForOtherProcessesUntilClosed() throws Exception {
        Path file = dataDir.resolve("journal.lock");
        try (DataDirectoryLock lock = new DataDirectoryLock(dataDir)) {
            lock.take();

            assertThat(LockInAnotherProcess.lockedForOthers(file)).isTrue();
        }
        assertThat(LockInAnotherProcess.lockedForOthers(file)).as("released once closed").isFalse();
    }

    @Test
    void heldByAnotherProcessItIsRefusedNamingDataDirAndTakenOnceThatOneEnds() throws Exception {
        Process other = LockInAnotherProcess.holding(dataDir.resolve("journal.lock"));
        try (DataDirectoryLock lock = new DataDirectoryLock(dataDir)) {
            assertThatExceptionOfType(DataDirInUse.class).isThrownBy(lock::take)
                    .withMessageContaining(dataDir.toAbsolutePath().toString());

            other.destroyForcibly().waitFor();
            lock.take();
            assertThat(LockInAnotherProcess.lockedForOthers(dataDir.resolve("journal.lock"))).isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    /** The OS would let the same process lock it twice, and closing the second's channel would drop the first's. */
    @Test
    void aSecondStartInTheSameJvmIsRefusedAndTheFirstKeepsItsLock() throws Exception {
        Path sameFolder = Files.createSymbolicLink(dataDir.resolveSibling(dataDir.getFileName() + "-link"), dataDir);
        try (DataDirectoryLock first = new DataDirectoryLock(dataDir);
             DataDirectoryLock second = new DataDirectoryLock(sameFolder)) {
            first.take();

            assertThatExceptionOfType(DataDirInUse.class).isThrownBy(second::take);
            second.close();

            assertThat(LockInAnotherProcess.lockedForOthers(dataDir.resolve("journal.lock")))
                    .as("the first's lock, left as it was").isTrue();
        } finally {
            Files.delete(sameFolder);
        }
        try (DataDirectoryLock next = new DataDirectoryLock(dataDir)) {
            next.take();
            assertThat(LockInAnotherProcess.lockedForOthers(dataDir.resolve("journal.lock")))
                    .as("a start after the first stopped").isTrue();
        }
    }

    /** Another holder in this JVM that does not go through the class (a channel of its own): refused too. */
    @Test
    void aLockOfThisJvmOnAnotherChannelIsRefused() throws Exception {
        try (FileChannel channel = FileChannel.open(dataDir.resolve("journal.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock held = channel.lock();
             DataDirectoryLock lock = new DataDirectoryLock(dataDir)) {
            assertThatExceptionOfType(DataDirInUse.class).isThrownBy(lock::take);
        }
    }

    @Test
    void itsFileIsTheOwnersOnlyAsTheJournals() throws Exception {
        try (DataDirectoryLock lock = new DataDirectoryLock(dataDir)) {
            lock.take();
            new DataDirectory(dataDir).ownerOnly();

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("journal.lock"))))
                    .isEqualTo("rw-------");
        }
    }
}
