package io.github.flatchrlucca.intake;

import io.github.flatchrlucca.http.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Parses the raw webhook body as a JSON object whatever its Content-Type says (Flatchr does not
 * document one), keeping the text as received for the journal.
 */
public final class JsonBodyReader implements Processor {

    public static final String RAW_BODY = "rawBody";

    private final ObjectMapper json;
    private final int maxBytes;

    public JsonBodyReader(ObjectMapper json, int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    @Override
    public void process(Exchange exchange) {
        byte[] body = exchange.getIn().getBody(byte[].class);
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw Problem.badRequest("body", "The body is empty; a Flatchr event in JSON is expected.");
        }
        if (body.length > maxBytes) {
            throw Problem.tooLarge(maxBytes);
        }
        JsonNode event = parse(body);
        if (!event.isObject()) {
            throw Problem.badRequest("body", "The body is JSON but not an object.");
        }
        exchange.setVariable(RAW_BODY, new String(body, StandardCharsets.UTF_8));
        exchange.getIn().setBody(event);
    }

    private JsonNode parse(byte[] body) {
        try {
            // Trailing tokens fail: "{...} junk" is not the object Flatchr sent, whatever its start says.
            return json.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(body);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input: say only where it broke.
            throw Problem.badRequest("body", "The body is not JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        } catch (java.io.IOException e) {
            throw Problem.badRequest("body", "The body could not be read.");
        }
    }
}
