package io.github.flatchrlucca.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The decoded parameters of a query string. Names and values are URL-decoded, so {@code ownerId%5B%5D}
 * and {@code ownerId[]} are the same name; names ignore case, as on Lucca's ASP.NET servers.
 */
public final class Query {

    private final Map<String, List<String>> params = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public static Query parse(String rawQuery) {
        Query query = new Query();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.params.computeIfAbsent(decode(name), n -> new ArrayList<>()).add(decode(value));
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("malformed query string near " + text);
        }
    }

    public Optional<String> first(String name) {
        return all(name).stream().findFirst();
    }

    List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }

    boolean isTrue(String name) {
        return first(name).map("true"::equalsIgnoreCase).orElse(false);
    }

    int integer(String name, int absent) {
        return first(name).map(value -> parseInt(name, value)).orElse(absent);
    }

    static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be an integer, got " + value);
        }
    }
}
