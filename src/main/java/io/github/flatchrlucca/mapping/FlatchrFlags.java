package io.github.flatchrlucca.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a flag as Flatchr writes it: the references document booleans (a column's and a search item's
 * {@code hired}, a tag's {@code creatable} and {@code multiple}), yet Flatchr gives ids, dates and flags as numbers
 * or text alike and asks for a lenient client. So true, 1, "true" or "1" is set, false, 0, "false" or "0" is not
 * (the text stripped, in any case), and anything else (missing, null, "yes", 2) is no answer, each caller saying
 * what that means for it. Not Jackson's asBoolean, which takes the text "1" for false: a candidate still in hired
 * for one moved out of it.
 */
public final class FlatchrFlags {

    private FlatchrFlags() {
    }

    /** The flag {@code value} says, or empty when it is none of Flatchr's shapes of one. */
    public static Optional<Boolean> read(JsonNode value) {
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            return Optional.empty();
        }
        return switch (value.asText().strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Optional.of(true);
            case "false", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
