package io.github.flatchrlucca.lucca;

import static org.assertj.core.api.Assertions.assertThat;
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
        List<JsonNode> items = LuccaEnvelopes.v3Items(json("{\"data\":{\"items\":[{\"id\":1},{\"id\":2}]}}"));

        assertThat(items).extracting(item -> item.path("id").asInt()).containsExactly(1, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"data\":{}}", "{\"data\":{\"items\":[]}}", "{\"items\":[{\"id\":1}]}", "null"})
    void av3AnswerWithoutItemsListsNone(String answer) {
        assertThat(LuccaEnvelopes.v3Items(json(answer))).isEmpty();
    }

    @Test
    void v4ItemsAreAtTheTop() {
        List<JsonNode> items = LuccaEnvelopes.v4Items(json("{\"items\":[{\"id\":7}],\"next\":null}"));

        assertThat(items).extracting(item -> item.path("id").asInt()).containsExactly(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"items\":[]}", "{\"data\":{\"items\":[{\"id\":1}]}}"})
    void av4AnswerWithoutItemsListsNone(String answer) {
        assertThat(LuccaEnvelopes.v4Items(json(answer))).isEmpty();
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
