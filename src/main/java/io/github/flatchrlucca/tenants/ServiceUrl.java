package io.github.flatchrlucca.tenants;

import java.net.URI;

/**
 * The rule for a URL the settings give (a Lucca, Flatchr's API, the connector's own address), written once for
 * the environment and the tenants file: http or https, with a host, and without trailing slashes, so that the
 * paths called are appended to it as they are.
 */
public final class ServiceUrl {

    private ServiceUrl() {
    }

    /**
     * The URL, without its trailing slashes.
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
