package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisibleTextTest {

    // NUL, ESC, right-to-left override, zero-width space, soft hyphen, byte order mark, a tag outside the BMP
    @ParameterizedTest
    @ValueSource(strings = {"Mül\u0000ler", "\u001BMüller", "\u202EMüller", "Mül\u200Bler", "Mül\u00ADler",
        "\uFEFFMüller", "Müller\uDB40\uDC01"})
    void invisibleCharactersAreRemoved(String text) {
        assertThat(VisibleText.of(text)).isEqualTo("Müller");
    }

    // half a surrogate pair on its own (a JSON escape "\\ud83d" alone), high or low, is no character: Lucca gets "?"
    @ParameterizedTest
    @ValueSource(strings = {"Müller\uD83D", "\uDE00Müller", "Mül\uD83Dler"})
    void halfASurrogatePairOnItsOwnIsRemoved(String text) {
        assertThat(VisibleText.of(text)).isEqualTo("Müller");
    }

    @Test
    void aWholeSurrogatePairIsOneCharacterAndStays() {
        assertThat(VisibleText.of("Zoé \uD83D\uDE00")).isEqualTo("Zoé 😀");
    }

    // typed on a Mac, or pasted from one: an accent as a letter and a combining mark, which Lucca would keep so
    @ParameterizedTest
    @ValueSource(strings = {"Zoe\u0301", "Zoe\u200B\u0301"})
    void aDecomposedAccentBecomesOneCharacter(String text) {
        assertThat(VisibleText.of(text)).isEqualTo("Zo\u00e9");
    }

    @Test
    void whitespaceRunsOfAnyKindBecomeOneSpace() {
        assertThat(VisibleText.of("  Jean \t\n Pierre\u00A0de\u2028La  Tour\r\n")).isEqualTo("Jean Pierre de La Tour");
    }

    @Test
    void anInvisibleCharacterBetweenSpacesLeavesOneSpace() {
        assertThat(VisibleText.of("Jean \u200B Pierre")).isEqualTo("Jean Pierre");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jean-Pierre de La Tour", "O'Connor", "D’Artagnan", "Иван", "李 小龍",
        "علی\u200Cزاده", "ශ්\u200Dරී"})
    void visibleNamesKeepTheirSpelling(String name) {
        assertThat(VisibleText.of(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u200B\u200B", "\u0000\t\u202E", "\u00AD \uFEFF", "\uD83D"})
    void aTextOfOnlyInvisibleCharactersIsEmpty(String text) {
        assertThat(VisibleText.of(text)).isEmpty();
    }

    @Test
    void noTextIsEmpty() {
        assertThat(VisibleText.of(null)).isEmpty();
    }
}
