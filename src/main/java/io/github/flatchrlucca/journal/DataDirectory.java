package io.github.flatchrlucca.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * DATA_DIR holds the journal (candidates' names, e-mails, phones) and the generated webhook token: only the
 * connector's own user may enter it or read what is in it. The database creates its files with the process's
 * umask (usually world-readable), so the files are closed after it opened them, and the folder itself keeps
 * out whatever it creates later.
 */
public final class DataDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path folder;

    public DataDirectory(Path folder) {
        this.folder = folder;
    }

    /** Creates the folder when missing; the folder (0700) and the files in it (0600) become the owner's only. */
    public Path ownerOnly() {
        try {
            Files.createDirectories(folder);
            if (!Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                return folder; // Windows: the folder's own access list applies
            }
            Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("DATA_DIR " + folder + " cannot be made private to this user", e);
        }
    }
}
