package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsciiDigitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "42", "0042", "18446744073709551616"})
    void digitsFrom0To9AreANumber(String text) {
        assertThat(AsciiDigits.only(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+1", "-1", "1.5", "1_000", " 1", "1e3", "\u0661\u0660", "\uFF11\uFF10", "\u0967"})
    void anythingElseIsNot(String text) {
        assertThat(AsciiDigits.only(text)).isFalse();
    }
}
