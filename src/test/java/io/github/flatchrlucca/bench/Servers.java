package io.github.flatchrlucca.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the two servers the benchmarks compare, from the same shaded jar and with the same JVM
 * options: the connector as operators run it, and the floor, a bare Camel Main whose only YAML route
 * parses the JSON body and answers 202 ({@code bench/floor}).
 */
final class Servers {

    static final String WEBHOOK_TOKEN = "webhook-secret-for-benchmarks";

    private final Path repository;
    private final List<String> javaOptions;
    private final Path workDir;
    private final AtomicInteger started = new AtomicInteger();

    Servers(Path repository, List<String> javaOptions, Path workDir) throws IOException {
        this.repository = repository;
        this.javaOptions = List.copyOf(javaOptions);
        this.workDir = Files.createDirectories(workDir);
    }

    Path jar() {
        return repository.resolve("target/flatchr-lucca.jar");
    }

    List<String> javaOptions() {
        return javaOptions;
    }

    JvmServer floor() throws Exception {
        return JvmServer.start("floor", repository.resolve("bench/floor"), javaOptions,
                List.of("-cp", jar().toString(), "org.apache.camel.main.Main", "-pl", "file:application.properties"),
                Map.of(), log("floor"));
    }

    /** The connector with its production defaults, but for {@code settings}, and a journal of its own. */
    JvmServer connector(Map<String, String> settings) throws Exception {
        return connector(settings, Files.createDirectories(workDir.resolve("data-" + started.incrementAndGet())));
    }

    /** The connector on a journal that may already exist, as after a restart. */
    JvmServer connector(Map<String, String> settings, Path dataDir) throws Exception {
        Map<String, String> env = new HashMap<>(settings);
        env.put("DATA_DIR", dataDir.toString());
        env.put("FLATCHR_WEBHOOK_TOKEN", WEBHOOK_TOKEN);
        return JvmServer.start("connector", repository, javaOptions, List.of("-jar", jar().toString()), env,
                log("connector"));
    }

    /** Where each server takes webhooks; the floor ignores the token. */
    static URI webhook(JvmServer server) {
        return server.webhook("?token=" + WEBHOOK_TOKEN);
    }

    private Path log(String name) {
        return workDir.resolve(name + "-" + started.incrementAndGet() + ".log");
    }
}
