package io.github.flatchrlucca.tenants;

/**
 * Where the reader of a tenant's settings ({@link TenantEntry}) reports what is wrong, and how it names a key to the
 * operator who must fix it. The tenants file collects every problem and names keys as the file writes them
 * ({@code lucca.apiKey}); the environment, which describes the default tenant, stops at the first and names the
 * variable an operator sets ({@code LUCCA_API_KEY}).
 */
public interface SettingProblems {

    /** How the operator writes the key, a path such as "lucca.apiKey". */
    String nameOf(String keys);

    /**
     * @param where the tenant, e.g. "tenants[1] (acme)"; empty for the default tenant or the top of the file
     * @param keys  the key's path within it, e.g. "lucca.apiKey"; empty for the tenant as a whole
     */
    void report(String where, String keys, String problem);

    /** How many so far: a reader compares before and after to know whether what it read is whole. */
    int count();
}
