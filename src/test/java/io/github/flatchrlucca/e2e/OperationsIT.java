package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.fake.FakeChat;
import io.github.flatchrlucca.fake.FakeLucca;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, metrics, alerts and retention, as an operator on call and a monitoring system see them. */
class OperationsIT {

    static final String API_KEY = "9a8b7c6d-4444-4000-8000-0000000000dd";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void healthAndMetricsShowWhatHappenedWithoutPersonalData(@TempDir Path temp) throws Exception {
        try (FakeLucca lucca = FakeLucca.start(API_KEY);
             ConnectorProcess connector = ConnectorProcess.start(temp, Map.of(
                     "LUCCA_BASE_URL", lucca.baseUrl(), "LUCCA_API_KEY", API_KEY))) {
            String hireId = connector.accept("metrics-1");
            connector.awaitStatus(hireId, "delivered");
            connector.postWebhook("{\"event\":\"new_message\"}");
            connector.postWebhook("{}", "wrong-token-wrong-token", "application/json");

            JsonNode ready = JSON.readTree(connector.get("/observe/health/ready?data=true", null).body());
            assertThat(ready.path("status").asText()).isEqualTo("UP");
            assertThat(check(ready, "journal").path("status").asText()).isEqualTo("UP");
            // on the webhook's port, health counts tenants without naming them
            assertThat(check(ready, "lucca").path("data").path("tenants.credentials.ok").asInt()).isEqualTo(1);
            assertThat(check(ready, "lucca").path("data").path("tenants.mode.live").asInt()).isEqualTo(1);
            assertThat(check(ready, "lucca").path("data").has("default.credentials")).isFalse();
            assertThat(connector.get("/observe/health/live", null).statusCode()).isEqualTo(200);
            assertThat(connector.get("/observe/metrics", null).statusCode()).as("tenant labels need the admin token")
                    .isEqualTo(401);

            String metrics = connector.get("/observe/metrics", "Bearer " + ConnectorProcess.ADMIN_TOKEN).body();
            assertThat(metrics).contains(
                    "flatchr_webhooks_total{outcome=\"accepted\",tenant=\"default\"} 1.0",
                    "flatchr_webhooks_total{outcome=\"ignored\",tenant=\"default\"} 1.0",
                    "flatchr_webhooks_total{outcome=\"unauthorized\",tenant=\"unknown\"} 1.0",
                    "flatchr_hires_total{outcome=\"delivered\",reason=\"none\",tenant=\"default\"} 1.0",
                    "flatchr_hires_by_status{status=\"delivered\",tenant=\"default\"}",
                    "flatchr_hire_to_lucca_seconds_count{tenant=\"default\"} 1",
                    "flatchr_lucca_calls_total{call=\"create-user\",status=\"200\",tenant=\"default\"} 1.0",
                    "flatchr_lucca_rate_limiter_wait_seconds_count{tenant=\"default\"}");
            assertThat(metrics).doesNotContain("camille.metrics-1@example.org", "Morel", "+33612345678");
        }
    }

    @Test
    void aDeadHireAndARejectedKeyAreToldToTheTeamOnceWithoutPersonalData(@TempDir Path temp) throws Exception {
        try (FakeChat chat = FakeChat.start();
             FakeLucca lucca = FakeLucca.start(API_KEY);
             ConnectorProcess connector = ConnectorProcess.start(temp, Map.of(
                     "LUCCA_BASE_URL", lucca.baseUrl(), "LUCCA_API_KEY", API_KEY,
                     "ALERT_WEBHOOK_URL", chat.url(), "PUBLIC_BASE_URL", "https://hooks.acme.example"))) {
            lucca.failNext("POST", "/api/v3/users", 400, 1);
            String dead = connector.accept("alert-dead-1");
            connector.awaitStatus(dead, "dead");

            await().until(() -> chat.messages().stream().anyMatch(m -> m.contains(dead)));
            String message = chat.messages().stream().filter(m -> m.contains(dead)).findFirst().orElseThrow();
            assertThat(JSON.readTree(message).path("text").asText())
                    .contains("dead", "https://hooks.acme.example/admin/#hire=" + dead)
                    .doesNotContain("camille.alert-dead-1@example.org", "+33612345678");

            // a token rotated without Flatchr's URL: told at the first refusal, the next within the hour counted only
            assertThat(connector.postWebhook("{}", "wrong-token-wrong-token", "application/json").statusCode())
                    .isEqualTo(401);
            assertThat(connector.postWebhook("{}", null, "application/json").statusCode()).isEqualTo(401);
            String refused = "Webhooks to tenant default's URL were refused";
            await().until(() -> chat.messages().stream().anyMatch(m -> m.contains(refused)));
            assertThat(chat.messages()).filteredOn(m -> m.contains(refused)).singleElement().satisfies(m -> assertThat(m)
                    .contains("refused 1 time(s)", "a wrong token", "Marketplace")
                    .doesNotContain("wrong-token-wrong-token", ConnectorProcess.WEBHOOK_TOKEN, "token="));

            String metrics = connector.get("/observe/metrics", "Bearer " + ConnectorProcess.ADMIN_TOKEN).body();
            assertThat(metrics).as("the chat's URL is a secret").contains("routeId=\"send-alert\"")
                    .doesNotContain(chat.url(), "/hooks/");

            lucca.acceptKey("another-key");
            String waiting = connector.accept("alert-key-1");
            connector.accept("alert-key-2");
            await().until(() -> connector.hire(waiting).path("attempts").asInt() >= 3);
            String rejects = "rejects the API key of tenant default";
            String acceptsAgain = "accepts the API key of tenant default again";
            await().until(() -> chat.messages().stream().anyMatch(m -> m.contains(rejects)));
            assertThat(chat.messages()).filteredOn(m -> m.contains(rejects)).hasSize(1);
            // Alerts are posted in the order they are raised: the key's first success, at start, came before the
            // dead hire's alert and the rejection's, so any message it made is in by now.
            assertThat(chat.messages()).as("a key nobody heard was wrong does not work 'again'")
                    .noneMatch(m -> m.contains(acceptsAgain));

            lucca.acceptKey(API_KEY);
            connector.awaitStatus(waiting, "delivered");
            await().until(() -> chat.messages().stream().anyMatch(m -> m.contains(acceptsAgain)));
            assertThat(chat.messages()).filteredOn(m -> m.contains(acceptsAgain)).hasSize(1);
            assertThat(chat.messages()).as("the missing token, refused within the hour, was not told by itself")
                    .filteredOn(m -> m.contains(refused)).hasSize(1);
        }
    }

    @Test
    void aQueueThatStopsMovingIsToldOnce(@TempDir Path temp) throws Exception {
        try (FakeChat chat = FakeChat.start();
             FakeLucca lucca = FakeLucca.start(API_KEY);
             ConnectorProcess connector = ConnectorProcess.start(temp, Map.of(
                     "LUCCA_BASE_URL", lucca.baseUrl(), "LUCCA_API_KEY", API_KEY, "ALERT_WEBHOOK_URL", chat.url(),
                     "ALERT_QUEUE_AGE_SECONDS", "1", "ALERT_CHECK_INTERVAL_MS", "200"))) {
            lucca.failNext("*", "/", 503, 100_000);
            String stuck = connector.accept("alert-slow-1");

            await().until(() -> chat.messages().stream().anyMatch(m -> m.contains(stuck) && m.contains("waited")));
            // three more checks of the queue's age, the hire still stuck: the alert must stay single
            long checks = connector.exchangesOf("watch-queue-age");
            await().atMost(Duration.ofSeconds(10)).until(() -> connector.exchangesOf("watch-queue-age") >= checks + 3);
            assertThat(chat.messages()).filteredOn(m -> m.contains(stuck) && m.contains("waited")).hasSize(1);
            lucca.recover();
        }
    }

    @Test
    void personalDataIsErasedAfterRetentionAndCountsStayRight(@TempDir Path temp) throws Exception {
        try (FakeLucca lucca = FakeLucca.start(API_KEY);
             ConnectorProcess connector = ConnectorProcess.start(temp, Map.of(
                     "LUCCA_BASE_URL", lucca.baseUrl(), "LUCCA_API_KEY", API_KEY,
                     "RETENTION_DAYS", "0", "RETENTION_CHECK_INTERVAL_MS", "200"))) {
            String hireId = connector.accept("retention-1");
            connector.awaitStatus(hireId, "delivered");

            JsonNode erased = await().until(() -> connector.hire(hireId), hire -> hire.path("flatchrEvent").isNull());

            assertThat(erased.path("status").asText()).isEqualTo("delivered");
            assertThat(erased.path("receivedAt").asText()).isNotBlank();
            assertThat(erased.path("luccaUserId").asLong()).isPositive();
            assertThat(erased.path("candidate").isNull()).isTrue();
            assertThat(erased.path("luccaRequest").isNull()).isTrue();
            assertThat(erased.path("history").toString()).doesNotContain("Morel", "example.org");
            JsonNode stats = JSON.readTree(connector.get("/admin/api/stats", "Bearer " + ConnectorProcess.ADMIN_TOKEN).body());
            assertThat(stats.path("counts").path("delivered").asLong()).isEqualTo(1);
            HttpResponse<String> resent = connector.postWebhook(FlatchrEvents.hire("retention-1").toString());
            assertThat(JSON.readTree(resent.body()).path("status").asText()).isEqualTo("duplicate");
        }
    }

    @Test
    void onAPortOfTheirOwnHealthAndMetricsNameEachTenantWithoutAToken(@TempDir Path temp) throws Exception {
        int managementPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            managementPort = free.getLocalPort();
        }
        try (ConnectorProcess connector = ConnectorProcess.start(temp, Map.of(
                "MANAGEMENT_PORT", String.valueOf(managementPort), "HTTP_REQUEST_TIMEOUT_SECONDS", "2"))) {
            // a scraper's keep-alive connection, open past the first-request deadline, is still served
            try (java.net.Socket kept = new java.net.Socket("127.0.0.1", managementPort)) {
                long opened = System.nanoTime();
                assertThat(askKeptAlive(kept)).startsWith("HTTP/1.1 200");
                await().pollDelay(Duration.ofMillis(100)).until(() -> System.nanoTime() - opened
                        > Duration.ofSeconds(3).toNanos());
                assertThat(askKeptAlive(kept)).as("past the 2 s deadline after it opened").startsWith("HTTP/1.1 200");
            }
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String management = connector.managementUrl();
            HttpResponse<String> health = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(management + "/observe/health/ready?data=true")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> metrics = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(management + "/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(check(JSON.readTree(health.body()), "lucca").path("data").path("default.mode").asText())
                    .isEqualTo("dry-run");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("flatchr_hires_by_status");
            assertThat(connector.get("/observe/metrics", null).statusCode()).as("not on the webhook's port")
                    .isEqualTo(404);
            // what Vert.x would answer in HTML there: no route for the path, or none for the method
            HttpResponse<String> nothing = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(management + "/nothing")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> posted = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(management + "/observe/health"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (HttpResponse<String> refused : List.of(nothing, posted)) {
                assertThat(refused.statusCode()).as(refused.uri().toString()).isEqualTo(404);
                assertThat(refused.headers().firstValue("Content-Type")).as(refused.uri().toString())
                        .hasValue("application/problem+json");
                assertThat(JSON.readTree(refused.body()).path("status").asInt()).isEqualTo(404);
            }
            // no Java URI takes %ZZ: written by hand, as a hostile client would
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", managementPort)) {
                socket.getOutputStream().write("GET /%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                assertThat(new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                        .contains("\"field\":\"path\"");
            }
        }
    }

    /** A GET of liveness on a kept-alive connection: the answer's head, its body read to its end. */
    private static String askKeptAlive(java.net.Socket socket) throws java.io.IOException {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write("GET /observe/health/live HTTP/1.1\r\nHost: x\r\n\r\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.io.InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int read = in.read();
            if (read < 0) {
                return "closed: " + head;
            }
            head.append((char) read);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                .matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return head.toString();
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no health check named " + name);
    }

}
