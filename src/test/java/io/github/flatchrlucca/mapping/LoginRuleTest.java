package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginRuleTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Éloïse      | Müller-Straße | emullerstrasse
            Jean-Pierre | de La Tour    | jdelatour
            Søren       | Ørsted        | sorsted
            Łukasz      | Wałęsa        | lwalesa
            Seán        | O'Connor      | soconnor
            Иван        | Петров        | ipetrov
            """)
    void initialLastnameIsLuccasDefaultRule(String firstName, String lastName, String expected) {
        assertThat(LoginRule.INITIAL_LASTNAME.base(firstName, lastName, "x@acme.fr")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Jean-Pierre | de La Tour    | jeanpierre.delatour
            Éloïse      | Müller-Straße | eloise.mullerstrasse
            Иван        | Петров        | ivan.petrov
            """)
    void firstnameLastnameJoinsBothPartsWithADot(String firstName, String lastName, String expected) {
        assertThat(LoginRule.FIRSTNAME_LASTNAME.base(firstName, lastName, "x@acme.fr")).isEqualTo(expected);
    }

    @Test
    void emailRuleUsesTheTrimmedLowerCaseMail() {
        assertThat(LoginRule.EMAIL.base("Éloïse", "Müller", " Eloise.Muller@ACME.fr ")).isEqualTo("eloise.muller@acme.fr");
    }

    @Test
    void emailRuleWithoutMailGivesEmptyBase() {
        assertThat(LoginRule.EMAIL.base("Éloïse", "Müller", null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            initial-lastname       | INITIAL_LASTNAME
            '  FIRSTNAME.LastName ' | FIRSTNAME_LASTNAME
            Email                  | EMAIL
            """)
    void parseIgnoresCaseAndSurroundingSpaces(String text, LoginRule expected) {
        assertThat(LoginRule.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"firstname_lastname", "INITIAL_LASTNAME", "mail"})
    void parseRejectsOtherTextListingTheAcceptedValues(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LoginRule.parse(text))
                .withMessageContainingAll("initial-lastname", "firstname.lastname", "email");
    }

    @Test
    void firstFreeKeepsTheBaseWhenNobodyHasIt() {
        assertThat(LoginRule.firstFree("emuller", List.of("jdupont", "emuller2"))).isEqualTo("emuller");
    }

    @Test
    void firstFreeNumbersCollisionsFromTwoAsLuccaDoes() {
        assertThat(LoginRule.firstFree("emuller", List.of("emuller"))).isEqualTo("emuller2");
        assertThat(LoginRule.firstFree("emuller", List.of("emuller", "emuller2", "emuller3"))).isEqualTo("emuller4");
    }

    @Test
    void firstFreeComparesWithoutCase() {
        assertThat(LoginRule.firstFree("emuller", List.of("EMuller", "eMULLER2"))).isEqualTo("emuller3");
    }

    @Test
    void firstFreeIgnoresPeopleWithoutLogin() {
        assertThat(LoginRule.firstFree("emuller", Arrays.asList(null, "emuller"))).isEqualTo("emuller2");
    }
}
