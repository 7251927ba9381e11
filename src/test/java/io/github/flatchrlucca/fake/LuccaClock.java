package io.github.flatchrlucca.fake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The instance's local time, which v3 date-times such as {@code modifiedAt} carry without an offset. The same clock
 * as the {@code Date} header of every answer (the JDK's HTTP server writes that one from this machine's clock, and
 * lets no handler set another, so the fake's clock cannot be put ahead of the connector's: the connector's unit
 * tests do that).
 */
final class LuccaClock {

    /** Lucca's customers are French: their instances keep Paris time. */
    static final ZoneId INSTANCE_ZONE = ZoneId.of("Europe/Paris");

    /** The instance's day, by which a contract that ended before it makes a former employee. */
    LocalDate today() {
        return LocalDate.now(Clock.system(INSTANCE_ZONE));
    }

    /** v3's shape: local time without offset, to the millisecond. */
    String localNow() {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                LocalDateTime.now(Clock.system(INSTANCE_ZONE)).truncatedTo(ChronoUnit.MILLIS));
    }
}
