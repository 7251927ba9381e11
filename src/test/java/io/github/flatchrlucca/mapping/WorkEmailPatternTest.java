package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkEmailPatternTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {firstname}.{lastname}@acme.fr   | eloise.mullerstrasse@acme.fr
            {initial}{lastname}@acme.fr      | emullerstrasse@acme.fr
            {lastname}-{initial}@rh.acme.fr  | mullerstrasse-e@rh.acme.fr
            '  {firstname}@acme.fr  '        | eloise@acme.fr
            """)
    void replacesEachPlaceholderWithTheAsciiFormOfItsNamePart(String pattern, String expected) {
        assertThat(WorkEmailPattern.parse(pattern).apply("Éloïse", "Müller-Straße")).isEqualTo(expected);
    }

    @Test
    void transliteratesNonLatinNames() {
        assertThat(WorkEmailPattern.parse("{firstname}.{lastname}@acme.fr").apply("Иван", "Петров"))
                .isEqualTo("ivan.petrov@acme.fr");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"{firstname}.{lastname}", "{firstname}.acme.fr"})
    void rejectsAPatternWithoutAt(String pattern) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkEmailPattern.parse(pattern))
                .withMessageContaining("has no @");
    }

    @Test
    void rejectsAnUnknownPlaceholderNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkEmailPattern.parse("{firstname}.{surname}@acme.fr"))
                .withMessageContainingAll("{surname}", "{firstname}, {lastname}, {initial}");
    }

    @Test
    void placeholdersAreWrittenInLowerCase() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkEmailPattern.parse("{FirstName}@acme.fr"))
                .withMessageContaining("{FirstName}");
    }

    @Test
    void rejectsAPatternWithoutPlaceholder() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkEmailPattern.parse("rh@acme.fr"))
                .withMessageContaining("has no placeholder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{firstname} {lastname}@acme.fr", "{firstname}.{lastname}@acme .fr",
        "{firstname}\t{lastname}@acme.fr"})
    void rejectsAPatternWithASpace(String pattern) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkEmailPattern.parse(pattern))
                .withMessageContaining("has a space");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{firstname}@{lastname}.fr", "{initial}.{lastname}@acme.{firstname}.fr"})
    void rejectsAPlaceholderInTheDomain(String pattern) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkEmailPattern.parse(pattern))
                .withMessageContaining("placeholder after the @");
    }

    @ParameterizedTest(name = "{0} gives {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {firstname}.{lastname}@acme      | jeanne.dupont@acme
            {firstname}@@acme.fr             | jeanne@@acme.fr
            {firstname}@acme.fr@rh.acme.fr   | jeanne@acme.fr@rh.acme.fr
            {firstname}@.fr                  | jeanne@.fr
            {firstname}@acme.                | jeanne@acme.
            """)
    void rejectsAPatternThatMakesNoAddressTheIntakeWouldTake(String pattern, String sample) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkEmailPattern.parse(pattern))
                .withMessageContainingAll("makes no e-mail address", "\"" + sample + "\"");
    }
}
