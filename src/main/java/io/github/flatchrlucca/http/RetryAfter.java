package io.github.flatchrlucca.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an answer's Retry-After header (RFC 9110, 10.2.3), for any API that asks to be left alone for a while: its
 * seconds, or its HTTP-date (IMF-fixdate, "Wed, 02 Dec 2026 09:02:30 GMT") less the time now. How long a caller is
 * willing to wait, and what it does without a readable header, are the caller's own.
 */
public final class RetryAfter {

    // a wait of no time would be a retry at once, which is what the answer asked not to be
    private static final Duration SHORTEST = Duration.ofSeconds(1);
    // a sign is read too, as the connector always did: "-5" asks for no wait, so it is the shortest
    private static final Pattern SECONDS = Pattern.compile("[+-]?[0-9]+");

    private RetryAfter() {
    }

    /**
     * The wait the header asks for, at least a second and at most {@code longest}; empty when the header is missing
     * or unreadable.
     */
    public static Optional<Duration> of(String header, Instant now, Duration longest) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        Duration wait;
        if (SECONDS.matcher(value).matches()) {
            wait = seconds(value, longest);
        } else {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant());
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
        if (wait.compareTo(longest) > 0) {
            return Optional.of(longest);
        }
        return Optional.of(wait.compareTo(SHORTEST) < 0 ? SHORTEST : wait);
    }

    /** Seconds past a long are a wait longer than any, as RFC 9111 reads too great a delta-seconds. */
    private static Duration seconds(String digits, Duration longest) {
        try {
            return Duration.ofSeconds(Long.parseLong(digits));
        } catch (NumberFormatException pastALong) {
            return digits.startsWith("-") ? Duration.ZERO : longest;
        }
    }
}
