package io.github.flatchrlucca.tenants;

import java.util.List;

/**
 * The tenants a tenants file describes, in file order.
 *
 * @param fingerprint SHA-256 (hex) of the file's text and of every secret it references: equal fingerprints
 *                    mean nothing changed, including a secret rotated behind an unchanged reference
 */
public record LoadedTenants(List<TenantSettings> tenants, String fingerprint) {

    public LoadedTenants {
        tenants = List.copyOf(tenants);
    }
}
