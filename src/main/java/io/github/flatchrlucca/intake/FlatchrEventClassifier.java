package io.github.flatchrlucca.intake;

import io.github.flatchrlucca.http.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides what a Flatchr event is. Flatchr has no "hired" event: a hire is a {@code drag_applicant}
 * into a trigger column (by default any column Flatchr marks as hired). Ids are read as text because
 * Flatchr sends the same id as a number in one event and a string in another.
 */
public final class FlatchrEventClassifier {

    // Deliberately loose: Lucca is the judge of an address; this only catches what cannot be one.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Each tenant has its own trigger columns and companies: the rules come with each event. */
    public HireVerdict classify(JsonNode event, IntakeRules tenant) {
        JsonNode name = event.path("event");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw Problem.badRequest("event", "The event has no 'event' name.");
        }
        if (!"drag_applicant".equals(name.asText())) {
            return HireVerdict.ignored("only drag_applicant events can be hires");
        }
        JsonNode data = objectAt(event, "data", "data");
        JsonNode candidate = objectAt(data, "candidate", "data.candidate");
        JsonNode column = objectAt(data, "column", "data.column");
        if (!isTrigger(column, tenant.triggerColumns())) {
            return HireVerdict.ignored("the candidate was moved to a column that does not trigger a hire");
        }
        String companyId = companyId(event);
        if (!tenant.acceptsCompany(companyId)) {
            return HireVerdict.otherCompany(tenant.id(), companyId, applicantId(data));
        }
        return HireVerdict.hire(companyId, applicantId(data), missingFields(candidate));
    }

    private static boolean isTrigger(JsonNode column, Set<String> triggerColumns) {
        if (triggerColumns.isEmpty()) {
            return column.path("hired").asBoolean(false);
        }
        return triggerColumns.contains(text(column.path("id")).toLowerCase(Locale.ROOT))
                || triggerColumns.contains(text(column.path("title")).toLowerCase(Locale.ROOT));
    }

    private static String companyId(JsonNode event) {
        String companyId = text(event.path("company_id"));
        if (companyId.isEmpty()) {
            throw Problem.badRequest("company_id", "A drag_applicant event needs its company_id.");
        }
        return companyId;
    }

    /** The application id; an old payload without one falls back to candidate and vacancy. */
    private static String applicantId(JsonNode data) {
        String applicant = text(data.path("applicant").path("id"));
        if (applicant.isEmpty()) {
            applicant = text(data.path("applicant_id"));
        }
        if (!applicant.isEmpty()) {
            return applicant;
        }
        String candidate = text(data.path("candidate").path("id"));
        String vacancy = text(data.path("vacancy").path("id"));
        if (candidate.isEmpty() || vacancy.isEmpty()) {
            throw Problem.badRequest("data.applicant", "A drag_applicant event needs an applicant id.");
        }
        return "candidate-" + candidate + "-vacancy-" + vacancy;
    }

    private static List<String> missingFields(JsonNode candidate) {
        List<String> missing = new ArrayList<>();
        if (text(candidate.path("firstname")).isEmpty()) {
            missing.add("data.candidate.firstname");
        }
        if (text(candidate.path("lastname")).isEmpty()) {
            missing.add("data.candidate.lastname");
        }
        if (!EMAIL.matcher(text(candidate.path("email"))).matches()) {
            missing.add("data.candidate.email");
        }
        return missing;
    }

    private static JsonNode objectAt(JsonNode parent, String name, String field) {
        JsonNode node = parent.path(name);
        if (!node.isObject()) {
            throw Problem.badRequest(field, "A drag_applicant event needs '" + field + "' as an object.");
        }
        return node;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText().trim() : "";
    }
}
