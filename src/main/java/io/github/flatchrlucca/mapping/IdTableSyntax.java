package io.github.flatchrlucca.mapping;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The written form of a configured table that maps keys to Lucca ids, such as "1:21,2:22": items
 * split by a separator, each item matched whole by a pattern whose group 1 is the key and group 2 the id.
 * The same table may come as pairs instead (a YAML mapping), checked against the same rule on repeated keys.
 */
record IdTableSyntax(String tableName, String itemSeparator, Pattern item, String expectedItem) {

    /** Keys come back as {@code keyOf} makes them; an item that is malformed or repeats a key is rejected by name. */
    Map<String, Integer> parse(String text, UnaryOperator<String> keyOf) {
        Map<String, Integer> ids = new HashMap<>();
        if (text == null) {
            return ids;
        }
        for (String written : text.split(Pattern.quote(itemSeparator))) {
            String trimmed = written.strip();
            // tolerate the empty items a trailing or doubled separator leaves
            if (!trimmed.isEmpty()) {
                addItem(ids, trimmed, keyOf);
            }
        }
        return ids;
    }

    /**
     * The table given as pairs rather than text. Keys are stripped, then made by {@code keyOf}; a blank key,
     * an id that is not positive, or two keys that {@code keyOf} makes the same are rejected by name.
     */
    Map<String, Integer> fromPairs(Map<String, Integer> pairs, UnaryOperator<String> keyOf) {
        Map<String, Integer> ids = new HashMap<>();
        Map<String, String> writtenByKey = new HashMap<>();
        pairs.forEach((written, id) -> {
            String trimmed = written == null ? "" : written.strip();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException(tableName + ": a key is blank");
            }
            if (id == null || id <= 0) {
                throw new IllegalArgumentException(
                        tableName + ": key \"" + written + "\" has id " + id + "; ids are greater than zero");
            }
            String key = keyOf.apply(trimmed);
            String earlier = writtenByKey.putIfAbsent(key, written);
            if (earlier != null) {
                throw new IllegalArgumentException(tableName + ": key \"" + written + "\" repeats key \"" + earlier
                        + "\" already in the table");
            }
            ids.put(key, id);
        });
        return ids;
    }

    private void addItem(Map<String, Integer> ids, String written, UnaryOperator<String> keyOf) {
        Matcher parts = item.matcher(written);
        if (!parts.matches()) {
            throw new IllegalArgumentException(
                    tableName + ": item \"" + written + "\" is not of the form " + expectedItem);
        }
        if (ids.putIfAbsent(keyOf.apply(parts.group(1)), Integer.valueOf(parts.group(2))) != null) {
            throw new IllegalArgumentException(
                    tableName + ": item \"" + written + "\" repeats a key already in the table");
        }
    }
}
