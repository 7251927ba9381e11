package io.github.flatchrlucca.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret that must appear in the webhook URL. Flatchr's webhook form takes only a URL (no header,
 * no signature), so the URL itself is the credential; the connector never runs without one.
 */
public final class WebhookToken {

    static final String FILE_NAME = "webhook-token";
    // A URL secret is only as good as its length: 16 characters is the least a guesser cannot walk through.
    public static final int MIN_LENGTH = 16;
    // RFC 3986's unreserved characters: a URL carries them as they are
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._~-]+");

    private final byte[] secret;
    private final boolean generated;

    private WebhookToken(String secret, boolean generated) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.generated = generated;
    }

    /**
     * A token given in configuration; a short one is refused (IllegalArgumentException) as guessable, and one with
     * a character a URL's query string changes ('+' read as a space, '&' or '#' cutting it) as one that would never
     * match: Flatchr would be answered 401 at every webhook, and show nothing of it.
     */
    public static WebhookToken of(String secret) {
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("must be at least " + MIN_LENGTH + " characters long");
        }
        if (!URL_SAFE.matcher(secret).matches()) {
            throw new IllegalArgumentException("may hold only letters, digits and . _ ~ - (it travels in the "
                    + "webhook URL's query string)");
        }
        return new WebhookToken(secret, false);
    }

    /** The configured token, else the one kept in the data directory, else a new one kept there. */
    public static WebhookToken configuredOrKept(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) {
            return of(configured.get());
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            String kept = Files.exists(file) ? Files.readString(file).trim() : "";
            // A file left empty (a crash while writing, a stray touch) must not become an empty secret.
            if (kept.length() >= MIN_LENGTH) {
                return new WebhookToken(kept, false);
            }
            String token = newToken();
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            createOwnerOnly(file);
            Files.writeString(file, token + "\n");
            return new WebhookToken(token, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the webhook token in " + file, e);
        }
    }

    /** Constant-time, so the token cannot be guessed from answer times. */
    public boolean matches(String candidate) {
        byte[] given = candidate == null ? new byte[0] : candidate.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(secret, given);
    }

    /** True when this start created the token: the log then says where it was kept. */
    public boolean generated() {
        return generated;
    }

    public String reveal() {
        return new String(secret, StandardCharsets.UTF_8);
    }

    private static String newToken() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Owner-only from its creation, so the secret is never readable by others, not even for a moment. */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply.
            Files.createFile(file);
        }
    }
}
