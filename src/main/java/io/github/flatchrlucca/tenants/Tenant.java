package io.github.flatchrlucca.tenants;

import io.github.flatchrlucca.flatchr.FlatchrConnection;
import io.github.flatchrlucca.intake.IntakeRules;
import io.github.flatchrlucca.lucca.LuccaConnection;
import io.github.flatchrlucca.mapping.ContractTypeTable;
import io.github.flatchrlucca.mapping.HireMapper;
import io.github.flatchrlucca.mapping.OrganisationDefaults;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One tenant as the routes use it: its settings made into the mapper, organisation defaults and Lucca
 * connection its hires go through. A delivery keeps the tenant it started with, so a reload never changes
 * a hire's mapping halfway.
 */
public final class Tenant implements IntakeRules {

    private final TenantSettings settings;
    private final HireMapper mapper;
    private final OrganisationDefaults defaults;
    private final LuccaConnection lucca;
    private final Optional<FlatchrConnection> flatchr;
    private final Map<String, String> tenantByCompanyId;

    /** A tenant with no other in force, and no Flatchr API. */
    public Tenant(TenantSettings settings, HireMapper mapper, LuccaConnection lucca) {
        this(settings, mapper, lucca, Optional.empty(), Map.of());
    }

    /**
     * @param flatchr           the tenant's Flatchr API, when it has a key
     * @param tenantByCompanyId the id of the tenant in force that lists each Flatchr company
     */
    Tenant(TenantSettings settings, HireMapper mapper, LuccaConnection lucca, Optional<FlatchrConnection> flatchr,
           Map<String, String> tenantByCompanyId) {
        this.settings = settings;
        this.mapper = mapper;
        this.defaults = new OrganisationDefaults(settings.legalEntityId(), settings.roleId(), settings.departments(),
                settings.departmentId());
        this.lucca = lucca;
        this.flatchr = flatchr;
        this.tenantByCompanyId = tenantByCompanyId;
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public Set<String> triggerColumns() {
        return settings.triggerColumns();
    }

    /**
     * A company another tenant in force lists is that tenant's: the default tenant, which accepts any company,
     * refuses it, so that a hire sent to its URL is never delivered to the wrong Lucca.
     */
    @Override
    public boolean acceptsCompany(String companyId) {
        return settings.acceptsCompany(companyId) && tenantByCompanyId.getOrDefault(companyId, id()).equals(id());
    }

    @Override
    public Duration hireHold() {
        return settings.hireHold();
    }

    public boolean tokenMatches(String token) {
        return settings.webhookToken().matches(token);
    }

    public boolean dryRun() {
        return settings.dryRun();
    }

    public TenantSettings settings() {
        return settings;
    }

    public HireMapper mapper() {
        return mapper;
    }

    public OrganisationDefaults defaults() {
        return defaults;
    }

    public ContractTypeTable contractTypes() {
        return settings.contractTypes();
    }

    public ZoneId zone() {
        return settings.zone();
    }

    public LuccaConnection lucca() {
        return lucca;
    }

    /** The tenant's Flatchr API: empty without a key (no reconciliation, no write-back). */
    public Optional<FlatchrConnection> flatchr() {
        return flatchr;
    }

    /** The candidate tag each hire's outcome is written to: empty without one, or without a key to write it with. */
    public Optional<String> resultTag() {
        return flatchr.flatMap(connection -> settings.flatchrApi().flatMap(FlatchrApi::resultTag));
    }

    @Override
    public String toString() {
        return "Tenant[" + id() + "]";
    }
}
