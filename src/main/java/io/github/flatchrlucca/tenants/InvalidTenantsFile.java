package io.github.flatchrlucca.tenants;

import java.nio.file.Path;
import java.util.List;

/**
 * The tenants file cannot be used as written. The message names the file and how many problems it has, then
 * each problem on a line of its own with the tenant and the key to fix, in file order.
 */
public final class InvalidTenantsFile extends IllegalArgumentException {

    InvalidTenantsFile(Path file, List<String> problems) {
        super("Invalid tenants file " + file + ": " + problems.size() + " problem(s)\n" + String.join("\n", problems));
    }
}
