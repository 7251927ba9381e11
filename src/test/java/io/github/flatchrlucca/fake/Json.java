package io.github.flatchrlucca.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading request bodies and writing answers; every malformed input becomes a 400, as Lucca does. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    static JsonNode object(String body) {
        try {
            JsonNode json = MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                throw LuccaError.badRequest("the body must be a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw LuccaError.badRequest("malformed JSON: " + e.getOriginalMessage());
        }
    }

    static String requiredText(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null || value.isBlank()) {
            throw LuccaError.badRequest(field + " is required");
        }
        return value;
    }

    /** Null when the field is absent or null. */
    static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw LuccaError.badRequest(field + " must be a string");
        }
        return value.asText();
    }

    /** Null when the field is absent or null. */
    static Integer integer(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw LuccaError.badRequest(field + " must be an integer");
        }
        return value.intValue();
    }
}
