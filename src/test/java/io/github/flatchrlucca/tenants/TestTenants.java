package io.github.flatchrlucca.tenants;

import io.github.flatchrlucca.intake.WebhookToken;
import io.github.flatchrlucca.mapping.ContractTypeTable;
import io.github.flatchrlucca.mapping.DepartmentTable;
import io.github.flatchrlucca.mapping.LoginRule;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** Tenant settings for unit tests: a dry-run tenant with its companies and token, everything else default. */
public final class TestTenants {

    private TestTenants() {
    }

    public static TenantSettings tenant(String id, String token, String... companyIds) {
        return new TenantSettings(id, Set.of(companyIds), WebhookToken.of(token), Set.of(), Optional.empty(), "", ZoneId.of("Europe/Paris"), 50,
                Duration.ofSeconds(60), null, null, null, DepartmentTable.parse(""), ContractTypeTable.parse(""),
                RehirePolicy.CONTRACT, Duration.ZERO, LoginRule.INITIAL_LASTNAME, null, ZoneId.of("Europe/Paris"), "FR", Optional.empty(),
                Optional.empty());
    }

    /** A tenant whose HR team has an admin token of its own. */
    public static TenantSettings withAdminToken(TenantSettings tenant, String adminToken) {
        return new TenantSettings(tenant.id(), tenant.flatchrCompanyIds(), tenant.webhookToken(),
                tenant.triggerColumns(), tenant.luccaBaseUrl(), tenant.luccaApiKey(), tenant.luccaZone(), tenant.rateLimitRequests(),
                tenant.rateLimitWindow(), tenant.legalEntityId(), tenant.departmentId(), tenant.roleId(),
                tenant.departments(), tenant.contractTypes(), tenant.rehire(), tenant.hireHold(), tenant.loginRule(), tenant.workEmailPattern(),
                tenant.zone(), tenant.phoneRegion(), Optional.of(adminToken), tenant.flatchrApi());
    }

    /** A tenant whose days are those of another time zone (its timezone setting). */
    public static TenantSettings withZone(TenantSettings tenant, ZoneId zone) {
        return new TenantSettings(tenant.id(), tenant.flatchrCompanyIds(), tenant.webhookToken(),
                tenant.triggerColumns(), tenant.luccaBaseUrl(), tenant.luccaApiKey(), tenant.luccaZone(), tenant.rateLimitRequests(),
                tenant.rateLimitWindow(), tenant.legalEntityId(), tenant.departmentId(), tenant.roleId(),
                tenant.departments(), tenant.contractTypes(), tenant.rehire(), tenant.hireHold(), tenant.loginRule(), tenant.workEmailPattern(),
                zone, tenant.phoneRegion(), tenant.adminToken(), tenant.flatchrApi());
    }

    /** A tenant that reconciles with Flatchr's API and writes each outcome back. */
    public static TenantSettings withFlatchrApi(TenantSettings tenant, FlatchrApi api) {
        return new TenantSettings(tenant.id(), tenant.flatchrCompanyIds(), tenant.webhookToken(),
                tenant.triggerColumns(), tenant.luccaBaseUrl(), tenant.luccaApiKey(), tenant.luccaZone(), tenant.rateLimitRequests(),
                tenant.rateLimitWindow(), tenant.legalEntityId(), tenant.departmentId(), tenant.roleId(),
                tenant.departments(), tenant.contractTypes(), tenant.rehire(), tenant.hireHold(), tenant.loginRule(), tenant.workEmailPattern(),
                tenant.zone(), tenant.phoneRegion(), tenant.adminToken(), Optional.of(api));
    }

    /** A tenant whose hires are drags into these columns (ids or titles, in lower case) only. */
    public static TenantSettings withTriggerColumns(TenantSettings tenant, Set<String> triggerColumns) {
        return new TenantSettings(tenant.id(), tenant.flatchrCompanyIds(), tenant.webhookToken(), triggerColumns,
                tenant.luccaBaseUrl(), tenant.luccaApiKey(), tenant.luccaZone(), tenant.rateLimitRequests(), tenant.rateLimitWindow(),
                tenant.legalEntityId(), tenant.departmentId(), tenant.roleId(), tenant.departments(),
                tenant.contractTypes(), tenant.rehire(), tenant.hireHold(), tenant.loginRule(),
                tenant.workEmailPattern(), tenant.zone(), tenant.phoneRegion(), tenant.adminToken(), tenant.flatchrApi());
    }

    /** A tenant whose candidates' phone numbers without a country code are of {@code phoneRegion} ("CH"). */
    public static TenantSettings withPhoneRegion(TenantSettings tenant, String phoneRegion) {
        return new TenantSettings(tenant.id(), tenant.flatchrCompanyIds(), tenant.webhookToken(),
                tenant.triggerColumns(), tenant.luccaBaseUrl(), tenant.luccaApiKey(), tenant.luccaZone(), tenant.rateLimitRequests(),
                tenant.rateLimitWindow(), tenant.legalEntityId(), tenant.departmentId(), tenant.roleId(),
                tenant.departments(), tenant.contractTypes(), tenant.rehire(), tenant.hireHold(), tenant.loginRule(),
                tenant.workEmailPattern(), tenant.zone(), phoneRegion, tenant.adminToken(), tenant.flatchrApi());
    }

    /** A tenant with Flatchr's API that writes each outcome back to {@code resultTag}, when it has one. */
    public static TenantSettings withResultTag(String id, Optional<String> resultTag) {
        return withFlatchrApi(tenant(id, id + "-token-0123456789", "1"), new FlatchrApi(
                URI.create("https://api.flatchr.io"), "flatchr-key-" + id, "Wy3EOp2NP3p1KMq8", Duration.ofMinutes(15),
                Duration.ofDays(3), resultTag));
    }

    /** A tenant delivering to the Lucca at {@code luccaBaseUrl}, whose hires matched to no department go to this one. */
    public static TenantSettings withDefaultDepartment(TenantSettings tenant, URI luccaBaseUrl, String apiKey,
                                                       Integer departmentId) {
        return new TenantSettings(tenant.id(), tenant.flatchrCompanyIds(), tenant.webhookToken(),
                tenant.triggerColumns(), Optional.of(luccaBaseUrl), apiKey, tenant.luccaZone(), tenant.rateLimitRequests(),
                tenant.rateLimitWindow(), tenant.legalEntityId(), departmentId, tenant.roleId(),
                tenant.departments(), tenant.contractTypes(), tenant.rehire(), tenant.hireHold(), tenant.loginRule(),
                tenant.workEmailPattern(), tenant.zone(), tenant.phoneRegion(), tenant.adminToken(), tenant.flatchrApi());
    }

    public static Tenants inForce(TenantSettings... settings) {
        Tenants tenants = new Tenants("/data/vacancy/department", Duration.ZERO, (tenant, state) -> { });
        tenants.replace(java.util.List.of(settings));
        return tenants;
    }
}
