package io.github.flatchrlucca.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /organization/structure/api/departments}: the v4 list the connector resolves department names with. */
final class DepartmentsResource {

    static final String PATH = "/organization/structure/api/departments";
    private static final int DEFAULT_LIMIT = 100;

    private final String baseUrl;
    private final List<Department> departments = new ArrayList<>(); // guarded by this
    private int lastId = 100;

    DepartmentsResource(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    synchronized int add(String name, boolean active) {
        return add(lastId + 1, name, active);
    }

    /** @throws IllegalArgumentException when a department already has this id */
    synchronized int add(int id, String name, boolean active) {
        if (has(id)) {
            throw new IllegalArgumentException("department " + id + " already exists");
        }
        lastId = Math.max(lastId, id);
        departments.add(new Department(id, name, active));
        return id;
    }

    /** Whether this id is a department of the instance, active or not. */
    synchronized boolean has(int id) {
        return departments.stream().anyMatch(department -> department.id() == id);
    }

    /** Pages start at 1; {@code next} is the absolute URL of the following page, null on the last one. */
    Reply list(Call call) {
        Query query = call.query();
        int page = query.integer("page", 1);
        int limit = query.integer("limit", DEFAULT_LIMIT);
        if (page < 1 || limit < 1) {
            throw LuccaError.badRequest("page and limit must be positive");
        }
        List<Department> all = snapshot();
        int from = (int) Math.min((long) (page - 1) * limit, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", all.subList(from, to).stream().map(Department::json).toList());
        json.put("next", to < all.size() ? baseUrl + PATH + "?page=" + (page + 1) + "&limit=" + limit : null);
        return Reply.ok(json);
    }

    private synchronized List<Department> snapshot() {
        return List.copyOf(departments);
    }
}
