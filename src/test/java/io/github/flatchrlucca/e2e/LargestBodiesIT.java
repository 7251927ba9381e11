package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The heap the deployment files give holds the largest bodies the connector accepts, as many at once as clients
 * send: a connector stopped by running out of memory loses the webhooks it was answering, which Flatchr does not
 * resend. Only a process with that heap can show it. 32 such webhooks at once stopped a 128 MiB connector before the
 * body budget; two from each of 32 clients are now all accepted and delivered, and the connector goes on. They are
 * delivered while an operator's pages ask for the counts and the list of hires every second: that stopped it too,
 * before each event was kept out of its hire's row in the journal and a delivery round held one hire at a time.
 */
class LargestBodiesIT {

    static final String API_KEY = "7e5d3c1b-5555-4000-8000-0000000000b0";
    static final int CLIENTS = 32;
    static final int EACH = 2;
    static final int MAX_BODY_BYTES = 1_048_576; // FLATCHR_MAX_BODY_BYTES's default
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ConnectorAgainstLucca app = ConnectorAgainstLucca.withSettings(API_KEY, Map.of(
            // the JVM options the deployment files and ./run.sh give (the class archive aside, which this build has not)
            "JAVA_TOOL_OPTIONS", deploymentJavaOptions()));

    @Test
    void webhooksOfTheLargestAcceptedSizeAllAtOnceAreAllAcceptedAndDelivered() throws Exception {
        // an operator watches the status page and the list of hires all along, each refreshed every second (more
        // often than the page itself does)
        List<Integer> operatorAnswers = new CopyOnWriteArrayList<>();
        ScheduledExecutorService operator = Executors.newSingleThreadScheduledExecutor();
        operator.scheduleWithFixedDelay(() -> {
            for (String page : List.of("/admin/api/stats", "/admin/api/hires")) {
                try {
                    operatorAnswers.add(app.connector().get(page, "Bearer " + ConnectorProcess.ADMIN_TOKEN).statusCode());
                } catch (InterruptedException watchOver) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception noAnswer) {
                    operatorAnswers.add(0);
                }
            }
        }, 0, 1, TimeUnit.SECONDS);
        List<String> hireIds = new ArrayList<>();
        try {
            hireIds.addAll(sendTheLargestAllAtOnce());
            assertThat(hireIds).hasSize(CLIENTS * EACH).doesNotHaveDuplicates();
            // each 202 came after its hire was on disk: each is read back whole and delivered, with the same heap, and
            // the connector goes on with the next hire as usual
            hireIds.add(app.connector().accept("after-the-largest"));
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .failFast("the connector stopped (out of memory?)", () -> !app.connector().alive())
                    .until(() -> app.lucca().users().size() >= hireIds.size());
        } finally {
            operator.shutdownNow();
            assertThat(operator.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(operatorAnswers).as("the operator's pages").isNotEmpty().containsOnly(200);
        for (String hireId : hireIds) {
            assertThat(app.connector().hire(hireId).path("status").asText()).as(hireId).isEqualTo("delivered");
        }
        OnceInLucca.everyHire(app.lucca(), hireIds.size());
        assertThat(app.connector().log()).doesNotContain("java.lang.OutOfMemoryError");
    }

    /** Each of the clients sends its webhooks one after the other, all clients at once: the ids of the hires accepted. */
    private static List<String> sendTheLargestAllAtOnce() throws Exception {
        List<Future<List<String>>> answers = new ArrayList<>();
        List<String> hireIds = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int client = 0; client < CLIENTS; client++) {
                String name = "largest-" + client;
                answers.add(clients.submit(() -> {
                    List<String> accepted = new ArrayList<>();
                    for (int sent = 0; sent < EACH; sent++) {
                        HttpResponse<String> answer = app.connector()
                                .postWebhook(FlatchrEvents.hireOfBytes(name + "-" + sent, MAX_BODY_BYTES));
                        if (answer.statusCode() == 202) {
                            accepted.add(JSON.readTree(answer.body()).path("hireId").asText());
                        }
                    }
                    return accepted;
                }));
            }
            for (Future<List<String>> answer : answers) {
                hireIds.addAll(answer.get());
            }
            return hireIds;
        } finally {
            clients.shutdownNow();
        }
    }

    private static String deploymentJavaOptions() {
        try {
            Matcher options = Pattern.compile("\\$\\{JAVA_OPTS-([^}]*)}").matcher(Files.readString(Path.of("run.sh")));
            if (!options.find()) {
                throw new AssertionError("run.sh gives no default JAVA_OPTS");
            }
            return options.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
