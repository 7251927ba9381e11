package io.github.flatchrlucca.tenants;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One mapping of the tenants file and where it sits in it, so that every value read is checked for its type and
 * a problem names the key to fix: {@code tenants[1] (acme): lucca.apiKey: ...}. A key set to nothing (null, or
 * blank text) counts as absent. A wrong value is reported and read as absent, so that reading goes on and every
 * problem of the file is found at once; whoever reads a mapping uses nothing of it when a problem was reported.
 * The environment's settings of the default tenant are put in the same shape ({@link DefaultTenant}), so that one
 * reader checks both.
 */
final class YamlMapping {

    private final SettingProblems problems;
    private final UnaryOperator<String> secrets;
    private final String where;
    private final String name;
    private final Map<String, Object> entries = new LinkedHashMap<>();

    /**
     * @param secrets the secret a written value stands for: the file writes references ({@link SecretReference}),
     *                the environment the secrets themselves; an IllegalArgumentException refuses the value
     * @param where   the tenant, e.g. "tenants[1] (acme)"; empty at the top of the file and for the default tenant
     * @param name    the keys leading here within it, e.g. "lucca.rateLimit"; empty for the tenant's own keys
     */
    YamlMapping(SettingProblems problems, UnaryOperator<String> secrets, String where, String name, Map<?, ?> loaded) {
        this.problems = problems;
        this.secrets = secrets;
        this.where = where;
        this.name = name;
        loaded.forEach((key, value) -> {
            // YAML reads "1: 21" with a number key and "'1': 21" with a text key: both are the key "1"
            Optional<String> text = scalarText(key).filter(written -> !written.isEmpty());
            if (text.isEmpty()) {
                reportHere("a key is empty or not text");
            } else if (entries.putIfAbsent(text.get(), value) != null) {
                report(text.get(), "the key is written twice");
            }
        });
    }

    /** The tenant, e.g. "tenants[1] (acme)". */
    String where() {
        return where;
    }

    /** Typo protection: a misspelt optional key would otherwise be silently ignored. */
    void allowOnly(List<String> keys) {
        entries.keySet().stream().filter(key -> !keys.contains(key)).forEach(unknown ->
                reportHere("unknown key '" + unknown + "'; known keys: " + String.join(", ", keys)));
    }

    List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /** Whether the key has a value, right or wrong. */
    boolean has(String key) {
        return value(key).map(value -> scalarText(value).map(text -> !text.isEmpty()).orElse(true)).orElse(false);
    }

    Optional<String> text(String key) {
        return value(key).flatMap(value -> scalar(key, value, "must be text")).filter(text -> !text.isEmpty());
    }

    /** The text; reported when the key is absent. */
    Optional<String> requiredText(String key) {
        if (!has(key)) {
            report(key, "is required");
        }
        return text(key);
    }

    /** The secret the key's value stands for; a refusal never quotes the value. */
    Optional<String> secret(String key) {
        return text(key).flatMap(written -> check(key, () -> secrets.apply(written)));
    }

    /** The secret; reported when the key is absent. */
    Optional<String> requiredSecret(String key) {
        if (!has(key)) {
            report(key, "is required");
        }
        return secret(key);
    }

    /**
     * A table of names to Lucca ids: pairs in the file, text in the environment ("Service IT=12;Marketing=13"),
     * each read by the table's own rules. A wrong pair is reported and left out, so that the others are checked.
     */
    <T> Optional<T> table(String key, Function<String, T> fromText, Function<Map<String, Integer>, T> fromPairs) {
        Optional<Object> value = value(key);
        if (value.isPresent() && value.get() instanceof String text) {
            return check(key, () -> fromText.apply(text));
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        mapping(key).ifPresent(table -> table.keys().forEach(entry -> {
            if (!table.has(entry)) {
                table.report(entry, "needs a Lucca id");
            }
            table.positiveInt(entry).ifPresent(id -> ids.put(entry, id));
        }));
        return check(key, () -> fromPairs.apply(ids));
    }

    /** How the operator writes the key: "lucca.apiKey" in the file, LUCCA_API_KEY in the environment. */
    String nameOf(String key) {
        return problems.nameOf(path(key));
    }

    /** Whole numbers, or text of digits, from 1 to 2147483647: every id and count the file holds. */
    Optional<Integer> positiveInt(String key) {
        return value(key).flatMap(value -> scalar(key, value, "must be a whole number"))
                .filter(text -> !text.isEmpty())
                .flatMap(text -> positive(key, text));
    }

    /** A whole number, bare or quoted, from {@code min} to {@code max}: a count or duration with bounds. */
    Optional<Integer> intBetween(String key, int min, int max) {
        return value(key).flatMap(value -> scalar(key, value, "must be a whole number"))
                .filter(text -> !text.isEmpty())
                .flatMap(text -> {
                    try {
                        int number = Integer.parseInt(text);
                        if (number >= min && number <= max) {
                            return Optional.of(number);
                        }
                    } catch (NumberFormatException notAnInt) {
                        // reported below, as numbers out of bounds are
                    }
                    report(key, "'" + text + "' is not a whole number from " + min + " to " + max);
                    return Optional.empty();
                });
    }

    /** Each item text or a whole number, stripped and not blank; absent when the key is, or an item is wrong. */
    Optional<List<String>> texts(String key) {
        return value(key).flatMap(value -> {
            if (!(value instanceof List<?> items)) {
                report(key, "must be a list such as [a, b], not " + kindOf(value));
                return Optional.empty();
            }
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String itemKey = key + "[" + i + "]";
                Optional<String> text = scalar(itemKey, items.get(i), "must be text or a whole number");
                if (text.filter(String::isEmpty).isPresent()) {
                    report(itemKey, "is empty");
                } else {
                    text.ifPresent(texts::add);
                }
            }
            return texts.size() == items.size() ? Optional.of(texts) : Optional.empty();
        });
    }

    Optional<YamlMapping> mapping(String key) {
        return value(key).flatMap(value -> {
            if (!(value instanceof Map<?, ?> map)) {
                report(key, "must be a mapping of keys to values, not " + kindOf(value));
                return Optional.empty();
            }
            return Optional.of(new YamlMapping(problems, secrets, where, path(key), map));
        });
    }

    /** Reads a value with a library parser and reports its refusal, which quotes the value, against the key. */
    <T> Optional<T> parse(String key, String value, String expected, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(value));
        } catch (IllegalArgumentException | DateTimeException e) {
            String reason = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
            report(key, "'" + value + "' is not " + expected + reason);
            return Optional.empty();
        }
    }

    /**
     * Reports a refusal against the key with the refusing code's own message alone: for secrets, whose
     * messages never quote the value, and for checks whose messages already name what is wrong.
     */
    <T> Optional<T> check(String key, Supplier<T> reading) {
        try {
            return Optional.of(reading.get());
        } catch (IllegalArgumentException e) {
            report(key, e.getMessage());
            return Optional.empty();
        }
    }

    void report(String key, String problem) {
        problems.report(where, path(key), problem);
    }

    /** A problem with this mapping as a whole, such as a key it does not know. */
    void reportHere(String problem) {
        problems.report(where, name, problem);
    }

    private Optional<String> scalar(String key, Object value, String expected) {
        Optional<String> text = scalarText(value);
        if (text.isEmpty()) {
            report(key, expected + ", not " + kindOf(value));
        }
        return text;
    }

    private Optional<Integer> positive(String key, String text) {
        try {
            int number = Integer.parseInt(text);
            if (number > 0) {
                return Optional.of(number);
            }
        } catch (NumberFormatException notAnInt) {
            // reported below, as zero and negative numbers are
        }
        report(key, "'" + text + "' is not a whole number greater than zero");
        return Optional.empty();
    }

    private Optional<Object> value(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    private String path(String key) {
        return name.isEmpty() ? key : name + "." + key;
    }

    /** Text stripped, or a whole number written out; nothing for lists, mappings, booleans and decimals. */
    static Optional<String> scalarText(Object value) {
        if (value instanceof String text) {
            return Optional.of(text.strip());
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return Optional.of(value.toString());
        }
        return Optional.empty();
    }

    // describes without quoting: the value may be a secret pasted where a reference belongs
    private static String kindOf(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Boolean) {
            return "true or false (quote it to make it text)";
        }
        if (value instanceof String) {
            return "text";
        }
        if (scalarText(value).isPresent()) {
            return "a whole number";
        }
        if (value instanceof Number) {
            return "a decimal number";
        }
        return "a value of type " + value.getClass().getSimpleName();
    }
}
