package io.github.flatchrlucca.fake;

import java.util.Map;

/** {@code /api/v3/users}: the only Lucca API that creates users, and the duplicate check before it. */
final class UsersResource {

    private final Directory directory;
    private final UserFields fields;
    private final LuccaClock clock;

    UsersResource(Directory directory, String baseUrl, LuccaClock clock) {
        this.directory = directory;
        this.fields = new UserFields(baseUrl);
        this.clock = clock;
    }

    Reply find(Call call) {
        UserSearch search = new UserSearch(call.query(), fields, clock.today());
        return Reply.ok(Map.of("data", Map.of("items", search.run(directory.users()))));
    }

    /** With {@code contract=true} Lucca also opens the user's work contract, in the same call. */
    Reply create(Call call) {
        User draft = UserForm.read(call.body());
        try {
            User user = directory.add(draft, call.query().isTrue("contract"));
            return Reply.ok(Map.of("data", fields.all(user)));
        } catch (IllegalArgumentException duplicate) {
            throw LuccaError.badRequest(duplicate.getMessage());
        }
    }
}
