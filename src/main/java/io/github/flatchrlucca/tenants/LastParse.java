package io.github.flatchrlucca.tenants;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * TENANTS_FILE read at every reload check, but parsed and checked only when what its last parse read has changed:
 * the file's text (by its digest) or what a secret file it read holds (or why it could not be used). Parsing is the
 * cost of a check, not reading: a file of 2 MiB on one line takes SnakeYAML over a second of CPU, and a check runs
 * every few seconds for as long as the file stays. The parse's outcome, tenants or refusal, is a function of those
 * inputs alone: environment variables, the parse's other input, are the process's and cannot change under it.
 * Not thread-safe: {@link TenantsFileWatch} calls it under its lock.
 */
final class LastParse {

    private final Path file;
    private final Function<String, Optional<String>> environment;
    private final TenantDefaults inherited;
    private final Map<String, String> environmentTokens;
    private final Optional<TenantSettings> defaultTenant;
    // what the last parse read (a digest of the text; the secret files, through the references that read them) ...
    private String textDigest;
    private SecretReference secrets;
    // ... and its outcome: one of the two
    private LoadedTenants loaded;
    private IllegalArgumentException refusal;

    /** The arguments of {@link TenantsFile#read(Path, Function, TenantDefaults, Map, Optional)}. */
    LastParse(Path file, Function<String, Optional<String>> environment, TenantDefaults inherited,
              Map<String, String> environmentTokens, Optional<TenantSettings> defaultTenant) {
        this.file = file;
        this.environment = environment;
        this.inherited = inherited;
        this.environmentTokens = environmentTokens;
        this.defaultTenant = defaultTenant;
    }

    /**
     * What {@link TenantsFile#read(Path, Function, TenantDefaults, Map, Optional)} gives for the file now: its
     * tenants, or its refusal thrown (the same exception again while nothing changed: its message is what counts).
     */
    LoadedTenants read() {
        String text = TenantsFile.text(file);
        String digest = Fingerprint.of(text);
        if (!digest.equals(textDigest) || !secrets.filesReadTheSame()) {
            parse(text, digest);
        }
        if (refusal != null) {
            throw refusal;
        }
        return loaded;
    }

    private void parse(String text, String digest) {
        SecretReference reading = TenantsFile.secrets(file, environment);
        try {
            loaded = TenantsFile.read(text, file, reading, inherited, environmentTokens, defaultTenant);
            refusal = null;
        } catch (IllegalArgumentException refused) {
            loaded = null;
            refusal = refused;
        }
        textDigest = digest;
        secrets = reading;
    }
}
