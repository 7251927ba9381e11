package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.flatchrlucca.fake.FakeLucca;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bodies read at once are bounded by the body budget, a sixteenth of the heap or one largest body. A webhook
 * that waits for that budget longer than HTTP_REQUEST_TIMEOUT_SECONDS is answered 408, as an overwhelmed connector
 * should, instead of waiting on. Only a process shows it: the budget is sized from the process's heap and waited for
 * on the HTTP server's threads. Here the budget is held by one webhook of the largest size whose journal write
 * waits, as behind a slow journal: a PostgreSQL journal whose hire table the test keeps locked.
 */
class BodyBudgetIT {

    static final String API_KEY = "7e5d3c1b-5555-4000-8000-0000000000bb";
    // above a sixteenth of the 128 MiB heap below: the budget is then this, and one such body fills it
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    @TempDir
    static Path temp;
    static SharedJournal postgres;
    static FakeLucca lucca;
    static ConnectorProcess connector;
    static String journalUrl;

    @BeforeAll
    static void start() throws Exception {
        postgres = new SharedJournal(temp.resolve("pg"));
        lucca = FakeLucca.start(API_KEY);
        Map<String, String> env = new HashMap<>(postgres.newDatabase("journal_budget"));
        journalUrl = env.get("JOURNAL_JDBC_URL");
        env.put("LUCCA_BASE_URL", lucca.baseUrl());
        env.put("LUCCA_API_KEY", API_KEY);
        env.put("FLATCHR_MAX_BODY_BYTES", String.valueOf(MAX_BODY_BYTES));
        env.put("HTTP_REQUEST_TIMEOUT_SECONDS", "2");
        env.put("JAVA_TOOL_OPTIONS", "-Xmx128m");
        connector = ConnectorProcess.start(temp.resolve("connector"), env);
    }

    @AfterAll
    static void stop() throws Exception {
        connector.close();
        lucca.close();
        postgres.close();
    }

    @Test
    void aWebhookWaitingForTheBodyBudgetPastTheRequestDeadlineIsAnswered408AndTheHolderStill202() throws Exception {
        try (Connection lock = journal()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE hire IN ACCESS EXCLUSIVE MODE");
            }
            String largest = FlatchrEvents.hireOfBytes("holds-the-budget", MAX_BODY_BYTES);
            CompletableFuture<HttpResponse<String>> holder = CompletableFuture.supplyAsync(() -> post(largest));
            // its body read and parsed, its share of the budget held while its journal write waits for the lock
            await().atMost(Duration.ofSeconds(60)).until(BodyBudgetIT::anInsertWaitsForTheLock);

            String waiter;
            try (Socket socket = RawHttp.connect(connector)) {
                String hire = FlatchrEvents.hire("waits-for-the-budget").toString();
                RawHttp.send(socket, "POST /webhooks/flatchr?token=" + ConnectorProcess.WEBHOOK_TOKEN + " HTTP/1.1\r\n"
                        + "Host: test\r\nContent-Type: application/json\r\nContent-Length: "
                        + hire.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + hire);
                waiter = RawHttp.answer(socket);
            }

            assertThat(waiter).startsWith("HTTP/1.1 408").contains("application/problem+json")
                    .containsIgnoringCase("connection: close");
            assertThat(holder).isNotDone();
            lock.rollback();
            assertThat(holder.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        }
        // the budget came back with the holder's answer: the next webhook is accepted
        connector.accept("after-the-wait");
    }

    private static boolean anInsertWaitsForTheLock() throws SQLException {
        try (Connection connection = journal(); Statement statement = connection.createStatement();
             ResultSet waiting = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
                     + "WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO hire %'")) {
            waiting.next();
            return waiting.getInt(1) == 1;
        }
    }

    private static Connection journal() throws SQLException {
        return DriverManager.getConnection(journalUrl, "postgres", "postgres");
    }

    private static HttpResponse<String> post(String body) {
        try {
            return connector.postWebhook(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
