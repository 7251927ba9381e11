package io.github.flatchrlucca.lucca;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Lucca wraps answers differently per API generation: v3 in {data:{items}}, v4 in {items, next} (lucca-api.md). A
 * list is read only from the envelope its generation documents: a 2xx answer without it (a blank body, {}, the other
 * generation's envelope: a proxy's page, an API changed under us) says nothing of who Lucca has. Read as an empty
 * list it would be "nobody": the people directory would list no one until a restart, and each hire's duplicate check,
 * look-up or contract search pass. It fails instead as an unavailable Lucca does, retried with backoff.
 */
public final class LuccaEnvelopes {

    private LuccaEnvelopes() {
    }

    /**
     * @param call the call this answers, named in the failure
     * @throws LuccaUnavailable when the answer has no {@code data.items} list
     */
    public static List<JsonNode> v3Items(String call, JsonNode answer) {
        return list(call, answer, answer.path("data").path("items"), "data.items");
    }

    /**
     * @param call the call this answers, named in the failure
     * @throws LuccaUnavailable when the answer has no {@code items} list
     */
    public static List<JsonNode> v4Items(String call, JsonNode answer) {
        return list(call, answer, answer.path("items"), "items");
    }

    /** The id of the user a v3 create returned; without one the create cannot be trusted. */
    public static long createdUserId(JsonNode answer) {
        String id = answer.path("data").path("id").asText("");
        if (!id.matches("\\d{1,18}")) {
            throw new IllegalStateException("Lucca's answer to create-user holds no user id");
        }
        return Long.parseLong(id);
    }

    /**
     * Lucca's answer to a work contract's create: the contract it made, its {@code id} at the top as in the v4
     * contracts' list, or in {@code data} as v3 wraps a user (lucca-api.md documents no answer for this call, so
     * either is taken, as a wrapped one would otherwise cost each contract a retry). A 2xx without one ({}, a blank
     * body, a proxy's page)
     * does not say the contract exists, and taken for done it would deliver the hire to a person without the contract
     * they need to log in. It fails as an unavailable Lucca does, retried with backoff: the retry reads the person's
     * contracts and finds the one made by its {@code externalId}, or makes it.
     *
     * @param status the success Lucca answered with, named in the failure
     * @throws LuccaUnavailable when the answer holds no integer contract id
     */
    public static void createdContract(int status, JsonNode answer) {
        JsonNode id = answer.has("id") ? answer.path("id") : answer.path("data").path("id");
        if (!id.isIntegralNumber() || !id.canConvertToLong()) {
            throw new LuccaUnavailable(LuccaRequests.CREATE_WORK_CONTRACT, status, LuccaAnswers.kept(body(answer)),
                    "without the id of the contract it made");
        }
    }

    public static boolean hasNextPage(JsonNode answer) {
        JsonNode next = answer.path("next");
        return next.isTextual() && !next.asText().isBlank();
    }

    /**
     * A date of Lucca's as a day: v4's are plain days ("2027-01-04"), v3's date-times ("2025-01-01T00:00:00"), and
     * only the day matters here; null when there is none.
     */
    static LocalDate day(JsonNode value) {
        String text = value.isTextual() ? value.asText() : "";
        return text.length() >= 10 ? LocalDate.parse(text.substring(0, 10)) : null;
    }

    private static List<JsonNode> list(String call, JsonNode answer, JsonNode items, String envelope) {
        if (!items.isArray()) {
            throw new LuccaUnavailable(call, 200, LuccaAnswers.kept(body(answer)), "without the " + envelope
                    + " list Lucca documents");
        }
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    /** An answer as a failed call's body is kept, for the operator; a blank one was read as no JSON at all. */
    private static String body(JsonNode answer) {
        return answer.isMissingNode() || answer.isNull() ? "" : answer.toString();
    }
}
