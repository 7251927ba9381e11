package io.github.flatchrlucca.tenants;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The rule for a URL the settings give (a Lucca, Flatchr's API, the connector's own address), written once for
 * the environment and the tenants file: http or https, with a host, and without trailing slashes, so that the
 * paths called are appended to it as they are.
 */
public final class ServiceUrl {

    private ServiceUrl() {
    }

    /**
     * The URL written, as {@link #of} has it. Text that is no URL is quoted in the refusal only when it shows no user
     * info, query or fragment: a password or key holding a character no URL has ('%' not followed by two hex digits,
     * '|') makes the whole text no URL, whose parts cannot then be told apart to leave that one out.
     *
     * @throws IllegalArgumentException as {@link #of}, or when the text is no URL
     */
    public static URI parse(String written) {
        URI uri;
        try {
            uri = new URI(written);
        } catch (URISyntaxException notAUrl) {
            if (written.contains("@") || written.contains("?") || written.contains("#")) {
                // the reason alone: the exception's message ends with the text
                throw new IllegalArgumentException("is not a URL (" + notAUrl.getReason()
                        + (notAUrl.getIndex() < 0 ? "" : " at index " + notAUrl.getIndex())
                        + "; the value is not shown: it may hold a password or a key)");
            }
            throw new IllegalArgumentException("'" + written + "' is not a URL (" + notAUrl.getMessage() + ")");
        }
        return of(uri);
    }

    /**
     * The URL, without its trailing slashes.
     *
     * @throws IllegalArgumentException when it is not http(s) or has no host, quoting it as written; when it holds a
     *                                  user's name and password, or a query or a fragment (which the paths appended
     *                                  to it would end up in), not quoting it
     */
    public static URI of(URI uri) {
        // an authority with an '@' Java could not split into user and host ("user:p@ss@host") holds one all the same
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            // printed at every start and in refusals: credentials have settings of their own, kept secret
            throw new IllegalArgumentException("holds a user name and password (the value is not shown): give the "
                    + "URL without them");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            // not quoted either: a query may carry a key
            throw new IllegalArgumentException("has a query or a fragment (the value is not shown): the paths called "
                    + "are appended to it");
        }
        if (!isHttpWithHost(uri)) {
            throw new IllegalArgumentException("'" + uri + "' is not an http(s) URL with a host");
        }
        // Its host is left as written: the one name of a Lucca, whatever the case of its host or a default port
        // written out, is LuccaKey's, which everything kept for a Lucca is keyed by.
        return withoutTrailingSlashes(uri);
    }

    public static boolean isHttpWithHost(URI uri) {
        return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
    }

    static URI withoutTrailingSlashes(URI uri) {
        String written = uri.toString();
        String stripped = written.replaceAll("/+$", "");
        return stripped.equals(written) ? uri : URI.create(stripped);
    }
}
