package io.github.flatchrlucca.bench;

import io.github.flatchrlucca.fake.FakeLucca;
import java.time.Duration;
import java.util.Map;

/** The fake Lucca the delivery benchmarks run against, and the connector settings that point at it. */
final class BenchLucca {

    static final String API_KEY = "5a2f1c3e-0000-4000-8000-0000000be4c4";
    static final Duration LATENCY = Duration.ofMillis(20);

    private BenchLucca() {
    }

    /** A Lucca that answers every call in 20 ms, with the department the hires name. */
    static FakeLucca start() {
        FakeLucca lucca = FakeLucca.start(API_KEY);
        lucca.addDepartment("Service IT", true);
        lucca.latency(LATENCY);
        return lucca;
    }

    /** The connector delivering to {@code lucca} within its production limit (50 calls a minute). */
    static Map<String, String> settings(FakeLucca lucca) {
        return Map.of("LUCCA_BASE_URL", lucca.baseUrl(), "LUCCA_API_KEY", API_KEY);
    }

    /** The connector delivering to {@code lucca} with a client-side limit of its own. */
    static Map<String, String> settings(FakeLucca lucca, int requests, Duration window) {
        return Map.of("LUCCA_BASE_URL", lucca.baseUrl(), "LUCCA_API_KEY", API_KEY,
                "LUCCA_RATE_LIMIT_REQUESTS", String.valueOf(requests),
                "LUCCA_RATE_LIMIT_WINDOW_SECONDS", String.valueOf(window.toSeconds()));
    }

    /** The connector delivering to {@code lucca} as fast as it can: no limit to wait for. */
    static Map<String, String> unlimited(FakeLucca lucca) {
        return settings(lucca, Integer.MAX_VALUE, Duration.ofSeconds(1));
    }
}
