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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The heap the deployment files give holds the largest bodies the connector accepts, as many at once as clients
 * send: a connector stopped by running out of memory loses the webhooks it was answering, which Flatchr does not
 * resend. Only a process with that heap can show it. 32 such webhooks at once stopped a 128 MiB connector before the
 * body budget; two from each of 32 clients are now all accepted and delivered, and the connector goes on.
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
            assertThat(hireIds).hasSize(CLIENTS * EACH).doesNotHaveDuplicates();
        } finally {
            clients.shutdownNow();
        }
        // each 202 came after its hire was on disk: each is read back whole and delivered, with the same heap, and
        // the connector goes on with the next hire as usual. Awaited in Lucca, not by asking the connector over and
        // over: a hire's view carries its megabyte of event, and the counts by status read every queued hire whole.
        hireIds.add(app.connector().accept("after-the-largest"));
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .failFast("the connector stopped (out of memory?)", () -> !app.connector().alive())
                .until(() -> app.lucca().users().size() >= hireIds.size());
        for (String hireId : hireIds) {
            assertThat(app.connector().hire(hireId).path("status").asText()).as(hireId).isEqualTo("delivered");
        }
        OnceInLucca.everyHire(app.lucca(), hireIds.size());
        assertThat(app.connector().log()).doesNotContain("java.lang.OutOfMemoryError");
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
