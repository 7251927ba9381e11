package io.github.flatchrlucca.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Flatchr's id of the application a {@code drag_applicant} event is about: {@code data.applicant.id}, else the plain
 * {@code data.applicant_id} (both documented; an id is an int in one sample and a string in another, read as text),
 * else, for an old payload without either, its candidate and vacancy ({@code candidate-77-vacancy-5}), which name one
 * application as well. One reading for the intake, which keys the hire by it, and for the mapping, which gives it to a
 * work contract as its {@code externalId} (free text in Lucca): read two ways, a hire keyed by the one a contract does
 * not carry would have a contract a retry cannot find (a rehire whose contract's answer was lost would be reported as
 * already in Lucca, its contract taken for someone else's).
 */
public final class ApplicationId {

    private ApplicationId() {
    }

    /** @param data the event's {@code data} */
    public static Optional<String> of(JsonNode data) {
        return text(data.path("applicant").path("id")).or(() -> text(data.path("applicant_id")))
                .or(() -> candidateAndVacancy(data));
    }

    /**
     * Flatchr's plain {@code data.applicant_id}, when it is not the id {@link #of} reads: {@code data.applicant.id} is
     * that plain id in one of Flatchr's events and its encoded id in another (flatchr-webhooks.md, quirk 1), while
     * {@code data.applicant_id} is the plain one in every event. The same application: a hire keeps it beside its key,
     * and a move out of hired looks for the hire by it too, so that a hire and its move out keyed by different forms
     * still meet. Not read first ({@link #of}): the hires already in a journal are keyed by {@code data.applicant.id}.
     *
     * @param data the event's {@code data}
     */
    public static Optional<String> plain(JsonNode data) {
        Optional<String> plain = text(data.path("applicant_id"));
        return plain.equals(of(data)) ? Optional.empty() : plain;
    }

    private static Optional<String> candidateAndVacancy(JsonNode data) {
        Optional<String> candidate = text(data.path("candidate").path("id"));
        Optional<String> vacancy = text(data.path("vacancy").path("id"));
        return candidate.isEmpty() || vacancy.isEmpty() ? Optional.empty()
                : Optional.of("candidate-" + candidate.get() + "-vacancy-" + vacancy.get());
    }

    private static Optional<String> text(JsonNode node) {
        String text = node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
