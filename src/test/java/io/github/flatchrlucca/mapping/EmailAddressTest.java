package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"eloise@gmail.com", "e.muller+rh@rh.acme.fr", "o'connor@acme.fr", "éloïse@exemple.fr",
        "a@b.c", "eloise@gmail..com", "\"quoted\"@acme.fr"})
    void whatCouldBeAnAddressIsLeftToLucca(String address) {
        assertThat(EmailAddress.isPlausible(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "eloise", "@gmail.com", "eloise@", "eloise@gmail", "eloise@.com", "eloise@gmail.",
        "eloise@.", "a@b@c.fr", "eloise@@gmail.com", "eloise.gmail.com"})
    void withoutOneAtAndADottedDomainItIsNoAddress(String text) {
        assertThat(EmailAddress.isPlausible(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eloise @gmail.com", "eloise@gmail.com\t", "eloise\n@gmail.com", "eloise\u00A0@gmail.com",
        "eloise\u0000@gmail.com", "eloise\u001B@gmail.com", "eloise\u200B@gmail.com", "eloise@gmail.com\u202E",
        "elo\u00ADise@gmail.com", "eloise\uDB40\uDC01@gmail.com", "eloise\uD83D@gmail.com", "eloise@gmail.com\uDE00"})
    void whitespaceOrAnInvisibleCharacterMakesNoAddress(String text) {
        assertThat(EmailAddress.isPlausible(text)).isFalse();
    }

    @Test
    void anAddressOfExactlyTheLimitIsPlausible() {
        assertThat(EmailAddress.isPlausible("a".repeat(EmailAddress.MAX_LENGTH - 10) + "@gmail.com")).isTrue();
    }

    @Test
    void aTextOverTheLimitIsNoAddressHoweverWellFormed() {
        assertThat(EmailAddress.isPlausible("a".repeat(EmailAddress.MAX_LENGTH - 9) + "@gmail.com")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {100, EmailAddress.MAX_LENGTH, 200_000})
    void aTextOfAtSignsIsNoAddress(int length) {
        assertThat(EmailAddress.isPlausible("@".repeat(length))).isFalse();
    }

    @Test
    void anAddressWhoseAtSignsAreAllRepeatedIsNoAddress() {
        assertThat(EmailAddress.isPlausible("a@".repeat(100) + "acme.fr")).isFalse();
    }
}
