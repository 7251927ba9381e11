package io.github.flatchrlucca.fake;

/** A request that passed the front (limits, injected faults, authentication) and goes to a resource. */
public record Call(String method, String path, String rawQuery, String body) {

    /** Parsed here, not by the front, so a malformed query string is a 400 from the resource's side. */
    public Query query() {
        return Query.parse(rawQuery);
    }
}
