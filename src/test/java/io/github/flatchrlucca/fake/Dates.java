package io.github.flatchrlucca.fake;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Lucca's two date shapes: v3 users carry midnight date-times without offset, v4 contracts plain dates.
 * The fake is strict on purpose: an offset or a time of day would be silently shifted by the real Lucca,
 * so a connector sending one should fail its tests here.
 */
final class Dates {

    private static final Pattern MIDNIGHT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T00:00:00");
    private static final String TIME = "T00:00:00";

    private Dates() {
    }

    static String dateTime(LocalDate date) {
        return date + TIME;
    }

    /** The date part of a v3 date-time, checking its shape. */
    static LocalDate fromDateTime(String value, String field) {
        if (!MIDNIGHT.matcher(value).matches()) {
            throw LuccaError.badRequest(field + " must look like 2025-01-06T00:00:00, got " + value);
        }
        return date(value.substring(0, value.length() - TIME.length()), field);
    }

    static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw LuccaError.badRequest(field + " must be a date like 2025-01-06, got " + value);
        }
    }
}
