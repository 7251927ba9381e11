package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void aNewFolderIsCreatedTheOwnersOnly() throws IOException {
        Path folder = new DataDirectory(temp.resolve("data")).ownerOnly();

        assertThat(permissions(folder)).isEqualTo("rwx------");
    }

    @Test
    void theJournalAndTheTokenBecomeTheOwnersOnlyAndSoDoesAFolderOfTheirsAlone() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("data"));
        Path journal = readableByAll(folder.resolve("journal.mv.db"));
        Path token = readableByAll(folder.resolve("webhook-token"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        new DataDirectory(folder).ownerOnly();

        assertThat(permissions(journal)).isEqualTo("rw-------");
        assertThat(permissions(token)).isEqualTo("rw-------");
        assertThat(permissions(folder)).isEqualTo("rwx------");
    }

    @Test
    void aFolderSharedWithOtherFilesKeepsItsPermissionsAndTheirs() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("install"));
        Path script = readableByAll(folder.resolve("run.sh"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path journal = readableByAll(folder.resolve("journal.mv.db"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        new DataDirectory(folder).ownerOnly();

        assertThat(permissions(script)).isEqualTo("rwxr-xr-x");
        assertThat(permissions(folder)).isEqualTo("rwxr-xr-x");
        assertThat(permissions(journal)).isEqualTo("rw-------");
    }

    private static Path readableByAll(Path file) throws IOException {
        Files.writeString(file, "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
