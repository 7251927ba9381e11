package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** kill -9 at the worst moments: every accepted hire is still delivered, exactly once. */
class CrashRecoveryIT {

    static final String API_KEY = "7e3b9d20-2222-4000-8000-0000000000bb";

    // Each test crashes its own connector: a fresh one, on a fresh journal.
    @RegisterExtension
    final ConnectorAgainstLucca app = ConnectorAgainstLucca.withSettings(API_KEY, Map.of());

    @Test
    void aHireAcceptedJustBeforeACrashIsDeliveredAfterTheRestart() throws Exception {
        app.lucca().latency(Duration.ofSeconds(3));

        String hireId = app.connector().accept("crash-before-delivery");
        app.connector().kill();

        assertThat(app.lucca().users()).isEmpty();
        app.lucca().latency(Duration.ZERO);
        app.connector().restart();
        app.connector().awaitStatus(hireId, "delivered");
        OnceInLucca.everyHire(app.lucca(), 1);
    }

    @Test
    void aCrashWhileTheCreateIsInFlightStillMakesExactlyOneUser() throws Exception {
        app.lucca().latency(Duration.ofMillis(1500));

        String hireId = app.connector().accept("crash-during-create");
        await().atMost(Duration.ofSeconds(30)).until(() -> app.lucca().count("POST", "/api/v3/users") == 1);
        app.connector().kill();

        app.lucca().latency(Duration.ZERO);
        app.connector().restart();
        app.connector().awaitStatus(hireId, "delivered");
        OnceInLucca.everyHire(app.lucca(), 1);
    }

    @Test
    void manyHiresAcceptedBeforeACrashAreAllDeliveredOnce() throws Exception {
        app.lucca().latency(Duration.ofMillis(300));
        String[] hireIds = new String[10];
        for (int i = 0; i < hireIds.length; i++) {
            hireIds[i] = app.connector().accept("crash-batch-" + i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> app.lucca().count("POST", "/api/v3/users") >= 1);
        app.connector().kill();

        app.lucca().latency(Duration.ZERO);
        app.connector().restart();
        for (String hireId : hireIds) {
            app.connector().awaitStatus(hireId, "delivered");
        }
        OnceInLucca.everyHire(app.lucca(), hireIds.length);
    }

}
