package io.github.flatchrlucca.journal;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The one name of a Lucca instance, wherever something is kept or compared for it: its rate-limit window and pause
 * (lucca_call_slot, lucca_rate_limit), its address reservations, the Lucca a hire's user was made in
 * (hire.lucca_instance), and in memory its people and departments. {@code LuccaConnection.instance} gives it; nothing
 * else makes one. A scheme and a host are the same whatever their case, and a default port is no port (RFC 3986,
 * 6.2.2 and 6.2.3): {@code https://Acme.ilucca.net:443/} and {@code https://acme.ilucca.net}, written in two tenants or
 * before and after a reload, are one Lucca with one budget. The path keeps its case (paths are case-sensitive).
 *
 * <p>Keys kept before they were written this way (a host in capitals before ServiceUrl wrote it in lower case, a
 * default port written out until now) need no migration: a call slot leaves every window within the hour
 * (RateLimitStore.KEPT), so an old spelling's window only restarts once, and its pause, if any, is forgotten until
 * Lucca's next 429; an address reservation is given up by its hire's next attempt, which reserves under this key;
 * and a hire's lucca_instance is compared with {@link #same}, which reads the old spelling as the Lucca it names.
 */
public final class LuccaKey {

    private LuccaKey() {
    }

    /** The key of the Lucca at {@code baseUrl}: scheme and host in lower case, no default port, no trailing slash. */
    public static String of(URI baseUrl) {
        String scheme = Objects.requireNonNull(baseUrl.getScheme(), "a Lucca's base URL has a scheme")
                .toLowerCase(Locale.ROOT);
        String host = Objects.requireNonNull(baseUrl.getHost(), "a Lucca's base URL has a host").toLowerCase(Locale.ROOT);
        int port = baseUrl.getPort();
        boolean defaultPort = port == 443 && scheme.equals("https") || port == 80 && scheme.equals("http");
        String path = Objects.requireNonNullElse(baseUrl.getRawPath(), "").replaceAll("/+$", "");
        return scheme + "://" + host + (port == -1 || defaultPort ? "" : ":" + port) + path;
    }

    /**
     * Whether {@code recorded}, a key the journal kept (perhaps before keys were written one way), names the Lucca
     * whose key is {@code key}.
     */
    public static boolean same(String recorded, String key) {
        if (recorded == null || key == null) {
            return Objects.equals(recorded, key);
        }
        if (recorded.equals(key)) {
            return true;
        }
        URI url;
        try {
            url = URI.create(recorded);
        } catch (IllegalArgumentException notAUrl) {
            return false;
        }
        // a dry run's key ("dry-run:acme") has no host: it names no Lucca
        return url.getScheme() != null && url.getHost() != null && key.equals(of(url));
    }
}
