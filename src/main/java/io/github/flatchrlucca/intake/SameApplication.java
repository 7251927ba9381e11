package io.github.flatchrlucca.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * What makes two reports of a hire the same Flatchr application, whoever sends them: the candidate's e-mail and
 * the vacancy's plain id. Flatchr's webhook names an application by a plain id and its API by an encoded one that
 * cannot be turned into the other, but both carry these two.
 */
public final class SameApplication {

    private SameApplication() {
    }

    /** "camille@example.org|5" (the e-mail in lower case), or empty when either is missing. */
    public static Optional<String> of(String email, String vacancyId) {
        String mail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String vacancy = vacancyId == null ? "" : vacancyId.strip();
        return mail.isEmpty() || vacancy.isEmpty() ? Optional.empty() : Optional.of(mail + "|" + vacancy);
    }

    /** The same, from a drag_applicant event: data.candidate.email and data.vacancy.id. */
    public static Optional<String> ofEvent(JsonNode event) {
        JsonNode data = event.path("data");
        return of(text(data.path("candidate").path("email")), text(data.path("vacancy").path("id")));
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
