package io.github.flatchrlucca.mapping;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Reads a Flatchr {@code drag_applicant} hire into a Lucca user draft. Any piece of the event may be
 * missing, null or of another type than documented: such a piece becomes null or empty, never an error.
 */
public final class HireMapper {

    private static final String PHONE_UNREADABLE = "phone number could not be read; not sent";
    private static final String START_DATE_ESTIMATED = "start date estimated";
    private static final String START_DATE_UNREADABLE = "start date unreadable; start date estimated";
    /** How the warning of a start day already past when the hire is sent to Lucca begins: the write-back reads it. */
    public static final String START_DATE_PAST = "start date already past";
    public static final String END_DATE_PAST = "end date already past";
    /**
     * Set by the connector on the vacancy of a hire a search of Flatchr's API found: the vacancy was taken from
     * Flatchr's list by its title alone, the list giving no plain id that could confirm it is the application's
     * (flatchr-api.md), so its start date and contract type may be another vacancy's of that title. It lives in the
     * event, among Flatchr's fields, where a webhook's payload (or one an operator previews) or an answer of Flatchr's
     * API could carry it too: each is {@link #unmarked} as it comes in, so that only the connector sets it.
     */
    public static final String MATCHED_BY_TITLE = "matched_by_title";
    public static final String VACANCY_MATCHED_BY_TITLE = "the vacancy was matched by its title only (Flatchr's list of "
            + "vacancies does not give its id): check the start date and contract type";
    static final String END_BEFORE_START = "the vacancy's end date is before its start: the contract is left open-ended";
    static final String END_DATE_UNREADABLE = "the vacancy's end date is unreadable: the contract is left open-ended";
    static final String DEPARTMENT_UNREADABLE = "no department name could be read at FLATCHR_DEPARTMENT_POINTER %s "
            + "(neither text nor items with a title or name): the default department applies";

    /**
     * Removes {@link #MATCHED_BY_TITLE} from a vacancy as Flatchr gave it (a webhook's, an answer of its API): true
     * when it had one. Removed rather than refused: Flatchr documents no such field, and the hire is the same without
     * it. The mark is kept in the event rather than in a column of the hire's own, which would take a journal
     * migration and a change to every reader of a hire for a mark the delivery reads with the rest of the event.
     */
    public static boolean unmarked(JsonNode vacancy) {
        return vacancy instanceof ObjectNode fields && fields.remove(MATCHED_BY_TITLE) != null;
    }

    private final MappingSettings settings;
    private final PhoneNormalizer phones;
    // empty: no department is read from the event (Flatchr's vacancy has none of its own)
    private final Optional<JsonPointer> departmentPointer;

    public HireMapper(MappingSettings settings) {
        this.settings = settings;
        this.phones = new PhoneNormalizer(settings.phoneRegion());
        this.departmentPointer = Optional.of(settings.departmentPointer()).filter(pointer -> !pointer.isEmpty())
                .map(JsonPointer::compile);
    }

    /**
     * @param queuedAt when the hire last entered the queue (received, moved back into hired, replayed): the start day
     *                 when Flatchr gives none. Not its first arrival: a hire replayed two weeks after it died would
     *                 start two weeks back. Its retries keep it, and so send the same day.
     * @param sentAt   when it is sent to Lucca (this attempt, or a preview's now): a start day before it is past when
     *                 the contract is created, however long the hire waited in the queue
     */
    public MappedHire map(JsonNode event, Instant queuedAt, Instant sentAt) {
        Objects.requireNonNull(queuedAt, "queuedAt");
        Objects.requireNonNull(sentAt, "sentAt");
        JsonNode root = Objects.requireNonNullElse(event, MissingNode.getInstance());
        JsonNode candidate = root.path("data").path("candidate");
        JsonNode vacancy = root.path("data").path("vacancy");
        List<HireWarning> warnings = new ArrayList<>();

        String firstName = visible(candidate.path("firstname"));
        String lastName = visible(candidate.path("lastname"));
        String personalEmail = text(candidate.path("email"));
        String mail = settings.workEmailPattern() == null
                ? personalEmail
                : settings.workEmailPattern().apply(firstName, lastName);
        String mobile = mobile(candidate.path("phone"), warnings);
        LocalDate sent = LocalDate.ofInstant(sentAt, settings.zone());
        LocalDate contractStart = contractStart(vacancy.path("start_date"), queuedAt, sent, warnings);
        LocalDate contractEnd = contractEnd(vacancy.path("end_date"), contractStart, sent, warnings);
        if (vacancy.path(MATCHED_BY_TITLE).asBoolean(false)) {
            warnings.add(HireWarning.ofHire(VACANCY_MATCHED_BY_TITLE));
        }

        String jobTitle = JobTitle.withoutGenderMarker(visible(vacancy.path("title")));
        LuccaUserDraft draft = new LuccaUserDraft(firstName, lastName, mail, personalEmail, mobile, jobTitle,
                contractStart, null, null, null, null, contractEnd);
        List<String> departmentNames = departmentPointer.map(pointer -> departmentNames(root.at(pointer), warnings))
                .orElse(List.of());
        return new MappedHire(draft, warnings, settings.loginRule().base(firstName, lastName, mail), departmentNames,
                text(vacancy.path("contract_type_id")), ApplicationId.of(root.path("data")).orElse(null));
    }

    private String mobile(JsonNode phone, List<HireWarning> warnings) {
        String written = text(phone);
        if (written == null) {
            return null;
        }
        Optional<String> e164 = phones.toE164(written);
        if (e164.isEmpty()) {
            warnings.add(HireWarning.ofNewUser(PHONE_UNREADABLE));
        }
        return e164.orElse(null);
    }

    /**
     * The vacancy's start day, else the day the hire entered the queue, estimated. One before the day the hire is sent
     * to Lucca (the candidate dragged into hired late, a replay, a move back into hired, or retries through an outage
     * past it) is kept, for payroll counts from the day the employee started, but said: "created" alone would let
     * nobody know the employee was already at work, unpaid by Lucca. Said of the new contract only: someone found in
     * Lucca has nothing written.
     */
    private LocalDate contractStart(JsonNode startDate, Instant queuedAt, LocalDate sent, List<HireWarning> warnings) {
        // the days where the employee starts: the tenant's zone, unlike Flatchr's own dates
        Optional<LocalDate> read = StartDateReader.read(startDate);
        if (read.isEmpty()) {
            warnings.add(HireWarning.ofHire(StartDateReader.isAbsent(startDate) ? START_DATE_ESTIMATED
                    : START_DATE_UNREADABLE));
        }
        // an estimate (the day the hire was queued) is past too once retries or a hold took it beyond that day
        LocalDate start = read.orElseGet(() -> LocalDate.ofInstant(queuedAt, settings.zone()));
        if (start.isBefore(sent)) {
            warnings.add(HireWarning.ofNewContract(START_DATE_PAST + (read.isPresent() ? ": the vacancy's start date "
                    : ": the estimated start date (the day the hire was queued) ") + start + " is before the day the hire "
                    + "was sent to Lucca (" + sent + "); the contract starts on it, as " + (read.isPresent()
                    ? "Flatchr gives it" : "estimated") + ": check it with payroll"));
        }
        return start;
    }

    /**
     * A fixed-term job's last day (Flatchr's vacancy {@code end_date}, empty for a permanent one), in any shape a
     * start date may take. One before the start cannot be a contract's: the contract is left open-ended, and a
     * person is told. One before the day the hire is sent to Lucca (a short job dragged into hired late, replayed, or
     * retried through an outage past it) is kept, as the start is, but said: the contract is over when created, Lucca
     * shows a former employee who cannot log in, and "created" alone would let nobody know.
     */
    private LocalDate contractEnd(JsonNode endDate, LocalDate start, LocalDate sent, List<HireWarning> warnings) {
        Optional<LocalDate> end = StartDateReader.read(endDate);
        if (end.isEmpty() && !StartDateReader.isAbsent(endDate)) {
            warnings.add(HireWarning.ofNewContract(END_DATE_UNREADABLE));
        }
        if (end.isPresent() && end.get().isBefore(start)) {
            warnings.add(HireWarning.ofNewContract(END_BEFORE_START));
            return null;
        }
        if (end.isPresent() && end.get().isBefore(sent)) {
            warnings.add(HireWarning.ofNewContract(END_DATE_PAST + ": the vacancy's end date " + end.get() + " is before "
                    + "the day the hire was sent to Lucca (" + sent + "); the contract is over when created, and Lucca "
                    + "shows a former employee, who cannot log in: check it with HR"));
        }
        return end.orElse(null);
    }

    /**
     * The department names at the pointer: a text, an object's {@code title} (else its {@code name}), or a list of
     * either: Flatchr's vacancy {@code tags}, the usual source, are objects ({@code {"id", "tag_id", "title", ...}}).
     * Something there of which no name can be read is said, naming the pointer (not what was found: it is the
     * customer's data): the hire would otherwise get the default department with nobody knowing why. Nothing there
     * (absent, null, blank, an empty list: a vacancy without tags) names no department, and is not said.
     */
    private List<String> departmentNames(JsonNode found, List<HireWarning> warnings) {
        List<String> names = found.isArray()
                ? StreamSupport.stream(found.spliterator(), false).map(HireMapper::departmentName)
                        .filter(Objects::nonNull).toList()
                : Optional.ofNullable(departmentName(found)).stream().toList();
        if (names.isEmpty() && !namesNothing(found)) {
            warnings.add(HireWarning.ofNewUser(DEPARTMENT_UNREADABLE.formatted(settings.departmentPointer())));
        }
        return names;
    }

    private static String departmentName(JsonNode item) {
        if (item.isObject()) {
            return Optional.ofNullable(text(item.path("title"))).orElseGet(() -> text(item.path("name")));
        }
        return text(item);
    }

    private static boolean namesNothing(JsonNode found) {
        return found.isMissingNode() || found.isNull() || (found.isTextual() && text(found) == null)
                || (found.isArray() && found.isEmpty());
    }

    /**
     * A name or title as written, without the doubled and stray spaces of hand-typed forms nor invisible
     * characters; null when nothing visible is left.
     */
    private static String visible(JsonNode node) {
        String visible = VisibleText.of(text(node));
        return visible.isEmpty() ? null : visible;
    }

    /** Trimmed text of a text or number node (Flatchr sends ids as either), or null when blank or absent. */
    private static String text(JsonNode node) {
        if (!node.isTextual() && !node.isNumber()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
