package io.github.flatchrlucca.lucca;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.flatchrlucca.http.ApiRequest;
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
 * them for every hire would spend the customer's small API budget on the same answer.
 */
public final class DepartmentDirectory {

    private final LuccaCaller lucca;
    private final LuccaRequests requests;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> byInstance = new ConcurrentHashMap<>();

    public DepartmentDirectory(LuccaCaller lucca, LuccaRequests requests, Clock clock, Duration ttl) {
        this.lucca = lucca;
        this.requests = requests;
        this.clock = clock;
        this.ttl = ttl;
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
            if (cached.departments == null || !clock.instant().isBefore(cached.readAt.plus(ttl))) {
                cached.departments = readAll(connection);
                cached.readAt = clock.instant();
            }
            return cached.departments;
        }
    }

    private static final class Cached {
        private List<LuccaDepartment> departments;
        private Instant readAt = Instant.MIN;
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
