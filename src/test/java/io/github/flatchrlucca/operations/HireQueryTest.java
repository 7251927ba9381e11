package io.github.flatchrlucca.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.journal.HireFilter;
import java.time.ZoneId;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hires' filter read from the query (outside an HTTP request, a message's headers stand for it). */
class HireQueryTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {"size | 0", "size | 201", "size | ٥", "size | 1e2", "page | -1", "page | ３"})
    void aNumberThatIsNotOneInAsciiDigitsOrOutOfRangeIsABadRequestNamingIt(String name, String value) {
        Message request = new DefaultMessage(new DefaultCamelContext());
        request.setHeader(name, value);

        assertThatExceptionOfType(Problem.class).isThrownBy(() -> HireQuery.filter(request, null, tenant -> PARIS))
                .satisfies(problem -> assertThat(problem.document().get("field")).isEqualTo(name));
    }

    @ParameterizedTest(name = "needsDecision={0}")
    @CsvSource({"yes", "TRUE", "1"})
    void aNeedsDecisionThatIsNotTrueOrFalseIsABadRequestNamingIt(String value) {
        Message request = new DefaultMessage(new DefaultCamelContext());
        request.setHeader("needsDecision", value);

        assertThatExceptionOfType(Problem.class).isThrownBy(() -> HireQuery.filter(request, null, tenant -> PARIS))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.document().get("field")).isEqualTo("needsDecision");
                });
    }

    @Test
    void needsDecisionNarrowsTheListToTheHiresWaitingForAPersonOrToTheOthers() {
        Message request = new DefaultMessage(new DefaultCamelContext());
        assertThat(HireQuery.filter(request, null, tenant -> PARIS).needsDecision()).as("absent: either").isNull();

        request.setHeader("needsDecision", "true");
        assertThat(HireQuery.filter(request, null, tenant -> PARIS).needsDecision()).isTrue();

        request.setHeader("needsDecision", "false");
        assertThat(HireQuery.filter(request, null, tenant -> PARIS).needsDecision()).isFalse();
    }

    @Test
    void aBareDayIsTheWholeDayInTheTenantsZoneFromAndToNamingTheSameOne() {
        Message request = new DefaultMessage(new DefaultCamelContext());
        request.setHeader("from", "2026-03-01");
        request.setHeader("to", "2026-03-01");

        HireFilter paris = HireQuery.filter(request, null, tenant -> tenant == null ? PARIS : NEW_YORK);
        assertThat(paris.from()).as("no tenant named: the connector's zone").isEqualTo("2026-02-28T23:00:00Z");
        assertThat(paris.to()).isEqualTo("2026-03-01T23:00:00Z");

        HireFilter newYork = HireQuery.filter(request, "globex", tenant -> "globex".equals(tenant) ? NEW_YORK : PARIS);
        assertThat(newYork.tenant()).isEqualTo("globex");
        assertThat(newYork.from()).isEqualTo("2026-03-01T05:00:00Z");
        assertThat(newYork.to()).isEqualTo("2026-03-02T05:00:00Z");
    }

    @Test
    void aFilterGivenTwiceIsABadRequestNamingItNotAListOfItsFirstValue() {
        Message request = new DefaultMessage(new DefaultCamelContext());
        // status=dead&status=received, as platform-http maps it
        request.setHeader("status", java.util.List.of("dead", "received"));

        assertThatExceptionOfType(Problem.class).isThrownBy(() -> HireQuery.filter(request, null, tenant -> PARIS))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.document().get("field")).isEqualTo("status");
                    // not a status read as "[dead, received]"
                    assertThat(problem.getMessage()).contains("given more than once");
                });
    }

    @Test
    void anInstantIsTakenAsItIsAndToStaysBeforeIt() {
        Message request = new DefaultMessage(new DefaultCamelContext());
        request.setHeader("from", "2026-03-01T09:00:00Z");
        request.setHeader("to", "2026-03-01T10:00:00Z");

        HireFilter filter = HireQuery.filter(request, null, tenant -> NEW_YORK);

        assertThat(filter.from()).isEqualTo("2026-03-01T09:00:00Z");
        assertThat(filter.to()).isEqualTo("2026-03-01T10:00:00Z");
    }

    @ParameterizedTest(name = "from={0}, to={1}")
    @CsvSource({"2026-03-02, 2026-03-01, to", "2026-03-01T09:00:00Z, 2026-03-01T09:00:00Z, to",
        "2026-02-30, , from", "1969-12-31, , from", ", 10000-01-01, to", "+1000000000-01-01T00:00:00Z, , from"})
    void aDayOrInstantThatIsNoneOrEndsBeforeItStartsIsABadRequestNamingIt(String from, String to, String named) {
        Message request = new DefaultMessage(new DefaultCamelContext());
        request.setHeader("from", from);
        request.setHeader("to", to);

        assertThatExceptionOfType(Problem.class).isThrownBy(() -> HireQuery.filter(request, null, tenant -> PARIS))
                .satisfies(problem -> assertThat(problem.document().get("field")).isEqualTo(named));
    }

    @Test
    void theFirstAndLastDaysTheJournalHoldsAreAcceptedInAnyZone() {
        Message request = new DefaultMessage(new DefaultCamelContext());
        request.setHeader("from", "1970-01-01");
        request.setHeader("to", "9999-12-31");

        // 1970-01-01 starts in Paris before the journal's first instant, 9999-12-31 ends in New York after its last
        assertThat(HireQuery.filter(request, null, tenant -> PARIS).from()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(HireQuery.filter(request, null, tenant -> NEW_YORK).to()).isEqualTo("9999-12-31T23:59:59.999999999Z");
    }

    @ParameterizedTest(name = "size={0}")
    @CsvSource({"1", "200", "050"})
    void aSizeInRangeIsRead(String size) {
        Message request = new DefaultMessage(new DefaultCamelContext());
        request.setHeader("size", size);

        HireFilter filter = HireQuery.filter(request, null, tenant -> PARIS);

        assertThat(filter.size()).isEqualTo(Integer.parseInt(size));
    }
}
