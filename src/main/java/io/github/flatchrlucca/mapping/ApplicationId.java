package io.github.flatchrlucca.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Flatchr's id of the application a {@code drag_applicant} event is about: the plain {@code data.applicant_id}, else
 * {@code data.applicant.id} (both documented, read as text), else, for an old payload without either, its candidate and
 * vacancy ({@code candidate-77-vacancy-5}), which name one application as well. The plain one first: it is the same
 * number in every sample, while {@code data.applicant.id} is that number in one and Flatchr's encoded id in another
 * (flatchr-webhooks.md); read first, it would key a move out of hired apart from the hire it withdraws, and the hire
 * would reach Lucca. A search's event carries only {@code data.applicant.id}, Flatchr's API's id: read as before. One reading for the intake, which keys the hire by it, and for the mapping, which gives it to a
 * work contract as its {@code externalId} (free text in Lucca): read two ways, a hire keyed by the one a contract does
 * not carry would have a contract a retry cannot find (a rehire whose contract's answer was lost would be reported as
 * already in Lucca, its contract taken for someone else's).
 */
public final class ApplicationId {

    private ApplicationId() {
    }

    /** @param data the event's {@code data} */
    public static Optional<String> of(JsonNode data) {
        return text(data.path("applicant_id")).or(() -> text(data.path("applicant").path("id")))
                .or(() -> candidateAndVacancy(data));
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
