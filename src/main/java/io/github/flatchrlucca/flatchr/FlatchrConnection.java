package io.github.flatchrlucca.flatchr;

import io.github.flatchrlucca.http.KeyState;
import java.net.URI;

/**
 * One tenant's access to Flatchr's REST API, as the call route needs it: where it is, the key to show, the
 * company key of its paths, and what Flatchr's answers said of the key. The call route finds it in the exchange
 * variable {@code flatchr}.
 */
public record FlatchrConnection(String tenant, URI baseUrl, String apiKey, String companyKey, KeyState credentials) {

    /** The HTTP endpoint calls are sent to. */
    public String endpoint() {
        return baseUrl.toString();
    }

    /**
     * The company its calls are about, at its Flatchr: two tenants naming the same one share its pause, and ids
     * learned of one (its tags) are no other's.
     */
    public String company() {
        return endpoint() + " " + companyKey;
    }

    public String authorization() {
        return "Bearer " + apiKey;
    }

    /** Never with the key: a connection may end up in a log or a debugger. */
    @Override
    public String toString() {
        return "FlatchrConnection[tenant=" + tenant + ", " + baseUrl + "]";
    }
}
