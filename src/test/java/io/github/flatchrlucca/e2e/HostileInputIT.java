package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.fake.User;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an attacker or a careless client sends, against the real jar: input past every limit is refused at once,
 * cheaply and naming what is wrong; nothing loops, nothing leaks, no slow client holds a connection.
 */
class HostileInputIT {

    static final String API_KEY = "7e5d3c1b-5555-4000-8000-0000000000ee";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    // above the HTTP server's old 4 MiB cap, which once capped this setting without a word
    static final int MAX_BODY_BYTES = 6_000_000;

    @RegisterExtension
    static final ConnectorAgainstLucca app = ConnectorAgainstLucca.withSettings(API_KEY, Map.of(
            "FLATCHR_MAX_BODY_BYTES", String.valueOf(MAX_BODY_BYTES),
            // a request deadline shorter than the idle timeout, so that each shows apart
            "HTTP_IDLE_TIMEOUT_SECONDS", "4",
            "HTTP_REQUEST_TIMEOUT_SECONDS", "2"));

    // ---- what a hire may hold

    @Test
    void aNameLongerThanLuccaWouldTakeIsRefusedAtOnceNamingItAndNeverSentToLucca() throws Exception {
        long createsBefore = app.lucca().count("POST", "/api/v3/users");
        ObjectNode event = FlatchrEvents.hire("long-name-1", "Camille", "a".repeat(250), "camille.long@example.org");

        HttpResponse<String> response = app.connector().postWebhook(event.toString());

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("fields").toString()).contains("data.candidate.lastname");
        assertThat(problem.path("detail").asText()).contains("longer than 100 characters");
        JsonNode recorded = app.connector().hire(problem.path("hireId").asText());
        assertThat(recorded.path("status").asText()).isEqualTo("rejected");
        assertThat(recorded.path("attempts").asInt()).isZero();
        assertThat(app.lucca().count("POST", "/api/v3/users")).isEqualTo(createsBefore);
    }

    @Test
    void anIdLongerThanAnyFlatchrIdIs400NamingTheFieldAndTheJournalStaysReady() throws Exception {
        HttpResponse<String> response = app.connector().postWebhook(FlatchrEvents.hire("9".repeat(300)).toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("field").asText()).isEqualTo("data.applicant.id");
        assertThat(app.connector().get("/observe/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(app.connector().log()).doesNotContain("answered 503");
    }

    @Test
    void aHostileAddressOfAHundredThousandCharactersIsRefusedAsTooLong() throws Exception {
        ObjectNode event = FlatchrEvents.hire("hostile-mail-1", "Camille", "Morel", "a@" + "b".repeat(100_000));

        HttpResponse<String> response = app.connector().postWebhook(event.toString());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).path("detail").asText())
                .contains("data.candidate.email is longer than 254 characters");
    }

    @Test
    void invisibleControlAndDirectionCharactersNeverReachLucca() throws Exception {
        ObjectNode event = FlatchrEvents.hire("invisible-1", "Ca\u0000mille\u202E", "Mo\u200Brel\u001B",
                "camille.invisible@example.org");

        String hireId = app.connector().accept(event);
        app.connector().awaitStatus(hireId, "delivered");

        User user = app.lucca().users().stream().filter(u -> "camille.invisible@example.org".equals(u.mail()))
                .findFirst().orElseThrow();
        assertThat(user.firstName()).isEqualTo("Camille");
        assertThat(user.lastName()).isEqualTo("Morel");
    }

    // ---- what a body may be

    @Test
    void jsonPastTheLimitsOfAWebhookIs400NamingTheLimitOnTheWebhookAndThePreview() throws Exception {
        String deep = "{\"a\":".repeat(1001) + "1" + "}".repeat(1001);
        String longNumber = "{\"event\":\"drag_applicant\",\"company_id\":" + "9".repeat(1001) + "}";
        String longName = "{\"" + "n".repeat(50_001) + "\":1}";

        assertRefused(app.connector().postWebhook(deep), "nested deeper than 32 levels");
        assertRefused(app.connector().postWebhook(longNumber), "longer than 100 digits");
        assertRefused(app.connector().postWebhook(longName), "longer than 256 characters");
        assertRefused(app.connector().postAdmin("/admin/api/preview", deep), "nested deeper than 32 levels");
    }

    @Test
    void aBodyUpToTheConfiguredLimitIsReadEvenPastTheServersFormerCap() throws Exception {
        ObjectNode event = FlatchrEvents.hire("large-1");
        event.put("notes", "x".repeat(5_000_000));

        assertThat(app.connector().postWebhook(event.toString()).statusCode()).isEqualTo(202);
    }

    @Test
    void aPreviewSentAsAFormLikeCurlDoesIsReadAsJson() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(app.connector().baseUrl() + "/admin/api/preview"))
                .header("Authorization", "Bearer " + ConnectorProcess.ADMIN_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FlatchrEvents.hire("form-preview-1").toString())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("requests").get(0).path("body").path("login").asText())
                .isEqualTo("cmorel");
    }

    // ---- tokens

    @Test
    void theAdminTokenCountsOnlyInTheAuthorizationHeader() throws Exception {
        String token = "Bearer%20" + ConnectorProcess.ADMIN_TOKEN;
        HttpResponse<String> fromQuery = app.connector().get("/admin/api/stats?Authorization=" + token, null);
        HttpResponse<String> fromForm = HTTP.send(HttpRequest.newBuilder(
                        URI.create(app.connector().baseUrl() + "/admin/api/preview"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Authorization=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(fromQuery.statusCode()).isEqualTo(401);
        assertThat(fromForm.statusCode()).isEqualTo(401);
        assertThat(app.connector().get("/admin/api/stats", "Bearer " + ConnectorProcess.ADMIN_TOKEN).statusCode())
                .isEqualTo(200);
    }

    // ---- slow, idle, large and abandoned requests

    @Test
    void aCallerWithoutTheTokenIsRefusedBeforeItSendsItsBody() throws Exception {
        try (Socket socket = connect()) {
            RawHttp.send(socket, "POST /webhooks/flatchr?token=wrong-token-wrong-token HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 4000000\r\n\r\n");

            assertThat(RawHttp.answer(socket)).startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsSent() throws Exception {
        try (Socket socket = connect()) {
            RawHttp.send(socket, "POST /webhooks/flatchr?token=" + ConnectorProcess.WEBHOOK_TOKEN + " HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (MAX_BODY_BYTES + 1) + "\r\n\r\n");

            assertThat(RawHttp.answer(socket)).startsWith("HTTP/1.1 413").contains("application/problem+json");
        }
    }

    @Test
    void aBodyLargerThanTheLimitSentWholeAtOnceStillGetsItsAnswer() throws Exception {
        // most clients send the body right after the headers, and the answer comes while it is on its way: closed
        // at once, the connection reset under the body, and the client read the reset instead of the answer
        assertThat(answerToABodySentWhole(ConnectorProcess.WEBHOOK_TOKEN, MAX_BODY_BYTES + 1_000_000))
                .startsWith("HTTP/1.1 413").contains("application/problem+json");
    }

    @Test
    void aLargeBodyWithAWrongTokenSentWholeAtOnceStillGetsItsAnswer() throws Exception {
        assertThat(answerToABodySentWhole("wrong-token-wrong-token", MAX_BODY_BYTES - 1_000_000))
                .startsWith("HTTP/1.1 401");
    }

    @Test
    void aRefusedBodyIsReadAndDroppedNoFurtherThanFourBodiesOfTheLimit() throws Exception {
        long declared = 100L * MAX_BODY_BYTES;
        long written = 0;
        byte[] chunk = new byte[1 << 20];
        try (Socket socket = connect()) {
            RawHttp.send(socket, "POST /webhooks/flatchr?token=" + ConnectorProcess.WEBHOOK_TOKEN + " HTTP/1.1\r\n"
                    + "Host: test\r\nContent-Type: application/json\r\nContent-Length: " + declared + "\r\n\r\n");
            try {
                while (written < declared) {
                    socket.getOutputStream().write(chunk);
                    written += chunk.length;
                }
            } catch (IOException closedByTheServer) {
                // what the test waits for: the server stopped taking the body
            }
        }

        // four bodies of the limit, and what the two sockets' buffers hold besides
        assertThat(written).isLessThan(4L * MAX_BODY_BYTES + 32L * 1024 * 1024);
    }

    private static String answerToABodySentWhole(String token, int bytes) throws IOException {
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) ' ');
        try (Socket socket = connect()) {
            RawHttp.send(socket, "POST /webhooks/flatchr?token=" + token + " HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n");
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return RawHttp.answer(socket);
        }
    }

    @Test
    void aClientTooSlowToSendItsBodyIsAnswered408AndDisconnected() throws Exception {
        try (Socket socket = connect()) {
            RawHttp.send(socket, "POST /webhooks/flatchr?token=" + ConnectorProcess.WEBHOOK_TOKEN + " HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"event\":");

            String answer = RawHttp.answer(socket);

            assertThat(answer).startsWith("HTTP/1.1 408").containsIgnoringCase("connection: close");
        }
    }

    @Test
    void aClientTricklingItsHeadersIsDisconnectedThoughNeverIdle() throws Exception {
        try (Socket socket = connect()) {
            // a byte a second: the 4 s idle timeout never fires, the 2 s request deadline must
            socket.setSoTimeout(1000);
            boolean closed = false;
            for (int bytes = 0; bytes < 20 && !closed; bytes++) {
                RawHttp.send(socket, bytes == 0 ? "G" : "E");
                try {
                    closed = socket.getInputStream().read() == -1;
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // the pace of the trickle: one more byte
                }
            }

            assertThat(closed).isTrue();
        }
    }

    @Test
    void aSlowBodyIsCutOnAnyPathNotOnlyTheWebhooks() throws Exception {
        try (Socket socket = connect()) {
            RawHttp.send(socket, "POST /admin/api/hires/none/cancel HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer "
                    + ConnectorProcess.ADMIN_TOKEN + "\r\nContent-Length: 1000\r\n\r\nx");

            assertThat(RawHttp.answer(socket)).startsWith("HTTP/1.1 408");
        }
    }

    @Test
    void aBodySentWhereNoneIsTakenIsRefusedUnreadWithoutAToken() throws Exception {
        // the status page's paths ask no token: Camel would read a body there whole, outside the body budget
        for (String request : List.of(
                "GET /admin/ HTTP/1.1\r\nHost: test\r\nContent-Length: 1000000\r\n\r\nx",
                "GET /admin/assets/status-page.js HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx")) {
            try (Socket socket = connect()) {
                RawHttp.send(socket, request);

                String answer = RawHttp.answer(socket);
                assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json", "\"body\"");
            }
        }
    }

    @Test
    void aBrokenChunkedBodyIsAnswered400NamingTheBodyAndTheTokenStillDecidesFirst() throws Exception {
        // a chunk size that is no number: Vert.x closes the connection in the very read that brought it
        for (String token : List.of(ConnectorProcess.WEBHOOK_TOKEN, "wrong-token-wrong-token")) {
            try (Socket socket = connect()) {
                RawHttp.send(socket, "POST /webhooks/flatchr?token=" + token + " HTTP/1.1\r\nHost: test\r\n"
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");

                String answer = RawHttp.answer(socket);
                if (token.equals(ConnectorProcess.WEBHOOK_TOKEN)) {
                    assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json", "\"field\":\"body\"");
                } else {
                    assertThat(answer).startsWith("HTTP/1.1 401");
                }
            }
        }
        assertThat(app.connector().log()).doesNotContain(ConnectorProcess.WEBHOOK_TOKEN, "NumberFormatException");
    }

    @Test
    void aKeptAliveConnectionLeftIdleIsClosedByTheServer() throws Exception {
        try (Socket socket = connect()) {
            String request = "GET /observe/health/live HTTP/1.1\r\nHost: test\r\n\r\n";
            RawHttp.send(socket, request + request);

            // both answers (the connection is kept alive after the first), then the end of the stream once
            // HTTP_IDLE_TIMEOUT_SECONDS have passed without a request, well within the socket's 30 s
            assertThat(RawHttp.answer(socket).split("HTTP/1.1 200", -1)).hasSize(3);
        }
    }

    @Test
    void aClientAskingForHttp2InClearIsAnsweredInHttp11() throws Exception {
        // HTTP/2 would carry many requests on one connection: a body held back by the body budget would stall them
        // all, and a refusal that closes the connection (RequestGate) would drop them all
        try (Socket socket = connect()) {
            RawHttp.send(socket, "GET /observe/health/live HTTP/1.1\r\nHost: test\r\n"
                    + "Connection: Upgrade, HTTP2-Settings, close\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n");

            assertThat(RawHttp.answer(socket)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void anAbandonedUploadIsCountedNotLoggedAsAnError() throws Exception {
        double before = abandoned();
        try (Socket socket = connect()) {
            RawHttp.send(socket, "POST /webhooks/flatchr?token=" + ConnectorProcess.WEBHOOK_TOKEN + " HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"event\":\"drag");
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> abandoned() > before);
        assertThat(app.connector().log()).doesNotContain(" ERROR ");
    }

    // ---- the operator wins

    @Test
    void aCancelDuringAnAttemptStopsItBeforeItsNextLuccaCall() throws Exception {
        String mail = "camille.cancel-during-1@example.org";
        app.lucca().latency(Duration.ofMillis(1500));
        // The round's read of who changed in Lucca fails: the hire is then looked up by e-mail in Lucca itself, the
        // call of its attempt during which it is cancelled (with the read, the attempt's first call is the create).
        app.lucca().failNext("GET", "/api/v3/users", 503, 1);
        try {
            String hireId = app.connector().accept(FlatchrEvents.hire("cancel-during-1", "Camille", "Morel", mail));
            await().atMost(Duration.ofSeconds(20)).until(() -> app.lucca().requests().stream()
                    .anyMatch(request -> request.query() != null && request.query().contains("cancel-during-1")));

            HttpResponse<String> cancel = app.connector().postAdmin("/admin/api/hires/" + hireId + "/cancel", "");

            assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> app.connector().log()
                    .contains("hire " + hireId + " was cancelled during its attempt: the attempt ends here"));
            assertThat(app.connector().hire(hireId).path("status").asText()).isEqualTo("cancelled");
            assertThat(app.lucca().users()).noneMatch(user -> mail.equals(user.mail()));
        } finally {
            app.lucca().latency(Duration.ZERO);
        }
    }

    // ---- data at rest

    @Test
    void theDataFolderAndTheJournalAreTheConnectorsOnlyAndKeepNoTraceFile() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(app.connector().dataDir())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                app.connector().dataDir().resolve("journal.mv.db")))).isEqualTo("rw-------");
        assertThat(app.connector().dataDir().resolve("journal.trace.db")).doesNotExist();
    }

    private static void assertRefused(HttpResponse<String> response, String limit) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo("body");
        assertThat(problem.path("detail").asText()).contains(limit);
    }

    private static String metrics() throws Exception {
        return app.connector().get("/observe/metrics", "Bearer " + ConnectorProcess.ADMIN_TOKEN).body();
    }

    /** Uploads abandoned so far, all labels together (0 before the first: the counter is made by it). */
    private static double abandoned() throws Exception {
        return metrics().lines().filter(line -> line.startsWith("flatchr_http_requests_abandoned_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static Socket connect() throws IOException {
        return RawHttp.connect(app.connector());
    }
}
