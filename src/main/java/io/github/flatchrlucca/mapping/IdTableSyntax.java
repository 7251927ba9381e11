package io.github.flatchrlucca.mapping;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The written form of a configured table that maps keys to Lucca ids, such as "1:21,2:22": items
 * split by a separator, each item matched whole by a pattern whose group 1 is the key and group 2 the id.
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
