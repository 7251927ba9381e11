package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
            """)
    void rejectsAMalformedOrRepeatedItemNamingIt(String text, String badItem) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DepartmentTable.parse(text))
                .withMessageContaining("\"" + badItem + "\"");
    }
}
