package io.github.flatchrlucca.tenants;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a tenant of the file has for itself alone: its id, its Flatchr companies (by their webhook ids and by the
 * company key of their API) and its tokens, none of which may be one the environment settings already use. A
 * second claim is reported against the key that makes it, naming the first claimant and never the token. Claims
 * are made as each key is read, so a tenant wrong elsewhere still has its companies and tokens checked against the
 * others.
 */
final class Claims {

    private final Map<String, String> settingByToken = new HashMap<>();
    private final Map<String, String> whereById = new HashMap<>();
    private final Map<String, String> tenantByCompanyId = new HashMap<>();
    private final Map<String, String> tenantByToken = new HashMap<>();
    private final Map<String, String> tenantByCompanyKey = new HashMap<>();

    /**
     * @param environmentTokens each token the environment settings use, by the setting's name
     * @param defaultTenant     the default tenant, when it is in force next to the file: its company (FLATCHR_COMPANY_ID)
     *                          and its Flatchr API's (FLATCHR_COMPANY_KEY) are its own
     */
    Claims(Map<String, String> environmentTokens, Optional<TenantSettings> defaultTenant) {
        // two settings with one token are the environment settings' to refuse, not the file's
        environmentTokens.forEach((setting, token) -> settingByToken.putIfAbsent(token, setting));
        defaultTenant.flatMap(TenantSettings::flatchrApi).ifPresent(api -> tenantByCompanyKey.put(api.companyKey(),
                "the default tenant (FLATCHR_COMPANY_KEY)"));
        defaultTenant.ifPresent(tenant -> tenant.flatchrCompanyIds().forEach(companyId ->
                tenantByCompanyId.put(companyId, "the default tenant (FLATCHR_COMPANY_ID)")));
    }

    void id(YamlMapping tenant, String id) {
        String earlier = whereById.putIfAbsent(id, tenant.where());
        if (earlier != null) {
            tenant.report("id", "'" + id + "' is already the id of " + earlier);
        }
    }

    /** @param owner "tenant acme", or the tenant's place when its id is wrong */
    void companies(YamlMapping tenant, String owner, Set<String> companyIds) {
        for (String companyId : companyIds) {
            String earlier = tenantByCompanyId.putIfAbsent(companyId, owner);
            if (earlier != null) {
                tenant.report("flatchrCompanyIds", "company " + companyId + " is already " + earlier
                        + "'s; a Flatchr company's hires go to one tenant");
            }
        }
    }

    /**
     * A company's API is searched for one tenant only: a search answer does not say which company a candidate is
     * from, so two tenants with one company key would each deliver the same hires to their own Lucca.
     *
     * @param flatchr the tenant's {@code flatchr} mapping
     */
    void flatchrCompanyKey(YamlMapping flatchr, String owner, String companyKey) {
        String earlier = tenantByCompanyKey.putIfAbsent(companyKey, owner);
        if (earlier != null) {
            flatchr.report("companyKey", "is already used by " + earlier
                    + "; a Flatchr company's hires go to one tenant");
        }
    }

    void webhookToken(YamlMapping tenant, String owner, String token) {
        claimToken(tenant, owner, "webhookToken", token,
                earlier -> "is the same token as " + earlier + "'s; a token must identify one customer");
    }

    // A webhook URL travels through Flatchr: it must never open an admin view, nor one customer's another's.
    void adminToken(YamlMapping tenant, String owner, String token) {
        claimToken(tenant, owner, "adminToken", token,
                earlier -> "is a token " + earlier + " already uses; each token must open one thing only");
    }

    private void claimToken(YamlMapping tenant, String owner, String key, String token,
                            java.util.function.Function<String, String> sharedWith) {
        if (!takenByTheEnvironment(tenant, key, token)) {
            String earlier = tenantByToken.putIfAbsent(token, owner);
            if (earlier != null) {
                tenant.report(key, sharedWith.apply(earlier));
            }
        }
    }

    // ADMIN_TOKEN opens every tenant's admin view, and the default tenant's webhook takes any company's hires.
    private boolean takenByTheEnvironment(YamlMapping tenant, String key, String token) {
        String setting = settingByToken.get(token);
        if (setting != null) {
            tenant.report(key, "is the same token as the environment setting " + setting
                    + "; each token must open one thing only");
        }
        return setting != null;
    }
}
