package io.github.flatchrlucca.bench;

import io.github.flatchrlucca.fake.FakeLucca;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How long a recruiter's hire takes to become an employee: from the webhook's 202 to the user existing
 * in Lucca, against a fake Lucca that answers every call in 20 ms and sets no limit (nor does the
 * connector). Hires come one by one, open loop, at a pace the delivery keeps up with: what one hire
 * waits, not a queue.
 */
final class HireToEmployeeBenchmark {

    static final int PER_SECOND = 5;
    static final Duration RUN = Duration.ofSeconds(30);
    private static final Duration WARM_UP = Duration.ofSeconds(4);

    /** @param delays from each hire's 202 to its user's creation in Lucca */
    record Figures(int hires, List<Duration> delays) {

        Duration percentile(double percent) {
            return Percentiles.of(delays, percent);
        }
    }

    private HireToEmployeeBenchmark() {
    }

    static Figures measure(Servers servers, HireEvents hires) throws Exception {
        try (FakeLucca lucca = BenchLucca.start();
             JvmServer connector = servers.connector(BenchLucca.unlimited(lucca))) {
            return measure(connector, lucca, hires);
        }
    }

    /** The same, for a tenant that shares the connector with three tenants in trouble. */
    static Figures measureNextTo(Servers servers, HireEvents hires, Path workDir) throws Exception {
        try (FakeLucca lucca = BenchLucca.start();
             NoisyNeighbours neighbours = new NoisyNeighbours(workDir);
             JvmServer connector = servers.connector(neighbours.settings(BenchLucca.unlimited(lucca)))) {
            neighbours.makeTrouble(connector);
            return measure(connector, lucca, hires);
        }
    }

    private static Figures measure(JvmServer connector, FakeLucca lucca, HireEvents hires) throws Exception {
        WebhookLoad load = new WebhookLoad(Servers.webhook(connector), hires);
        int warmUp = (int) load.atRate(PER_SECOND, WARM_UP).accepted();
        LuccaLog.awaitDone(lucca, warmUp, Duration.ofSeconds(60));
        LoadRun run = load.atRate(PER_SECOND, RUN);
        LuccaLog.awaitDone(lucca, warmUp + (int) run.accepted(), Duration.ofSeconds(60));
        Map<String, Instant> created = LuccaLog.userCreations(lucca.requests());
        List<Duration> delays = run.acceptedSamples().stream()
                .map(hire -> Duration.between(hire.answeredAt(), created.get(HireEvents.mailOf(hire.applicantId()))))
                .toList();
        return new Figures(run.samples().size(), delays);
    }
}
