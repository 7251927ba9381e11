package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
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
    @EnumSource(LoginRule.class)
    void noRuleGivesALoginLongerThanTheCap(LoginRule rule) {
        assertThat(rule.base("f".repeat(250), "l".repeat(250), "m".repeat(250) + "@acme.fr"))
                .hasSize(LoginRule.MAX_LENGTH);
    }

    @Test
    void initialLastnameKeepsTheInitialAndCutsTheLastName() {
        assertThat(LoginRule.INITIAL_LASTNAME.base("Éloïse", "l".repeat(250), null)).isEqualTo("e" + "l".repeat(99));
    }

    @Test
    void emailRuleCutsALongAddress() {
        assertThat(LoginRule.EMAIL.base("Éloïse", "Müller", "M".repeat(250) + "@acme.fr")).isEqualTo("m".repeat(100));
    }

    @Test
    void firstnameLastnameIsCutAfterTheDotWhenTheFirstNameFits() {
        assertThat(LoginRule.FIRSTNAME_LASTNAME.base("Éloïse", "Müller".repeat(40), null))
                .isEqualTo("eloise." + "muller".repeat(40).substring(0, 93));
    }

    @Test
    void aNameWithinIntakesLimitThatGrowsWhenTransliteratedIsCut() {
        assertThat(LoginRule.INITIAL_LASTNAME.base("張", "張".repeat(100), null))
                .hasSize(LoginRule.MAX_LENGTH).startsWith("zzhang");
    }

    @Test
    void emailRuleCutsALongAddressWithoutSplittingACharacter() {
        String mail = "a".repeat(LoginRule.MAX_LENGTH - 1) + "\uD83D\uDE00@acme.fr";

        assertThat(LoginRule.EMAIL.base("Éloïse", "Müller", mail)).isEqualTo("a".repeat(LoginRule.MAX_LENGTH - 1));
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
    void firstFreeCutsABaseAtTheCapSoThatItsNumberFits() {
        String base = "l".repeat(LoginRule.MAX_LENGTH);

        assertThat(LoginRule.firstFree(base, List.of(base))).isEqualTo("l".repeat(99) + "2");
    }

    @Test
    void firstFreeCutsTheBaseFurtherForALongerNumber() {
        String base = "l".repeat(LoginRule.MAX_LENGTH);
        List<String> taken = new ArrayList<>(List.of(base));
        for (int suffix = 2; suffix <= 9; suffix++) {
            taken.add("l".repeat(99) + suffix);
        }

        assertThat(LoginRule.firstFree(base, taken)).isEqualTo("l".repeat(98) + "10");
    }

    @Test
    void firstFreeNeverGivesMoreThanTheCapEvenFromALongerBase() {
        String base = "l".repeat(250);

        assertThat(LoginRule.firstFree(base, List.of())).isEqualTo("l".repeat(LoginRule.MAX_LENGTH));
        assertThat(LoginRule.firstFree(base, List.of("l".repeat(LoginRule.MAX_LENGTH))))
                .isEqualTo("l".repeat(99) + "2");
    }

    @Test
    void firstFreeKeepsAShortBaseWholeBeforeItsNumber() {
        String base = "l".repeat(LoginRule.MAX_LENGTH - 1);

        assertThat(LoginRule.firstFree(base, List.of(base))).isEqualTo(base + "2");
    }

    @Test
    void firstFreeIgnoresPeopleWithoutLogin() {
        assertThat(LoginRule.firstFree("emuller", Arrays.asList(null, "emuller"))).isEqualTo("emuller2");
    }

    @Test
    void theSearchStemOfALoginAtTheCapIsContainedInEveryLoginFirstFreeMayGive() {
        String base = "m".repeat(LoginRule.MAX_LENGTH);
        List<String> taken = new ArrayList<>(List.of(base));
        for (int i = 2; i <= 12; i++) {
            taken.add(LoginRule.firstFree(base, taken));
        }

        assertThat(taken).allSatisfy(login -> assertThat(login).contains(LoginRule.searchStem(base)));
        assertThat(LoginRule.searchStem("cmorel")).isEqualTo("cmorel");
    }
}
