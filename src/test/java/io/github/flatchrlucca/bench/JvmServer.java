package io.github.flatchrlucca.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in its own JVM, started with the same JVM options whatever it is, so the
 * connector and the bare Camel floor are measured alike. Its memory and CPU time are read from the
 * operating system, as {@code ps} and {@code top} would show them.
 */
final class JvmServer implements AutoCloseable {

    static final String WEBHOOK_PATH = "/webhooks/flatchr";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final Duration startup;

    private JvmServer(String name, Process process, long launchedNanos, int port, Path log) throws Exception {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.startup = awaitFirstAnswer(launchedNanos);
    }

    /**
     * Starts {@code java <javaOptions> <launch...>} in {@code workDir} with {@code env} and a free
     * {@code SERVER_PORT}, and returns once it answers HTTP.
     */
    static JvmServer start(String name, Path workDir, List<String> javaOptions, List<String> launch,
                           Map<String, String> env, Path log) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The connector reads its settings from the environment: none may leak in from the shell.
        builder.environment().keySet().removeIf(key -> key.startsWith("LUCCA_") || key.startsWith("FLATCHR_"));
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        long launched = System.nanoTime();
        return new JvmServer(name, builder.start(), launched, port, log);
    }

    URI webhook(String query) {
        return URI.create("http://127.0.0.1:" + port + WEBHOOK_PATH + query);
    }

    /** Any path of the server, such as the admin API's. */
    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** From {@code java} being started to the first HTTP answer, of whatever status. */
    Duration startup() {
        return startup;
    }

    /** The server's process, for tools that attach to it. */
    long pid() {
        return process.pid();
    }

    /** Resident memory now, as the kernel counts it (VmRSS), in MiB. */
    double residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + name);
    }

    /** CPU time the server has used so far, all its threads, user and system. */
    Duration cpuTime() {
        return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time for " + name));
    }

    private Duration awaitFirstAnswer(long launchedNanos) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited at start; see " + log);
            }
            try {
                PROBE.send(HttpRequest.newBuilder(webhook("")).timeout(Duration.ofMillis(500)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                return Duration.ofNanos(System.nanoTime() - launchedNanos);
            } catch (IOException notYet) {
                Thread.sleep(10);
            }
        }
        close();
        throw new IllegalStateException(name + " did not answer within " + START_TIMEOUT + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
