package io.github.flatchrlucca.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How the journal keeps a hire's e-mail-and-vacancy key ({@link io.github.flatchrlucca.intake.SameApplication}):
 * within its tenant, and as a SHA-256 digest, since the key outlives retention, which erases the e-mail.
 */
public final class ApplicationKey {

    private ApplicationKey() {
    }

    /** "acme:3f2a...", or null when there is no such key. */
    public static String of(String tenant, String sameApplication) {
        if (sameApplication == null) {
            return null;
        }
        try {
            return tenant + ":" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sameApplication.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
