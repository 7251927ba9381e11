package io.github.flatchrlucca.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.intake.SameApplication;
import io.github.flatchrlucca.mapping.AsciiDigits;
import io.github.flatchrlucca.mapping.FlatchrFlags;
import io.github.flatchrlucca.mapping.FlatchrInstants;
import io.github.flatchrlucca.mapping.HireMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One application a search of Flatchr's API found, as its search item gives it (encoded applicant id, the
 * vacancy's plain id and title, the column, the candidate), and the webhook-shaped event it becomes, so that it is
 * mapped and delivered exactly as a webhook's hire.
 *
 * @param hired     whether the candidate is in a column Flatchr marks as hired, as Flatchr writes a flag
 *                  ({@link FlatchrFlags}); null when the item does not say (older docs list fewer fields) or says it
 *                  in no shape the connector reads, which is no answer either way: never a move out of hired
 * @param archived  whether Flatchr archived it (status 0, {@link #archivedOf}); null when its status is in no shape
 *                  the connector reads, neither active nor archived
 * @param changedAt the application's last change in Flatchr ({@code updated_at}, {@link #changedAtOf}); null when
 *                  the item gives none that can be read
 */
public record FoundApplication(String applicant, String vacancyId, String vacancyTitle, String column,
                               Boolean hired, Boolean archived, String firstname, String lastname, String email,
                               String phone, Instant changedAt) {

    static final String DETAILS_MISSING = "Flatchr's API did not give the application's details: the candidate is "
            + "taken from its search";
    static final String VACANCY_FROM_LIST = "the vacancy (start date, contract type) is taken from Flatchr's list "
            + "of vacancies";
    // no application of Flatchr's changed before 2000, nor later than its answer's clock can be from the connector's
    private static final Instant EARLIEST_CHANGE = Instant.parse("2000-01-01T00:00:00Z");
    private static final Duration CLOCKS_APART = Duration.ofDays(1);
    // a column's title as a hire's history says it: a bounded line, whatever Flatchr sent
    private static final int COLUMN_SAID = 100;
    static final String VACANCY_BY_TITLE = "the vacancy is Flatchr's list's only one of its title, which the list "
            + "cannot confirm is vacancy %s (it gives no plain id): the hire is warned";
    static final String VACANCY_MISSING = "the vacancy is in no list of Flatchr's: no start date, contract type or "
            + "department";

    /**
     * An item of a search's answer, come at {@code answeredAt}; empty when it names no application.
     */
    static Optional<FoundApplication> of(JsonNode item, Instant answeredAt) {
        String applicant = text(item.path("applicant"));
        if (applicant == null) {
            return Optional.empty();
        }
        return Optional.of(new FoundApplication(applicant, text(item.path("vacancy_id")), text(item.path("vacancy")),
                text(item.path("column")), FlatchrFlags.read(item.path("hired")).orElse(null),
                archivedOf(item.path("status")),
                text(item.path("firstname")), text(item.path("lastname")), text(item.path("email")),
                text(item.path("phone")), changedAtOf(item.path("updated_at"), answeredAt)));
    }

    /**
     * An item's {@code status}, 1 active and 0 archived as a number or as text: true when archived, false when active
     * or not said (older answers list fewer fields), null for anything else ("archived", 2). Not Jackson's asInt,
     * which reads such a text as its default, active: an archived candidate in a hired column then recorded as a
     * hire.
     */
    public static Boolean archivedOf(JsonNode status) {
        if (status.isMissingNode() || status.isNull()) {
            return false;
        }
        String text = status.isIntegralNumber() || status.isTextual() ? status.asText().strip() : "";
        return switch (text) {
            case "0" -> true;
            case "1" -> false;
            default -> null;
        };
    }

    /**
     * An item's {@code updated_at}: epoch seconds (as the reference's example item gives it) or milliseconds, as a
     * number or as digits, or ISO-8601 with its zone, Flatchr's shapes of a moment ({@link FlatchrInstants}); anything
     * else is no time the connector can rely on (null), which the run counts ({@link ReconciliationRun#unreadableTimes}).
     * So is a moment before 2000 or more than a day after the answer came ({@code answeredAt}, a day for clocks that
     * disagree): 12 digits read as milliseconds (1973 to 2001), "99999999999" as seconds (the year 5138), a year past
     * 9999. A change from the future would always count as after the hire's, withdrawing a hire seen in hired since or
     * queuing a withdrawn one again; one from the seventies would quietly drop a move.
     */
    public static Instant changedAtOf(JsonNode updatedAt, Instant answeredAt) {
        String text = text(updatedAt);
        return text == null ? null : FlatchrInstants.read(text)
                .filter(moment -> !moment.isBefore(EARLIEST_CHANGE) && !moment.isAfter(answeredAt.plus(CLOCKS_APART)))
                .orElse(null);
    }

    /** The key that makes it one hire with the webhook's report of it ({@link SameApplication}). */
    Optional<String> sameApplication() {
        return SameApplication.of(email, vacancyId);
    }

    /**
     * The drag_applicant event its webhook would have carried.
     *
     * @param details   the application as Flatchr's API gives it (candidate, vacancy), or a missing node
     * @param vacancy   the vacancy from Flatchr's list of vacancies when the details lack it, or null
     * @param companyId the tenant's Flatchr company, for the event's company_id
     * @param foundIn   the column the search that found it was for: the event's column, as the trigger it matched
     *                  (or, found in a hired column past the triggers, the trigger it is taken to have passed)
     * @param notes     told what Flatchr's API could not give, for the hire's history
     */
    ObjectNode toEvent(ObjectMapper json, JsonNode details, JsonNode vacancy, String companyId, SearchedColumn foundIn,
                       List<String> notes) {
        ObjectNode event = json.createObjectNode();
        event.put("event", "drag_applicant");
        event.put("company_id", companyId);
        ObjectNode data = event.putObject("data");
        data.putObject("applicant").put("id", applicant);
        if (details.path("candidate").isObject()) {
            data.set("candidate", details.path("candidate").deepCopy());
        } else {
            notes.add(DETAILS_MISSING);
            ObjectNode candidate = data.putObject("candidate");
            candidate.put("firstname", firstname).put("lastname", lastname).put("email", email).put("phone", phone);
        }
        data.set("vacancy", vacancy(json, details.path("vacancy"), vacancy, notes));
        if (foundIn.pastTheTriggers()) {
            notes.add(pastTheTriggers(foundIn));
        }
        ObjectNode eventColumn = data.putObject("column");
        if (foundIn.id() != null) {
            eventColumn.put("id", foundIn.id());
        }
        eventColumn.put("title", foundIn.title() != null ? foundIn.title() : column).put("hired", foundIn.hired());
        return event;
    }

    /**
     * The recorded event of a hire of this application, with what this item says now in place of what it said: the
     * candidate's first and last names, e-mail and phone, and the vacancy's title, as the webhook of a move back into
     * hired would carry them. The rest (the vacancy's dates, contract type, tags) no item gives: it stays as
     * recorded (the application's details would give the vacancy, a call per hire, but are not documented to carry
     * its tags, which the department is often read from). A field the item does not give (older answers list fewer fields) is left as recorded. Changed in
     * place; the fields changed, by their paths in the event, none when the event is not one to change (erased).
     */
    List<String> refresh(ObjectNode event) {
        List<String> changed = new ArrayList<>();
        if (event.path("data").path("candidate") instanceof ObjectNode candidate) {
            put(candidate, "firstname", firstname, "data.candidate.", changed);
            put(candidate, "lastname", lastname, "data.candidate.", changed);
            put(candidate, "email", email, "data.candidate.", changed);
            put(candidate, "phone", phone, "data.candidate.", changed);
        }
        if (event.path("data").path("vacancy") instanceof ObjectNode vacancy) {
            put(vacancy, "title", vacancyTitle, "data.vacancy.", changed);
        }
        return changed;
    }

    private static void put(ObjectNode object, String field, String now, String path, List<String> changed) {
        if (now != null && !now.equals(text(object.path(field)))) {
            object.put(field, now);
            changed.add(path + field);
        }
    }

    /**
     * Why a hire found in a hired column that is not a trigger is recorded as a drag into a trigger column: what the
     * search saw, and what the event says of it.
     */
    private String pastTheTriggers(SearchedColumn trigger) {
        String where = column == null ? "a column" : "column " + (column.length() <= COLUMN_SAID ? column
                : column.substring(0, COLUMN_SAID) + "...") + ",";
        return "found by the search of Flatchr's hired candidates in " + where + " which Flatchr marks as hired and "
                + "is not a trigger column: recorded as its drag into trigger column " + trigger.title()
                + ", whose webhook never came";
    }

    /**
     * The vacancy keyed by its plain id, as a webhook's: the id that makes one hire of both reports. An item of an
     * older answer may give none (flatchr-api.md: older docs list fewer fields): the details' own id is then the
     * webhook's, and the list's is its plain id as {@link #listedPlainId} reads it (an encoded one would key the hire
     * apart from its webhook's).
     */
    private ObjectNode vacancy(ObjectMapper json, JsonNode fromDetails, JsonNode fromList, List<String> notes) {
        ObjectNode vacancy;
        String plainId = vacancyId;
        if (fromDetails.isObject()) {
            vacancy = fromDetails.deepCopy();
            HireMapper.unmarked(vacancy);
            plainId = plainId != null ? plainId : text(fromDetails.path("id"));
        } else if (fromList != null && fromList.isObject()) {
            notes.add(VACANCY_FROM_LIST);
            vacancy = fromList.deepCopy();
            HireMapper.unmarked(vacancy);
            String listedId = listedPlainId(fromList);
            if (plainId != null && listedId == null) {
                // the run took it by its title (ReconciliationRun#vacancy): a vacancy of that title the list no
                // longer has and a reposted one are two, whose dates and contract type may differ
                notes.add(VACANCY_BY_TITLE.formatted(plainId));
                vacancy.put(HireMapper.MATCHED_BY_TITLE, true);
            }
            plainId = plainId != null ? plainId : listedId;
        } else {
            notes.add(VACANCY_MISSING);
            vacancy = json.createObjectNode();
            vacancy.put("title", vacancyTitle);
        }
        if (plainId != null) {
            vacancy.put("id", plainId);
        } else {
            vacancy.remove("id");
        }
        return vacancy;
    }

    /**
     * The plain id of a vacancy of Flatchr's list, or null: flatchr-api.md lists its {@code id} only, which API
     * answers give encoded ("k0M5O9yaXbX9xbQB") and which cannot be turned into the plain one a search item and a
     * webhook carry. So its {@code vacancy_id} when an answer gives one beside it, else its {@code id} when that is
     * plain digits (no encoded id of 16 letters and digits is seen to be), else none.
     */
    static String listedPlainId(JsonNode listed) {
        String vacancyId = text(listed.path("vacancy_id"));
        if (vacancyId != null) {
            return vacancyId;
        }
        String id = text(listed.path("id"));
        return id != null && AsciiDigits.only(id) ? id : null;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText().strip() : null;
    }

    /** Without the candidate's personal data: a record can end up in a log line, a trace or a test's report. */
    @Override
    public String toString() {
        return "FoundApplication[applicant=" + applicant + ", vacancyId=" + vacancyId + ", column=" + column
                + ", hired=" + hired + ", archived=" + archived + ", changedAt=" + changedAt + "]";
    }
}
