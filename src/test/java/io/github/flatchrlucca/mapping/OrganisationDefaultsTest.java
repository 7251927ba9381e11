package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganisationDefaultsTest {

    private static final LuccaUserDraft DRAFT = new LuccaUserDraft("Éloïse", "Müller", "eloise@gmail.com",
            "eloise@gmail.com", null, "Développeuse Java", LocalDate.of(2026, 1, 6), null, null, null, null);
    private static final List<LuccaDepartment> LUCCA = List.of(
            new LuccaDepartment(12, "Service IT", true), new LuccaDepartment(13, "Marketing", true),
            new LuccaDepartment(20, "Logistique et transport", true));
    private static final DepartmentTable TABLE = DepartmentTable.parse("Logistique=20");

    private final OrganisationDefaults defaults = new OrganisationDefaults(3, 4, TABLE, 99);

    @Test
    void setsEstablishmentRoleAndTheMatchedDepartment() {
        EnrichedHire enriched = defaults.enrich(hire(List.of("Service IT"), List.of()), LUCCA);

        assertThat(enriched.draft()).isEqualTo(DRAFT.withOrganisation(3, 12, 4));
        assertThat(enriched.warnings()).isEmpty();
    }

    @Test
    void usesTheDepartmentTableForNamesLuccaDoesNotKnow() {
        EnrichedHire enriched = defaults.enrich(hire(List.of("Logistique"), List.of()), LUCCA);

        assertThat(enriched.draft().departmentId()).isEqualTo(20);
    }

    @Test
    void addsTheDepartmentWarningAfterTheMappingWarnings() {
        EnrichedHire enriched = defaults.enrich(hire(List.of("Finance"),
                List.of(HireWarning.ofHire("start date estimated"))), LUCCA);

        assertThat(enriched.draft().departmentId()).isEqualTo(99);
        assertThat(enriched.warnings()).containsExactly(HireWarning.ofHire("start date estimated"),
                HireWarning.ofNewUser("Department not found: \"Finance\" matches no Lucca department; default "
                        + "department used."));
    }

    @Test
    void unsetDefaultsStayOutOfTheCreateBody() {
        OrganisationDefaults none = new OrganisationDefaults(null, null, DepartmentTable.parse(""), null);

        EnrichedHire enriched = none.enrich(hire(List.of(), List.of()), LUCCA);

        assertThat(enriched.draft()).isEqualTo(DRAFT);
        assertThat(enriched.draft().toCreateBody())
                .doesNotContainKeys("legalEntityId", "departmentId", "rolePrincipalId");
        assertThat(enriched.warnings()).isEmpty();
    }

    private static MappedHire hire(List<String> departmentNames, List<HireWarning> warnings) {
        return new MappedHire(DRAFT, warnings, "emuller", departmentNames, "1", "app-1");
    }
}
