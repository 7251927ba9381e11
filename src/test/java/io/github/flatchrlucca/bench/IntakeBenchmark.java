package io.github.flatchrlucca.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Webhooks accepted by one server: first at saturation (closed loop), then at fixed rates (open loop).
 * The server is warmed up first, so the figures are those of a JVM that has compiled its hot paths.
 */
final class IntakeBenchmark {

    static final int[] RATES = {100, 500, 1000};
    static final int SATURATION_CONNECTIONS = 32;
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration STEP = Duration.ofSeconds(10);

    /**
     * @param saturation  the closed-loop run
     * @param cpuPerWebhook CPU time the server spent per webhook at saturation, all its threads: what a
     *                      webhook costs, whatever the load generator beside it costs
     * @param atRates     the open-loop runs, by rate
     * @param residentMiB the server's resident memory after the runs
     */
    record Figures(LoadRun saturation, Duration cpuPerWebhook, Map<Integer, LoadRun> atRates, double residentMiB) {

        /** Webhooks refused or unanswered in any run: a fair figure has none. */
        long failed() {
            return saturation.failed() + atRates.values().stream().mapToLong(LoadRun::failed).sum();
        }
    }

    private IntakeBenchmark() {
    }

    static Figures measure(JvmServer server, HireEvents hires) throws Exception {
        WebhookLoad load = new WebhookLoad(Servers.webhook(server), hires);
        load.saturate(SATURATION_CONNECTIONS, WARM_UP);
        Duration cpuBefore = server.cpuTime();
        LoadRun saturation = load.saturate(SATURATION_CONNECTIONS, STEP);
        Duration cpu = server.cpuTime().minus(cpuBefore);
        Map<Integer, LoadRun> atRates = new LinkedHashMap<>();
        for (int rate : RATES) {
            atRates.put(rate, load.atRate(rate, STEP));
        }
        return new Figures(saturation, cpu.dividedBy(Math.max(1, saturation.samples().size())), atRates,
                server.residentMiB());
    }
}
