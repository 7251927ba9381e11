package io.github.flatchrlucca.writeback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.flatchrlucca.http.RetrySchedule;
import io.github.flatchrlucca.flatchr.FlatchrCallFailed;
import io.github.flatchrlucca.flatchr.FlatchrConnection;
import io.github.flatchrlucca.flatchr.FlatchrPause;
import io.github.flatchrlucca.flatchr.FlatchrRequests;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.intake.HiresApplication;
import io.github.flatchrlucca.intake.SameApplication;
import io.github.flatchrlucca.journal.CallHeldBack;
import io.github.flatchrlucca.journal.ClaimLost;
import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.WriteBacks;
import io.github.flatchrlucca.mapping.FlatchrFlags;
import io.github.flatchrlucca.operations.ConnectorMetrics;
import io.github.flatchrlucca.reconciliation.FoundApplication;
import io.github.flatchrlucca.routes.Variables;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.TenantChanged;
import io.github.flatchrlucca.tenants.Tenants;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of the write-back of each outcome to its candidate in Flatchr, one method per step of its routes:
 * which tenants write back, whether their tag takes free text, which outcomes are due, the application's id in
 * Flatchr's API, the line, and what a failed attempt comes to. Nothing here calls Flatchr: the routes do.
 */
public final class WriteBackSteps {

    private static final Logger LOG = LoggerFactory.getLogger(WriteBackSteps.class);
    // Due write-backs taken per tenant and turn.
    private static final int BATCH = 20;
    // The tag is looked up again this often (a renamed tag, a tag fixed after a warning), and after a failed look.
    private static final Duration TAG_CHECK = Duration.ofHours(1);
    private static final Duration TAG_RETRY = Duration.ofMinutes(5);

    private final ObjectMapper json;
    private final Tenants tenants;
    private final WriteBacks writeBacks;
    private final FlatchrRequests requests;
    private final RetrySchedule schedule;
    private final ConnectorMetrics metrics;
    private final FlatchrPause pause;
    private final Clock clock;
    private final Map<String, TagState> tags = new ConcurrentHashMap<>();

    /**
     * What is known of a tenant's result tag: its encoded id when it takes free text; else why not.
     *
     * @param tagId   null unless usable
     * @param problem why the tag cannot take the outcome, or null when it can (or is not known yet)
     */
    // company: the Flatchr company the tag was looked up in (address and company key): tag ids are a company's own,
    // so a reload that gives the tenant another company has its tag looked up again before any outcome is written
    private record TagState(String written, String company, String tagId, String problem, Instant checkedAt,
                            Duration validFor) {
        boolean stale(Instant now) {
            return now.isAfter(checkedAt.plus(validFor));
        }
    }

    public WriteBackSteps(ObjectMapper json, Tenants tenants, WriteBacks writeBacks, FlatchrRequests requests,
                          RetrySchedule schedule, ConnectorMetrics metrics, FlatchrPause pause, Clock clock) {
        this.json = json;
        this.tenants = tenants;
        this.writeBacks = writeBacks;
        this.requests = requests;
        this.schedule = schedule;
        this.metrics = metrics;
        this.pause = pause;
        this.clock = clock;
    }

    /**
     * The tenants whose outcomes are written back: a Flatchr API key and a result tag; not now while their Flatchr
     * company asked to wait (429 Retry-After) or failed a moment ago.
     */
    public List<String> tenants() {
        return tenants.writingBackTenants().filter(tenant -> tenant.flatchr().filter(pause::paused).isEmpty())
                .map(Tenant::id).toList();
    }

    public FlatchrConnection connection(@Body String tenantId) {
        return tenants.current(tenantId).flatchr().orElseThrow();
    }

    /** Whether the tag must be looked up in Flatchr's tags: never yet, long ago, or a while after a failed look. */
    public boolean tagToCheck(@Body String tenantId) {
        TagState state = tags.get(tenantId);
        String written = tenants.current(tenantId).resultTag().orElse("");
        return state == null || !state.written().equals(written) || !state.company().equals(company(tenantId))
                || state.stale(clock.instant());
    }

    /**
     * Flatchr's tags: the result tag (by title, in any case, or by id) must be a candidate tag that takes free text and
     * holds one value on a candidate. Tag titles are unique only within a type, so a vacancy tag of the same title is
     * passed over for the candidate tag; and a tag of several values on a candidate ({@code multiple}) for one of a
     * single value: a multiple tag would gain each outcome beside the last instead of replacing it ("not created", then
     * "created #416"), on a candidate whose hire was replayed. A tag named by its id that fits comes first; then those
     * of the very title, fit or not: a recruiters' own tag that only looks like it (another case) would have its
     * values replaced by outcomes, so it is only pointed to when none of the very title fits; then those of another
     * case. Two that fit alike are neither written in. When none fits, what is wrong is said, once in the log, and in
     * health, until it is fixed.
     */
    public void tags(@Body String tenantId, @Variable(Variables.TAGS_ANSWER) JsonNode answer,
                     @Variable(Variables.FLATCHR) FlatchrConnection flatchr) {
        String written = tenants.current(tenantId).resultTag().orElse("");
        String problem = "there is no tag '" + written + "' in Flatchr";
        // the candidate tags it names, fit or not, by how they are named
        Map<TagNaming, List<JsonNode>> named = new EnumMap<>(TagNaming.class);
        for (JsonNode tag : answer) {
            TagNaming naming = TagNaming.of(written, tag);
            if (naming == null) {
                continue;
            }
            if ("candidates".equals(tag.path("type").asText())) {
                named.computeIfAbsent(naming, key -> new ArrayList<>()).add(tag);
            } else {
                problem = "tag '" + written + "' is a tag of vacancies, not of candidates";
            }
        }
        // A tag named by its id, if one fits; else those of the very title, fit or not: a look-alike in another case,
        // perhaps the recruiters' own, whose values every outcome would replace, is said, not written in; else those
        // of another case.
        List<JsonNode> byId = named.getOrDefault(TagNaming.ID, List.of());
        TagNaming level = byId.stream().anyMatch(tag -> unfit(written, tag) == null) ? TagNaming.ID
                : named.containsKey(TagNaming.TITLE) ? TagNaming.TITLE
                : named.containsKey(TagNaming.TITLE_IN_ANOTHER_CASE) ? TagNaming.TITLE_IN_ANOTHER_CASE : TagNaming.ID;
        List<String> fitting = new ArrayList<>();
        for (JsonNode tag : named.getOrDefault(level, List.of())) {
            String unfit = unfit(written, tag);
            if (unfit == null) {
                if (!fitting.contains(tag.path("id").asText())) {
                    fitting.add(tag.path("id").asText());
                }
            } else if (!problem.contains("'multiple'")) {
                // the nearest to fit is said: one that takes free text, but several values, before one that takes none
                problem = unfit;
            }
        }
        String tagId = fitting.size() == 1 ? fitting.get(0) : null;
        if (tagId != null) {
            problem = null;
        } else if (fitting.size() > 1) {
            problem = fitting.size() + " candidate tags named '" + written + "' take free text (ids "
                    + String.join(", ", fitting) + "): which one is meant cannot be told; name it by its id";
        } else if (level == TagNaming.TITLE) {
            List<String> lookAlikes = named.getOrDefault(TagNaming.TITLE_IN_ANOTHER_CASE, List.of()).stream()
                    .filter(tag -> unfit(written, tag) == null).map(tag -> tag.path("id").asText()).toList();
            if (!lookAlikes.isEmpty()) {
                problem += "; a tag of that title in another case would fit (ids " + String.join(", ", lookAlikes)
                        + "): name it by its id to have outcomes written there, if it is not the recruiters' own";
            }
        }
        // the company whose tags these are: a reload during the call may have given the tenant another
        TagState before = tags.put(tenantId, new TagState(written, flatchr.company(), tagId, problem, clock.instant(),
                TAG_CHECK));
        if (problem != null && (before == null || !problem.equals(before.problem()))) {
            LOG.warn("Tenant {}: FLATCHR_RESULT_TAG: {}; outcomes are not written back to Flatchr until it is fixed "
                    + "(a candidate tag with free values, 'creatable', of one value, not 'multiple')", tenantId, problem);
        } else if (problem == null && (before == null || before.problem() != null)) {
            LOG.info("Tenant {}: outcomes are written back to Flatchr in candidate tag '{}'", tenantId, written);
        }
    }

    /** The tags could not be read (Flatchr unavailable, key rejected): looked up again in a few minutes. */
    public void tagsUnread(@Variable(Variables.TENANT_ID) String tenantId,
                           @Variable(Variables.FLATCHR) FlatchrConnection flatchr) {
        Optional<Tenant> tenant = tenants.find(tenantId);
        if (tenant.isEmpty() || flatchr == null) {
            // the tenant left with a reload (its turns are over), or its Flatchr could not be named: nothing to note
            return;
        }
        TagState before = tags.get(tenantId);
        String company = flatchr.company();
        String written = tenant.get().resultTag().orElse("");
        // what was learned of another company's tags, or of another tag (FLATCHR_RESULT_TAG changed), says nothing of
        // this one: kept, the outcomes would go on being written in the tag the tenant no longer names
        boolean same = before != null && before.company().equals(company) && before.written().equals(written);
        tags.put(tenantId, new TagState(written, company, same ? before.tagId() : null,
                same ? before.problem() : null, clock.instant(), TAG_RETRY));
    }

    private String company(String tenantId) {
        return connection(tenantId).company();
    }

    public boolean tagUsable(@Body String tenantId) {
        TagState state = tags.get(tenantId);
        return state != null && state.tagId() != null;
    }

    /**
     * What the tenant's tag is to health: "ok", or why it cannot take the outcomes; empty before it is looked up, and
     * once the tenant names no tag or another one (a reload): what was learned is of a tag it no longer writes in.
     */
    public Optional<String> tagHealth(String tenantId) {
        Optional<String> named = tenants.find(tenantId).flatMap(Tenant::resultTag);
        return Optional.ofNullable(tags.get(tenantId)).filter(state -> named.filter(state.written()::equals).isPresent())
                .filter(state -> state.tagId() != null || state.problem() != null)
                .map(state -> state.problem() == null ? "ok" : state.problem());
    }

    /**
     * The tenant's outcomes due for writing, by id, each claimed when its turn comes ({@link #claim}); none while its
     * Flatchr is paused. Those
     * never tried and older than RETRY_MAX_AGE_HOURS (the write-back was off, or its tag unusable, when they came) are
     * ended first, unwritten: counted apart ({@code too-old}), no failure, no alert.
     */
    public List<String> due(@Body String tenantId) {
        if (pause.paused(connection(tenantId))) {
            return List.of();
        }
        int tooOld = writeBacks.endUntriedBefore(tenantId, schedule.windowStart(clock.instant()));
        if (tooOld > 0) {
            metrics.writeBacks(tenantId, "too-old", tooOld);
            LOG.info("Tenant {}: {} outcome(s) older than RETRY_MAX_AGE_HOURS were not written to Flatchr (the "
                    + "write-back's window): each hire's history says so", tenantId, tooOld);
        }
        return writeBacks.dueHireIds(tenantId, BATCH);
    }

    /** The outcome, claimed for this instance, or null when another instance has it (the route then skips it). */
    public HireView claim(@Body String hireId) {
        return writeBacks.claim(hireId);
    }

    /** Flatchr has not asked to wait since the turn began: a 429, a 5xx or no answer ends the turn. */
    public boolean takesCalls(@Variable(Variables.FLATCHR) FlatchrConnection flatchr) {
        return !pause.paused(flatchr);
    }

    /** A webhook's hire is named by the webhook's id: the API's is looked up by e-mail the first time. */
    public boolean applicantNeeded(@Variable(Variables.HIRE) HireView hire) {
        return hire.flatchrApplicant() == null;
    }

    /**
     * The search of the candidates with the hire's e-mail. A hire without one (the webhook carried none, or its payload
     * was erased by retention) is not searched for: an empty filter can never find its application, and would be
     * asked again until RETRY_MAX_AGE_HOURS.
     */
    public ApiRequest searchByEmail(@Variable(Variables.FLATCHR) FlatchrConnection flatchr, @Variable(Variables.HIRE) HireView hire) {
        if (hire.payload() == null) {
            throw new ApplicantUnfindable(ApplicantUnfindable.NO_PAYLOAD);
        }
        JsonNode event = event(hire);
        String email = event.path("data").path("candidate").path("email").asText("").strip();
        if (email.isEmpty()) {
            throw new ApplicantUnfindable(ApplicantUnfindable.NO_EMAIL);
        }
        // the application is told from the candidate's others by its vacancy: without one, no answer can match
        if (SameApplication.ofEvent(event).isEmpty()) {
            throw new ApplicantUnfindable(ApplicantUnfindable.NO_VACANCY);
        }
        return requests.searchByEmail(flatchr, email);
    }

    /**
     * The candidate's application for the hire's vacancy, among the candidates with its e-mail: by the vacancy's
     * plain id, or, for an older answer's items that do not give it (flatchr-api.md: older docs list fewer fields),
     * by the vacancy's title. Of those, the one {@link HiresApplication} takes: not archived while one not archived is
     * listed (with none, the one alone archived since the hire came), in hired before any other. Two left (a second job board's application, two of one title) cannot be told apart: neither is taken,
     * nor kept on the hire, rather than write the outcome where the recruiter does not look and name the hire for good
     * by an application that is not its own.
     */
    public String applicantFound(@Variable(Variables.HIRE) HireView hire, @Body JsonNode answer) {
        JsonNode event = event(hire);
        String wanted = SameApplication.ofEvent(event).orElse("");
        String email = event.path("data").path("candidate").path("email").asText("").strip();
        String title = event.path("data").path("vacancy").path("title").asText("").strip();
        List<HiresApplication.Listed> sameVacancy = new ArrayList<>();
        List<HiresApplication.Listed> sameTitle = new ArrayList<>();
        for (JsonNode item : answer) {
            String applicant = item.path("applicant").asText("");
            JsonNode vacancyId = item.path("vacancy_id");
            if (applicant.isEmpty()) {
                continue;
            }
            // as the search of Flatchr reads an item: archived by status 0 only, hired only when it says so (a flag
            // it cannot read puts the application first of none)
            HiresApplication.Listed listed = new HiresApplication.Listed(applicant,
                    Boolean.TRUE.equals(FoundApplication.archivedOf(item.path("status"))),
                    FlatchrFlags.read(item.path("hired")).orElse(false),
                    FoundApplication.changedAtOf(item.path("updated_at"), clock.instant()));
            if (vacancyId.isValueNode() && !vacancyId.isNull()) {
                if (SameApplication.of(item.path("email").asText(null), vacancyId.asText()).orElse("-")
                        .equals(wanted)) {
                    sameVacancy.add(listed);
                }
            } else if (!title.isEmpty() && title.equalsIgnoreCase(item.path("vacancy").asText("").strip())
                    && email.equalsIgnoreCase(item.path("email").asText("").strip())) {
                sameTitle.add(listed);
            }
        }
        List<HiresApplication.Listed> listed = sameVacancy.isEmpty() ? sameTitle : sameVacancy;
        return HiresApplication.among(listed, hire.receivedAt()).map(applicant -> found(hire, applicant))
                .orElseThrow(() -> new ApplicantNotFound(listed.isEmpty() ? ApplicantNotFound.NONE
                        : listed.stream().allMatch(HiresApplication.Listed::archived) ? ApplicantNotFound.ARCHIVED
                        : ApplicantNotFound.SEVERAL));
    }

    /** The application the outcome goes on: the one found, or the one a search kept for the hire meanwhile. */
    private String found(HireView hire, String applicant) {
        return writeBacks.applicantFound(hire.hireId(), applicant);
    }

    /** The outcome's line, in its tenant's time zone. */
    public String resultLine(@Variable(Variables.HIRE) HireView hire) {
        return ResultLine.of(hire, tenants.current(hire.tenant()).zone());
    }

    public ApiRequest writeTag(@Variable(Variables.FLATCHR) FlatchrConnection flatchr, @Variable(Variables.HIRE) HireView hire,
                               @Variable(Variables.APPLICANT) String applicant,
                               @Variable(Variables.RESULT_LINE) String line) {
        return requests.writeTag(flatchr, applicant, tags.get(hire.tenant()).tagId(), line);
    }

    /**
     * Flatchr took the tag: recorded with the line it was sent, so a reload that took the tenant away meanwhile does
     * not turn a written outcome into a failed one, written again later.
     */
    public void written(@Variable(Variables.HIRE) HireView hire, @Variable(Variables.RESULT_LINE) String line) {
        writeBacks.written(hire.hireId(), line);
        metrics.writeBack(hire.tenant(), "written");
    }

    /**
     * The attempt failed: tried again later each time (Flatchr unavailable, the key rejected, the candidate not
     * found yet), and given up past the maximum age, as a delivery is; the hire's own outcome never changes. After a
     * 429, a 5xx or no answer, not before Flatchr's pause ends. A reload that took the tenant away, or changed its
     * Flatchr, during the turn is no failure of the attempt: the outcome is given back uncounted.
     */
    public void failed(Exchange exchange) {
        HireView hire = exchange.getVariable(Variables.HIRE, HireView.class);
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (ObjectHelper.getException(ClaimLost.class, caught) != null) {
            // another instance writes it now: its turn is the one that counts, this one records nothing
            LOG.info("{}: this instance's turn ends here", caught.getMessage());
            return;
        }
        if (ObjectHelper.getException(TenantChanged.class, caught) != null) {
            // no fault of the outcome's: given back as it was, for its tenant's return or the next turn's Flatchr
            writeBacks.putBack(hire.hireId());
            return;
        }
        FlatchrCallFailed failure = ObjectHelper.getException(FlatchrCallFailed.class, caught);
        ApplicantUnfindable unfindable = ObjectHelper.getException(ApplicantUnfindable.class, caught);
        if (unfindable != null) {
            // no later attempt could find it: ended now, as one past the maximum age is
            giveUp(hire, unfindable.getMessage());
            return;
        }
        // their words name no one; a call held back (the journal's commit was slow) is a turn that counts, too
        String why = Stream.<Throwable>of(failure, ObjectHelper.getException(ApplicantNotFound.class, caught),
                        ObjectHelper.getException(CallHeldBack.class, caught)).filter(Objects::nonNull).findFirst()
                .map(Throwable::getMessage).orElse(caught.getClass().getSimpleName());
        FlatchrConnection flatchr = exchange.getVariable(Variables.FLATCHR, FlatchrConnection.class);
        Optional<Instant> paused = flatchr == null ? Optional.empty() : pause.until(flatchr);
        Instant next = schedule.next(hire.writeBackAttempts(), clock.instant());
        // never before Flatchr takes calls again: the retry would not be sent, and would be spent
        if (paused.isPresent() && paused.get().isAfter(next)) {
            next = paused.get();
        }
        Instant since = hire.writeBackSince() == null ? clock.instant() : hire.writeBackSince();
        if (schedule.expired(since, next)) {
            giveUp(hire, why);
        } else {
            writeBacks.retryLater(hire.hireId(), next, why);
            metrics.writeBack(hire.tenant(), "retried");
        }
        // said once, by the attempt whose answer paused Flatchr, not by each one that was then not sent
        if (paused.isPresent() && ObjectHelper.getException(FlatchrCallFailed.Paused.class, caught) == null) {
            LOG.info("Tenant {}: Flatchr is not called before {} ({}); its write-backs wait until then", hire.tenant(),
                    paused.get(), why);
        }
    }

    /** {@code why} names no person: it is written in the hire's history and in the log. */
    private void giveUp(HireView hire, String why) {
        writeBacks.gaveUp(hire.hireId(), why);
        metrics.writeBack(hire.tenant(), "given-up");
        LOG.warn("hire {}: its outcome could not be written to Flatchr and is given up ({})", hire.hireId(), why);
    }

    /**
     * At the start of an outcome's turn and right before its tag: this instance still holds its write-back, for one
     * more lease, so that an outcome another instance claimed once this one's lease ran out is never written twice.
     *
     * @throws ClaimLost when it does not
     */
    public void stillHolding(@Variable(Variables.HIRE) HireView hire) {
        writeBacks.renewClaim(hire.hireId());
    }

    /**
     * Before each call for an outcome: the turn's Flatchr is still its tenant's. A reload during the turn (the tenant
     * gone, or its Flatchr's address, key or company changed) sends nothing more where the turn began.
     *
     * @throws TenantChanged when it is not
     */
    public void stillTheTenants(@Variable(Variables.FLATCHR) FlatchrConnection flatchr) {
        tenants.stillItsFlatchr(flatchr);
    }

    private JsonNode event(HireView hire) {
        try {
            return hire.payload() == null ? MissingNode.getInstance() : json.readTree(hire.payload());
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * What keeps a candidate tag from taking the outcome, or null. A flag as Flatchr writes it (FlatchrFlags); one it
     * cannot read is not set: a tag not said to take free text is not written to, and one not said to take several
     * values is written as one of one value.
     */
    private static String unfit(String written, JsonNode tag) {
        if (!FlatchrFlags.read(tag.path("creatable")).orElse(false)) {
            return "tag '" + written + "' takes only its listed values, not free text";
        }
        if (FlatchrFlags.read(tag.path("multiple")).orElse(false)) {
            return "tag '" + written + "' takes several values on a candidate ('multiple'): each outcome would be "
                    + "added beside the last one instead of replacing it";
        }
        return null;
    }

    /** How a tag of Flatchr's is named by FLATCHR_RESULT_TAG. */
    private enum TagNaming {
        TITLE_IN_ANOTHER_CASE, TITLE, ID;

        /** Null when the tag is not named by it at all. */
        static TagNaming of(String written, JsonNode tag) {
            if (written.equals(tag.path("id").asText()) || written.equals(tag.path("tag_id").asText())) {
                return ID;
            }
            String title = tag.path("title").asText();
            return written.equals(title) ? TITLE : written.equalsIgnoreCase(title) ? TITLE_IN_ANOTHER_CASE : null;
        }
    }

    /** The hire has nothing its application in Flatchr could be searched by: no attempt could ever find it. */
    static final class ApplicantUnfindable extends RuntimeException {
        static final String NO_EMAIL = "the hire has no candidate e-mail to find its application in Flatchr by";
        static final String NO_VACANCY = "the hire has no vacancy id to tell its application in Flatchr from the "
                + "candidate's others";
        static final String NO_PAYLOAD = "the hire's webhook is no longer kept (retention), so its application in "
                + "Flatchr cannot be found";

        ApplicantUnfindable(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * The hire's application is not told among the candidates with its e-mail: none has it for the vacancy (yet:
     * Flatchr's search may lag), only archived ones do and not one alone since the hire, or two open ones do (until the recruiter archives the one that
     * is not the hire's).
     */
    static final class ApplicantNotFound extends RuntimeException {
        static final String NONE = "no candidate in Flatchr has this e-mail for this vacancy";
        static final String ARCHIVED = "only archived applications in Flatchr have this e-mail and vacancy, and not "
                + "one alone archived since the hire: which is the hire's cannot be told, so the outcome is written on "
                + "none";
        static final String SEVERAL = "two applications in Flatchr, neither archived, have this e-mail and vacancy: "
                + "which is the hire's cannot be told, so the outcome is written on neither";

        ApplicantNotFound(String why) {
            super(why, null, false, false);
        }
    }
}
