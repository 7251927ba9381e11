package io.github.flatchrlucca.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import io.vertx.ext.web.handler.BodyHandler;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The gate in front of Camel's HTTP servers as the connector installs it, on real servers of Camel's on loopback: the
 * webhook's port and a management port of its own (MANAGEMENT_PORT), each with its Vert.x router.
 */
@Timeout(60)
class RequestGateTest {

    private static final String SECRET = "secret-of-the-failure";
    private static final String TOKEN = "webhook-token-of-the-test";

    private final VertxServers vertx = VertxServers.create(Duration.ofSeconds(30), Duration.ofSeconds(10));
    private final CamelContext camel = new DefaultCamelContext();
    private final List<String> observed = new CopyOnWriteArrayList<>();
    /** The requests whose head the server has read. */
    private final AtomicInteger heads = new AtomicInteger();
    /** Ten chunked bodies of the limit (1,000 bytes) fill it. */
    private final BodyBudget bodies = new BodyBudget(10_000);
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
                bodies, Duration.ofSeconds(10), connection -> {
                    vertx.requestArrived(connection);
                    heads.incrementAndGet();
                }, new RequestGate.Observer() {
                    @Override
                    public void refused(String path, String admitted, int status) {
                        observed.add(status + " " + path + (admitted == null ? "" : " of " + admitted));
                    }

                    @Override
                    public void abandoned(String path) {
                        observed.add("abandoned " + path);
                    }
                })
                .bodies("/webhooks/*", (path, request) -> {
                    if (!TOKEN.equals(request.getParam("token"))) {
                        throw Problem.unauthorized("The token is missing or wrong.");
                    }
                    return "default";
                })
                .answersOn(managementPort));
        camel.start();
        // as Camel's platform-http reads a webhook's body: Vert.x's body handler, then the route
        VertxPlatformHttpRouter.lookup(camel, VertxPlatformHttpRouter.getRouterNameFromPort(webhookPort))
                .route("/webhooks/flatchr").handler(BodyHandler.create())
                .handler(request -> request.response().end("read"));
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

        String answer = RawRequest.send(managementPort, "GET /observe/failing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

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

    @ParameterizedTest
    @CsvSource({"?token=" + TOKEN + ", 413 /webhooks/flatchr of default",
            "?token=wrong-token-of-the-test, 401 /webhooks/flatchr"})
    void aRefusalAfterTheTokenIsToldWithTheTenantItLetInAndNoneBefore(String query, String told) throws IOException {
        String answer = RawRequest.send(webhookPort, "POST /webhooks/flatchr" + query + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1001\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 " + told.substring(0, 4));
        assertThat(observed).containsExactly(told);
    }

    /** Chunked bodies Netty's decoder cannot read, each sent with its head or after it. */
    static Stream<Arguments> brokenBodies() {
        return Stream.of(
                // a chunk size that is no hexadecimal number
                "zz\r\n",
                // a chunk longer than its size says, where its end should be
                "3\r\n{\"event\":\"drag\"}\r\n0\r\n\r\n")
                .flatMap(body -> Stream.of(Arguments.of(body, "at once"), Arguments.of(body, "after the head")));
    }

    @ParameterizedTest
    @MethodSource("brokenBodies")
    void aBrokenChunkedBodyWithTheTokenIsAnswered400NamingTheBody(String body, String when) throws IOException {
        String answer = sendBody("?token=" + TOKEN, body, when.equals("at once"));

        assertThat(answer).startsWith("HTTP/1.1 400 ").containsIgnoringCase("content-type: application/problem+json")
                .containsIgnoringCase("connection: close")
                .contains("\"field\":\"body\"");
        assertThat(observed).as("the tenant whose token was right").containsExactly("400 /webhooks/flatchr of default");
        assertThat(log.list).as("the client's fault: counted, not logged").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"?token=wrong-token-of-the-test, at once", "?token=wrong-token-of-the-test, after the head",
            "'', at once", "'', after the head"})
    void aBrokenChunkedBodyWithoutTheTokenIsAnswered401AsAnyOther(String query, String when) throws IOException {
        String answer = sendBody(query, "zz\r\n", when.equals("at once"));

        assertThat(answer).startsWith("HTTP/1.1 401 ").containsIgnoringCase("content-type: application/problem+json");
        assertThat(observed).containsExactly("401 /webhooks/flatchr");
        assertThat(log.list).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("brokenBodies")
    void aBrokenChunkedBodyWaitingForTheBodyBudgetIsAnswered400AndGivesItsShareBack(String body, String when)
            throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            // ten bodies still coming hold the whole budget: the next body waits, paused, unread
            for (int i = 0; i < 10; i++) {
                Socket socket = new Socket("127.0.0.1", webhookPort);
                slow.add(socket);
                socket.getOutputStream().write((HEAD + "5\r\n{\"eve\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            await().until(() -> bodies.inUse() == 10_000);

            String answer = sendBody("?token=" + TOKEN, body, when.equals("at once"), 11,
                    () -> await().until(() -> bodies.waiting() == 1));

            assertThat(answer).startsWith("HTTP/1.1 400 ").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"field\":\"body\"");
            assertThat(observed).containsExactly("400 /webhooks/flatchr of default");
            await().until(() -> bodies.waiting() == 0);
            assertThat(bodies.inUse()).as("the bodies still coming keep their shares").isEqualTo(10_000);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        await().until(() -> bodies.inUse() == 0);
        assertThat(RawRequest.send(webhookPort, HEAD.replace("Host: x", "Host: x\r\nConnection: close")
                + "2\r\n{}\r\n0\r\n\r\n")).as("nothing of the budget lost").startsWith("HTTP/1.1 200 ").endsWith("read");
    }

    private static final String HEAD = head("?token=" + TOKEN);

    /** The head of a webhook's POST of a chunked body. */
    private static String head(String query) {
        return "POST /webhooks/flatchr" + query + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
    }

    private String sendBody(String query, String body, boolean atOnce) throws IOException {
        return sendBody(query, body, atOnce, 1, () -> { });
    }

    /**
     * A webhook's POST of a chunked {@code body}, sent with its head in one write or, once the server has read
     * {@code headsRead} heads and {@code headHandled} returns, in a second one.
     */
    private String sendBody(String query, String body, boolean atOnce, int headsRead, Runnable headHandled)
            throws IOException {
        String head = head(query);
        try (Socket socket = new Socket("127.0.0.1", webhookPort)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((atOnce ? head + body : head).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (!atOnce) {
                // the head read and handled alone: the body comes in a read of its own
                await().until(() -> heads.get() == headsRead);
                headHandled.run();
                out.write(body.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
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

}
