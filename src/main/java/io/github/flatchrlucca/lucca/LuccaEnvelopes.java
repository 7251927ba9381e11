package io.github.flatchrlucca.lucca;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Lucca wraps answers differently per API generation: v3 in {data:{items}}, v4 in {items, next}. */
public final class LuccaEnvelopes {

    private LuccaEnvelopes() {
    }

    public static List<JsonNode> v3Items(JsonNode answer) {
        return list(answer.path("data").path("items"));
    }

    public static List<JsonNode> v4Items(JsonNode answer) {
        return list(answer.path("items"));
    }

    /** The id of the user a v3 create returned; without one the create cannot be trusted. */
    public static long createdUserId(JsonNode answer) {
        String id = answer.path("data").path("id").asText("");
        if (!id.matches("\\d{1,18}")) {
            throw new IllegalStateException("Lucca's answer to create-user holds no user id");
        }
        return Long.parseLong(id);
    }

    public static boolean hasNextPage(JsonNode answer) {
        JsonNode next = answer.path("next");
        return next.isTextual() && !next.asText().isBlank();
    }

    /**
     * A date of Lucca's as a day: v4's are plain days ("2027-01-04"), v3's date-times ("2025-01-01T00:00:00"), and
     * only the day matters here; null when there is none.
     */
    static LocalDate day(JsonNode value) {
        String text = value.isTextual() ? value.asText() : "";
        return text.length() >= 10 ? LocalDate.parse(text.substring(0, 10)) : null;
    }

    private static List<JsonNode> list(JsonNode items) {
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }
}
