package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.fake.FakeLucca;
import io.github.flatchrlucca.fake.Request;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Lucca misbehaving as its documentation says it may: each hire still ends right, and only once. */
class LuccaFailuresIT {

    static final String API_KEY = "0d8c7a61-1111-4000-8000-0000000000aa";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ConnectorAgainstLucca app = ConnectorAgainstLucca.withSettings(API_KEY,
            Map.of("LUCCA_CONTRACT_TYPES", "1:21"));

    @Test
    void a429IsWaitedOutForAsLongAsRetryAfterSays() throws Exception {
        app.lucca().rateLimitNext(1, 2);

        String hireId = app.connector().accept("rate-limited-1");

        app.connector().awaitStatus(hireId, "delivered");
        List<Request> requests = app.lucca().requests();
        Request refused = requests.stream().filter(r -> r.status() == 429).reduce((a, b) -> b).orElseThrow();
        Request next = requests.get(requests.indexOf(refused) + 1);
        assertThat(Duration.between(refused.at(), next.at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(usersWithMail("rate-limited-1")).isEqualTo(1);
    }

    @Test
    void a503IsRetriedUntilLuccaIsBack() throws Exception {
        app.lucca().failNext("POST", "/api/v3/users", 503, 2);

        String hireId = app.connector().accept("unavailable-1");

        JsonNode hire = app.connector().awaitStatus(hireId, "delivered");
        assertThat(hire.path("attempts").asInt()).isEqualTo(3);
        assertThat(usersWithMail("unavailable-1")).isEqualTo(1);
    }

    @Test
    void aCreateWhoseAnswerIsLostMakesExactlyOneUser() throws Exception {
        app.lucca().loseAnswerOfNextCreate();

        String hireId = app.connector().accept("lost-answer-1");

        JsonNode hire = app.connector().awaitStatus(hireId, "delivered");
        assertThat(usersWithMail("lost-answer-1")).isEqualTo(1);
        assertThat(postsFor("lost-answer-1")).isEqualTo(1);
        assertThat(hire.path("warnings").toString()).contains("answer to the create was lost");
        // The contract was still set on the user the lost create made.
        long userId = hire.path("luccaUserId").asLong();
        assertThat(app.lucca().contracts()).anySatisfy(c -> {
            assertThat(c.ownerId()).isEqualTo(userId);
            assertThat(c.typeId()).isEqualTo(21);
        });
    }

    @Test
    void a400IsDeadAtOnceWithLuccasAnswerKeptAndOnePostOnly() throws Exception {
        app.lucca().failNext("POST", "/api/v3/users", 400, 1);

        String hireId = app.connector().accept("refused-1");

        JsonNode hire = app.connector().awaitStatus(hireId, "dead");
        assertThat(hire.path("lastLuccaStatus").asInt()).isEqualTo(400);
        assertThat(hire.path("lastLuccaBody").asText()).isNotBlank();
        assertThat(hire.path("lastError").asText()).contains("400", "create-user");
        assertThat(postsFor("refused-1")).isEqualTo(1);
        assertThat(usersWithMail("refused-1")).isZero();
    }

    @Test
    void aContractStepThatFailsIsRetriedWithoutCreatingTheUserAgain() throws Exception {
        app.lucca().failNext("PATCH", "/directory/api/4.0/work-contracts", 502, 1);

        String hireId = app.connector().accept("contract-retry-1");

        app.connector().awaitStatus(hireId, "delivered");
        assertThat(postsFor("contract-retry-1")).isEqualTo(1);
        assertThat(usersWithMail("contract-retry-1")).isEqualTo(1);
    }

    @Test
    void aRejectedKeyKeepsHiresQueuedUntilLuccaAcceptsTheKeyAgain(@TempDir Path own) throws Exception {
        try (FakeLucca rotated = FakeLucca.start("the-old-key");
             ConnectorProcess withNewKey = ConnectorProcess.start(own, Map.of(
                     "LUCCA_BASE_URL", rotated.baseUrl(), "LUCCA_API_KEY", "the-new-key"))) {
            HttpResponse<String> response = withNewKey.postWebhook(FlatchrEvents.hire("key-1").toString());
            String hireId = JSON.readTree(response.body()).path("hireId").asText();

            JsonNode waiting = await().atMost(Duration.ofSeconds(30)).until(() -> withNewKey.hire(hireId),
                    hire -> hire.path("lastLuccaStatus").asInt() == 401 && hire.path("attempts").asInt() >= 2);
            assertThat(waiting.path("status").asText()).isEqualTo("retrying");
            assertThat(withNewKey.log()).contains("LUCCA REJECTS THE API KEY");

            rotated.acceptKey("the-new-key");

            withNewKey.awaitStatus(hireId, "delivered");
            assertThat(rotated.users()).hasSize(1);
        }
    }


    private static long usersWithMail(String applicantId) {
        return app.lucca().users().stream().filter(u -> u.mail().equals("camille." + applicantId + "@example.org")).count();
    }

    private static long postsFor(String applicantId) {
        return app.lucca().requests().stream()
                .filter(r -> "POST".equals(r.method()) && r.body().contains("camille." + applicantId + "@example.org"))
                .count();
    }
}
