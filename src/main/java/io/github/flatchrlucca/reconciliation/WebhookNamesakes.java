package io.github.flatchrlucca.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.mapping.AsciiName;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The webhook's hires a search's new application may be under a corrected e-mail: the webhook names an application
 * by ids the API does not know, so a recruiter who corrects the candidate's e-mail before any search saw the
 * application leaves the search nothing to match it by but the candidate's names and the vacancy. An application of
 * the same vacancy and names (as logins compare them: case, accents and spaces aside) as one of these hires is not
 * delivered blindly, which would make a second Lucca employee: a person decides ({@link #reason}).
 */
public final class WebhookNamesakes {

    /** How the reason a hire waits for a person begins, which the write-back tells the recruiter in its own words. */
    public static final String REASON_START = "same name and vacancy as hire ";

    private final List<Known> hires;

    private record Known(String hireId, Names names) {
    }

    /** A vacancy's plain id (the webhook's data.vacancy.id) and the candidate's first and last names, normalised. */
    private record Names(String vacancy, String firstname, String lastname) {

        /** Empty when the event lacks any of them, or a name has nothing {@link AsciiName} reads: nothing to compare. */
        static Optional<Names> of(JsonNode event) {
            JsonNode data = event.path("data");
            String vacancy = data.path("vacancy").path("id").isValueNode()
                    ? data.path("vacancy").path("id").asText().strip() : "";
            String firstname = AsciiName.of(text(data.path("candidate").path("firstname")));
            String lastname = AsciiName.of(text(data.path("candidate").path("lastname")));
            return vacancy.isEmpty() || firstname.isEmpty() || lastname.isEmpty() ? Optional.empty()
                    : Optional.of(new Names(vacancy, firstname, lastname));
        }

        private static String text(JsonNode node) {
            return node.isValueNode() && !node.isNull() ? node.asText() : null;
        }
    }

    private WebhookNamesakes(List<Known> hires) {
        this.hires = hires;
    }

    /**
     * @param hireIds the webhook's hires not found by any search yet, newest first
     * @param events  each one's event as recorded, read one at a time and kept only as its vacancy and names: events
     *                of up to FLATCHR_MAX_BODY_BYTES each are never held together; one gone meanwhile (erased), or
     *                unreadable, is left out
     */
    static WebhookNamesakes of(List<String> hireIds, Function<String, Optional<String>> events, ObjectMapper json) {
        return new WebhookNamesakes(hireIds.stream().map(hireId -> events.apply(hireId)
                .flatMap(event -> names(event, json)).map(names -> new Known(hireId, names)).orElse(null))
                .filter(Objects::nonNull).toList());
    }

    private static Optional<Names> names(String event, ObjectMapper json) {
        try {
            return Names.of(json.readTree(event));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** The webhook's hire, newest first, of the event's vacancy and candidate's names; empty when there is none. */
    Optional<String> of(JsonNode event) {
        return Names.of(event).flatMap(names -> hires.stream().filter(hire -> hire.names().equals(names))
                .map(Known::hireId).findFirst());
    }

    /**
     * Why the application waits for a person: the other hire's id, never the candidate's names or e-mail. When that
     * hire made nobody in Lucca (withdrawn during its hold, dead, a dry run) there is no employee to correct: this one
     * is the hire to deliver, and that one must not be replayed, which would make the person a second time.
     */
    static String reason(String otherHireId, boolean otherMadeNobody) {
        return REASON_START + otherHireId + ", another e-mail" + (otherMadeNobody
                ? ", which made nobody in Lucca: if the e-mail was corrected in Flatchr, replay this one and not hire "
                        + otherHireId + "; if it is another person, replay this one"
                : ": if the e-mail was corrected in Flatchr, cancel this one and correct the employee in Lucca; if it "
                        + "is another person, replay it");
    }

    /**
     * The webhook's hire a hire held as its namesake names in its reason ({@link #reason}, kept until a replay);
     * empty for any other reason.
     */
    public static Optional<String> namesakeIn(String reason) {
        if (reason == null || !reason.startsWith(REASON_START)) {
            return Optional.empty();
        }
        int end = reason.indexOf(',', REASON_START.length());
        return Optional.of(reason.substring(REASON_START.length(), end < 0 ? reason.length() : end));
    }
}
