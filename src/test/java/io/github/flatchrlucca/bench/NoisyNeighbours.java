package io.github.flatchrlucca.bench;

import io.github.flatchrlucca.e2e.FlatchrEvents;
import io.github.flatchrlucca.fake.FakeLucca;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Three tenants in trouble next to the one being measured, as an integration partner's connector has on a bad
 * day: globex's Lucca hangs (every call waits past the connector's timeout), initech's key is rejected, and
 * umbrella's Lucca asked for an hour's pause. Each has hires queued before the measured run starts.
 */
final class NoisyNeighbours implements AutoCloseable {

    static final int HIRES_EACH = 20;
    private static final List<String> TENANTS = List.of("globex", "initech", "umbrella");
    private static final String TOKEN_SUFFIX = "-webhook-token-for-benchmarks";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<String, FakeLucca> luccas = new HashMap<>();
    private final Path tenantsFile;

    NoisyNeighbours(Path workDir) throws Exception {
        FakeLucca hanging = FakeLucca.start(BenchLucca.API_KEY);
        hanging.latency(Duration.ofMinutes(5));
        FakeLucca rejecting = FakeLucca.start("another-key");
        FakeLucca pausing = FakeLucca.start(BenchLucca.API_KEY);
        pausing.rateLimitNext(1, 3600);
        luccas.put("globex", hanging);
        luccas.put("initech", rejecting);
        luccas.put("umbrella", pausing);
        StringBuilder yaml = new StringBuilder("tenants:\n");
        for (int i = 0; i < TENANTS.size(); i++) {
            String tenant = TENANTS.get(i);
            yaml.append("""
                      - id: %s
                        flatchrCompanyIds: [%d]
                        webhookToken: ${env:TOKEN_%s}
                        lucca: { baseUrl: %s, apiKey: "${env:NEIGHBOUR_LUCCA_KEY}" }
                    """.formatted(tenant, companyId(i), tenant.toUpperCase(), luccas.get(tenant).baseUrl()));
        }
        tenantsFile = Files.writeString(workDir.resolve("tenants.yaml"), yaml);
    }

    /** Settings that add the three tenants to a connector whose own (default) tenant is measured. */
    Map<String, String> settings(Map<String, String> measured) {
        Map<String, String> settings = new HashMap<>(measured);
        settings.put("TENANTS_FILE", tenantsFile.toString());
        settings.put("NEIGHBOUR_LUCCA_KEY", BenchLucca.API_KEY);
        TENANTS.forEach(tenant -> settings.put("TOKEN_" + tenant.toUpperCase(), tenant + TOKEN_SUFFIX));
        return settings;
    }

    /** Queues each neighbour's hires and waits until each neighbour's Lucca has let it down once. */
    void makeTrouble(JvmServer connector) throws Exception {
        for (int i = 0; i < TENANTS.size(); i++) {
            String tenant = TENANTS.get(i);
            URI webhook = connector.webhook("/" + tenant + "?token=" + tenant + TOKEN_SUFFIX);
            for (int hire = 1; hire <= HIRES_EACH; hire++) {
                var event = FlatchrEvents.hire(tenant + "-" + hire);
                event.put("company_id", companyId(i));
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(webhook)
                        .POST(HttpRequest.BodyPublishers.ofString(event.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 202) {
                    throw new IllegalStateException(tenant + "'s hire answered " + answer.statusCode());
                }
            }
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!inTrouble()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the neighbours' Luccas were never called");
            }
            Thread.sleep(100);
        }
    }

    private boolean inTrouble() {
        return !luccas.get("globex").requests().isEmpty()
                && luccas.get("initech").requests().stream().anyMatch(request -> request.status() == 401)
                && luccas.get("umbrella").requests().stream().anyMatch(request -> request.status() == 429);
    }

    private static int companyId(int index) {
        return 9000 + index;
    }

    @Override
    public void close() {
        luccas.values().forEach(FakeLucca::close);
    }
}
