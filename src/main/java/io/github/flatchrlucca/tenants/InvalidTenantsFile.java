package io.github.flatchrlucca.tenants;

import java.nio.file.Path;

/** The tenants file cannot be used as written; the message names the file, the tenant and the key to fix. */
public final class InvalidTenantsFile extends IllegalArgumentException {

    InvalidTenantsFile(Path file, String location, String problem) {
        super("Invalid tenants file " + file + ": " + (location.isEmpty() ? "" : location + ": ") + problem);
    }
}
