package io.github.flatchrlucca.tenants;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** TEMPORARY stub until the reader lands. */
public final class TenantsFile {
    public static LoadedTenants read(Path file, Function<String, Optional<String>> env, TenantDefaults defaults) {
        throw new UnsupportedOperationException("stub");
    }
}
