package io.github.flatchrlucca.lucca;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.http.Backoff;
import io.github.flatchrlucca.mapping.DepartmentNames;
import io.github.flatchrlucca.mapping.LuccaDepartment;
import io.github.flatchrlucca.routes.Variables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Variable;

/**
 * Each Lucca instance's departments, read page by page and kept for a while: they change rarely, and reading
 * them for every hire would spend the customer's small API budget on the same answer. A read that failed is not
 * made again before its backoff is over (a key whose role may not read the organisation, a Lucca that is down):
 * until then its failure is given again, without a call, to every hire and preview that asks.
 */
public final class DepartmentDirectory {

    private final LuccaCaller lucca;
    private final LuccaRequests requests;
    private final Clock clock;
    private final Duration ttl;
    private final Backoff afterFailure;
    private final Map<String, Cached> byInstance = new ConcurrentHashMap<>();

    /** @param afterFailure how long after failed reads in a row the list is read again */
    public DepartmentDirectory(LuccaCaller lucca, LuccaRequests requests, Clock clock, Duration ttl,
                               Backoff afterFailure) {
        this.lucca = lucca;
        this.requests = requests;
        this.clock = clock;
        this.ttl = ttl;
        this.afterFailure = afterFailure;
    }

    /**
     * Lucca's departments to match a hire's department names against; none, without asking Lucca, when it names none
     * (FLATCHR_DEPARTMENT_POINTER unset, or an event without any): its department is then the default whatever Lucca
     * lists, and a key whose role may not read the organisation (403) would hold up every hire of its tenant for it.
     * The delivery route's bean step: the hire's Lucca and the hire are its variables.
     */
    public List<LuccaDepartment> toMatch(@Variable(Variables.LUCCA) LuccaConnection connection,
                                         @Variable(Variables.DELIVERY) DepartmentNames hire) {
        return hire.departmentNames().isEmpty() ? List.of() : departments(connection);
    }

    /** One tenant's wait for its list never holds up another tenant's: each Lucca instance has its own. */
    List<LuccaDepartment> departments(LuccaConnection connection) {
        if (connection.baseUrl().isEmpty()) {
            return List.of();
        }
        Cached cached = byInstance.computeIfAbsent(connection.instance(), key -> new Cached());
        synchronized (cached) {
            if (!cached.fresh()) {
                read(cached, connection);
            }
            return cached.departments;
        }
    }

    /**
     * Reads the list into the cache, unless a read with the same key failed and its backoff is not over: that
     * failure is then thrown again, and Lucca is not called. Another key (a rotated one, another tenant's on the
     * same instance) is tried at once.
     */
    private void read(Cached cached, LuccaConnection connection) {
        Instant now = clock.instant();
        if (cached.failure != null && connection.apiKey().equals(cached.failedWith) && now.isBefore(cached.retryAt)) {
            throw cached.failure;
        }
        try {
            cached.departments = readAll(connection);
        } catch (RuntimeException failure) {
            cached.failures = connection.apiKey().equals(cached.failedWith) ? cached.failures + 1 : 1;
            cached.failure = failure;
            cached.failedWith = connection.apiKey();
            cached.retryAt = clock.instant().plus(afterFailure.after(cached.failures));
            throw failure;
        }
        cached.readAt = clock.instant();
        cached.failure = null;
        cached.failedWith = null;
        cached.failures = 0;
    }

    private final class Cached {
        private List<LuccaDepartment> departments;
        private Instant readAt = Instant.MIN;
        private RuntimeException failure;
        private String failedWith;
        private int failures;
        private Instant retryAt = Instant.MIN;

        boolean fresh() {
            return departments != null && clock.instant().isBefore(readAt.plus(ttl));
        }
    }

    private List<LuccaDepartment> readAll(LuccaConnection connection) {
        List<LuccaDepartment> departments = new ArrayList<>();
        PagesWithoutEnd pages = new PagesWithoutEnd("list-departments");
        for (int number = 1; ; number++) {
            ApiRequest request = requests.departmentsPage(number);
            JsonNode page = lucca.call(connection, request).body();
            List<JsonNode> items = LuccaEnvelopes.v4Items(request.name(), page);
            items.forEach(item -> departments.add(new LuccaDepartment(
                    item.path("id").asInt(), item.path("name").asText(""), item.path("isActive").asBoolean(true))));
            if (!LuccaEnvelopes.hasNextPage(page)) {
                return List.copyOf(departments);
            }
            pages.next(items.stream().map(item -> item.path("id").asLong()).toList());
        }
    }
}
