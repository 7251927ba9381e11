package io.github.flatchrlucca.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal of an HTTP call, answered as RFC 9457 problem+json. Its detail is always written by us:
 * it never echoes the payload, which holds a candidate's personal data.
 */
public final class Problem extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, Object> extensions;

    private Problem(int status, String title, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.extensions = extensions;
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, "Unauthorized", detail, Map.of());
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "Conflict", detail, Map.of());
    }

    /**
     * What was asked would make a second of a hire the connector has: {@code otherHireId} names that one. Not an
     * overload of {@link #conflict(String)}: named, the hire's id cannot be taken for the detail.
     */
    public static Problem conflictWith(String otherHireId, String detail) {
        return new Problem(409, "Conflict", detail, Map.of("otherHireId", otherHireId));
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Not Found", detail, Map.of());
    }

    /** What a parameter names is unknown (a tenant no one has): 404, naming the parameter. */
    public static Problem notFound(String field, String detail) {
        return new Problem(404, "Not Found", detail, Map.of("field", field));
    }

    public static Problem tooLarge(int limit) {
        return new Problem(413, "Payload Too Large",
                "The body is larger than " + limit + " bytes.", Map.of());
    }

    /** The client took longer than {@code deadline} to send its whole body. */
    public static Problem requestTimeout(java.time.Duration deadline) {
        return new Problem(408, "Request Timeout",
                "The body was not received within " + deadline.toSeconds() + " seconds.", Map.of());
    }

    /** A part of the request, its line or its headers, over what the server reads ({@link UnreadableRequests}). */
    static Problem tooLong(int status, String title, String field, String detail) {
        return new Problem(status, title, detail, Map.of("field", field));
    }

    public static Problem badRequest(String field, String detail) {
        return new Problem(400, "Bad Request", detail, Map.of("field", field));
    }

    /**
     * A hire recorded as rejected for fields it lacks or cannot use: {@code fields} names them for clients,
     * {@code why} says what is wrong with each ("data.candidate.lastname is longer than 100 characters").
     */
    public static Problem incomplete(String hireId, java.util.List<String> fields, String why) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("fields", fields);
        extensions.put("hireId", hireId);
        return new Problem(422, "Unprocessable Content", "The hire was recorded as rejected: " + why + ".",
                extensions);
    }

    /** A tenant's URL received a hire of a company that is not the tenant's; it is recorded as rejected. */
    public static Problem otherCompany(String hireId, String detail) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("field", "company_id");
        extensions.put("hireId", hireId);
        return new Problem(403, "Forbidden", "The hire was recorded as rejected: " + detail + ".", extensions);
    }

    /** The connector itself cannot do it now (its journal, say): worth trying again in a moment. */
    public static Problem unavailable(String detail) {
        return new Problem(503, "Service Unavailable", detail, Map.of());
    }

    /**
     * The journal could not commit, or not sync its commit to disk: Flatchr must not believe the hire is safe, and
     * may send it again. Not "nothing was recorded": a commit whose sync failed stays in the journal's file, and is
     * delivered if the file keeps it; the resend is then its duplicate.
     */
    public static Problem unavailable() {
        return new Problem(503, "Service Unavailable", "The journal cannot commit right now; the hire may not have "
                + "been recorded. Send it again (a resend is recognised).", Map.of());
    }

    /** A service the connector relies on (Flatchr's API) failed the call; the detail says how, never with data. */
    public static Problem badGateway(String detail) {
        return new Problem(502, "Bad Gateway", detail, Map.of());
    }

    public static Problem internal() {
        return new Problem(500, "Internal Server Error",
                "The connector failed to handle this call; the failure is in its log.", Map.of());
    }

    public int status() {
        return status;
    }

    /** The problem document, extension members (field, fields, hireId, otherHireId) after the standard ones. */
    public Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", "about:blank");
        document.put("title", title);
        document.put("status", status);
        document.put("detail", getMessage());
        document.putAll(extensions);
        return document;
    }
}
