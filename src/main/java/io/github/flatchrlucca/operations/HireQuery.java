package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.http.QueryParameter;
import io.github.flatchrlucca.journal.HireFilter;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.tenants.TenantSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
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

    static HireFilter filter(Message request, String scope) {
        Instant from = instant(request, "from");
        Instant to = instant(request, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw Problem.badRequest("to", "Expected a day or instant later than from.");
        }
        return new HireFilter(tenant(request, scope), status(QueryParameter.of(request, "status")),
                needsDecision(QueryParameter.of(request, "needsDecision")), from, to,
                number(request, "page", 0, 0, Integer.MAX_VALUE), number(request, "size", DEFAULT_SIZE, 1, MAX_SIZE));
    }

    /** The tenant the view is narrowed to: the caller's only one, else the one asked for; none: all tenants. */
    static String tenant(Message request, String scope) {
        if (scope != null) {
            return scope;
        }
        String value = QueryParameter.of(request, "tenant");
        if (value != null && !TenantSettings.ID.matcher(value).matches()) {
            throw Problem.badRequest("tenant", "Not a tenant id: lower-case letters, digits and '-'.");
        }
        return value;
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

    /** An instant, or a plain date meaning its start in UTC. */
    private static Instant instant(Message request, String name) {
        String value = QueryParameter.of(request, name);
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(name, "Expected a date (2026-01-31) or an instant (2026-01-31T09:00:00Z).");
        }
        // an instant may name a year beyond what the journal's timestamps hold (+1000000000)
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw Problem.badRequest(name, "Expected a day from 1970-01-01 to 9999-12-31.");
        }
        return instant;
    }

    private static int number(Message request, String name, int fallback, int min, int max) {
        String value = QueryParameter.of(request, name);
        if (value == null) {
            return fallback;
        }
        try {
            // ASCII digits only: Java's parser also reads other scripts' digits (size=٥ as 5)
            if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
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
