package io.github.flatchrlucca.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhooks accepted by one server: first at saturation (closed loop), then at fixed rates (open loop).
 * The server is warmed up first, so the figures are those of a JVM that has compiled its hot paths.
 */
final class IntakeBenchmark {

    static final int[] RATES = {100, 500, 1000};
    static final int SATURATION_CONNECTIONS = 32;
    /** Closed-loop runs under strace: one connection at a time, then as many as at saturation. */
    static final int[] SYNCED_CONNECTIONS = {1, SATURATION_CONNECTIONS};
    static final Duration SYNCED_STEP = Duration.ofSeconds(5);
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration STEP = Duration.ofSeconds(10);

    /**
     * @param saturation  the closed-loop run
     * @param cpuPerWebhook CPU time the server spent per webhook at saturation, all its threads: what a
     *                      webhook costs, whatever the load generator beside it costs
     * @param atRates     the open-loop runs, by rate; none at a rate the server could not take at saturation
     * @param residentMiB the server's resident memory after the runs
     * @param synced      the closed-loop runs under strace, by connections; none where strace is not installed
     */
    record Figures(LoadRun saturation, Duration cpuPerWebhook, Map<Integer, LoadRun> atRates, double residentMiB,
                   List<Synced> synced) {

        /** Webhooks refused or unanswered in any run: a fair figure has none. */
        long failed() {
            return saturation.failed() + atRates.values().stream().mapToLong(LoadRun::failed).sum()
                    + synced.stream().mapToLong(run -> run.run().failed()).sum();
        }
    }

    /** A closed-loop run with the server's syncs to disk counted: how many webhooks one sync carried. */
    record Synced(int connections, LoadRun run, long syncs) {

        double syncsPerWebhook() {
            return syncs / (double) Math.max(1, run.accepted());
        }
    }

    private IntakeBenchmark() {
    }

    static Figures measure(JvmServer server, HireEvents hires, Path workDir) throws Exception {
        WebhookLoad load = new WebhookLoad(Servers.webhook(server), hires);
        load.saturate(SATURATION_CONNECTIONS, WARM_UP);
        Duration cpuBefore = server.cpuTime();
        LoadRun saturation = load.saturate(SATURATION_CONNECTIONS, STEP);
        Duration cpu = server.cpuTime().minus(cpuBefore);
        Map<Integer, LoadRun> atRates = new LinkedHashMap<>();
        for (int rate : RATES) {
            // past its saturation a server only lengthens its queue, until the run's bound stops the benchmark
            if (rate < saturation.acceptedPerSecond()) {
                atRates.put(rate, load.atRate(rate, STEP));
            }
        }
        double residentMiB = server.residentMiB();
        List<Synced> synced = new ArrayList<>();
        if (SyncCount.available()) {
            for (int connections : SYNCED_CONNECTIONS) {
                synced.add(synced(server, load, connections, workDir.resolve("strace-" + server.pid() + "-"
                        + connections + ".txt")));
            }
        }
        return new Figures(saturation, cpu.dividedBy(Math.max(1, saturation.samples().size())), atRates,
                residentMiB, synced);
    }

    private static Synced synced(JvmServer server, WebhookLoad load, int connections, Path summary) throws Exception {
        try (SyncCount count = SyncCount.attach(server.pid(), summary)) {
            LoadRun run = load.saturate(connections, SYNCED_STEP);
            return new Synced(connections, run, count.stop());
        }
    }
}
