package io.github.flatchrlucca.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.journal.HireFilter;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hires' filter read from the query (outside an HTTP request, a message's headers stand for it). */
class HireQueryTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {"size | 0", "size | 201", "size | ٥", "size | 1e2", "page | -1", "page | ３"})
    void aNumberThatIsNotOneInAsciiDigitsOrOutOfRangeIsABadRequestNamingIt(String name, String value) {
        Message request = new DefaultMessage(new DefaultCamelContext());
        request.setHeader(name, value);

        assertThatExceptionOfType(Problem.class).isThrownBy(() -> HireQuery.filter(request, null))
                .satisfies(problem -> assertThat(problem.document().get("field")).isEqualTo(name));
    }

    @ParameterizedTest(name = "needsDecision={0}")
    @CsvSource({"yes", "TRUE", "1"})
    void aNeedsDecisionThatIsNotTrueOrFalseIsABadRequestNamingIt(String value) {
        Message request = new DefaultMessage(new DefaultCamelContext());
        request.setHeader("needsDecision", value);

        assertThatExceptionOfType(Problem.class).isThrownBy(() -> HireQuery.filter(request, null))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.document().get("field")).isEqualTo("needsDecision");
                });
    }

    @Test
    void needsDecisionNarrowsTheListToTheHiresWaitingForAPersonOrToTheOthers() {
        Message request = new DefaultMessage(new DefaultCamelContext());
        assertThat(HireQuery.filter(request, null).needsDecision()).as("absent: either").isNull();

        request.setHeader("needsDecision", "true");
        assertThat(HireQuery.filter(request, null).needsDecision()).isTrue();

        request.setHeader("needsDecision", "false");
        assertThat(HireQuery.filter(request, null).needsDecision()).isFalse();
    }

    @ParameterizedTest(name = "size={0}")
    @CsvSource({"1", "200", "050"})
    void aSizeInRangeIsRead(String size) {
        Message request = new DefaultMessage(new DefaultCamelContext());
        request.setHeader("size", size);

        HireFilter filter = HireQuery.filter(request, null);

        assertThat(filter.size()).isEqualTo(Integer.parseInt(size));
    }
}
