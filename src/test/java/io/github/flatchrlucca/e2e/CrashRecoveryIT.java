package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.flatchrlucca.fake.FakeLucca;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 at the worst moments: every accepted hire is still delivered, exactly once. */
class CrashRecoveryIT {

    static final String API_KEY = "7e3b9d20-2222-4000-8000-0000000000bb";

    @TempDir
    Path temp;
    FakeLucca lucca;
    ConnectorProcess connector;

    @BeforeEach
    void start() throws Exception {
        lucca = FakeLucca.start(API_KEY);
        connector = ConnectorProcess.start(temp, Map.of("LUCCA_BASE_URL", lucca.baseUrl(), "LUCCA_API_KEY", API_KEY));
    }

    @AfterEach
    void stop() throws Exception {
        connector.close();
        lucca.close();
    }

    @Test
    void aHireAcceptedJustBeforeACrashIsDeliveredAfterTheRestart() throws Exception {
        lucca.latency(Duration.ofSeconds(3));

        String hireId = connector.accept("crash-before-delivery");
        connector.kill();

        assertThat(lucca.users()).isEmpty();
        lucca.latency(Duration.ZERO);
        connector.restart();
        connector.awaitStatus(hireId, "delivered");
        assertThat(lucca.users()).hasSize(1);
    }

    @Test
    void aCrashWhileTheCreateIsInFlightStillMakesExactlyOneUser() throws Exception {
        lucca.latency(Duration.ofMillis(1500));

        String hireId = connector.accept("crash-during-create");
        await().atMost(Duration.ofSeconds(30)).until(() -> lucca.count("POST", "/api/v3/users") == 1);
        connector.kill();

        lucca.latency(Duration.ZERO);
        connector.restart();
        connector.awaitStatus(hireId, "delivered");
        assertThat(lucca.users()).hasSize(1);
        assertThat(lucca.count("POST", "/api/v3/users")).isEqualTo(1);
    }

    @Test
    void manyHiresAcceptedBeforeACrashAreAllDeliveredOnce() throws Exception {
        lucca.latency(Duration.ofMillis(300));
        String[] hireIds = new String[10];
        for (int i = 0; i < hireIds.length; i++) {
            hireIds[i] = connector.accept("crash-batch-" + i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lucca.count("POST", "/api/v3/users") >= 1);
        connector.kill();

        lucca.latency(Duration.ZERO);
        connector.restart();
        for (String hireId : hireIds) {
            connector.awaitStatus(hireId, "delivered");
        }
        assertThat(lucca.users()).hasSize(hireIds.length);
        assertThat(lucca.users()).extracting(u -> u.mail()).doesNotHaveDuplicates();
    }

}
