package io.github.flatchrlucca.lucca;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuccaPersonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 5);

    @Test
    void readsTheFirstPersonFound() {
        Optional<LuccaPerson> person = LuccaPerson.first("find-person-by-mail", json("""
                {"data":{"items":[
                  {"id":416,"login":"eschmidt","mail":"eloise@gmail.com","dtContractEnd":"2025-06-30T00:00:00"},
                  {"id":417,"mail":"eloise@gmail.com","dtContractEnd":null}]}}
                """));

        assertThat(person).contains(new LuccaPerson(416, "eschmidt", "eloise@gmail.com", LocalDate.of(2025, 6, 30), null));
    }

    @Test
    void aLookUpByMailKeepsThoseWhoseAddressItIsInAnyLettersNotThoseThatOnlyContainIt() {
        // mail=like, lists every address that contains the hire's
        var found = LuccaPerson.withMail(json("""
                {"data":{"items":[
                  {"id":416,"mail":"Eloise@Gmail.com"},
                  {"id":417,"mail":"marie.eloise@gmail.com"},
                  {"id":418,"mail":"eloise@gmail.com.au"},
                  {"id":419}]}}
                """), " eloise@gmail.com");

        assertThat(found).extracting(LuccaPerson::id).as("419: Lucca did not say their address").containsExactly(416L, 419L);
    }

    @Test
    void noItemsMeansNobodyFound() {
        assertThat(LuccaPerson.first("find-person-by-mail", json("{\"data\":{\"items\":[]}}"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":416}",
            "{\"id\":416,\"dtContractEnd\":null}",
            "{\"id\":416,\"dtContractEnd\":\"\"}",
            "{\"id\":416,\"dtContractEnd\":20250630}"})
    void aPersonWithoutReadableContractEndHasNone(String item) {
        LuccaPerson person = LuccaPerson.first("find-person-by-mail", json("{\"data\":{\"items\":[" + item + "]}}")).orElseThrow();

        assertThat(person.contractEnd()).isNull();
        assertThat(person.isFormerEmployee(TODAY)).isFalse();
    }

    @Test
    void aContractEndedBeforeTodayMakesAFormerEmployee() {
        assertThat(new LuccaPerson(416, null, null, TODAY.minusDays(1), null).isFormerEmployee(TODAY)).isTrue();
    }

    @Test
    void aContractEndingTodayIsStillAnEmployee() {
        assertThat(new LuccaPerson(416, null, null, TODAY, null).isFormerEmployee(TODAY)).isFalse();
    }

    @Test
    void aContractEndingLaterIsStillAnEmployee() {
        assertThat(new LuccaPerson(416, null, null, TODAY.plusMonths(3), null).isFormerEmployee(TODAY)).isFalse();
    }

    @Test
    void aDateWithoutTimeIsReadToo() {
        LuccaPerson person = LuccaPerson.first("find-person-by-mail", json("{\"data\":{\"items\":[{\"id\":416,\"dtContractEnd\":\"2025-06-30\"}]}}"))
                .orElseThrow();

        assertThat(person.contractEnd()).isEqualTo(LocalDate.of(2025, 6, 30));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
