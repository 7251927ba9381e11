package io.github.flatchrlucca.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalQuery;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the contract start day from Flatchr's {@code vacancy.start_date}, which arrives as an ISO-8601
 * UTC date-time, epoch seconds or milliseconds (number or text; moments as {@link FlatchrInstants} reads them),
 * "YYYY-MM-DD", "YYYYMMDD", "DD/MM/YYYY" or "DD/MM/YY", or a day with a midnight and no zone ("YYYY-MM-DD 00:00:00",
 * as a database writes a date, or as Lucca's v3 dates are), or a midnight with its offset (that day as written). A day
 * outside the years 2000 to 2099 is no contract's: it is taken as unreadable (then estimated, and said), not sent.
 * An instant is the day it falls on in {@link FlatchrDays#ZONE}, whatever the tenant's time zone: the recruiter picked
 * a day, which Flatchr stores as some instant of it. Read in the tenant's zone instead, a day stored as its midnight UTC
 * ("2027-01-04T00:00:00.000Z") would be the day before in any zone west of Greenwich (America/Martinique: 2027-01-03),
 * and the contract would start a day early; a day stored as its Paris midnight (23:00 UTC the day before) is its own day
 * only in Paris time.
 */
public final class StartDateReader {

    // eight digits are a day written without separators (as epoch seconds they would be 1970)
    private static final Pattern BASIC_DAY = Pattern.compile("\\d{8}");
    private static final DateTimeFormatter BASIC_DAY_FORMAT = strict("uuuuMMdd");
    /*
     * A day and a midnight without zone: midnight in Paris or in UTC (01:00 or 02:00 in Paris), it is that day in Paris
     * either way. Read as unreadable, a fixed-term job's end written so left its contract open-ended, and a start the
     * day the hire came. Another time without its zone names no day for sure (23:00 UTC is the next day in Paris).
     */
    private static final Pattern DAY_AT_MIDNIGHT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ]00:00(:00(\\.0{1,9})?)?");
    // MySQL's "zero" date, alone or as a date-time: how its columns without a date are written; and 0 as PHP's PDO
    // gives a number column, as text
    private static final Pattern ZERO_DATE = Pattern.compile("0|0000-00-00( 00:00:00)?");
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2099;

    private static final List<DateTimeFormatter> DAY_FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            strict("d/M/uuuu"),
            strict("d/M/uu")); // two-digit years are read as 20YY

    private StartDateReader() {
    }

    /**
     * True when there is no start date at all, as opposed to one that cannot be read: missing, null or blank, or "no
     * date" as PHP and MySQL write it (false, 0 or "0", "0000-00-00", "0000-00-00 00:00:00"). Taken for unreadable, those gave
     * every permanent job an "end date unreadable" warning, and a vacancy without a start day "unreadable" rather than
     * "estimated".
     */
    public static boolean isAbsent(JsonNode startDate) {
        return startDate == null || startDate.isMissingNode() || startDate.isNull()
                || (startDate.isBoolean() && !startDate.booleanValue())
                || (startDate.isIntegralNumber() && startDate.canConvertToLong() && startDate.longValue() == 0)
                || (startDate.isTextual() && (startDate.asText().isBlank()
                        || ZERO_DATE.matcher(startDate.asText().strip()).matches()));
    }

    /** The start day, or empty when it is absent or unreadable; {@link #isAbsent} tells the two apart. */
    public static Optional<LocalDate> read(JsonNode startDate) {
        if (isAbsent(startDate)) {
            return Optional.empty();
        }
        Optional<LocalDate> day;
        if (startDate.isIntegralNumber() && startDate.canConvertToLong()) {
            day = readText(Long.toString(startDate.longValue()));
        } else {
            day = startDate.isTextual() ? readText(startDate.asText().strip()) : Optional.empty();
        }
        return day.filter(read -> read.getYear() >= FIRST_YEAR && read.getYear() <= LAST_YEAR);
    }

    private static Optional<LocalDate> readText(String text) {
        if (BASIC_DAY.matcher(text).matches()) {
            Optional<LocalDate> day = parse(text, BASIC_DAY_FORMAT, LocalDate::from);
            if (day.isPresent()) {
                return day;
            }
        }
        Matcher midnight = DAY_AT_MIDNIGHT.matcher(text);
        if (midnight.matches()) {
            return parse(midnight.group(1), DateTimeFormatter.ISO_LOCAL_DATE, LocalDate::from);
        }
        /*
         * A midnight written with its offset names its day as written: "2027-01-04T00:00:00+02:00" is 22:00 UTC on
         * 3 January, the 3rd in Paris, though whoever wrote it meant the 4th. West of Paris or in UTC it is that day
         * either way. Another time with its offset is the instant it writes, as Flatchr stores a day.
         */
        Optional<LocalDate> writtenMidnight = parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME, OffsetDateTime::from)
                .filter(time -> time.toLocalTime().equals(LocalTime.MIDNIGHT))
                .map(OffsetDateTime::toLocalDate);
        if (writtenMidnight.isPresent()) {
            return writtenMidnight;
        }
        return FlatchrInstants.read(text)
                .flatMap(StartDateReader::dayOf)
                .or(() -> parseDay(text));
    }

    /** Empty for an instant past the last day a date can hold (an ISO instant reaches the year 1,000,000,000). */
    private static Optional<LocalDate> dayOf(Instant instant) {
        try {
            return Optional.of(LocalDate.ofInstant(instant, FlatchrDays.ZONE));
        } catch (DateTimeException beyondTheCalendar) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> parseDay(String text) {
        return DAY_FORMATS.stream()
                .flatMap(format -> parse(text, format, LocalDate::from).stream())
                .findFirst();
    }

    private static <T> Optional<T> parse(String text, DateTimeFormatter format, TemporalQuery<T> query) {
        try {
            return Optional.of(format.parse(text, query));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private static DateTimeFormatter strict(String pattern) {
        // strict, so "31/02/2026" is rejected instead of quietly becoming 28 February
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }
}
