package io.github.flatchrlucca.lucca;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.flatchrlucca.mapping.LuccaDepartment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Lucca's departments, read page by page and kept for a while: they change rarely, and reading them
 * for every hire would spend the customer's small API budget on the same answer.
 */
public final class DepartmentDirectory {

    private final Function<LuccaRequest, JsonNode> lucca;
    private final LuccaRequests requests;
    private final Clock clock;
    private final Duration ttl;
    private List<LuccaDepartment> cached;
    private Instant readAt = Instant.MIN;

    public DepartmentDirectory(Function<LuccaRequest, JsonNode> lucca, LuccaRequests requests, Clock clock, Duration ttl) {
        this.lucca = lucca;
        this.requests = requests;
        this.clock = clock;
        this.ttl = ttl;
    }

    public synchronized List<LuccaDepartment> departments() {
        if (cached == null || !clock.instant().isBefore(readAt.plus(ttl))) {
            cached = readAll();
            readAt = clock.instant();
        }
        return cached;
    }

    private List<LuccaDepartment> readAll() {
        List<LuccaDepartment> departments = new ArrayList<>();
        JsonNode page;
        int number = 1;
        do {
            page = lucca.apply(requests.departmentsPage(number++));
            LuccaEnvelopes.v4Items(page).forEach(item -> departments.add(new LuccaDepartment(
                    item.path("id").asInt(), item.path("name").asText(""), item.path("isActive").asBoolean(true))));
        } while (LuccaEnvelopes.hasNextPage(page));
        return List.copyOf(departments);
    }
}
