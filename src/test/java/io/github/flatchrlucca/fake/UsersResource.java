package io.github.flatchrlucca.fake;

import java.util.Map;

/** {@code /api/v3/users}: the only Lucca API that creates users, and the duplicate check before it. */
final class UsersResource {

    private final Directory directory;
    private final DepartmentsResource departments;
    private final UserFields fields;
    private final LuccaClock clock;

    UsersResource(Directory directory, DepartmentsResource departments, String baseUrl, LuccaClock clock) {
        this.directory = directory;
        this.departments = departments;
        this.fields = new UserFields(baseUrl);
        this.clock = clock;
    }

    Reply find(Call call) {
        UserSearch search = new UserSearch(call.query(), fields, clock.today());
        return Reply.ok(Map.of("data", search.run(directory.users())));
    }

    /**
     * With {@code contract=true} Lucca also opens the user's work contract, in the same call. A department the
     * instance does not list is refused with a 400 and a free-text message: Lucca documents its errors by status
     * only, and an id naming no department cannot be stored (the connector counts on the refusal too: it does not
     * send a departments table's id that Lucca does not list). The fake lists no establishments or roles: their
     * ids are taken as sent.
     */
    Reply create(Call call) {
        User draft = UserForm.read(call.body());
        if (draft.departmentId() != null && !departments.has(draft.departmentId())) {
            throw LuccaError.badRequest("departmentId " + draft.departmentId() + " is not a department of this instance");
        }
        try {
            User user = directory.add(draft, call.query().isTrue("contract"));
            return Reply.ok(Map.of("data", fields.all(user)));
        } catch (IllegalArgumentException duplicate) {
            throw LuccaError.badRequest(duplicate.getMessage());
        }
    }
}
