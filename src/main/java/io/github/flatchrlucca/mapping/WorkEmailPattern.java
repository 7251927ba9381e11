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

    /** Checks the pattern once, at configuration time, so a typo fails at start-up rather than on a hire. */
    public static WorkEmailPattern parse(String pattern) {
        String trimmed = pattern == null ? "" : pattern.strip();
        if (!trimmed.contains("@")) {
            throw new IllegalArgumentException("work e-mail pattern \"" + trimmed + "\" has no @");
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
        return new WorkEmailPattern(trimmed);
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
