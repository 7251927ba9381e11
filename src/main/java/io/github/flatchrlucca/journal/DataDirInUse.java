package io.github.flatchrlucca.journal;

import java.nio.file.Path;

/** Another connector (another process, or another start in this one) holds the lock of the journal's DATA_DIR. */
public final class DataDirInUse extends RuntimeException {

    DataDirInUse(Path dataDir) {
        super("another connector is using " + dataDir.toAbsolutePath());
    }
}
