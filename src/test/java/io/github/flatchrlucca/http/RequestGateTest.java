package io.github.flatchrlucca.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The gate in front of Camel's HTTP servers as the connector installs it, on real servers of Camel's on loopback: the
 * webhook's port and a management port of its own (MANAGEMENT_PORT), each with its Vert.x router.
 */
@Timeout(60)
class RequestGateTest {

    private static final String SECRET = "secret-of-the-failure";

    private final VertxServers vertx = VertxServers.create(Duration.ofSeconds(30), Duration.ofSeconds(10));
    private final CamelContext camel = new DefaultCamelContext();
    private final List<String> observed = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private int webhookPort;
    private int managementPort;

    @BeforeEach
    void start() throws Exception {
        webhookPort = freePort();
        managementPort = freePort();
        camel.getRegistry().bind("vertx", vertx);
        camel.addService(server(webhookPort), true, true);
        camel.addService(server(managementPort), true, true);
        camel.addStartupListener(new RequestGate(new ObjectMapper(), webhookPort, 1_000,
                new BodyBudget(10_000), Duration.ofSeconds(10), vertx::requestArrived, new RequestGate.Observer() {
                    @Override
                    public void refused(String path, int status) {
                        observed.add(status + " " + path);
                    }

                    @Override
                    public void abandoned(String path) {
                        observed.add("abandoned " + path);
                    }
                }).answersOn(managementPort));
        camel.start();
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void stop() {
        root.detachAppender(log);
        camel.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aManagementHandlerThatFailsIsAnsweredAsProblemNamingNoneOfItsFailureAndLoggedOnceShort() throws IOException {
        // as a handler of health or metrics would fail: Camel's management server adds them to this router
        VertxPlatformHttpRouter.lookup(camel, VertxPlatformHttpRouter.getRouterNameFromPort(managementPort))
                .route("/observe/failing").handler(request -> {
                    throw new IllegalStateException(SECRET);
                });

        String answer = send(managementPort, "GET /observe/failing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 500 ")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":500")
                .doesNotContain(SECRET, "IllegalStateException");
        assertThat(log.list).as("one short line, no stack trace").singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("/observe/failing").doesNotContain(SECRET);
            assertThat(event.getThrowableProxy()).isNull();
        });
        assertThat(observed).as("no webhook's refusal").isEmpty();
    }

    private static VertxPlatformHttpServer server(int port) {
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(port);
        return new VertxPlatformHttpServer(configuration);
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** Sends raw bytes and reads until the server closes the connection. */
    private static String send(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
