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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /**
     * Whether Lucca lists this department, when that can be told without reading the organisation for it alone:
     * empty when no list was read with this connection's key (its role may not be allowed to read it: a 403 would
     * read as a rejected key) or when a read fails. A list that lacks the department is read once more before it is
     * believed, a department made in Lucca since the list was read (its id just set) is then found; the answer
     * read again is kept with the list, so that the next hires ask Lucca nothing more until the list is old.
     */
    public Optional<Boolean> lists(LuccaConnection connection, int departmentId) {
        Cached cached = connection.baseUrl().isEmpty() ? null : byInstance.get(connection.instance());
        if (cached == null) {
            return Optional.empty();
        }
        synchronized (cached) {
            if (cached.departments == null || !connection.apiKey().equals(cached.readWith)) {
                return Optional.empty();
            }
            if (cached.fresh() && (listed(cached, departmentId) || cached.confirmedMissing.contains(departmentId))) {
                return Optional.of(listed(cached, departmentId));
            }
            try {
                read(cached, connection);
            } catch (RuntimeException unread) {
                return Optional.empty();
            }
            if (!listed(cached, departmentId)) {
                cached.confirmedMissing.add(departmentId);
            }
            return Optional.of(listed(cached, departmentId));
        }
    }

    private static boolean listed(Cached cached, int departmentId) {
        return cached.departments.stream().anyMatch(department -> department.id() == departmentId);
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
        cached.readWith = connection.apiKey();
        cached.confirmedMissing.clear();
        cached.failure = null;
        cached.failedWith = null;
        cached.failures = 0;
    }

    private final class Cached {
        private List<LuccaDepartment> departments;
        private Instant readAt = Instant.MIN;
        // the key the list was read with: the departments are the instance's, but only a key seen reading them is
        // used to read them again for a check
        private String readWith;
        // departments the list lacked when read once more for them: not read again for them while it is kept
        private final Set<Integer> confirmedMissing = new HashSet<>();
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
