package io.github.flatchrlucca.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes an HTTP answer from a clean message, so no header of the request (nor anything a step set,
 * such as Lucca's own status code) leaks back to the caller.
 */
public final class JsonReply {

    private JsonReply() {
    }

    public static void respond(ObjectMapper json, Exchange exchange, int status, String contentType, Object body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        try {
            message.setBody(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An HTTP answer could not be written", e);
        }
    }
}
