package io.github.flatchrlucca.intake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal of a webhook call, answered as RFC 9457 problem+json. Its detail is always written by
 * us: it never echoes the payload, which holds a candidate's personal data.
 */
public final class WebhookProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, Object> extensions;

    private WebhookProblem(int status, String title, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.extensions = extensions;
    }

    public static WebhookProblem unauthorized() {
        return new WebhookProblem(401, "Unauthorized",
                "The token in the webhook URL is missing or wrong.", Map.of());
    }

    public static WebhookProblem tooLarge(int limit) {
        return new WebhookProblem(413, "Payload Too Large",
                "The body is larger than " + limit + " bytes.", Map.of());
    }

    public static WebhookProblem badRequest(String field, String detail) {
        return new WebhookProblem(400, "Bad Request", detail, Map.of("field", field));
    }

    public static WebhookProblem incomplete(String hireId, java.util.List<String> fields) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("fields", fields);
        extensions.put("hireId", hireId);
        return new WebhookProblem(422, "Unprocessable Content",
                "The hire was recorded as rejected: the candidate lacks " + String.join(", ", fields) + ".",
                extensions);
    }

    /** The journal could not commit: Flatchr must not believe the hire is safe, and may send it again. */
    public static WebhookProblem unavailable() {
        return new WebhookProblem(503, "Service Unavailable",
                "The hire could not be recorded right now; nothing was accepted. Send it again later.", Map.of());
    }

    public static WebhookProblem internal() {
        return new WebhookProblem(500, "Internal Server Error",
                "The connector failed to handle this call; the failure is in its log.", Map.of());
    }

    public int status() {
        return status;
    }

    /** The problem document, extension members (field, fields, hireId) after the standard ones. */
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
