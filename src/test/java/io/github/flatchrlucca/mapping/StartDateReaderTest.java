package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StartDateReaderTest {

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

        assertThat(StartDateReader.read(startDate)).contains(expected);
        assertThat(StartDateReader.isAbsent(startDate)).isFalse();
    }

    @Test
    void anInstantIsTheDayItFallsOnInParisWhereFlatchrsDatesAreDays() {
        // flatchr-api.md: no documented time zone, read as Europe/Paris days; Paris is UTC+1 in winter, +2 in summer
        assertThat(StartDateReader.read(Json.parse("\"2027-01-04T00:00:00.000Z\""))).contains(LocalDate.of(2027, 1, 4));
        assertThat(StartDateReader.read(Json.parse("\"2027-01-03T23:00:00.000Z\""))).as("Paris midnight")
                .contains(LocalDate.of(2027, 1, 4));
        assertThat(StartDateReader.read(Json.parse("\"2027-01-03T22:59:59Z\""))).contains(LocalDate.of(2027, 1, 3));
        assertThat(StartDateReader.read(Json.parse("\"2027-07-04T22:00:00Z\""))).as("Paris midnight in summer")
                .contains(LocalDate.of(2027, 7, 5));
    }

    /**
     * A midnight written with its offset is the day as written, wherever the offset is: east of Paris (+02:00 in
     * winter, +14:00), its instant falls on the day before in Paris. West of it, or in UTC, it is that day either way.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\"2027-01-04T00:00:00+02:00\"", "\"2027-01-04T00:00:00.000+02:00\"",
        "\"2027-01-04T00:00+14:00\"", "\"2027-01-04T00:00:00+01:00\"", "\"2027-01-04T00:00:00Z\"",
        "\"2027-01-04T00:00:00-05:00\""})
    void aMidnightWithItsOffsetIsTheDayAsWritten(String json) {
        assertThat(StartDateReader.read(Json.parse(json))).contains(LocalDate.of(2027, 1, 4));
    }

    @Test
    void anotherTimeWithItsOffsetIsTheDayItFallsOnInParis() {
        // 22:30 UTC on 3 January, 23:30 in Paris
        assertThat(StartDateReader.read(Json.parse("\"2027-01-04T00:30:00+02:00\""))).contains(LocalDate.of(2027, 1, 3));
    }

    /**
     * A day written with a midnight and no zone (as Lucca's own v3 dates are, or a database's date-time): midnight in
     * Paris or in UTC, it is that day in Paris either way. Another time without its zone names no day for sure (23:00
     * UTC is the next day in Paris), and stays unreadable.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\"2027-06-30T00:00:00\"", "\"2027-06-30 00:00:00\"", "\"2027-06-30T00:00:00.000\"",
        "\"2027-06-30T00:00\""})
    void aDayWithAMidnightWithoutZoneIsThatDay(String json) {
        assertThat(StartDateReader.read(Json.parse(json))).contains(LocalDate.of(2027, 6, 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2027-06-30T23:00:00\"", "\"2027-06-30 12:00:00\"", "\"2027-06-31T00:00:00\""})
    void anotherTimeWithoutZoneIsUnreadable(String json) {
        assertThat(StartDateReader.read(Json.parse(json))).isEmpty();
        assertThat(StartDateReader.isAbsent(Json.parse(json))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"\"", "\"   \"", "false", "0", "\"0\"", "\"0000-00-00\"",
            "\" 0000-00-00 00:00:00 \""})
    void nullBlankOrNoDateAsPhpAndMysqlWriteItIsAbsent(String json) {
        JsonNode startDate = Json.parse(json);

        assertThat(StartDateReader.read(startDate)).isEmpty();
        assertThat(StartDateReader.isAbsent(startDate)).isTrue();
    }

    @Test
    void eightDigitsAreADayWrittenWithoutSeparators() {
        assertThat(StartDateReader.read(Json.parse("\"20260302\""))).contains(LocalDate.of(2026, 3, 2));
        assertThat(StartDateReader.read(Json.parse("20260302"))).contains(LocalDate.of(2026, 3, 2));
    }

    @Test
    void aDayNoContractCouldHaveIsUnreadableNotSent() {
        // epoch seconds of 1970, a year alone, a day past the calendar's years a contract has
        for (String odd : new String[] {"\"2026\"", "86400", "\"99999999\"", "\"+1000000-01-01T00:00:00Z\"",
            "\"1999-12-31\""}) {
            assertThat(StartDateReader.read(Json.parse(odd))).as(odd).isEmpty();
            assertThat(StartDateReader.isAbsent(Json.parse(odd))).as(odd).isFalse();
        }
    }

    @Test
    void aMissingFieldIsAbsent() {
        assertThat(StartDateReader.read(MissingNode.getInstance())).isEmpty();
        assertThat(StartDateReader.isAbsent(MissingNode.getInstance())).isTrue();
        assertThat(StartDateReader.read(null)).isEmpty();
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

        assertThat(StartDateReader.read(startDate)).isEmpty();
        assertThat(StartDateReader.isAbsent(startDate)).isFalse();
    }
}
