package io.github.flatchrlucca.mapping;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reads a moment as Flatchr writes it: flatchr-webhooks.md (quirk 3) says Flatchr uses ISO-8601 in UTC with
 * milliseconds ({@code 2022-01-13T15:21:22.164Z}) and epoch seconds, and a search item's {@code updated_at} is a
 * "timestamp" of no stated unit. So epoch seconds or milliseconds (digits 0 to 9 alone), or ISO-8601 with its zone
 * ({@code Z} or an offset). A day alone ({@code 2026-12-01}), or a time without its zone, is no moment.
 */
public final class FlatchrInstants {

    /*
     * 10^11 epoch seconds is the year 5138, while 10^11 epoch milliseconds is 1973: every plausible
     * moment in seconds lies below it and every plausible one in milliseconds above it, so a
     * larger number can only mean milliseconds.
     */
    private static final long LARGEST_EPOCH_SECONDS = 100_000_000_000L;
    // at most 18 digits, so the text always fits in a long
    private static final int LONGEST_EPOCH = 18;

    private FlatchrInstants() {
    }

    /** The moment {@code text} (stripped) writes, or empty when it is none of Flatchr's shapes. */
    public static Optional<Instant> read(String text) {
        if (AsciiDigits.only(text)) {
            if (text.length() > LONGEST_EPOCH) {
                return Optional.empty();
            }
            long epoch = Long.parseLong(text);
            return Optional.of(epoch > LARGEST_EPOCH_SECONDS ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch));
        }
        try {
            // ISO_INSTANT takes an offset as well as Z, and gives the instant in UTC
            return Optional.of(DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from));
        } catch (DateTimeException unreadable) {
            return Optional.empty();
        }
    }
}
