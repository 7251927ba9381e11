package io.github.flatchrlucca.lucca;

import io.github.flatchrlucca.http.KeyState;
import io.github.flatchrlucca.journal.LuccaKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One tenant's Lucca, as the call route needs it: where it is, the key to show, the budget to stay within,
 * and what its answers said of that key. The call route finds it in the exchange variable {@code lucca}.
 *
 * @param baseUrl empty: dry-run, nothing is ever sent
 * @param zone    the zone of the instance's clock: its v3 date-times (a person's {@code modifiedAt}) carry no offset
 * @param window  the sliding window of the budget, its slack included ({@link LuccaRateLimiter#windowSlack})
 */
public record LuccaConnection(String tenant, Optional<URI> baseUrl, String apiKey, ZoneId zone, int requests,
                              Duration window, KeyState credentials) {

    /** The HTTP endpoint calls are sent to; a dry-run tenant never sends one. */
    public String endpoint() {
        return baseUrl.map(Object::toString).orElseThrow(
                () -> new IllegalStateException("tenant " + tenant + " runs dry: nothing is sent to Lucca"));
    }

    public String authorization() {
        return "lucca application=" + apiKey;
    }

    /**
     * Which Lucca instance this is: its base URL, written one way ({@link LuccaKey}) however the operator wrote it.
     * Lucca's limit is per instance (tenants on the same one share one budget), and so are its people, a hire's user
     * id among them (the journal keeps it with the user). A dry run's is its tenant's own, which no Lucca's ever
     * equals.
     */
    public String instance() {
        return baseUrl.map(LuccaKey::of).orElse("dry-run:" + tenant);
    }

    /**
     * Whose people a {@link PeopleDirectory} holds: the instance's as this key sees them, read in this zone. A key may
     * be limited to some establishments (a role per integration), so two tenants of one instance with different keys
     * may each see people the other does not: each key has its own directory, read in full with that key; so has each
     * zone, one of which is wrong, so that the tenant it is right for misses nobody. A SHA-256 digest stands for the
     * key, so that no copy of it is kept in the directory's map; neither is ever logged.
     */
    public String people() {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        return instance() + " " + HexFormat.of().formatHex(sha256.digest(apiKey.getBytes(StandardCharsets.UTF_8)))
                + " " + zone.getId();
    }

    /** Never with the key: a connection may end up in a log or a debugger. */
    @Override
    public String toString() {
        return "LuccaConnection[tenant=" + tenant + ", " + baseUrl.map(Object::toString).orElse("dry-run") + "]";
    }
}
