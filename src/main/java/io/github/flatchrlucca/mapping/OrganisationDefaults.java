package io.github.flatchrlucca.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Places a hire in the customer's organisation: the configured establishment and main role, and the
 * department found for the hire's department names. A null default is left out, so Lucca's own applies.
 */
public final class OrganisationDefaults {

    private final Integer legalEntityId;
    private final Integer roleId;
    private final DepartmentTable table;
    private final Integer defaultDepartmentId;

    public OrganisationDefaults(Integer legalEntityId, Integer roleId, DepartmentTable table, Integer defaultDepartmentId) {
        this.legalEntityId = legalEntityId;
        this.roleId = roleId;
        this.table = table;
        this.defaultDepartmentId = defaultDepartmentId;
    }

    /** @param luccaDepartments the departments Lucca lists now, so new or renamed ones are matched too */
    public EnrichedHire enrich(MappedHire hire, List<LuccaDepartment> luccaDepartments) {
        return enrich(hire, new DepartmentMatcher(luccaDepartments, table, defaultDepartmentId));
    }

    /** Without Lucca's departments, for {@code because}: department names are matched against the table only. */
    public EnrichedHire enrichWithoutLucca(MappedHire hire, String because) {
        return enrich(hire, DepartmentMatcher.withoutLucca(table, defaultDepartmentId, because));
    }

    private EnrichedHire enrich(MappedHire hire, DepartmentMatcher matcher) {
        DepartmentChoice department = matcher.choose(hire.departmentNames());
        List<HireWarning> warnings = new ArrayList<>(hire.warnings());
        department.warning().map(HireWarning::ofNewUser).ifPresent(warnings::add);
        return new EnrichedHire(
                hire.draft().withOrganisation(legalEntityId, department.departmentId(), roleId), warnings);
    }
}
