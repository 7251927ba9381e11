package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.http.QueryParameter;
import io.github.flatchrlucca.journal.HireFilter;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.mapping.AsciiDigits;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.Message;

/** Reads the list filter from the query string; a wrong parameter is a 400 that names it. */
final class HireQuery {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private HireQuery() {
    }

    /**
     * @param tenant the tenant the view is narrowed to, as {@link TenantParameter} read it; null: all tenants
     * @param zoneOf the time zone in which a tenant's days are read (null: no tenant named), as the recruiter sees
     *               them: a bare day in {@code from} or {@code to} is that tenant's day, not UTC's
     */
    static HireFilter filter(Message request, String tenant, Function<String, ZoneId> zoneOf) {
        ZoneId zone = zoneOf.apply(tenant);
        Instant from = instant(request, "from", zone, false);
        Instant to = instant(request, "to", zone, true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw Problem.badRequest("to", "Expected a day or instant later than from (a day counts whole: from and "
                    + "to may name the same one).");
        }
        return new HireFilter(tenant, status(QueryParameter.of(request, "status")),
                needsDecision(QueryParameter.of(request, "needsDecision")), from, to,
                number(request, "page", 0, 0, Integer.MAX_VALUE), number(request, "size", DEFAULT_SIZE, 1, MAX_SIZE));
    }

    private static HireStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return HireStatus.ofLabel(value);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("status", "Unknown status; use one of " + Arrays.stream(HireStatus.values())
                    .map(HireStatus::label).collect(Collectors.joining(", ")) + ".");
        }
    }

    /** true: only the hires waiting for a person's decision; false: only the others; absent: either. */
    private static Boolean needsDecision(String value) {
        if (value == null) {
            return null;
        }
        if (!"true".equals(value) && !"false".equals(value)) {
            throw Problem.badRequest("needsDecision", "needsDecision is true or false.");
        }
        return Boolean.valueOf(value);
    }

    /**
     * An instant, or a bare day in {@code zone}: from its start, or, for {@code to} ({@code endOfDay}), to its end (the
     * next day's start, which {@code to} is before), so that from=2026-03-01&to=2026-03-01 is that whole day.
     */
    private static Instant instant(Message request, String name, ZoneId zone, boolean endOfDay) {
        String value = QueryParameter.of(request, name);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                if (day.getYear() < EARLIEST.atZone(ZoneOffset.UTC).getYear()
                        || day.getYear() > LATEST.atZone(ZoneOffset.UTC).getYear()) {
                    throw outOfRange(name);
                }
                // the journal's timestamps hold 1970 to 9999: a day at either end, in a zone off UTC, stays within
                Instant start = (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
                return start.isBefore(EARLIEST) ? EARLIEST : start.isAfter(LATEST) ? LATEST : start;
            }
            Instant instant = Instant.parse(value);
            // an instant may name a year beyond what the journal's timestamps hold (+1000000000)
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw outOfRange(name);
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(name, "Expected a date (2026-01-31) or an instant (2026-01-31T09:00:00Z).");
        }
    }

    private static Problem outOfRange(String name) {
        return Problem.badRequest(name, "Expected a day from 1970-01-01 to 9999-12-31.");
    }

    private static int number(Message request, String name, int fallback, int min, int max) {
        String value = QueryParameter.of(request, name);
        if (value == null) {
            return fallback;
        }
        try {
            // Java's parser also reads other scripts' digits (size=٥ as 5) and a '+'
            if (!AsciiDigits.only(value)) {
                throw new NumberFormatException();
            }
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw Problem.badRequest(name, "Expected a whole number from " + min + " to " + max + ".");
        }
    }
}
