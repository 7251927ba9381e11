package io.github.flatchrlucca.mapping;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** How a Lucca login is built from the new employee's names or e-mail. */
public enum LoginRule {

    /** Lucca's own default rule: "Éloïse Müller" -> "emuller". */
    INITIAL_LASTNAME("initial-lastname") {
        @Override
        public String base(String firstName, String lastName, String mail) {
            return AsciiName.initialOf(firstName) + AsciiName.of(lastName);
        }
    },

    FIRSTNAME_LASTNAME("firstname.lastname") {
        @Override
        public String base(String firstName, String lastName, String mail) {
            return AsciiName.of(firstName) + "." + AsciiName.of(lastName);
        }
    },

    EMAIL("email") {
        @Override
        public String base(String firstName, String lastName, String mail) {
            return mail == null ? "" : mail.strip().toLowerCase(Locale.ROOT);
        }
    };

    private final String text;

    LoginRule(String text) {
        this.text = text;
    }

    /** The login this rule gives before any collision with an existing Lucca login is resolved. */
    public abstract String base(String firstName, String lastName, String mail);

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
     * itself numbers colliding logins. Lucca logins are compared without regard to case.
     */
    public static String firstFree(String base, Collection<String> taken) {
        Set<String> takenLowerCase = taken.stream()
                .filter(Objects::nonNull)
                .map(login -> login.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        String candidate = base;
        for (int suffix = 2; takenLowerCase.contains(candidate.toLowerCase(Locale.ROOT)); suffix++) {
            candidate = base + suffix;
        }
        return candidate;
    }

    private static String acceptedValues() {
        return Arrays.stream(values()).map(rule -> rule.text).collect(Collectors.joining(", "));
    }
}
