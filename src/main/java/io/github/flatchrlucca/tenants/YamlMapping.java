package io.github.flatchrlucca.tenants;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One mapping of the tenants file and where it sits in it, so that every value read is checked for its type and
 * a refusal names the key to fix: {@code tenants[1] (acme): lucca.apiKey: ...}. A key set to nothing (null, or
 * blank text) counts as absent.
 */
final class YamlMapping {

    private final Path file;
    private final String where;
    private final String name;
    private final Map<String, Object> entries = new LinkedHashMap<>();

    /**
     * @param where the tenant, e.g. "tenants[1] (acme)"; empty at the top of the file
     * @param name  the keys leading here within it, e.g. "lucca.rateLimit"; empty for the tenant's own keys
     */
    YamlMapping(Path file, String where, String name, Map<?, ?> loaded) {
        this.file = file;
        this.where = where;
        this.name = name;
        loaded.forEach((key, value) -> {
            // YAML reads "1: 21" with a number key and "'1': 21" with a text key: both are the key "1"
            String text = scalarText(key).filter(written -> !written.isEmpty())
                    .orElseThrow(() -> invalidHere("a key is empty or not text"));
            if (entries.putIfAbsent(text, value) != null) {
                throw invalid(text, "the key is written twice");
            }
        });
    }

    /** Typo protection: a misspelt optional key would otherwise be silently ignored. */
    void allowOnly(List<String> keys) {
        entries.keySet().stream().filter(key -> !keys.contains(key)).findFirst().ifPresent(unknown -> {
            throw invalidHere("unknown key '" + unknown + "'; known keys: " + String.join(", ", keys));
        });
    }

    List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    Optional<String> text(String key) {
        return value(key).map(value -> scalarText(value)
                        .orElseThrow(() -> invalid(key, "must be text, not " + kindOf(value))))
                .filter(text -> !text.isEmpty());
    }

    String requiredText(String key) {
        return text(key).orElseThrow(() -> invalid(key, "is required"));
    }

    /** Whole numbers, or text of digits, from 1 to 2147483647: every id and count the file holds. */
    Optional<Integer> positiveInt(String key) {
        return value(key).map(value -> scalarText(value)
                        .orElseThrow(() -> invalid(key, "must be a whole number, not " + kindOf(value))))
                .filter(text -> !text.isEmpty())
                .map(text -> positive(key, text));
    }

    /** Each item text or a whole number, stripped and not blank; absent when the key is. */
    Optional<List<String>> texts(String key) {
        return value(key).map(value -> {
            if (!(value instanceof List<?> items)) {
                throw invalid(key, "must be a list such as [a, b], not " + kindOf(value));
            }
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                String itemKey = key + "[" + i + "]";
                String text = scalarText(item)
                        .orElseThrow(() -> invalid(itemKey, "must be text or a whole number, not " + kindOf(item)));
                if (text.isEmpty()) {
                    throw invalid(itemKey, "is empty");
                }
                texts.add(text);
            }
            return texts;
        });
    }

    Optional<YamlMapping> mapping(String key) {
        return value(key).map(value -> {
            if (!(value instanceof Map<?, ?> map)) {
                throw invalid(key, "must be a mapping of keys to values, not " + kindOf(value));
            }
            return new YamlMapping(file, where, path(key), map);
        });
    }

    /** Reads a value with a library parser and reports its refusal, which quotes the value, against the key. */
    <T> T parse(String key, String value, String expected, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeException e) {
            String reason = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
            throw invalid(key, "'" + value + "' is not " + expected + reason);
        }
    }

    /**
     * Reports a refusal against the key with the refusing code's own message alone: for secrets, whose
     * messages never quote the value, and for checks whose messages already name what is wrong.
     */
    <T> T check(String key, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (InvalidTenantsFile alreadyPlaced) {
            // a value read inside, such as a table's id, has already said where it is
            throw alreadyPlaced;
        } catch (IllegalArgumentException e) {
            throw invalid(key, e.getMessage());
        }
    }

    InvalidTenantsFile invalid(String key, String problem) {
        return new InvalidTenantsFile(file, location(path(key)), problem);
    }

    /** A problem with this mapping as a whole, such as a key it does not know. */
    InvalidTenantsFile invalidHere(String problem) {
        return new InvalidTenantsFile(file, location(name), problem);
    }

    private int positive(String key, String text) {
        try {
            int number = Integer.parseInt(text);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException notAnInt) {
            // reported below, as zero and negative numbers are
        }
        throw invalid(key, "'" + text + "' is not a whole number greater than zero");
    }

    private Optional<Object> value(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    private String path(String key) {
        return name.isEmpty() ? key : name + "." + key;
    }

    private String location(String keys) {
        return where.isEmpty() || keys.isEmpty() ? where + keys : where + ": " + keys;
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
