package io.github.flatchrlucca.tenants;

/** A hire or a request names a tenant the current configuration does not list (any more). */
public final class UnknownTenant extends RuntimeException {

    public UnknownTenant(String tenant) {
        super("tenant " + tenant + " is not in the configuration", null, false, false);
    }
}
