package io.github.flatchrlucca.tenants;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret the tenants file points at rather than holds: {@code ${env:NAME}} or {@code ${file:PATH}}. The file is
 * copied, reviewed and versioned, so a secret written into it would travel with it; only references are accepted.
 * It remembers what it found in each secret file it read, so that a reload check can tell whether any of them
 * changed by reading them alone, without parsing the tenants file again.
 */
public final class SecretReference {

    static final String EXAMPLES = "${env:ACME_LUCCA_API_KEY} or ${file:/run/secrets/acme-lucca}";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):(.*)}", Pattern.DOTALL);
    // keys and tokens are short: a larger file is a wrong path (a log, a device), not a secret
    private static final int MAX_FILE_BYTES = 64 * 1024;
    // never a Fingerprint (64 hex digits), so never what a file is found to hold
    private static final String CHANGED_WHILE_READ = "changed while read";

    private final Function<String, Optional<String>> environment;
    private final Path baseDirectory;
    // each secret file read, by path: a Fingerprint of the secret, or of the refusal when it could not be used
    private final Map<Path, String> filesRead = new LinkedHashMap<>();

    /**
     * @param environment   looks an environment variable up; empty when it is not set
     * @param baseDirectory where a relative {@code ${file:...}} path starts: the tenants file's directory, so the
     *                      file and its secrets can move together
     */
    public SecretReference(Function<String, Optional<String>> environment, Path baseDirectory) {
        this.environment = environment;
        this.baseDirectory = baseDirectory;
    }

    /**
     * The secret, without surrounding whitespace. IllegalArgumentException when {@code written} is not a reference,
     * or names an unset or blank variable, or an unreadable or blank file. The message never quotes {@code written}
     * (it may be the secret itself, pasted by mistake) nor the secret.
     */
    public String resolve(String written) {
        Matcher reference = REFERENCE.matcher(written == null ? "" : written.strip());
        if (!reference.matches()) {
            throw new IllegalArgumentException("must be a reference such as " + EXAMPLES + ", never the secret itself");
        }
        String target = reference.group(2).strip();
        boolean fromEnvironment = "env".equals(reference.group(1));
        if (target.isEmpty()) {
            throw new IllegalArgumentException(fromEnvironment
                    ? "${env:} names no environment variable" : "${file:} names no file");
        }
        return fromEnvironment ? variable(target) : file(target);
    }

    private String variable(String name) {
        return environment.apply(name).map(String::strip).filter(value -> !value.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("environment variable " + name + " is not set, or blank"));
    }

    /**
     * Whether every secret file read so far would be found as it was, readable or not: a refusal for a missing file
     * is as much what was read as a secret is. A file that changed between two reads by the same parse (two tenants
     * sharing it) never reads the same, so the parse that mixed old and new is not kept.
     */
    boolean filesReadTheSame() {
        for (Map.Entry<Path, String> read : filesRead.entrySet()) {
            if (!found(read.getKey()).equals(read.getValue())) {
                return false;
            }
        }
        return true;
    }

    private String file(String written) {
        Path path = baseDirectory.resolve(written);
        String secret;
        try {
            secret = secretIn(path);
        } catch (IllegalArgumentException refused) {
            remember(path, Fingerprint.of("refused", refused.getMessage()));
            throw refused;
        }
        remember(path, Fingerprint.of("secret", secret));
        return secret;
    }

    private void remember(Path path, String found) {
        filesRead.merge(path, found, (before, now) -> before.equals(now) ? now : CHANGED_WHILE_READ);
    }

    /** What {@link #file} records of {@code path}, read now. */
    private static String found(Path path) {
        try {
            return Fingerprint.of("secret", secretIn(path));
        } catch (IllegalArgumentException refused) {
            return Fingerprint.of("refused", refused.getMessage());
        }
    }

    private static String secretIn(Path path) {
        String secret;
        try {
            secret = CappedTextFile.read(path, MAX_FILE_BYTES).strip();
        } catch (CappedTextFile.TooLarge e) {
            throw new IllegalArgumentException("secret file " + path + " is " + e.getMessage()
                    + ", too large for a key or token: is the path right?");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("secret file " + path + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("secret file " + path + " cannot be read (" + ReadFailure.describe(e) + ")");
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("secret file " + path + " is empty");
        }
        return secret;
    }
}
