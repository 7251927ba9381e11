package io.github.flatchrlucca.tenants;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 digest of some texts, secrets among them: what tells whether a tenants configuration or a key changed
 * without keeping a copy of any secret. One for the tenants file and for each tenant's keys.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(String... parts) {
        return of(List.of(parts));
    }

    /** Each part after its length, so that characters moving from one part to the next change the digest. */
    static String of(List<String> parts) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
