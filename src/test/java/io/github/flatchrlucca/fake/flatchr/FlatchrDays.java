package io.github.flatchrlucca.fake.flatchr;

import io.github.flatchrlucca.fake.ApiError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Flatchr's three date shapes: {@code MM/DD/YY} days in search requests, {@code DD/MM/YY} days in search items,
 * ISO-8601 UTC with milliseconds in objects. No time zone is documented for the days; Flatchr is French, so the
 * fake reads and writes them as Europe/Paris calendar days.
 */
final class FlatchrDays {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Exactly two digits each: {@code 1/5/26} or {@code 2026-01-05} is a 400, not a guess. */
    private static final Pattern REQUEST_DAY = Pattern.compile("\\d{2}/\\d{2}/\\d{2}");
    private static final DateTimeFormatter MONTH_DAY_YEAR =
            DateTimeFormatter.ofPattern("MM/dd/uu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yy");
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private FlatchrDays() {
    }

    /** The first instant of a request's {@code MM/DD/YY} day in Paris; a malformed or impossible day is a 400. */
    static Instant startOfRequestDay(String text, String field) {
        if (!REQUEST_DAY.matcher(text).matches()) {
            throw ApiError.badRequest(field + " must be a day like 11/09/26 (MM/DD/YY), got " + text);
        }
        try {
            return LocalDate.parse(text, MONTH_DAY_YEAR).atStartOfDay(PARIS).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(field + " is not a day (MM/DD/YY): " + text);
        }
    }

    /** A search item's {@code created_at}: the Paris day, {@code DD/MM/YY}. */
    static String itemDay(Instant at) {
        return DAY_MONTH_YEAR.format(at.atZone(PARIS));
    }

    /** An object's timestamp, as in webhooks: {@code 2022-01-13T15:21:22.164Z}. */
    static String iso(Instant at) {
        return ISO_MILLIS.format(at);
    }
}
