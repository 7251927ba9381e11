package io.github.flatchrlucca.bench;

import io.github.flatchrlucca.fake.FakeLucca;
import io.github.flatchrlucca.fake.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What hires cost in Lucca's API budget (50 calls a minute for all of a customer's integrations): the
 * calls per hire on the happy path, and how close a burst of hires comes to the fastest pace a limit
 * allows without the connector drawing a single 429 itself.
 */
final class LuccaBudgetBenchmark {

    static final int HIRES_COUNTED = 20;
    static final int BURST_HIRES = 300;
    static final int LIMIT_REQUESTS = 20;
    static final Duration LIMIT_WINDOW = Duration.ofSeconds(2);
    private static final int BURST_PER_SECOND = 100;

    /**
     * @param firstHire   the calls of the first hire, which also reads Lucca's departments
     * @param perHire     the calls of each following hire, the department list being cached
     */
    record Calls(Map<String, Long> firstHire, Map<String, Double> perHire) {

        double perHireTotal() {
            return perHire.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /**
     * @param total          from the first 202 to the last user created
     * @param calls          the calls Lucca admitted
     * @param tooManyRequests the 429s Lucca answered: each one a call the connector should not have made
     * @param mostInAWindow  the most requests Lucca received in any window of the limit, refused ones too
     */
    record Burst(int hires, Duration total, long calls, long tooManyRequests, int mostInAWindow) {

        /** The creates alone at exactly the limit, not one faster: {@code hires / limit}, the floor of any design. */
        Duration createsAtTheLimit() {
            return LIMIT_WINDOW.multipliedBy(hires).dividedBy(LIMIT_REQUESTS);
        }

        double callsPerHire() {
            return calls / (double) hires;
        }
    }

    record Figures(Calls withoutContractType, Calls withContractType, Burst burst) {
    }

    private LuccaBudgetBenchmark() {
    }

    static Figures measure(Servers servers, HireEvents hires) throws Exception {
        return new Figures(calls(servers, hires, Map.of()), calls(servers, hires, Map.of("LUCCA_CONTRACT_TYPES", "1:21")),
                burst(servers, hires));
    }

    /** One hire to warm the department cache, then {@link #HIRES_COUNTED} hires counted. */
    private static Calls calls(Servers servers, HireEvents hires, Map<String, String> contractTypes) throws Exception {
        try (FakeLucca lucca = BenchLucca.start()) {
            Map<String, String> settings = new HashMap<>(BenchLucca.unlimited(lucca));
            settings.putAll(contractTypes);
            try (JvmServer connector = servers.connector(settings)) {
                WebhookLoad load = new WebhookLoad(Servers.webhook(connector), hires);
                LoadRun first = load.atRate(1, Duration.ofSeconds(1));
                if (first.accepted() != 1) {
                    throw new IllegalStateException("the first hire was not accepted: " + first.samples());
                }
                LuccaLog.awaitDone(lucca, 1, Duration.ofSeconds(30));
                int firstHireCalls = lucca.requests().size();
                load.atRate(5, Duration.ofSeconds(HIRES_COUNTED / 5));
                LuccaLog.awaitDone(lucca, 1 + HIRES_COUNTED, Duration.ofSeconds(60));
                List<Request> requests = lucca.requests();
                Map<String, Double> perHire = new TreeMap<>();
                LuccaLog.admittedCalls(requests.subList(firstHireCalls, requests.size()))
                        .forEach((call, count) -> perHire.put(call, count / (double) HIRES_COUNTED));
                return new Calls(LuccaLog.admittedCalls(requests.subList(0, firstHireCalls)), perHire);
            }
        }
    }

    private static Burst burst(Servers servers, HireEvents hires) throws Exception {
        try (FakeLucca lucca = BenchLucca.start()) {
            lucca.enforceLimit(LIMIT_REQUESTS, LIMIT_WINDOW);
            try (JvmServer connector = servers.connector(BenchLucca.settings(lucca, LIMIT_REQUESTS, LIMIT_WINDOW))) {
                LoadRun sent = new WebhookLoad(Servers.webhook(connector), hires)
                        .atRate(BURST_PER_SECOND, Duration.ofSeconds(BURST_HIRES / BURST_PER_SECOND));
                // At the limit, 3 calls a hire take 3 * 300 / 10 = 90 s; twice that and a minute is a failure.
                Duration timeout = LIMIT_WINDOW.multipliedBy(3L * BURST_HIRES * 2 / LIMIT_REQUESTS).plusSeconds(60);
                LuccaLog.awaitDone(lucca, (int) sent.accepted(), timeout);
                List<Request> requests = lucca.requests();
                Instant firstAccepted = sent.acceptedSamples().stream().map(LoadRun.Sample::answeredAt)
                        .min(Instant::compareTo).orElseThrow();
                Instant lastCreated = LuccaLog.userCreations(requests).values().stream()
                        .max(Instant::compareTo).orElseThrow();
                long calls = LuccaLog.admittedCalls(requests).values().stream().mapToLong(Long::longValue).sum();
                return new Burst((int) sent.accepted(), Duration.between(firstAccepted, lastCreated), calls,
                        LuccaLog.tooManyRequests(requests), lucca.maxRequestsInAnyWindow(LIMIT_WINDOW));
            }
        }
    }
}
