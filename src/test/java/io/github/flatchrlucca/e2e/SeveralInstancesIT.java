package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.fake.FakeLucca;
import io.github.flatchrlucca.fake.flatchr.ApplicationSeed;
import io.github.flatchrlucca.fake.flatchr.Candidate;
import io.github.flatchrlucca.fake.flatchr.Column;
import io.github.flatchrlucca.fake.flatchr.FakeFlatchr;
import io.github.flatchrlucca.fake.flatchr.Vacancy;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two connector instances on one PostgreSQL journal, as behind a load balancer. Each test ends by checking
 * the fake Lucca's users against the accepted hires: every one there, none twice.
 */
class SeveralInstancesIT {

    static final String API_KEY = "5b6c7d8e-5555-4000-8000-0000000000ee";
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    static Path shared;
    static SharedJournal postgres;

    @TempDir
    Path temp;
    FakeLucca lucca;
    final List<ConnectorProcess> instances = new ArrayList<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = new SharedJournal(shared.resolve("pg"));
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void startLucca() {
        lucca = FakeLucca.start(API_KEY);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (ConnectorProcess instance : instances) {
            instance.close();
        }
        lucca.close();
    }

    @Test
    void twoInstancesCreateEveryHireExactlyOnce() throws Exception {
        List<ConnectorProcess> both = startInstances(2, Map.of());

        List<String> hireIds = postHires(both, 300, "spread");

        awaitDelivered(both.get(0), hireIds);
        assertEveryHireOnceInLucca(300);
        // the list of hires, read from PostgreSQL: each with its candidate's name, read from its event
        JsonNode page = JSON.readTree(both.get(1).get("/admin/api/hires?size=200", "Bearer "
                + ConnectorProcess.ADMIN_TOKEN).body());
        assertThat(page.path("hires")).hasSize(200)
                .allSatisfy(hire -> assertThat(hire.path("candidate").asText()).isNotBlank());
        // an id PostgreSQL cannot even compare (a NUL byte: no text of its may hold one) is no hire, as on H2
        HttpResponse<String> noSuchHire = both.get(1).get("/admin/api/hires/" + hireIds.get(0) + "%00",
                "Bearer " + ConnectorProcess.ADMIN_TOKEN);
        assertThat(noSuchHire.statusCode()).as(noSuchHire.body()).isEqualTo(404);
        assertThat(noSuchHire.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    /**
     * On PostgreSQL too (V31's column and index, the move out's look-ups), a move out of hired sent to the other
     * instance finds its hire whichever of Flatchr's ids of the application each event names it by: data.applicant.id
     * is Flatchr's encoded id in one and its plain id in the other, data.applicant_id the plain id in both.
     */
    @Test
    void aMoveOutToTheOtherInstanceFindsItsHireByEitherOfFlatchrsIdsOfTheApplication() throws Exception {
        List<ConnectorProcess> both = startInstances(2, Map.of("HIRE_HOLD_SECONDS", "600"));
        ObjectNode hire = FlatchrEvents.hire("G6KzqPkNZ0n31m0l");
        ((ObjectNode) hire.path("data")).put("applicant_id", 5517);
        String hireId = both.get(0).accept(hire);
        ObjectNode movedOut = FlatchrEvents.movedOut(hire, "Refusé");
        ((ObjectNode) movedOut.path("data").path("applicant")).put("id", 5517);

        HttpResponse<String> response = both.get(1).postWebhook(movedOut.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("withdrawn");
        assertThat(both.get(0).hire(hireId).path("status").asText()).isEqualTo("withdrawn");
    }

    @Test
    void whenOneInstanceIsKilledTheOtherCompletesItsWork() throws Exception {
        BusyPair pair = busyPair(Map.of("DELIVERY_LEASE_SECONDS", "4", "LUCCA_TIMEOUT_MS", "1000"), "killed");

        pair.instances().get(0).kill();

        awaitDelivered(pair.instances().get(1), pair.hireIds());
        assertEveryHireOnceInLucca(BusyPair.HIRES);
    }

    @Test
    void aStoppedInstanceFinishesOrGivesBackItsWorkAndExitsInBoundedTime() throws Exception {
        BusyPair pair = busyPair(Map.of("SHUTDOWN_DRAIN_SECONDS", "1"), "stopped");

        assertThat(pair.instances().get(0).stopWithin(Duration.ofSeconds(30))).as("exited within 30 s").isTrue();

        awaitDelivered(pair.instances().get(1), pair.hireIds());
        assertEveryHireOnceInLucca(BusyPair.HIRES);
    }

    /** Two instances in the middle of delivering their hires: ten users already created, the rest to come. */
    private record BusyPair(List<ConnectorProcess> instances, List<String> hireIds) {
        static final int HIRES = 60;
    }

    private BusyPair busyPair(Map<String, String> settings, String label) throws Exception {
        List<ConnectorProcess> both = startInstances(2, settings);
        lucca.latency(Duration.ofMillis(40));
        List<String> hireIds = postHires(both, BusyPair.HIRES, label);
        await().atMost(Duration.ofSeconds(60)).until(() -> lucca.count("POST", "/api/v3/users") >= 10);
        return new BusyPair(both, hireIds);
    }

    @Test
    void aLuccaOutageEndsWithEveryHireDeliveredAndNoneDead() throws Exception {
        List<ConnectorProcess> both = startInstances(2, Map.of());
        lucca.failNext("*", "/", 503, 1_000_000);
        List<String> hireIds = postHires(both, 40, "outage");
        await().atMost(Duration.ofSeconds(60)).until(() -> retrying(both.get(0)) == 40);

        lucca.recover();

        awaitDelivered(both.get(0), hireIds);
        assertEveryHireOnceInLucca(40);
        JsonNode counts = stats(both.get(0)).path("counts");
        assertThat(counts.path("dead").asLong()).isZero();
    }

    @Test
    void whilePostgresIsDownWebhooksAnswer503AndEveryAcceptedHireIsDeliveredAfter() throws Exception {
        List<ConnectorProcess> both = startInstances(2, Map.of());
        List<String> accepted = new ArrayList<>(postHires(both, 10, "before-outage"));

        postgres.stop();
        try {
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> refused = both.get(i % 2).postWebhook(FlatchrEvents.hire("during-outage-" + i).toString());
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
            // the readiness check tells what the journal answered when a timer last asked it (every two seconds)
            for (ConnectorProcess instance : both) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> instance.get("/observe/health/ready", null).statusCode() == 503);
                assertThat(instance.get("/observe/health/live", null).statusCode()).as("restarting does not bring a "
                        + "database back").isEqualTo(200);
            }
        } finally {
            postgres.start();
        }
        // As a load balancer does: back to an instance once it says it is ready again.
        for (ConnectorProcess instance : both) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> instance.get("/observe/health/ready", null).statusCode() == 200);
        }
        accepted.addAll(postHires(both, 10, "after-outage"));

        awaitDelivered(both.get(1), accepted);
        assertEveryHireOnceInLucca(20);
    }

    @Test
    void theRateLimitHoldsAcrossInstancesDuringABurst() throws Exception {
        // Lucca's own limit, as tight as the one the connector is given: a call over it would be refused with 429
        lucca.enforceLimit(10, Duration.ofSeconds(2));
        List<ConnectorProcess> both = startInstances(2, Map.of(
                "LUCCA_RATE_LIMIT_REQUESTS", "10", "LUCCA_RATE_LIMIT_WINDOW_SECONDS", "2"));

        List<String> hireIds = postHires(both, 100, "burst");

        awaitDelivered(both.get(0), hireIds, Duration.ofMinutes(4));
        assertEveryHireOnceInLucca(100);
        assertThat(lucca.maxRequestsInAnyWindow(Duration.ofSeconds(2))).isLessThanOrEqualTo(10);
        assertThat(lucca.requests()).noneMatch(request -> request.status() == 429);
    }

    @Test
    void twoInstancesSearchFlatchrOncePerIntervalAndCreateAMissedHireOnce() throws Exception {
        String mail = "jeanne.missed-twice@example.org";
        try (FakeFlatchr flatchr = FakeFlatchr.start("flatchr-key-for-instances", "Wy3EOp2NP3p1KMq8")) {
            flatchr.addColumn(new Column("9", "Recruté", 5, true));
            flatchr.addVacancy(new Vacancy("Vk3mP0qA9sLx2BcD", 5, "Développeuse Java", "DEV-1", 1, "2026-01-05", null,
                    1, null, List.of()));
            flatchr.addApplication(ApplicationSeed.of(new Candidate("Jeanne", "Exemple", mail, ""), "Vk3mP0qA9sLx2BcD",
                    "Recruté"));
            List<ConnectorProcess> both = startInstances(2, Map.of("FLATCHR_API_KEY", "flatchr-key-for-instances",
                    "FLATCHR_COMPANY_KEY", "Wy3EOp2NP3p1KMq8", "FLATCHR_COMPANY_ID", "4242",
                    "FLATCHR_API_BASE_URL", flatchr.baseUrl(),
                    "FLATCHR_RECONCILE_INTERVAL_SECONDS", "3600"));

            await().atMost(Duration.ofSeconds(60)).until(() -> lucca.users().stream()
                    .anyMatch(user -> mail.equals(user.mail())));

            // each instance looks every 5 s whether the search is due: both look twice more, and none searches again
            long[] looked = {both.get(0).exchangesOf("reconcile-with-flatchr"),
                both.get(1).exchangesOf("reconcile-with-flatchr")};
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    both.get(0).exchangesOf("reconcile-with-flatchr") >= looked[0] + 2
                    && both.get(1).exchangesOf("reconcile-with-flatchr") >= looked[1] + 2);
            assertThat(flatchr.searchesFilteredOn("hired")).isEqualTo(1);
            OnceInLucca.withMail(lucca, mail);
        }
    }

    private List<ConnectorProcess> startInstances(int count, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(postgres.newDatabase("journal_" + DATABASES.incrementAndGet()));
        env.put("LUCCA_BASE_URL", lucca.baseUrl());
        env.put("LUCCA_API_KEY", API_KEY);
        env.putIfAbsent("LUCCA_RATE_LIMIT_REQUESTS", "100000");
        env.putIfAbsent("LUCCA_RATE_LIMIT_WINDOW_SECONDS", "1");
        env.putAll(extra);
        List<ConnectorProcess> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ConnectorProcess instance = ConnectorProcess.start(temp.resolve("instance-" + i), env);
            instances.add(instance);
            started.add(instance);
        }
        return started;
    }

    /** Hires sent to the instances in turn, as a load balancer would; returns the accepted ones. */
    private static List<String> postHires(List<ConnectorProcess> to, int count, String prefix) throws Exception {
        List<String> hireIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = to.get(i % to.size()).postWebhook(FlatchrEvents.hire(prefix + "-" + i).toString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            hireIds.add(JSON.readTree(response.body()).path("hireId").asText());
        }
        return hireIds;
    }

    private static void awaitDelivered(ConnectorProcess any, List<String> hireIds) {
        awaitDelivered(any, hireIds, Duration.ofMinutes(2));
    }

    private static void awaitDelivered(ConnectorProcess any, List<String> hireIds, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            for (String hireId : hireIds) {
                if (!"delivered".equals(any.hire(hireId).path("status").asText())) {
                    return false;
                }
            }
            return true;
        });
    }

    private void assertEveryHireOnceInLucca(int expected) {
        OnceInLucca.everyHire(lucca, expected);
    }

    private static long retrying(ConnectorProcess any) throws Exception {
        return stats(any).path("counts").path("retrying").asLong();
    }

    private static JsonNode stats(ConnectorProcess any) throws Exception {
        return JSON.readTree(any.get("/admin/api/stats", "Bearer " + ConnectorProcess.ADMIN_TOKEN).body());
    }
}
