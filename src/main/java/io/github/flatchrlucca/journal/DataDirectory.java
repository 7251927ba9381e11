package io.github.flatchrlucca.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * DATA_DIR holds the journal (candidates' names, e-mails, phones) and the generated webhook token: only the
 * connector's own user may read them. The database creates its files with the process's umask (usually
 * world-readable), so they are closed after it opened them. The folder itself is closed too when it holds nothing
 * but the connector's files (a folder it shares with others, such as the working directory, is left as it is:
 * its files are not the connector's to change).
 */
public final class DataDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    // The embedded journal's files (journal.mv.db and the temporary ones H2 makes next to it) and the token.
    private static final Pattern CONNECTORS = Pattern.compile("journal\\..*|webhook-token");

    private final Path folder;

    public DataDirectory(Path folder) {
        this.folder = folder;
    }

    /**
     * Creates the folder when missing; the connector's files in it become the owner's only (0600), and so does
     * the folder (0700) when they are all it holds.
     *
     * @throws UncheckedIOException when the folder cannot be created or its permissions set
     */
    public Path ownerOnly() {
        try {
            Files.createDirectories(folder);
            if (!Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                return folder; // Windows: the folder's own access list applies
            }
            boolean onlyOurs = true;
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    if (Files.isRegularFile(file) && CONNECTORS.matcher(file.getFileName().toString()).matches()) {
                        Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                    } else {
                        onlyOurs = false;
                    }
                }
            }
            if (onlyOurs) {
                Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("DATA_DIR " + folder + " cannot be created or made private to this user", e);
        }
    }
}
