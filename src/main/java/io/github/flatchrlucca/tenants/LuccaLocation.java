package io.github.flatchrlucca.tenants;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a tenant's Lucca is: a full base URL, or the short instance name customers know from Lucca and Flatchr
 * ({@code acme} for {@code https://acme.ilucca.net}); neither: the tenant runs dry. One rule for the environment's
 * default tenant (LUCCA_BASE_URL, LUCCA_INSTANCE) and a tenant of the file ({@code lucca.baseUrl},
 * {@code lucca.instance}): both given is refused, since which one was meant cannot be told.
 */
public final class LuccaLocation {

    // Lucca instance names are the DNS label before .ilucca.net.
    private static final Pattern INSTANCE = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private LuccaLocation() {
    }

    /**
     * The instance's base URL.
     *
     * @param baseUrlName what the operator sets instead for another host, named in a refusal
     * @throws IllegalArgumentException when {@code written} is not a DNS label
     */
    public static URI instance(String written, String baseUrlName) {
        String name = written.toLowerCase(Locale.ROOT);
        if (!INSTANCE.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + written + "' is not an instance name such as 'acme' "
                    + "(for acme.ilucca.net); use " + baseUrlName + " for other hosts");
        }
        return URI.create("https://" + name + ".ilucca.net");
    }

    /**
     * The Lucca of a tenant, from its base URL and instance as read; empty: dry-run.
     *
     * @throws IllegalArgumentException when both are given ("keep one" ends its message)
     */
    public static Optional<URI> of(Optional<URI> baseUrl, Optional<URI> instance) {
        if (baseUrl.isPresent() && instance.isPresent()) {
            throw new IllegalArgumentException("keep one");
        }
        return baseUrl.or(() -> instance);
    }

    /**
     * A Lucca needs its API key, and a key needs a Lucca: a key without one is a forgotten base URL or instance
     * more often than a wish to run dry. One rule, one wording, for the environment and the tenants file.
     *
     * @param located      whether a base URL or an instance is written (even a wrong one: once it is fixed, the key
     *                     is needed)
     * @param baseUrlName  how the operator writes the base URL, named in the problem (and likewise the instance)
     * @return the key's problem; empty when the key and the Lucca go together
     */
    public static Optional<String> apiKeyProblem(boolean located, boolean keyGiven, String baseUrlName,
                                                 String instanceName) {
        if (located && !keyGiven) {
            return Optional.of("is required");
        }
        if (!located && keyGiven) {
            return Optional.of("is given, but neither " + baseUrlName + " nor " + instanceName + " says where to "
                    + "send it; remove the key to run this tenant dry");
        }
        return Optional.empty();
    }
}
