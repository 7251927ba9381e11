package io.github.flatchrlucca.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.routes.Variables;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyReaderTest {

    private static final CamelContext CAMEL = new DefaultCamelContext();
    private static final int MAX_BYTES = 64;

    private final JsonBodyReader reader = new JsonBodyReader(new ObjectMapper(), MAX_BYTES);

    @Test
    void aJsonObjectBecomesTheBody() {
        Exchange exchange = exchange("{\"event\":\"drag_applicant\"}");

        reader.process(exchange);

        JsonNode body = exchange.getIn().getBody(JsonNode.class);
        assertThat(body.path("event").asText()).isEqualTo("drag_applicant");
    }

    @Test
    void theTextAsReceivedIsKeptForTheJournal() {
        String text = "{ \"event\" : \"drag_applicant\", \"name\": \"Éloïse\" }";
        Exchange exchange = exchange(text);

        reader.process(exchange);

        assertThat(exchange.getVariable(Variables.RAW_BODY)).isEqualTo(text);
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        String text = "{\"a\":\"" + "x".repeat(MAX_BYTES - 8) + "\"}";
        Exchange exchange = exchange(text);

        reader.process(exchange);

        assertThat(exchange.getVariable(Variables.RAW_BODY)).isEqualTo(text);
    }

    @Test
    void aUtf8ByteOrderMarkIsDroppedFromTheTextKept() {
        byte[] text = "{\"name\":\"Éloïse\"}".getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setBody(withMark);

        reader.process(exchange);

        assertThat(exchange.getVariable(Variables.RAW_BODY)).isEqualTo("{\"name\":\"Éloïse\"}");
    }

    @ParameterizedTest
    // UTF-16 (with its mark), ISO-8859-1's é, and a surrogate encoded on its own (not UTF-8, though Jackson takes some)
    @ValueSource(strings = {"FEFF007B0022006E0022003A00310020007D", "7B226E223A22E9227D", "7B226E223A22EDA080227D"})
    void aBodyThatIsNotUtf8IsABadRequestNotAHireKeptUnreadable(String hex) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setBody(java.util.HexFormat.of().parseHex(hex));

        assertProblem(exchange, 400, "body");
        assertThat(exchange.getVariable(Variables.RAW_BODY)).isNull();
    }

    /**
     * Half a surrogate pair escaped on its own is valid JSON (a text cut in the middle of an emoji): read, never the
     * whole hire refused for it, as Flatchr does not send a refused webhook again. What goes to Lucca drops it (names,
     * VisibleText) or is refused for it as a field (an e-mail, EmailAddress): a hire incomplete, recorded and told.
     */
    @Test
    void halfASurrogatePairEscapedOnItsOwnIsReadNotRefused() {
        JsonBodyReader roomy = roomyReader();
        Exchange highHalf = exchange("{\"data\":{\"vacancy\":{\"description\":\"Rejoignez-nous \\ud83d\"}}}");
        Exchange lowHalf = exchange("{\"data\":{\"candidate\":{\"firstname\":\"\\udfffZo\u00e9\"}}}");

        roomy.process(highHalf);
        roomy.process(lowHalf);

        assertThat(highHalf.getIn().getBody(JsonNode.class).at("/data/vacancy/description").textValue())
                .isEqualTo("Rejoignez-nous \ud83d");
        assertThat(lowHalf.getIn().getBody(JsonNode.class).at("/data/candidate/firstname").textValue())
                .isEqualTo("\udfffZo\u00e9");
    }

    @Test
    void aWholeSurrogatePairEscapedIsOneCharacterAndRead() {
        Exchange exchange = exchange("{\"firstname\":\"Zoé \\ud83d\\ude00\"}");

        reader.process(exchange);

        assertThat(exchange.getIn().getBody(JsonNode.class).path("firstname").asText()).isEqualTo("Zoé 😀");
    }

    @Test
    void aMissingBodyIsABadRequest() {
        Exchange exchange = new DefaultExchange(CAMEL);

        assertProblem(exchange, 400, "body");
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        assertProblem(exchange(""), 400, "body");
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        String text = "{\"a\":\"" + "x".repeat(MAX_BYTES - 7) + "\"}";

        assertProblem(exchange(text), 413, null);
    }

    @Test
    void theLimitCountsBytesNotCharacters() {
        // 30 two-byte characters: 37 characters, but 67 bytes
        String text = "{\"a\":\"" + "é".repeat(30) + "\"}";

        assertProblem(exchange(text), 413, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"event=drag_applicant&secret=Muller", "{\"name\":\"Muller\"", "Muller"})
    void aBodyThatIsNotJsonIsABadRequestThatDoesNotQuoteIt(String text) {
        assertThatExceptionOfType(Problem.class)
                .isThrownBy(() -> reader.process(exchange(text)))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.document().get("field")).isEqualTo("body");
                    assertThat(problem.getMessage()).startsWith("The body is not JSON").doesNotContain("Muller");
                });
    }

    @Test
    void textAfterTheObjectIsABadRequest() {
        assertProblem(exchange("{\"event\":\"drag_applicant\"} trailing"), 400, "body");
    }

    @Test
    void aBlankBodyIsAnEmptyBody() {
        assertThatExceptionOfType(Problem.class)
                .isThrownBy(() -> reader.process(exchange("   ")))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.getMessage()).startsWith("The body is empty");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"event\":\"drag_applicant\"}]", "\"drag_applicant\"", "42", "null"})
    void jsonThatIsNotAnObjectIsABadRequest(String text) {
        assertThatExceptionOfType(Problem.class)
                .isThrownBy(() -> reader.process(exchange(text)))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.getMessage()).isEqualTo("The body is JSON but not an object.");
                });
    }

    @Test
    void aRefusedBodyLeavesNoRawBody() {
        Exchange exchange = exchange("[1]");

        assertThatExceptionOfType(Problem.class).isThrownBy(() -> reader.process(exchange));

        assertThat(exchange.getVariable(Variables.RAW_BODY)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            33 levels    | it is nested deeper than 32 levels
            1001 levels  | it is nested deeper than 32 levels
            101 digits   | it has a number longer than 100 digits
            1001 digits  | it has a number longer than 100 digits
            102 decimals | it has a number longer than 100 digits
            1001 decimals | it has a number longer than 100 digits
            257 name     | it has a field name longer than 256 characters
            50001 name   | it has a field name longer than 256 characters
            20001 tokens | it has more than 20000 values, names and brackets
            150000 tokens | it has more than 20000 values, names and brackets
            """)
    void aBodyPastAJsonLimitIsABadRequestNamingTheLimit(String shape, String limit) {
        Exchange exchange = exchange(past(shape));

        assertThatExceptionOfType(Problem.class)
                .isThrownBy(() -> roomyReader().process(exchange))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.document().get("field")).isEqualTo("body");
                    assertThat(problem.getMessage()).isEqualTo("The body is refused: " + limit + ".");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"32 levels", "100 digits", "100 decimals", "256 name", "20000 tokens"})
    void aBodyUpToEachJsonLimitIsRead(String shape) {
        Exchange exchange = exchange(past(shape));

        roomyReader().process(exchange);

        assertThat(exchange.getIn().getBody(JsonNode.class).isObject()).isTrue();
    }

    @Test
    void aRefusalForALimitDoesNotQuoteTheBody() {
        String name = "Muller".repeat(50);

        assertThatExceptionOfType(Problem.class)
                .isThrownBy(() -> roomyReader().process(exchange("{\"" + name + "\": 1}")))
                .satisfies(problem -> assertThat(problem.getMessage()).doesNotContain("Muller"));
    }

    @Test
    void theSharedMapperKeepsJacksonsLimits() {
        ObjectMapper shared = new ObjectMapper();

        new JsonBodyReader(shared, MAX_BYTES);

        assertThat(shared.getFactory().streamReadConstraints().getMaxNestingDepth())
                .isEqualTo(StreamReadConstraints.DEFAULT_MAX_DEPTH);
    }

    /** A reader whose body limit is far above the JSON limits, so that only those are tested. */
    private static JsonBodyReader roomyReader() {
        return new JsonBodyReader(new ObjectMapper(), 2_000_000);
    }

    /** An object holding, as "a", arrays nested to a depth, or a number of so many digits, or a name so long. */
    private static String past(String shape) {
        int size = Integer.parseInt(shape.substring(0, shape.indexOf(' ')));
        return switch (shape.substring(shape.indexOf(' ') + 1)) {
            // the object itself is the first level
            case "levels" -> "{\"a\":" + "[".repeat(size - 1) + "]".repeat(size - 1) + "}";
            case "digits" -> "{\"a\":" + "7".repeat(size) + "}";
            case "decimals" -> "{\"a\":0." + "7".repeat(size - 1) + "}";
            case "name" -> "{\"" + "n".repeat(size) + "\":1}";
            // the object's two brackets, the name "a" and the list's two brackets: five tokens around the values
            case "tokens" -> "{\"a\":[" + String.join(",", Collections.nCopies(size - 5, "1")) + "]}";
            default -> throw new IllegalArgumentException(shape);
        };
    }

    private void assertProblem(Exchange exchange, int status, String field) {
        assertThatExceptionOfType(Problem.class)
                .isThrownBy(() -> reader.process(exchange))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(status);
                    assertThat(problem.document().get("field")).isEqualTo(field);
                });
    }

    private static Exchange exchange(String body) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setBody(body.getBytes(StandardCharsets.UTF_8));
        return exchange;
    }
}
