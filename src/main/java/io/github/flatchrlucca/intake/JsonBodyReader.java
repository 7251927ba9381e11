package io.github.flatchrlucca.intake;

import io.github.flatchrlucca.http.Problem;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.flatchrlucca.routes.Variables;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Parses the raw webhook body as a JSON object whatever its Content-Type says (Flatchr does not
 * document one), keeping the text as received for the journal.
 */
public final class JsonBodyReader implements Processor {

    /*
     * A Flatchr event is an object a few levels deep holding ids, names, dates and short texts. These bounds
     * leave it ample room and refuse, before any tree is built, what no webhook needs: Jackson's defaults
     * (1,000 levels, 1,000 digits, 50,000-character names) are sized for any document, not for this one.
     */
    static final int MAX_DEPTH = 32;
    static final int MAX_NUMBER_DIGITS = 100;
    static final int MAX_NAME_LENGTH = 256;
    /*
     * Values, names and brackets: an event has a few hundred. Without this bound a body within the byte limit but
     * made of tiny values (a list of 150,000 short tags) became a tree some fifteen times its size, and a few such
     * bodies at once exhausted the heap; with it, a tree stays near the size of its body.
     */
    static final int MAX_TOKENS = 20_000;

    private final ObjectReader reader;
    private final int maxBytes;

    public JsonBodyReader(ObjectMapper json, int maxBytes) {
        this.maxBytes = maxBytes;
        // Texts and the whole document are held to the body limit too, so the parser keeps it by itself.
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxNumberLength(MAX_NUMBER_DIGITS)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxTokenCount(MAX_TOKENS)
                .maxStringLength(maxBytes)
                .maxDocumentLength(maxBytes)
                .build();
        // A factory of its own: the mapper is shared by the whole connector, which keeps Jackson's limits.
        JsonFactory bodies = json.getFactory().rebuild().streamReadConstraints(limits).build();
        // Trailing tokens fail: "{...} junk" is not the object Flatchr sent, whatever its start says.
        this.reader = json.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).with(bodies);
    }

    @Override
    public void process(Exchange exchange) {
        byte[] body = exchange.getIn().getBody(byte[].class);
        if (body == null || blank(body)) {
            throw Problem.badRequest("body", "The body is empty; a JSON object is expected.");
        }
        if (body.length > maxBytes) {
            throw Problem.tooLarge(maxBytes);
        }
        String text = utf8(body);
        JsonNode event = parse(text);
        if (!event.isObject()) {
            throw Problem.badRequest("body", "The body is JSON but not an object.");
        }
        exchange.setVariable(Variables.RAW_BODY, text);
        exchange.getIn().setBody(event);
    }

    /**
     * The body as text, decoded once, strictly: what is parsed is what the journal keeps. Jackson alone would take
     * UTF-16 or a byte-order mark by itself, and the text kept would then be one that delivery can never read; a
     * byte that is not UTF-8 would be kept as a replacement character in the candidate's name. A leading UTF-8
     * byte-order mark is only dropped: it says nothing else.
     */
    private static String utf8(byte[] body) {
        int start = body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF
                ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, start, body.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw Problem.badRequest("body", "The body is not UTF-8 text; a JSON object in UTF-8 is expected.");
        }
    }

    private JsonNode parse(String body) {
        try {
            return reader.readValue(body);
        } catch (StreamConstraintsException e) {
            throw Problem.badRequest("body", "The body is refused: " + limitPassed(e) + ".");
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input: say only where it broke, when Jackson knows where.
            JsonLocation where = e.getLocation();
            throw Problem.badRequest("body", where == null ? "The body is not JSON."
                    : "The body is not JSON (line " + where.getLineNr() + ", column " + where.getColumnNr() + ").");
        } catch (java.io.IOException e) {
            throw Problem.badRequest("body", "The body could not be read.");
        }
    }

    /**
     * The limit a body passed, in plain words. Jackson tells which only in its message, through the name of
     * the limit's getter; a limit it names otherwise is still refused, in general words.
     */
    private static String limitPassed(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("getMaxNestingDepth")) {
            return "it is nested deeper than " + MAX_DEPTH + " levels";
        }
        if (message.contains("getMaxNumberLength")) {
            return "it has a number longer than " + MAX_NUMBER_DIGITS + " digits";
        }
        if (message.contains("getMaxNameLength")) {
            return "it has a field name longer than " + MAX_NAME_LENGTH + " characters";
        }
        if (message.contains("getMaxTokenCount")) {
            return "it has more than " + MAX_TOKENS + " values, names and brackets";
        }
        return "it goes past one of the connector's limits for JSON";
    }

    /** Only JSON's whitespace: checked on the bytes, without a copy of the body as text. */
    private static boolean blank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
