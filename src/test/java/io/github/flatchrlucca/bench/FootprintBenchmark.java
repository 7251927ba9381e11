package io.github.flatchrlucca.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the connector costs to have around: its jar, how long it takes from {@code java -jar} to
 * answering HTTP, and its resident memory once started, against the floor started the same way.
 * The connector starts in dry-run on one journal: created by the first start, reopened by the others.
 */
final class FootprintBenchmark {

    static final int STARTS = 3;
    // Once it answers, a JVM still finishes loading and compiling: memory is read once that has settled.
    private static final Duration SETTLE = Duration.ofSeconds(2);

    record Starts(List<Duration> times, double residentMiB) {

        Duration median() {
            return Percentiles.of(times, 50);
        }
    }

    record Figures(long jarBytes, Starts floor, Starts connector) {
    }

    private FootprintBenchmark() {
    }

    static Figures measure(Servers servers, Path workDir) throws Exception {
        Path journal = Files.createDirectories(workDir.resolve("data-footprint"));
        return new Figures(Files.size(servers.jar()), starts(servers::floor),
                starts(() -> servers.connector(Map.of(), journal)));
    }

    @FunctionalInterface
    private interface Start {
        JvmServer start() throws Exception;
    }

    private static Starts starts(Start start) throws Exception {
        List<Duration> times = new ArrayList<>();
        double resident = 0;
        for (int i = 0; i < STARTS; i++) {
            try (JvmServer server = start.start()) {
                times.add(server.startup());
                Thread.sleep(SETTLE.toMillis());
                resident = server.residentMiB();
            }
        }
        return new Starts(times, resident);
    }
}
