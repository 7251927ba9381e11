package io.github.flatchrlucca.tenants;

import io.github.flatchrlucca.intake.IntakeRules;
import io.github.flatchrlucca.lucca.LuccaConnection;
import io.github.flatchrlucca.mapping.ContractTypeTable;
import io.github.flatchrlucca.mapping.HireMapper;
import io.github.flatchrlucca.mapping.OrganisationDefaults;
import java.time.ZoneId;
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

    public Tenant(TenantSettings settings, HireMapper mapper, LuccaConnection lucca) {
        this.settings = settings;
        this.mapper = mapper;
        this.defaults = new OrganisationDefaults(settings.legalEntityId(), settings.roleId(), settings.departments(),
                settings.departmentId());
        this.lucca = lucca;
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public Set<String> triggerColumns() {
        return settings.triggerColumns();
    }

    @Override
    public boolean acceptsCompany(String companyId) {
        return settings.acceptsCompany(companyId);
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

    @Override
    public String toString() {
        return "Tenant[" + id() + "]";
    }
}
