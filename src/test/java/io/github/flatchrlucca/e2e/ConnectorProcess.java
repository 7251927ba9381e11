package io.github.flatchrlucca.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The connector as operators run it: {@code java -jar target/flatchr-lucca.jar} in its own process,
 * configured by environment variables only, talked to over real HTTP on loopback.
 */
final class ConnectorProcess implements AutoCloseable {

    static final String ADMIN_TOKEN = "admin-secret-for-tests";
    static final String WEBHOOK_TOKEN = "webhook-secret-for-tests";
    private static final Path JAR = Path.of("target/flatchr-lucca.jar").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path workDir;
    private final Path dataDir;
    private final Path log;
    private final Map<String, String> env;
    private final int port;
    private final String managementPort;
    private Process process;

    private ConnectorProcess(Path workDir, Path dataDir, Path log, Map<String, String> env) throws IOException {
        this.workDir = workDir;
        this.dataDir = dataDir;
        this.log = log;
        this.port = freePort();
        this.env = new HashMap<>(env);
        // a test of SERVER_PORT itself gives its own
        this.env.putIfAbsent("SERVER_PORT", String.valueOf(port));
        // blank, as unset, is the webhook's port
        this.managementPort = Optional.ofNullable(env.get("MANAGEMENT_PORT")).filter(value -> !value.isBlank())
                .orElse(String.valueOf(port));
        this.env.put("DATA_DIR", dataDir.toString());
        this.env.putIfAbsent("ADMIN_TOKEN", ADMIN_TOKEN);
        this.env.putIfAbsent("FLATCHR_WEBHOOK_TOKEN", WEBHOOK_TOKEN);
        // Tests wait for retries; production waits seconds.
        this.env.putIfAbsent("RETRY_INITIAL_DELAY_MS", "200");
        this.env.putIfAbsent("RETRY_KEY_REJECTED_DELAY_MS", "300");
        this.env.putIfAbsent("DELIVERY_POLL_INTERVAL_MS", "50");
        // No load balancer to wait for in tests.
        this.env.putIfAbsent("SHUTDOWN_DRAIN_SECONDS", "0");
        // The sample hires name their department in a folder tag, as Flatchr's vacancies do; by default none is read.
        this.env.putIfAbsent("FLATCHR_DEPARTMENT_POINTER", "/data/vacancy/tags");
    }

    /** Starts from the repository root, where the routes and application.properties are. */
    static ConnectorProcess start(Path tempDir, Map<String, String> env) throws Exception {
        return startIn(Path.of("").toAbsolutePath(), tempDir, env);
    }

    static ConnectorProcess startIn(Path workDir, Path tempDir, Map<String, String> env) throws Exception {
        ConnectorProcess connector = new ConnectorProcess(workDir, tempDir.resolve("data"), logIn(tempDir), env);
        connector.launch();
        connector.awaitReady();
        return connector;
    }

    /** Where a connector started in {@code tempDir} writes its output, every run of it one after the other. */
    static Path logIn(Path tempDir) {
        return tempDir.resolve("connector.log");
    }

    /** Runs the jar until it stops by itself (a refused setting): its exit code and output. */
    static Exit runUntilExit(Path tempDir, Map<String, String> env) throws Exception {
        ConnectorProcess connector = new ConnectorProcess(Path.of("").toAbsolutePath(), tempDir.resolve("data"),
                logIn(tempDir), env);
        connector.launch();
        if (!connector.process.waitFor(60, TimeUnit.SECONDS)) {
            connector.process.destroyForcibly();
            throw new AssertionError("the connector did not stop by itself");
        }
        return new Exit(connector.process.exitValue(), connector.log());
    }

    record Exit(int code, String output) {
    }

    void restart() throws Exception {
        stop();
        launch();
        awaitReady();
    }

    /** Whether the process still runs: with the deployment's options, one out of memory exits at once. */
    boolean alive() {
        return process != null && process.isAlive();
    }

    /** kill -9: no shutdown hook, no flush, nothing finished. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an orchestrator stops an instance: true if the process exited within the time given. */
    boolean stopWithin(Duration atMost) throws InterruptedException {
        process.destroy();
        return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    /** Posts a hire that must be accepted (202), and returns its hire id. */
    String accept(ObjectNode event) throws Exception {
        HttpResponse<String> response = postWebhook(event.toString());
        if (response.statusCode() != 202) {
            throw new AssertionError("expected 202 for a hire, got " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("hireId").asText();
    }

    String accept(String applicantId) throws Exception {
        return accept(FlatchrEvents.hire(applicantId));
    }

    HttpResponse<String> postWebhook(String body) throws Exception {
        return postWebhook(body, WEBHOOK_TOKEN, "application/json");
    }

    HttpResponse<String> postWebhook(String body, String token, String contentType) throws Exception {
        return post("/webhooks/flatchr", body, token, contentType);
    }

    /** Posts to a tenant's own webhook URL, /webhooks/flatchr/{tenant}. */
    HttpResponse<String> postTenantWebhook(String tenant, ObjectNode event, String token) throws Exception {
        return post("/webhooks/flatchr/" + tenant, event.toString(), token, "application/json");
    }

    /** Posts a hire that the tenant's URL must accept (202), and returns its hire id. */
    String acceptFor(String tenant, ObjectNode event, String token) throws Exception {
        HttpResponse<String> response = postTenantWebhook(tenant, event, token);
        if (response.statusCode() != 202) {
            throw new AssertionError("expected 202 for a hire of " + tenant + ", got " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body()).path("hireId").asText();
    }

    /** Posts to {@code path} with {@code token} in the query string (none when null). */
    HttpResponse<String> post(String path, String body, String token, String contentType) throws Exception {
        String query = token == null ? "" : "?token=" + token;
        return HTTP.send(HttpRequest.newBuilder(uri(path + query))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts to the admin API with the admin token. */
    HttpResponse<String> postAdmin(String path, String body) throws Exception {
        return postAdmin(path, body, "Bearer " + ADMIN_TOKEN);
    }

    HttpResponse<String> postAdmin(String path, String body, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode hire(String hireId) throws Exception {
        HttpResponse<String> response = get("/admin/api/hires/" + hireId, "Bearer " + ADMIN_TOKEN);
        if (response.statusCode() != 200) {
            throw new AssertionError("admin API answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Waits until the journal shows the hire in this status, then returns it. */
    JsonNode awaitStatus(String hireId, String status) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> hire(hireId), hire -> status.equals(hire.path("status").asText()));
    }

    /**
     * How many exchanges this route has completed, as /observe/metrics counts them (Camel's route policy, its
     * {@code camel_exchanges_total}): a timer route's count grows by one each time it fires.
     */
    long exchangesOf(String routeId) throws Exception {
        HttpResponse<String> metrics = get("/observe/metrics", "Bearer " + ADMIN_TOKEN);
        if (metrics.statusCode() != 200) {
            throw new AssertionError("/observe/metrics answered " + metrics.statusCode());
        }
        return (long) metrics.body().lines()
                .filter(line -> line.startsWith("camel_exchanges_total{") && line.contains("routeId=\"" + routeId + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    Path dataDir() {
        return dataDir;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where health and metrics are: the webhook's port unless MANAGEMENT_PORT gives them their own. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    private URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    private void launch() throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", JAR.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("LUCCA_") || name.startsWith("FLATCHR_"));
        builder.environment().putAll(env);
        process = builder.start();
    }

    /**
     * Ready when Camel says so (every route started, the journal reachable) and the admin API answers with its
     * own 404: a route not started yet answers 404 too, but not as problem+json.
     */
    private void awaitReady() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the connector exited: " + log());
                    }
                    HttpResponse<String> unknown = get("/admin/api/hires/none", "Bearer " + ADMIN_TOKEN);
                    HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                            URI.create(managementUrl() + "/observe/health/ready")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return ready.statusCode() == 200 && unknown.statusCode() == 404
                            && unknown.headers().firstValue("Content-Type").orElse("").contains("problem+json");
                });
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
