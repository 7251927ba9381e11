package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DepartmentTableTest {

    private final DepartmentTable table =
            DepartmentTable.parse("Service IT=12; Ressources Humaines = 13 ;R&D, Paris=14");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Service IT           | 12
            service it           | 12
            'Service   IT '      | 12
            ServiceIT            | 12
            Ressources Humaines  | 13
            RESSOURCES HUMAINES  | 13
            R&D, Paris           | 14
            """)
    void findsNamesIgnoringCaseAndSpaces(String name, int expectedId) {
        assertThat(table.idFor(name)).contains(expectedId);
    }

    @Test
    void findsNamesIgnoringAccents() {
        assertThat(DepartmentTable.parse("Développement=7").idFor("Developpement")).contains(7);
    }

    @Test
    void knowsNothingOfUnlistedNames() {
        assertThat(table.idFor("Marketing")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", ";;"})
    void blankTextIsAnEmptyTable(String text) {
        assertThat(DepartmentTable.parse(text).idFor("Service IT")).isEmpty();
    }

    @ParameterizedTest(name = "{0} is rejected naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Service IT:12                 | Service IT:12
            =12                           | =12
            Service IT=                   | Service IT=
            Service IT=abc                | Service IT=abc
            Service IT=1=2                | Service IT=1=2
            Service IT=12,Marketing=13    | Service IT=12,Marketing=13
            Service IT=12;service  it=13  | service  it=13
            Service IT=0                  | Service IT=0
            """)
    void rejectsAMalformedOrRepeatedItemNamingIt(String text, String badItem) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DepartmentTable.parse(text))
                .withMessageContaining("\"" + badItem + "\"");
    }

    // ---- given as pairs (the tenants file)

    @Test
    void pairsAreLookedUpAsTheWrittenTableIs() {
        DepartmentTable pairs = DepartmentTable.of(Map.of(" Service IT ", 12, "Développement", 7));

        assertThat(pairs.idFor("service   it")).contains(12);
        assertThat(pairs.idFor("Developpement")).contains(7);
        assertThat(pairs.idFor("Marketing")).isEmpty();
    }

    @Test
    void pairsThatNameTheSameDepartmentTwiceAreRejectedNamingBoth() {
        Map<String, Integer> pairs = new LinkedHashMap<>();
        pairs.put("Service IT", 12);
        pairs.put("service  it", 13);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> DepartmentTable.of(pairs))
                .withMessage("department table: key \"service  it\" repeats key \"Service IT\" already in the table");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3})
    void aPairWithoutAPositiveIdIsRejectedNamingIt(int id) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DepartmentTable.of(Map.of("Service IT", id)))
                .withMessageContaining("\"Service IT\"");
    }

    @Test
    void aBlankNameIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DepartmentTable.of(Map.of("  ", 12)))
                .withMessage("department table: a key is blank");
    }
}
