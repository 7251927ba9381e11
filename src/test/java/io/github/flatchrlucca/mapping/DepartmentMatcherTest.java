package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DepartmentMatcherTest {

    private static final DepartmentTable NO_TABLE = DepartmentTable.parse("");
    private static final Integer DEFAULT_ID = 99;

    private static final List<LuccaDepartment> LUCCA = List.of(
            new LuccaDepartment(1, "Service IT", true),
            new LuccaDepartment(2, "Développement", true),
            new LuccaDepartment(3, "Ventes", true),
            new LuccaDepartment(4, "ventes ", true),
            new LuccaDepartment(5, "Marketing", false),
            new LuccaDepartment(6, "Finance", false),
            new LuccaDepartment(7, "Finance", true));

    private final DepartmentMatcher matcher = new DepartmentMatcher(LUCCA, NO_TABLE, DEFAULT_ID);

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Service IT            | serviceit
            ' Service   IT '      | serviceit
            Développement         | developpement
            Ressources Humaines   | ressourceshumaines
            Søren & Co            | soren&co
            """)
    void normalizeIgnoresAccentsCaseAndSpaces(String name, String expected) {
        assertThat(DepartmentMatcher.normalize(name)).isEqualTo(expected);
    }

    @Test
    void choosesTheOnlyActiveDepartmentOfThatName() {
        assertThat(matcher.choose(List.of("Service IT"))).isEqualTo(found(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            service it      | 1
            'SERVICE  IT '  | 1
            ServiceIT       | 1
            developpement   | 2
            DÉVELOPPEMENT   | 2
            """)
    void ignoresAccentsCaseAndSpaces(String name, int expectedId) {
        assertThat(matcher.choose(List.of(name))).isEqualTo(found(expectedId));
    }

    @Test
    void inactiveDepartmentsAreNotCandidates() {
        assertThat(matcher.choose(List.of("Finance"))).isEqualTo(found(7));

        DepartmentChoice onlyInactive = matcher.choose(List.of("Marketing"));
        assertThat(onlyInactive.departmentId()).isEqualTo(DEFAULT_ID);
        assertThat(onlyInactive.warning()).hasValueSatisfying(
                warning -> assertThat(warning).contains("\"Marketing\" matches no Lucca department"));
    }

    @Test
    void aNameMatchingNoneFallsBackToTheDefaultWithAWarning() {
        DepartmentChoice choice = matcher.choose(List.of("Logistique"));

        assertThat(choice.departmentId()).isEqualTo(DEFAULT_ID);
        assertThat(choice.warning())
                .contains("Department not found: \"Logistique\" matches no Lucca department; default department used.");
    }

    @Test
    void aNameMatchingSeveralFallsBackToTheDefaultWithAWarning() {
        DepartmentChoice choice = matcher.choose(List.of("Ventes"));

        assertThat(choice.departmentId()).isEqualTo(DEFAULT_ID);
        assertThat(choice.warning())
                .contains("Department not found: \"Ventes\" matches several Lucca departments; default department used.");
    }

    @Test
    void theWarningNamesEveryCandidateThatFailed() {
        assertThat(matcher.choose(List.of("Ventes", "Logistique")).warning()).contains(
                "Department not found: \"Ventes\" matches several Lucca departments; "
                        + "\"Logistique\" matches no Lucca department; default department used.");
    }

    @Test
    void anAmbiguousNameGivesWayToALaterCandidateThatMatchesOnce() {
        assertThat(matcher.choose(List.of("Ventes", "Logistique", "Service IT"))).isEqualTo(found(1));
    }

    @Test
    void theTableResolvesNamesLuccaDoesNotKnowOrKnowsTwice() {
        DepartmentMatcher withTable = new DepartmentMatcher(LUCCA, DepartmentTable.parse("Logistique=2;Ventes=3"), DEFAULT_ID);

        assertThat(withTable.choose(List.of("Logistique"))).isEqualTo(found(2));
        assertThat(withTable.choose(List.of("Ventes"))).isEqualTo(found(3));
    }

    @Test
    void aTableEntryForADepartmentLuccaClosedOrNeverHadFallsBackToTheDefaultWithAWarning() {
        DepartmentMatcher withTable = new DepartmentMatcher(LUCCA, DepartmentTable.parse("Logistique=5;Achats=20"),
                DEFAULT_ID);

        DepartmentChoice inactive = withTable.choose(List.of("Logistique"));
        DepartmentChoice unknown = withTable.choose(List.of("Achats"));

        assertThat(inactive.departmentId()).isEqualTo(DEFAULT_ID);
        assertThat(inactive.warning()).hasValueSatisfying(warning -> assertThat(warning)
                .contains("the departments table's 5 is inactive in Lucca", "default department used"));
        assertThat(unknown.departmentId()).isEqualTo(DEFAULT_ID);
        assertThat(unknown.warning()).hasValueSatisfying(warning -> assertThat(warning)
                .contains("the departments table's 20 is not among Lucca's departments"));
        assertThat(DepartmentMatcher.withoutLucca(DepartmentTable.parse("Achats=20"), DEFAULT_ID, "dry-run")
                .choose(List.of("Achats"))).as("unchecked without Lucca's list").isEqualTo(found(20));
    }

    @Test
    void aSingleLuccaMatchComesBeforeTheTable() {
        DepartmentMatcher withTable = new DepartmentMatcher(LUCCA, DepartmentTable.parse("Logistique=2;Service IT=3"), DEFAULT_ID);

        assertThat(withTable.choose(List.of("Logistique", "Service IT"))).isEqualTo(found(1));
    }

    @Test
    void withoutDefaultTheDepartmentIsLeftToLucca() {
        DepartmentChoice choice = new DepartmentMatcher(LUCCA, NO_TABLE, null).choose(List.of("Logistique"));

        assertThat(choice.departmentId()).isNull();
        assertThat(choice.warning())
                .contains("Department not found: \"Logistique\" matches no Lucca department; department left to Lucca's default.");
    }

    @Test
    void noCandidateTakesTheDefaultSilently() {
        assertThat(matcher.choose(List.of())).isEqualTo(new DepartmentChoice(DEFAULT_ID, Optional.empty()));
        assertThat(new DepartmentMatcher(LUCCA, NO_TABLE, null).choose(List.of()))
                .isEqualTo(new DepartmentChoice(null, Optional.empty()));
    }

    private static DepartmentChoice found(int id) {
        return new DepartmentChoice(id, Optional.empty());
    }
}
