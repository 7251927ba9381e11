package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AsciiNameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Éloïse         | eloise
            Müller-Straße  | mullerstrasse
            Søren Ørsted   | sorenorsted
            Łukasz Wałęsa  | lukaszwalesa
            de La Tour     | delatour
            O'Connor       | oconnor
            Иван Петров    | ivanpetrov
            Ng             | ng
            "JEAN  PIERRE" | jeanpierre
            Œdipe          | oedipe
            Γιώργος        | giorgos
            Louis XIV 2    | louisxiv2
            """)
    void keepsOnlyLowerCaseAsciiLettersAndDigits(String name, String expected) {
        assertThat(AsciiName.of(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "-'.", "🙂"})
    void givesEmptyTextWhenNothingOfTheNameSurvives(String name) {
        assertThat(AsciiName.of(name)).isEmpty();
    }

    @Test
    void initialIsTheFirstLetterAfterTransliteration() {
        assertThat(AsciiName.initialOf("Éloïse")).isEqualTo("e");
        assertThat(AsciiName.initialOf("Иван")).isEqualTo("i");
        assertThat(AsciiName.initialOf(" 'Anne")).isEqualTo("a");
    }

    @Test
    void initialOfNothingIsEmpty() {
        assertThat(AsciiName.initialOf(null)).isEmpty();
        assertThat(AsciiName.initialOf("-")).isEmpty();
    }
}
