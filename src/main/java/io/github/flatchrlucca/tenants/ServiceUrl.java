package io.github.flatchrlucca.tenants;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The rule for a URL the settings give (a Lucca, Flatchr's API, the connector's own address), written once for
 * the environment and the tenants file: http or https, with a host, and without trailing slashes, so that the
 * paths called are appended to it as they are.
 */
public final class ServiceUrl {

    private ServiceUrl() {
    }

    /**
     * The URL, its host in lower case and without its trailing slashes.
     *
     * @throws IllegalArgumentException when it is not http(s) or has no host, quoting it as written; when it holds a
     *                                  user's name and password, or a query or a fragment (which the paths appended
     *                                  to it would end up in), not quoting it
     */
    public static URI of(URI uri) {
        if (uri.getRawUserInfo() != null) {
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
        // A host is the same whatever its case: written one way or another, it names the one Lucca that the rate
        // budget, the directories and the journal (a hire's lucca_instance) know it by.
        return withoutTrailingSlashes(URI.create(uri.getScheme() + "://"
                + uri.getRawAuthority().toLowerCase(Locale.ROOT) + Objects.requireNonNullElse(uri.getRawPath(), "")));
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
