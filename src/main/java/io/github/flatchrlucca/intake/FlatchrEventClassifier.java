package io.github.flatchrlucca.intake;

import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.mapping.ApplicationId;
import io.github.flatchrlucca.mapping.AsciiDigits;
import io.github.flatchrlucca.mapping.EmailAddress;
import io.github.flatchrlucca.mapping.FlatchrFlags;
import io.github.flatchrlucca.mapping.VisibleText;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Decides what a Flatchr event is. Flatchr has no "hired" event: a hire is a {@code drag_applicant}
 * into a column Flatchr marks as hired, or into one of the tenant's trigger columns. Ids are read as text because
 * Flatchr sends the same id as a number in one event and a string in another.
 */
public final class FlatchrEventClassifier {

    static final String NOT_A_TRIGGER = "the candidate was moved to a column that does not trigger a hire";

    /**
     * The company_id a search of Flatchr's API gave the hires it recorded for a tenant that named no company (the
     * environment's tenant, before FLATCHR_COMPANY_ID): they were found in that tenant's own Flatchr.
     */
    public static final String SEARCHED_WITHOUT_COMPANY = "flatchr-api";

    /**
     * A hire's recorded event classified again (an operator's replay, a search's refresh): one a search recorded
     * with {@link #SEARCHED_WITHOUT_COMPANY} is the tenant's own, whatever companies the tenant names now; otherwise
     * such hires, recorded before FLATCHR_COMPANY_ID was required, would read as another company's.
     */
    public HireVerdict classifyRecorded(JsonNode event, IntakeRules tenant) {
        return classify(event, SEARCHED_WITHOUT_COMPANY.equals(event.path("company_id").asText())
                ? new SearchedInItsFlatchr(tenant) : tenant);
    }

    private record SearchedInItsFlatchr(IntakeRules tenant) implements IntakeRules {
        @Override
        public String id() {
            return tenant.id();
        }

        @Override
        public Set<String> triggerColumns() {
            return tenant.triggerColumns();
        }

        @Override
        public boolean acceptsCompany(String companyId) {
            return SEARCHED_WITHOUT_COMPANY.equals(companyId) || tenant.acceptsCompany(companyId);
        }

        @Override
        public Duration hireHold() {
            return tenant.hireHold();
        }
    }

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
        Optional<Boolean> hired = hiredFlag(column);
        if (!hired.orElse(false) && !isTrigger(column, tenant.triggerColumns())) {
            // The event names only the column the candidate went to, not the one they left, so a drag on into a
            // later column can be told from a step back only by the tenant listing it as a trigger
            // (docs/settings.md, FLATCHR_TRIGGER_COLUMNS)
            return movedOut(event, data, column, hired.isPresent(), tenant);
        }
        String companyId = companyId(event);
        if (!tenant.acceptsCompany(companyId)) {
            return HireVerdict.otherCompany(tenant.id(), companyId, applicantId(data));
        }
        return tenantsHire(event, data, candidate, companyId);
    }

    /**
     * A drag_applicant event its tenant took for a hire of its own, its column a trigger and its company one of the
     * tenant's: the verdict {@link #classify} gives it, with the keys the intake records it by. Also the journal's
     * migration V33's, which keys again the hires of another company an operator replayed before (it reads no
     * tenants file: a replay of them was made only once their tenant named their company).
     *
     * @throws Problem when the event is no drag_applicant hire's (no data, no applicant id, an id too long)
     */
    public static HireVerdict tenantsHire(JsonNode event) {
        JsonNode data = objectAt(event, "data", "data");
        return tenantsHire(event, data, objectAt(data, "candidate", "data.candidate"), companyId(event));
    }

    private static HireVerdict tenantsHire(JsonNode event, JsonNode data, JsonNode candidate, String companyId) {
        return HireVerdict.hire(companyId, applicantId(data), unusableFields(candidate, data.path("vacancy")),
                SameApplication.ofEvent(event)).alsoNamedBy(ApplicationId.plain(data));
    }

    /**
     * A drag into a column that does not trigger: if the journal holds this candidate as a hire, they were moved out
     * of hired. Most such drags are of candidates never hired, so one without the ids a hire has is ignored, as it
     * was before moves out of hired counted, rather than refused. One whose column's {@code hired} flag cannot be
     * read is refused: read as "not hired", a flag that may say hired would withdraw the hire.
     */
    private static HireVerdict movedOut(JsonNode event, JsonNode data, JsonNode column, boolean hiredFlagRead,
                                        IntakeRules tenant) {
        String companyId = id(event.path("company_id"), "company_id");
        Optional<String> applicantId = applicantIdOf(data);
        if (companyId.isEmpty() || applicantId.isEmpty() || !tenant.acceptsCompany(companyId)) {
            return HireVerdict.ignored(NOT_A_TRIGGER);
        }
        if (!hiredFlagRead) {
            throw Problem.badRequest("data.column.hired", "A drag_applicant event's column.hired is true or false "
                    + "(or 1 or 0).");
        }
        JsonNode user = data.path("user");
        String who = shortened(VisibleText.of(text(user.path("firstname")) + " " + text(user.path("lastname"))));
        String where = shortened(visible(column.path("title")));
        return HireVerdict.movedOut(companyId, applicantId.get(), SameApplication.ofEvent(event),
                (who.isEmpty() ? "" : "by " + who) + (who.isEmpty() || where.isEmpty() ? "" : ", ")
                        + (where.isEmpty() ? "" : "to " + where)).alsoNamedBy(ApplicationId.plain(data));
    }

    /** A name or a column's title as the history says it: a bounded line, whatever Flatchr sent. */
    private static String shortened(String text) {
        return text.length() <= FieldLimits.NAME ? text : text.substring(0, FieldLimits.NAME) + "...";
    }

    /**
     * Whether Flatchr marks the column as hired, as Flatchr writes a flag ({@link FlatchrFlags}: true, 1, "1"...);
     * a column that leaves it out, or null, is not marked; empty when it says neither.
     *
     * <p>A column Flatchr marks as hired always triggers, trigger columns or not (flatchr-webhooks.md: a drag into
     * it is a hire): it is often the candidate's first and only drag into hired (straight from an interview, past the
     * trigger columns), which a search of Flatchr's API records as a hire too, so a tenant without an API key would
     * otherwise lose it. A drag on from a trigger column into it is the same hire sent again, which the journal
     * answers as a duplicate (or queues again, withdrawn meanwhile).
     */
    private static Optional<Boolean> hiredFlag(JsonNode column) {
        JsonNode hired = column.path("hired");
        return hired.isMissingNode() || hired.isNull() ? Optional.of(false) : FlatchrFlags.read(hired);
    }

    /** One of the tenant's trigger columns, by the webhook's id of it or its title (in any case). */
    private static boolean isTrigger(JsonNode column, Set<String> triggerColumns) {
        return triggerColumns.contains(text(column.path("id")).toLowerCase(Locale.ROOT))
                || triggerColumns.contains(text(column.path("title")).toLowerCase(Locale.ROOT));
    }

    /**
     * Flatchr's plain company id, a whole number (flatchr-webhooks.md), as the tenants' company ids are, or the mark of
     * a search's event ({@link #SEARCHED_WITHOUT_COMPANY}). Any other text is no Flatchr event: refused, rather than
     * recorded as another company's hire whose reason, the hire's history and the team's chat would repeat whatever
     * the sender wrote there (a link, an address).
     */
    private static String companyId(JsonNode event) {
        String companyId = id(event.path("company_id"), "company_id");
        if (companyId.isEmpty()) {
            throw Problem.badRequest("company_id", "A drag_applicant event needs its company_id.");
        }
        if (!AsciiDigits.only(companyId) && !SEARCHED_WITHOUT_COMPANY.equals(companyId)) {
            throw Problem.badRequest("company_id", "A drag_applicant event's company_id is Flatchr's plain company id: "
                    + "digits only.");
        }
        return companyId;
    }

    private static String applicantId(JsonNode data) {
        return applicantIdOf(data).orElseThrow(
                () -> Problem.badRequest("data.applicant", "A drag_applicant event needs an applicant id."));
    }

    /** The application id; an old payload without one falls back to candidate and vacancy ({@link ApplicationId}). */
    private static Optional<String> applicantIdOf(JsonNode data) {
        // Every id is checked, used or not: one longer than Flatchr ever makes is not Flatchr's.
        id(data.path("applicant").path("id"), "data.applicant.id");
        id(data.path("applicant_id"), "data.applicant_id");
        id(data.path("candidate").path("id"), "data.candidate.id");
        id(data.path("vacancy").path("id"), "data.vacancy.id");
        return ApplicationId.of(data);
    }

    /** An id, or "" when there is none; one too long to be recorded is refused like a missing one. */
    private static String id(JsonNode node, String field) {
        String id = text(node);
        if (id.length() > FieldLimits.ID) {
            throw Problem.badRequest(field, "The id in '" + field + "' is longer than " + FieldLimits.ID
                    + " characters.");
        }
        return id;
    }

    private static List<UnusableField> unusableFields(JsonNode candidate, JsonNode vacancy) {
        return Stream.of(
                        required("data.candidate.firstname", visible(candidate.path("firstname")), FieldLimits.NAME),
                        required("data.candidate.lastname", visible(candidate.path("lastname")), FieldLimits.NAME),
                        email(text(candidate.path("email"))),
                        // the job title is optional: Lucca takes a user without one
                        withinLimit("data.vacancy.title", visible(vacancy.path("title")), FieldLimits.TITLE))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<UnusableField> email(String email) {
        String field = "data.candidate.email";
        return required(field, email, FieldLimits.EMAIL).or(() -> EmailAddress.isPlausible(email)
                ? Optional.empty() : Optional.of(UnusableField.notAnEmailAddress(field)));
    }

    private static Optional<UnusableField> required(String field, String text, int limit) {
        return text.isEmpty() ? Optional.of(UnusableField.missing(field)) : withinLimit(field, text, limit);
    }

    private static Optional<UnusableField> withinLimit(String field, String text, int limit) {
        return text.length() > limit ? Optional.of(UnusableField.longerThan(field, limit)) : Optional.empty();
    }

    private static JsonNode objectAt(JsonNode parent, String name, String field) {
        JsonNode node = parent.path(name);
        if (!node.isObject()) {
            throw Problem.badRequest(field, "A drag_applicant event needs '" + field + "' as an object.");
        }
        return node;
    }

    /** A name or title as Lucca will get it: one made only of invisible characters is missing. */
    private static String visible(JsonNode node) {
        return VisibleText.of(text(node));
    }

    /**
     * Stripped as the mapper strips, not trimmed: {@link String#trim} also drops control characters at the
     * ends, which would pass the checks here and still reach Lucca.
     */
    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
    }
}
