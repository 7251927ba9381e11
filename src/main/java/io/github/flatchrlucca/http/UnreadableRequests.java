package io.github.flatchrlucca.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers a request whose head Vert.x could not read (a line or headers over its limits, a malformed head) with
 * problem+json naming what is at fault, where Vert.x's own handler answers a bare 414 or 431, or closes the
 * connection without a word. Nothing of the request is echoed; Vert.x closes the connection after the answer.
 */
final class UnreadableRequests implements Handler<HttpServerRequest> {

    private final ObjectMapper json;

    UnreadableRequests(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Problem problem = problemOf(request.decoderResult().cause());
        try {
            request.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem.document()));
        } catch (JsonProcessingException e) {
            request.connection().close();
        }
    }

    /** Netty's messages are the only thing that tells its two "too long" apart (as Vert.x's own handler reads them). */
    static Problem problemOf(Throwable cause) {
        String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        if (cause instanceof TooLongFrameException && message.startsWith("An HTTP line is larger than")) {
            return Problem.tooLong(414, "URI Too Long", "path",
                    "The request line (method, path and query) is longer than the server reads.");
        }
        if (cause instanceof TooLongFrameException && message.startsWith("HTTP header is larger than")) {
            return Problem.tooLong(431, "Request Header Fields Too Large", "headers",
                    "The request's headers are larger than the server reads.");
        }
        return Problem.badRequest("request", "The request's head is not valid HTTP/1.1.");
    }
}
