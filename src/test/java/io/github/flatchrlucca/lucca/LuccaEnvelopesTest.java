package io.github.flatchrlucca.lucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuccaEnvelopesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void v3ItemsAreUnderDataItems() {
        List<JsonNode> items = LuccaEnvelopes.v3Items("list-people", json("{\"data\":{\"items\":[{\"id\":1},{\"id\":2}]}}"));

        assertThat(items).extracting(item -> item.path("id").asInt()).containsExactly(1, 2);
    }

    @Test
    void av3ListOfNobodyIsEmpty() {
        assertThat(LuccaEnvelopes.v3Items("find-person-by-mail", json("{\"data\":{\"items\":[]}}"))).isEmpty();
    }

    /**
     * Only an empty data.items says "nobody": a blank body (read as JSON null), {}, or v4's envelope is not Lucca's
     * documented answer (a proxy's, an API changed under us), and taken for nobody it would make a second person.
     */
    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"data\":{}}", "{\"data\":{\"items\":null}}", "{\"items\":[{\"id\":1}]}", "null"})
    void av3AnswerWithoutItsListIsAnUnavailableLuccaNotNobody(String answer) {
        assertThatExceptionOfType(LuccaUnavailable.class)
                .isThrownBy(() -> LuccaEnvelopes.v3Items("find-person-by-mail", json(answer)))
                .withMessage("Lucca answered 200 to find-person-by-mail without the data.items list Lucca documents")
                .satisfies(failure -> {
                    assertThat(failure.call()).isEqualTo("find-person-by-mail");
                    assertThat(failure.status()).isEqualTo(200);
                    assertThat(failure.body()).as("kept for the operator, as a failed call's")
                            .isEqualTo("null".equals(answer) ? "" : answer);
                });
    }

    @Test
    void v4ItemsAreAtTheTop() {
        List<JsonNode> items = LuccaEnvelopes.v4Items("find-work-contract", json("{\"items\":[{\"id\":7}],\"next\":null}"));

        assertThat(items).extracting(item -> item.path("id").asInt()).containsExactly(7);
    }

    @Test
    void av4ListOfNothingIsEmpty() {
        assertThat(LuccaEnvelopes.v4Items("find-work-contract", json("{\"items\":[],\"count\":0}"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"items\":{}}", "{\"data\":{\"items\":[{\"id\":1}]}}", "null"})
    void av4AnswerWithoutItsListIsAnUnavailableLuccaNotNothing(String answer) {
        assertThatExceptionOfType(LuccaUnavailable.class)
                .isThrownBy(() -> LuccaEnvelopes.v4Items("find-work-contract", json(answer)))
                .withMessageContaining("200 to find-work-contract without the items list");
    }

    @Test
    void aLongUnexpectedAnswerIsKeptAsAFailedCallsBodyIs() {
        String answer = "{\"html\":\"" + "x".repeat(5000) + "\"}";

        assertThatExceptionOfType(LuccaUnavailable.class)
                .isThrownBy(() -> LuccaEnvelopes.v3Items("list-people", json(answer)))
                .satisfies(failure -> assertThat(failure.body()).hasSize(4003).endsWith("..."));
    }

    @Test
    void theCreatedUserIdIsReadFromData() {
        assertThat(LuccaEnvelopes.createdUserId(json("{\"data\":{\"id\":416,\"login\":\"emuller\"}}"))).isEqualTo(416L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"data\":{}}", "{\"data\":{\"id\":null}}", "{\"data\":{\"id\":\"abc\"}}",
            "{\"id\":416}", "null"})
    void aCreateAnswerWithoutUserIdCannotBeTrusted(String answer) {
        assertThatIllegalStateException()
                .isThrownBy(() -> LuccaEnvelopes.createdUserId(json(answer)))
                .withMessageContaining("no user id");
    }

    /** At the top as the v4 list gives a contract, or wrapped as v3 answers: the reference documents neither. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":5002,\"ownerId\":89,\"startsOn\":\"2027-01-04\"}",
            "{\"data\":{\"id\":5002,\"ownerId\":89}}"})
    void aCreatedContractIsNamedByItsId(String answer) {
        assertThatNoException().isThrownBy(() -> LuccaEnvelopes.createdContract(201, json(answer)));
    }

    /** A success that names no contract (a proxy's page, {}, a blank body) does not say the contract exists. */
    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"id\":null}", "{\"id\":\"5002\"}", "{\"id\":50.2}",
            "{\"data\":{\"id\":\"5002\"}}", "{\"id\":null,\"data\":{\"id\":5002}}",
            "{\"items\":[{\"id\":5002}]}", "null"})
    void aContractCreateAnswerWithoutItsIdIsAnUnavailableLucca(String answer) {
        assertThatExceptionOfType(LuccaUnavailable.class)
                .isThrownBy(() -> LuccaEnvelopes.createdContract(201, json(answer)))
                .withMessage("Lucca answered 201 to create-work-contract without the id of the contract it made")
                .satisfies(failure -> assertThat(failure.body()).as("kept for the operator")
                        .isEqualTo("null".equals(answer) ? "" : answer));
    }

    @Test
    void aNextUrlMeansAnotherPage() {
        assertThat(LuccaEnvelopes.hasNextPage(json("{\"items\":[],\"next\":\"https://x/departments?page=2\"}"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"items\":[]}", "{\"next\":null}", "{\"next\":\"\"}", "{\"next\":\"  \"}"})
    void withoutANextUrlThisIsTheLastPage(String answer) {
        assertThat(LuccaEnvelopes.hasNextPage(json(answer))).isFalse();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
