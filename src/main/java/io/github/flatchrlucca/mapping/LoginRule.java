package io.github.flatchrlucca.mapping;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** How a Lucca login is built from the new employee's names or e-mail, never longer than {@link #MAX_LENGTH}. */
public enum LoginRule {

    /** Lucca's own default rule: "Éloïse Müller" -> "emuller". */
    INITIAL_LASTNAME("initial-lastname") {
        @Override
        String written(String firstName, String lastName, String mail) {
            return AsciiName.initialOf(firstName) + AsciiName.of(lastName);
        }
    },

    FIRSTNAME_LASTNAME("firstname.lastname") {
        @Override
        String written(String firstName, String lastName, String mail) {
            return AsciiName.of(firstName) + "." + AsciiName.of(lastName);
        }
    },

    EMAIL("email") {
        @Override
        String written(String firstName, String lastName, String mail) {
            return mail == null ? "" : mail.strip().toLowerCase(Locale.ROOT);
        }
    };

    /**
     * Lucca documents no limit; 100 is the connector's documented cap, well inside the journal's column for
     * reserved logins. Names within intake's limits can still pass it once transliterated ("張" gives "zhang")
     * or joined, and an address may be 254 characters long.
     */
    public static final int MAX_LENGTH = 100;

    private final String text;

    LoginRule(String text) {
        this.text = text;
    }

    /**
     * The login this rule gives before any collision with an existing Lucca login is resolved: what the rule
     * writes, cut to {@link #MAX_LENGTH}.
     */
    public String base(String firstName, String lastName, String mail) {
        return cut(written(firstName, lastName, mail), MAX_LENGTH);
    }

    /** The login as the rule writes it, whatever its length. */
    abstract String written(String firstName, String lastName, String mail);

    /**
     * The login is the hire's e-mail address, and an address is one person's: someone Lucca has with it as their
     * login is who has that address, to be looked up, never given a numbered login beside them
     * ("jeanne@gmail.com2"), as names are.
     */
    public boolean isAnAddress() {
        return this == EMAIL;
    }

    /** Reads the rule as written in the configuration: "initial-lastname", "firstname.lastname" or "email". */
    public static LoginRule parse(String text) {
        String wanted = text == null ? "" : text.strip();
        return Arrays.stream(values())
                .filter(rule -> rule.text.equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown login rule \"" + wanted + "\"; accepted values: " + acceptedValues()));
    }

    /**
     * {@code base} when no taken login equals it, else the first free of base2, base3, ... as Lucca
     * itself numbers colliding logins. Lucca logins are compared without regard to case. None is longer
     * than {@link #MAX_LENGTH}: where base and number would pass it, the base gives up its last characters.
     */
    public static String firstFree(String base, Collection<String> taken) {
        Set<String> takenLowerCase = taken.stream()
                .filter(Objects::nonNull)
                .map(login -> login.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        String candidate = cut(base, MAX_LENGTH);
        for (int suffix = 2; takenLowerCase.contains(candidate.toLowerCase(Locale.ROOT)); suffix++) {
            String number = Integer.toString(suffix);
            candidate = cut(base, MAX_LENGTH - number.length()) + number;
        }
        return candidate;
    }

    /**
     * What every login {@link #firstFree} may give for {@code base} contains: the base itself, or, for a base at
     * the cap, the part a number of up to four digits leaves of it. Searching for logins containing it finds every
     * one that could collide.
     */
    public static String searchStem(String base) {
        return cut(base, MAX_LENGTH - 4);
    }

    /** The first {@code max} characters at most, without splitting a character outside the BMP in two. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }

    private static String acceptedValues() {
        return Arrays.stream(values()).map(rule -> rule.text).collect(Collectors.joining(", "));
    }
}
