package io.github.flatchrlucca.tenants;

/**
 * A reload of the tenants changed, under an attempt, where it was sending a hire (or its outcome): its tenant left the
 * configuration, or now has another Lucca (or none) or another Flatchr. No hire is at fault, and nothing more is sent
 * where the attempt began.
 */
public final class TenantChanged extends RuntimeException {

    private TenantChanged(String message) {
        super(message, null, false, false);
    }

    public static TenantChanged left(String tenant) {
        return new TenantChanged("tenant " + tenant + " left the configuration");
    }

    static TenantChanged otherLucca(String tenant) {
        return new TenantChanged("tenant " + tenant + " has another Lucca now");
    }

    static TenantChanged otherFlatchr(String tenant) {
        return new TenantChanged("tenant " + tenant + " has another Flatchr now");
    }
}
