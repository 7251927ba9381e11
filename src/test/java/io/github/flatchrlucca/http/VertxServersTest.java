package io.github.flatchrlucca.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real Vert.x server on loopback, made as Camel's platform-http makes it: requests whose head it cannot read are
 * answered with problem+json naming what is at fault, and nothing of the request comes back.
 */
@Timeout(30)
class VertxServersTest {

    private final VertxServers vertx = VertxServers.create(Duration.ofSeconds(30), Duration.ofSeconds(10));
    private final HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .requestHandler(request -> request.response().setStatusCode(204).end());
    private final int port = server.listen().toCompletionStage().toCompletableFuture().join().actualPort();

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aRequestLineTooLongIsAnsweredAsProblemNamingThePath() throws IOException {
        String answer = RawRequest.send(port, "GET /webhooks/flatchr?token=" + "s".repeat(6_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(answer).containsPattern("^HTTP/1\\.[01] 414 ")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":414", "\"field\":\"path\"")
                .doesNotContain("sss");
    }

    @Test
    void headersTooLargeAreAnsweredAsProblemNamingThem() throws IOException {
        String answer = RawRequest.send(port, "GET / HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + "t".repeat(10_000) + "\r\n\r\n");

        assertThat(answer).containsPattern("^HTTP/1\\.[01] 431 ")
                .contains("\"status\":431", "\"field\":\"headers\"")
                .doesNotContain("ttt");
    }

    @Test
    void aMalformedHeadIsAnsweredAsBadRequest() throws IOException {
        String answer = RawRequest.send(port, "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: lots\r\n\r\n");

        assertThat(answer).containsPattern("^HTTP/1\\.[01] 400 ")
                .contains("\"status\":400", "\"field\":\"request\"")
                .doesNotContain("lots");
    }

    @Test
    void aWellFormedRequestIsServedAsUsual() throws IOException {
        assertThat(RawRequest.send(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 204 ");
    }
}
