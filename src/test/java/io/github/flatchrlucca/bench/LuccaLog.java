package io.github.flatchrlucca.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.fake.FakeLucca;
import io.github.flatchrlucca.fake.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the fake Lucca saw the connector do, read from its request log. */
final class LuccaLog {

    static final int TOO_MANY_REQUESTS = 429;
    private static final ObjectMapper JSON = new ObjectMapper();
    // The connector polls its journal every 250 ms: a second without a call means it has nothing left to do.
    private static final Duration QUIET = Duration.ofSeconds(1);

    private LuccaLog() {
    }

    /** The calls Lucca admitted (not refused with a 429), by the name the connector gives them. */
    static Map<String, Long> admittedCalls(List<Request> requests) {
        Map<String, Long> calls = new TreeMap<>();
        requests.stream().filter(request -> request.status() != TOO_MANY_REQUESTS)
                .forEach(request -> calls.merge(name(request), 1L, Long::sum));
        return calls;
    }

    static long tooManyRequests(List<Request> requests) {
        return requests.stream().filter(request -> request.status() == TOO_MANY_REQUESTS).count();
    }

    /** When each user was created, by e-mail: the arrival of the create that Lucca answered 200. */
    static Map<String, Instant> userCreations(List<Request> requests) {
        Map<String, Instant> created = new HashMap<>();
        requests.stream()
                .filter(request -> request.method().equals("POST") && request.path().equals("/api/v3/users")
                        && request.status() == 200)
                .forEach(request -> created.put(mail(request.body()), request.at()));
        return created;
    }

    /** Waits, bounded, until Lucca holds {@code users} users and the connector has stopped calling it. */
    static void awaitDone(FakeLucca lucca, int users, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = lucca.requests().size();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (lucca.users().size() >= users && System.nanoTime() - quietSince >= QUIET.toNanos()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Lucca holds " + lucca.users().size() + " users of " + users
                + " expected after " + timeout + ": see the connector's log");
    }

    /** The connector's own names for its calls (see LuccaRequests), told apart by method, path and query. */
    private static String name(Request request) {
        String call = request.method() + " " + request.path();
        if (call.equals("GET /api/v3/users")) {
            return usersCall(request.query());
        }
        if (call.equals("POST /api/v3/users")) {
            return "create-user";
        }
        if (call.startsWith("GET /directory/api/4.0/work-contracts")) {
            return "find-work-contract";
        }
        if (call.equals("POST /directory/api/4.0/work-contracts")) {
            return "create-work-contract";
        }
        if (call.startsWith("PATCH /directory/api/4.0/work-contracts/")) {
            return "patch-work-contract";
        }
        if (call.startsWith("GET /organization/structure/api/departments")) {
            return "list-departments";
        }
        return call;
    }

    private static String usersCall(String query) {
        if (query.contains("modifiedAt=")) {
            return "list-changed-people";
        }
        if (query.contains("mail=")) {
            return "find-person-by-mail";
        }
        if (query.contains("login=like")) {
            return "find-taken-logins";
        }
        if (query.contains("login=")) {
            return "find-person-by-login";
        }
        return query.startsWith("fields=id&paging=0,1") ? "try-api-key" : "list-people";
    }

    private static String mail(String createBody) {
        try {
            return JSON.readTree(createBody).path("mail").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("a create whose body is not JSON", e);
        }
    }
}
