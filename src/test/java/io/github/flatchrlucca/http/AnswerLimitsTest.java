package io.github.flatchrlucca.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real HTTP on loopback, through Apache HttpClient configured as Camel's http component is: answers too large or too
 * slow are cut, and the server sees its connection closed long before it has sent everything.
 */
@Timeout(60)
class AnswerLimitsTest {

    private static final long MAX = 64 * 1024;
    private final AtomicLong sent = new AtomicLong();
    private final HttpServer server = server();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anAnswerWithinTheLimitsIsReadWhole() throws IOException {
        serve("/small", (out) -> out.write("{\"items\":[]}".getBytes(StandardCharsets.UTF_8)), 12);

        assertThat(read("/small", Duration.ofSeconds(5))).isEqualTo("{\"items\":[]}");
    }

    @Test
    void anAnswerLargerThanTheLimitIsCutNotReadToItsEnd() {
        long total = 2_000 * MAX;
        serve("/huge", out -> {
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (long written = 0; written < total; written += chunk.length) {
                out.write(chunk);
                sent.addAndGet(chunk.length);
            }
        }, 0);

        assertThatExceptionOfType(AnswerLimits.AnswerBeyondLimits.class)
                .isThrownBy(() -> read("/huge", Duration.ofSeconds(30)))
                .withMessageContaining("over the " + MAX + " bytes");
        assertThat(sent.get()).as("the connection was cut, not drained").isLessThan(total);
    }

    @Test
    void anAnswerThatDeclaresMoreThanTheLimitIsRefusedBeforeItsBodyIsRead() {
        serve("/declared", out -> {
            byte[] chunk = new byte[8192];
            for (long written = 0; written < 2_000 * MAX; written += chunk.length) {
                out.write(chunk);
                sent.addAndGet(chunk.length);
            }
        }, 2_000 * MAX);

        assertThatExceptionOfType(AnswerLimits.AnswerBeyondLimits.class)
                .isThrownBy(() -> read("/declared", Duration.ofSeconds(30)))
                .withMessageContaining("declares " + 2_000 * MAX + " bytes");
        assertThat(sent.get()).isLessThan(2_000 * MAX);
    }

    @Test
    void aCompressedAnswerIsCountedAsItExpandsNotAsItIsSent() throws IOException {
        // 2,000 times the limit once expanded, about 200 KB on the wire: a bomb a proxy could send
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (OutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            byte[] zeros = new byte[8192];
            for (long written = 0; written < 2_000 * MAX; written += zeros.length) {
                gzip.write(zeros);
            }
        }
        byte[] bomb = zipped.toByteArray();
        server.createContext("/bomb", exchange -> {
            try (OutputStream out = exchange.getResponseBody()) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                exchange.sendResponseHeaders(200, bomb.length);
                out.write(bomb);
            } catch (IOException cut) {
                // the client hung up
            } finally {
                exchange.close();
            }
        });

        assertThat(bomb.length).as("the bomb fits the limit on the wire").isLessThan((int) MAX * 4);
        assertThatExceptionOfType(AnswerLimits.AnswerBeyondLimits.class)
                .isThrownBy(() -> read("/bomb", Duration.ofSeconds(30)))
                .withMessageContaining("over the " + MAX + " bytes");
    }

    @Test
    void anAnswerDrippingByteByByteIsCutAtItsDeadline() {
        // each byte comes well within any socket timeout: only a deadline on the whole answer ends it
        serve("/drip", out -> {
            while (true) {
                out.write('x');
                out.flush();
                sent.incrementAndGet();
                pause(100);
            }
        }, 0);

        assertThatExceptionOfType(AnswerLimits.AnswerBeyondLimits.class)
                .isThrownBy(() -> read("/drip", Duration.ofMillis(800)))
                .withMessageContaining("took more than 800 ms");
    }

    @Test
    void aSlowAnswerWithinItsDeadlineIsReadWhole() throws IOException {
        serve("/slow", out -> {
            for (int i = 0; i < 3; i++) {
                out.write('x');
                out.flush();
                pause(50);
            }
        }, 3);

        assertThat(read("/slow", Duration.ofSeconds(20))).isEqualTo("xxx");
    }

    /** Reads an answer as Camel's http component does: its content, copied whole, then closed. */
    private String read(String path, Duration within) throws IOException {
        HttpClientBuilder builder = HttpClientBuilder.create();
        new AnswerLimits(MAX, within).configureHttpClient(builder);
        try (CloseableHttpClient client = builder.build()) {
            return client.execute(new HttpGet("http://127.0.0.1:" + server.getAddress().getPort() + path), response -> {
                try (InputStream body = response.getEntity().getContent()) {
                    return new String(body.readAllBytes(), StandardCharsets.UTF_8);
                }
            });
        }
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** @param length the Content-Length to declare, or 0 for a chunked answer */
    private void serve(String path, Body body, long length) {
        server.createContext(path, exchange -> {
            try (OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, length);
                body.write(out);
            } catch (IOException cut) {
                // the client hung up: what the test wants
            } finally {
                exchange.close();
            }
        });
    }

    private static HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fake server's own pace between two bytes, not a wait standing in for a condition. */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
