package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StartDateReaderTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final StartDateReader paris = new StartDateReader(PARIS);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "2026-01-05T23:30:00.000Z" | 2026-01-06
            "2026-01-05T23:30:00Z"     | 2026-01-06
            "2026-01-05T10:00:00.000Z" | 2026-01-05
            "2026-01-05"               | 2026-01-05
            " 2026-01-05 "             | 2026-01-05
            "05/01/2026"               | 2026-01-05
            "5/1/2026"                 | 2026-01-05
            "05/01/26"                 | 2026-01-05
            1767655800                 | 2026-01-06
            "1767655800"               | 2026-01-06
            1767655800000              | 2026-01-06
            "1767655800000"            | 2026-01-06
            """)
    void readsEveryShapeFlatchrSends(String json, LocalDate expected) {
        JsonNode startDate = Json.parse(json);

        assertThat(paris.read(startDate)).contains(expected);
        assertThat(StartDateReader.isAbsent(startDate)).isFalse();
    }

    @Test
    void anInstantFallsOnTheDayOfTheConfiguredZone() {
        JsonNode lateEvening = Json.parse("\"2026-01-05T23:30:00Z\"");

        assertThat(new StartDateReader(ZoneOffset.UTC).read(lateEvening)).contains(LocalDate.of(2026, 1, 5));
        assertThat(new StartDateReader(PARIS).read(lateEvening)).contains(LocalDate.of(2026, 1, 6));
        assertThat(new StartDateReader(ZoneId.of("America/New_York")).read(Json.parse("\"2026-01-06T02:00:00Z\"")))
                .contains(LocalDate.of(2026, 1, 5));
    }

    @Test
    void aPlainDateIsNeverShiftedByTheZone() {
        StartDateReader farEast = new StartDateReader(ZoneId.of("Pacific/Kiritimati"));

        assertThat(farEast.read(Json.parse("\"2026-01-05\""))).contains(LocalDate.of(2026, 1, 5));
        assertThat(farEast.read(Json.parse("\"05/01/2026\""))).contains(LocalDate.of(2026, 1, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"\"", "\"   \""})
    void nullOrBlankIsAbsent(String json) {
        JsonNode startDate = Json.parse(json);

        assertThat(paris.read(startDate)).isEmpty();
        assertThat(StartDateReader.isAbsent(startDate)).isTrue();
    }

    @Test
    void eightDigitsAreADayWrittenWithoutSeparators() {
        assertThat(paris.read(Json.parse("\"20260302\""))).contains(LocalDate.of(2026, 3, 2));
        assertThat(paris.read(Json.parse("20260302"))).contains(LocalDate.of(2026, 3, 2));
    }

    @Test
    void aDayNoContractCouldHaveIsUnreadableNotSent() {
        // epoch seconds of 1970, a year alone, a day past the calendar's years a contract has
        for (String odd : new String[] {"\"2026\"", "86400", "\"99999999\"", "\"+1000000-01-01T00:00:00Z\"",
            "\"1999-12-31\""}) {
            assertThat(paris.read(Json.parse(odd))).as(odd).isEmpty();
            assertThat(StartDateReader.isAbsent(Json.parse(odd))).as(odd).isFalse();
        }
    }

    @Test
    void aMissingFieldIsAbsent() {
        assertThat(paris.read(MissingNode.getInstance())).isEmpty();
        assertThat(StartDateReader.isAbsent(MissingNode.getInstance())).isTrue();
        assertThat(paris.read(null)).isEmpty();
        assertThat(StartDateReader.isAbsent(null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"next monday\"", "\"31/02/2026\"", "\"2026-13-01\"", "\"2026-01-05T25:00:00Z\"", "\"05-01-2026\"",
        "\"-5\"", "-5", "1767655800.5", "true", "{}", "[\"2026-01-05\"]", "\"99999999999999999999\"",
        // an instant ISO accepts, past the last day a date holds
        "\"+1000000000-06-01T00:00:00Z\""})
    void unreadableIsEmptyButNotAbsent(String json) {
        JsonNode startDate = Json.parse(json);

        assertThat(paris.read(startDate)).isEmpty();
        assertThat(StartDateReader.isAbsent(startDate)).isFalse();
    }
}
