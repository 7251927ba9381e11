package io.github.flatchrlucca.fake;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the fake answers: a status, a JSON body and extra headers. */
public record Reply(int status, String body, Map<String, String> headers) {

    /** Marks a request whose answer must never reach the client (see {@link Faults#loseNextAnswer}). */
    static final Reply LOST = new Reply(Request.NO_ANSWER, "", Map.of());

    public static Reply ok(Object json) {
        return new Reply(200, Json.write(json), Map.of());
    }

    /** Lucca's legacy error envelope; the message is free text, as in Lucca. */
    static Reply error(int status, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Status", status);
        json.put("Message", message);
        return new Reply(status, Json.write(json), Map.of());
    }

    static Reply tooManyRequests(long retryAfterSeconds) {
        Reply error = error(429, "Too Many Requests");
        return new Reply(error.status, error.body, Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** The same reply with one more header (or this one replaced). */
    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, body, Map.copyOf(more));
    }
}
