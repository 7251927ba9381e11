package io.github.flatchrlucca.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The company's work e-mail address scheme, e.g. "{firstname}.{lastname}@acme.fr". */
public final class WorkEmailPattern {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    // whose address the pattern is tried on at start: what it gives any employee is of that shape
    private static final String SAMPLE_FIRST_NAME = "Jeanne";
    private static final String SAMPLE_LAST_NAME = "Dupont";

    private enum Placeholder {
        FIRSTNAME {
            @Override
            String value(String firstName, String lastName) {
                return AsciiName.of(firstName);
            }
        },
        LASTNAME {
            @Override
            String value(String firstName, String lastName) {
                return AsciiName.of(lastName);
            }
        },
        INITIAL {
            @Override
            String value(String firstName, String lastName) {
                return AsciiName.initialOf(firstName);
            }
        };

        abstract String value(String firstName, String lastName);

        String written() {
            return "{" + name().toLowerCase(Locale.ROOT) + "}";
        }

        static Optional<Placeholder> named(String written) {
            return Arrays.stream(values()).filter(placeholder -> placeholder.written().equals(written)).findFirst();
        }
    }

    private final String pattern;

    private WorkEmailPattern(String pattern) {
        this.pattern = pattern;
    }

    /**
     * Checks the pattern once, at configuration time, so a typo fails at start-up rather than on every hire, or as
     * addresses Lucca stores that reach nobody: the pattern must make an address the intake would take for a
     * candidate's ({@link EmailAddress}), its names only before the "@".
     */
    public static WorkEmailPattern parse(String pattern) {
        String trimmed = pattern == null ? "" : pattern.strip();
        int at = trimmed.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("work e-mail pattern \"" + trimmed + "\" has no @");
        }
        if (trimmed.codePoints().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("work e-mail pattern \"" + trimmed
                    + "\" has a space in it, which no address has");
        }
        List<String> placeholders = PLACEHOLDER.matcher(trimmed).results().map(MatchResult::group).toList();
        if (placeholders.isEmpty()) {
            throw new IllegalArgumentException("work e-mail pattern \"" + trimmed
                    + "\" has no placeholder, so every employee would get the same address; use " + knownPlaceholders());
        }
        placeholders.stream().filter(written -> Placeholder.named(written).isEmpty()).findFirst().ifPresent(unknown -> {
            throw new IllegalArgumentException(
                    "work e-mail pattern has unknown placeholder " + unknown + "; known placeholders: " + knownPlaceholders());
        });
        if (PLACEHOLDER.matcher(trimmed.substring(at)).find()) {
            // a name in the domain would send each employee's mail to a domain of its own
            throw new IllegalArgumentException("work e-mail pattern \"" + trimmed
                    + "\" has a placeholder after the @; the domain is written out, as in {firstname}@acme.fr");
        }
        WorkEmailPattern parsed = new WorkEmailPattern(trimmed);
        String sample = parsed.apply(SAMPLE_FIRST_NAME, SAMPLE_LAST_NAME);
        if (!EmailAddress.isPlausible(sample)) {
            throw new IllegalArgumentException("work e-mail pattern \"" + trimmed + "\" makes no e-mail address: for "
                    + SAMPLE_FIRST_NAME + " " + SAMPLE_LAST_NAME + " it gives \"" + sample
                    + "\" (one @, then a domain with a dot, as in {firstname}.{lastname}@acme.fr)");
        }
        return parsed;
    }

    /** The address with each placeholder replaced by the ASCII form of the name part it stands for. */
    public String apply(String firstName, String lastName) {
        // the values are ASCII letters and digits only, so they need no quoting as regex replacements
        return PLACEHOLDER.matcher(pattern).replaceAll(placeholder ->
                Placeholder.named(placeholder.group()).orElseThrow().value(firstName, lastName));
    }

    private static String knownPlaceholders() {
        return Arrays.stream(Placeholder.values()).map(Placeholder::written).collect(Collectors.joining(", "));
    }
}
