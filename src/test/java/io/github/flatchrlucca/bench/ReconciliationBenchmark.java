package io.github.flatchrlucca.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.fake.FakeLucca;
import io.github.flatchrlucca.fake.flatchr.ApplicationSeed;
import io.github.flatchrlucca.fake.flatchr.Candidate;
import io.github.flatchrlucca.fake.flatchr.Column;
import io.github.flatchrlucca.fake.flatchr.FakeFlatchr;
import io.github.flatchrlucca.fake.flatchr.Vacancy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the safety net of Flatchr's API costs: a search whose answer of {@value #KNOWN} hired candidates the journal
 * already has (one call to Flatchr, and the CPU and time of the run), and how soon a hire made while the connector
 * was down reaches Lucca once it is started again.
 */
final class ReconciliationBenchmark {

    static final int KNOWN = 2000;
    private static final String KEY = "flatchr-key-for-benchmarks";
    private static final String COMPANY = "Wy3EOp2NP3p1KMq8";
    private static final String VACANCY = "Vk3mP0qA9sLx2BcD";
    private static final String ADMIN_TOKEN = "admin-token-for-benchmarks";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param knownRun  the search of {@value #KNOWN} known candidates: wall time, the server's CPU time, its calls
     * @param backUp    from {@code java} started again to the missed hire's user in Lucca
     * @param startup   of that same start, to its first HTTP answer
     * @param interval  the search interval the connector was given
     */
    record Figures(Duration knownRun, Duration knownRunCpu, long flatchrCalls, int found, int recorded,
                   Duration backUp, Duration startup, Duration interval) {
    }

    private ReconciliationBenchmark() {
    }

    static Figures measure(Servers servers, Path workDir) throws Exception {
        Path data = Files.createDirectories(workDir.resolve("data-reconciliation"));
        Duration interval = Duration.ofSeconds(900);
        try (FakeLucca lucca = BenchLucca.start(); FakeFlatchr flatchr = FakeFlatchr.start(KEY, COMPANY)) {
            flatchr.addColumn(new Column("9", "Recruté", 5, true));
            flatchr.addVacancy(new Vacancy(VACANCY, 5, "Développeuse Java", "DEV-1", 1, "2027-01-04", null, 1, null,
                    List.of()));
            for (int i = 0; i < KNOWN; i++) {
                flatchr.addApplication(ApplicationSeed.of(new Candidate("Camille", "Morel" + i,
                        "camille.known-" + i + "@example.org", ""), VACANCY, "Recruté"));
            }
            Map<String, String> env = new HashMap<>(Map.of("FLATCHR_API_KEY", KEY, "FLATCHR_COMPANY_KEY", COMPANY, "FLATCHR_COMPANY_ID", "4242",
                    "FLATCHR_API_BASE_URL", flatchr.baseUrl(),
                    "FLATCHR_RECONCILE_INTERVAL_SECONDS", String.valueOf(interval.toSeconds()),
                    "ADMIN_TOKEN", ADMIN_TOKEN));
            long calls;
            Duration wall;
            Duration cpu;
            JsonNode summary;
            // the first search records them all; without a Lucca they end as dry runs, which is enough: the journal
            // has them, and none is left queued before the missed hire below
            try (JvmServer connector = servers.connector(env, data)) {
                awaitDryRuns(connector, KNOWN);
                long callsBefore = flatchr.requests().size();
                Duration cpuBefore = connector.cpuTime();
                long start = System.nanoTime();
                summary = reconcile(connector);
                wall = Duration.ofNanos(System.nanoTime() - start);
                cpu = connector.cpuTime().minus(cpuBefore);
                calls = flatchr.requests().size() - callsBefore;
            }
            String missed = "lea.while-down@example.org";
            flatchr.addApplication(ApplicationSeed.of(new Candidate("Léa", "Pendant", missed, ""), VACANCY, "Recruté"));
            env.putAll(BenchLucca.unlimited(lucca));
            long launched = System.nanoTime();
            try (JvmServer connector = servers.connector(env, data)) {
                while (lucca.users().stream().noneMatch(user -> missed.equals(user.mail()))) {
                    if (System.nanoTime() - launched > Duration.ofMinutes(2).toNanos()) {
                        throw new IllegalStateException("the missed hire did not reach Lucca within 2 minutes");
                    }
                    Thread.sleep(20);
                }
                Duration backUp = Duration.ofNanos(System.nanoTime() - launched);
                return new Figures(wall, cpu, calls, summary.path("found").asInt(), summary.path("recorded").size(),
                        backUp, connector.startup(), interval);
            }
        }
    }

    private static void awaitDryRuns(JvmServer connector, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            // The HTTP server answers (404) from before the admin API's routes have started: only a 200 says anything.
            HttpResponse<String> stats = send(connector, "/admin/api/stats");
            if (stats.statusCode() == 200
                    && JSON.readTree(stats.body()).path("counts").path("dry-run").asLong() >= count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the first search's " + count + " hires did not all end within 5 minutes");
    }

    private static JsonNode reconcile(JvmServer connector) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(connector.uri("/admin/api/reconcile?tenant="
                        + "default&since=" + LocalDate.now().minusDays(3)))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the search answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> send(JvmServer connector, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(connector.uri(path)).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
