package io.github.flatchrlucca.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.flatchr.FlatchrCallFailed;
import io.github.flatchrlucca.flatchr.FlatchrConnection;
import io.github.flatchrlucca.flatchr.FlatchrPause;
import io.github.flatchrlucca.flatchr.FlatchrRequests;
import io.github.flatchrlucca.http.AnswerLimits;
import io.github.flatchrlucca.http.Backoff;
import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.intake.FlatchrEventClassifier;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.intake.HiresApplication;
import io.github.flatchrlucca.journal.ClaimLost;
import io.github.flatchrlucca.journal.CurrentEvent;
import io.github.flatchrlucca.journal.Instances;
import io.github.flatchrlucca.journal.IntakeResult;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalRefusedValue;
import io.github.flatchrlucca.journal.JournalUnavailable;
import io.github.flatchrlucca.journal.MoveOut;
import io.github.flatchrlucca.journal.Origin;
import io.github.flatchrlucca.journal.Reconciliations;
import io.github.flatchrlucca.journal.WithdrawnHire;
import io.github.flatchrlucca.mapping.FlatchrDays;
import io.github.flatchrlucca.routes.Variables;
import io.github.flatchrlucca.signals.BackInHiredAlert;
import io.github.flatchrlucca.signals.DaysNotSearchedAlert;
import io.github.flatchrlucca.signals.SearchCounts;
import io.github.flatchrlucca.signals.RejectedHireAlert;
import io.github.flatchrlucca.signals.SkippedApplicationAlert;
import io.github.flatchrlucca.tenants.FlatchrApi;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.TenantChanged;
import io.github.flatchrlucca.tenants.TenantSettings;
import io.github.flatchrlucca.tenants.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.github.flatchrlucca.http.ApiRequest;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of a search of Flatchr's API for the hires its webhook did not deliver, one method per step of
 * the reconciliation routes: whose turn it is, which applications are new, the webhook-shaped hire each becomes,
 * and what the run came to. Nothing here calls Flatchr: the routes do, through the call route.
 */
public final class ReconciliationSteps {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationSteps.class);
    /** The exchange variable saying why a run failed, for whoever asked for it (the admin API's backfill). */
    public static final String FAILURE = "reconciliationFailure";
    // After failures the next run waits longer each time, but never more than a day.
    private static final Duration LONGEST_WAIT = Duration.ofHours(24);
    // After searches of moves that failed in a row, the next is put off longer each time, but never more than this.
    // A day of bulk changes answers over the cap until it is out of the moves' window, a week later: uncapped, the
    // doubling would reach days, and a move the webhook lost would be found days after the bulk day left the window.
    // Six hours: at most four reads of up to the cap a day instead of one per run (96 a day at 15 min), and a lost
    // move found within six hours once the searches answer again; the alert on these failures looks back longer.
    private static final Duration LONGEST_MOVES_WAIT = Duration.ofHours(6);
    // The event's company_id when the tenant lists no company (the default tenant takes any).

    // The webhook's hires a run compares the applications it records with, at most (the newest): a window's
    // webhook hires are a few dozen, and a backfill of months reads no more than these, a few hundred kilobytes.
    private static final int NAMESAKES_READ = 500;

    // The timer checks every 5 s, and each check says this instance is up: one not seen for this long is down.
    private static final Duration OTHERS_UP_WITHIN = Duration.ofSeconds(30);

    private final Tenants tenants;
    private final Reconciliations reconciliations;
    private final Instances instances;
    private final Journal journal;
    private final FlatchrEventClassifier classifier;
    private final FlatchrRequests requests;
    private final ObjectMapper json;
    private final SearchCounts metrics;
    private final FlatchrPause pause;
    private final SkippedApplicationAlert alert;
    private final SkippedApplications skippedApplications = new SkippedApplications();
    private final FailingDetails failingDetails;
    private final RejectedHireAlert rejected;
    private final DaysNotSearchedAlert daysNotSearched;
    private final BackInHiredAlert backInHired;
    private final Clock clock;
    private final Instant startedAt;
    // Decided at the first check: were all instances down before this one started? Null until then.
    private volatile Boolean allWereDown;

    public ReconciliationSteps(Tenants tenants, Reconciliations reconciliations, Instances instances, Journal journal,
                               FlatchrEventClassifier classifier, FlatchrRequests requests, ObjectMapper json,
                               SearchCounts metrics, FlatchrPause pause, SkippedApplicationAlert alert,
                               RejectedHireAlert rejected, DaysNotSearchedAlert daysNotSearched,
                               BackInHiredAlert backInHired, Clock clock) {
        this.tenants = tenants;
        this.reconciliations = reconciliations;
        this.instances = instances;
        this.journal = journal;
        this.classifier = classifier;
        this.requests = requests;
        this.json = json;
        this.metrics = metrics;
        this.pause = pause;
        this.alert = alert;
        this.rejected = rejected;
        this.daysNotSearched = daysNotSearched;
        this.backInHired = backInHired;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.failingDetails = new FailingDetails();
    }

    /** The tenants whose Flatchr API is configured to be searched at an interval: the ones the timer asks about. */
    public List<String> scheduled() {
        List<String> scheduled = tenants.all().stream()
                .filter(tenant -> tenant.settings().flatchrApi().filter(FlatchrApi::reconciles).isPresent())
                .map(Tenant::id).sorted().toList();
        if (!scheduled.isEmpty()) {
            if (allWereDown == null) {
                allWereDown = !instances.othersSeenWithin(OTHERS_UP_WITHIN);
            }
            instances.seen();
        }
        return scheduled;
    }

    /**
     * The tenant's run when its turn has come and no other instance runs it; null otherwise. When no instance was up
     * before this one started, the connector was down and hires may have been made meanwhile: a search comes at
     * once, whatever the interval, unless one has begun since (instances started together search once). Not while
     * the tenant's Flatchr company asked to wait (429 Retry-After) or failed a moment ago: the search waits for it,
     * unclaimed, no failure counted.
     */
    public ReconciliationRun due(String tenantId) {
        Tenant tenant = tenants.find(tenantId).orElse(null);
        if (tenant == null || tenant.flatchr().isEmpty() || pause.paused(tenant.flatchr().get())) {
            return null;
        }
        Optional<Reconciliations.Run> claim = Boolean.TRUE.equals(allWereDown)
                ? reconciliations.claimDueOrNotSearchedSince(tenantId, startedAt)
                : reconciliations.claim(tenantId, false);
        Duration lookback = ReconciliationRun.lookback(tenant);
        claim.filter(run -> run.lastSuccessAt().isEmpty()).ifPresent(run -> daysLeftOut(run, lookback));
        return claim.map(run -> run(run, tenant, ReconciliationRun.windowFrom(run, lookback), false, false))
                .orElse(null);
    }

    /**
     * Until a search has succeeded, the days its window leaves out ({@link ReconciliationRun#firstWindowCut}) are
     * kept in the journal, for the admin API and the status page; the first run to leave any out tells the log and
     * the team's chat, once for the tenant, not at every run that fails meanwhile.
     */
    private void daysLeftOut(Reconciliations.Run run, Duration lookback) {
        Optional<LocalDate> cut = ReconciliationRun.firstWindowCut(run, lookback);
        LocalDate windowFrom = ReconciliationRun.windowFrom(run, lookback);
        if (reconciliations.firstWindowLeavesOut(run, cut.orElse(null), cut.isPresent() ? windowFrom : null)) {
            LOG.warn("Tenant {}: no search of Flatchr's API has succeeded since the first was tried: a search looks "
                    + "back {} days at most, and the hires of the days from {} to {} (a day more each day until one "
                    + "succeeds) are searched only by a backfill (POST /admin/api/reconcile?tenant={}&since={})",
                    run.tenant(), ReconciliationRun.LONGEST_FIRST_LOOKBACK.toDays(), cut.get(),
                    windowFrom.minusDays(1), run.tenant(), cut.get());
            daysNotSearched.daysNotSearched(run.tenant(), cut.get(), windowFrom);
        }
    }

    /**
     * An operator's backfill, now, from {@code since}; {@code dryRun} lists what it would record and records
     * nothing. 409 while a run of the tenant is going on somewhere.
     */
    public ReconciliationRun backfill(String tenantId, LocalDate since, boolean dryRun) {
        Tenant tenant = tenants.find(tenantId)
                .orElseThrow(() -> Problem.badRequest("tenant", "No tenant has this id."));
        if (tenant.flatchr().isEmpty()) {
            throw Problem.conflict("Tenant " + tenantId + " has no Flatchr API key: set FLATCHR_API_KEY (or the "
                    + "tenant's flatchr.apiKey) to search Flatchr.");
        }
        // the search going on may be one asked before, whose answer never came: its connection was closed while it
        // ran (a search longer than HTTP_IDLE_TIMEOUT_SECONDS), and a browser may even have sent the request again
        Reconciliations.Run claim = reconciliations.claim(tenantId, true)
                .orElseThrow(() -> Problem.conflict("A search of tenant " + tenantId + "'s Flatchr is going on: the "
                        + "scheduled one, or one asked before whose answer never came (a search longer than the "
                        + "connection's idle timeout goes on without it). The hires it records appear in the hires list, "
                        + "and a backfill shows as the tenant's last search (lastSearchOfFlatchr) once it is over. Ask "
                        + "again then."));
        return run(claim, tenant, since, true, dryRun);
    }

    /** Flatchr's columns, for the titles a search by trigger column takes. */
    public void columns(@Variable(Variables.RUN) ReconciliationRun run, @Body JsonNode answer) {
        run.columns(answer);
    }

    public List<ApiRequest> searches(@Variable(Variables.RUN) ReconciliationRun run) {
        return run.searches(clock.instant());
    }

    /** One search's answer; the split's index says which search of {@link #searches} it answers. */
    public void found(@Variable(Variables.RUN) ReconciliationRun run,
                      @ExchangeProperty(Exchange.SPLIT_INDEX) int search, @Body JsonNode answer) {
        run.found(search, answer, clock.instant());
    }

    /** Whether the details just read lack the vacancy, and Flatchr's list of vacancies is still to be read. */
    public boolean vacanciesNeeded(@Variable(Variables.RUN) ReconciliationRun run, @Variable(Variables.DETAILS) JsonNode details) {
        return run.vacanciesNeeded(details);
    }

    public void vacancies(@Variable(Variables.RUN) ReconciliationRun run, @Body JsonNode answer) {
        run.vacancies(answer);
    }

    /** Whether the application's details are asked of Flatchr: not once they failed at enough runs over a day ({@link FailingDetails}). */
    public boolean detailsAsked(@Variable(Variables.RUN) ReconciliationRun run,
                                @Variable(Variables.ITEM) FoundApplication application) {
        return !failingDetails.givenUp(run.getTenant(), application.applicant(), run.searchesSucceeded(),
                clock.instant());
    }

    /**
     * The details of an application whose details failed at enough runs over a day: none, so that it is recorded from the
     * search's item, as when Flatchr's API does not have them (its hire's history says so), and the hires after it
     * are recorded too. Said in the log at each run that records it (one, unless it is skipped).
     */
    public JsonNode withoutDetails(@Variable(Variables.RUN) ReconciliationRun run,
                                   @Variable(Variables.ITEM) FoundApplication application) {
        LOG.warn("Tenant {}: the details of application {} found in Flatchr's API failed at {} runs or more, and no "
                + "search succeeded for {} hours: it is recorded from the search's item, as when the API does not have them",
                run.getTenant(), application.applicant(), FailingDetails.GIVEN_UP_AFTER,
                FailingDetails.FAILING_FOR.toHours());
        return MissingNode.getInstance();
    }

    /**
     * The application's details as Flatchr's call answered them: none, for a 4xx other than the reference's 404 (a
     * 403, a 410: {@code FlatchrAnswers} reads them as not given), is counted by the run, which says so at its end.
     */
    public void detailsAnswered(@Variable(Variables.RUN) ReconciliationRun run,
                                @Header(Exchange.HTTP_RESPONSE_CODE) Integer status, @Body JsonNode details) {
        if (details.isMissingNode() && status != null && status != 404) {
            run.detailsRefused(status);
        }
    }

    /**
     * The call for the application's details failed, and the run with it (tried again by its schedule, later each
     * time): a failure of Flatchr's for this call (a 5xx or 408, no answer, an answer unreadable or over the cap)
     * counts towards giving its details up. Not a key rejected, a 429 (Flatchr's limit, the company's), nor a call
     * not sent (Flatchr paused, or no turn): they say nothing of the application.
     */
    public void detailsFailed(Exchange exchange) throws Exception {
        ReconciliationRun run = exchange.getVariable(Variables.RUN, ReconciliationRun.class);
        FoundApplication application = exchange.getVariable(Variables.ITEM, FoundApplication.class);
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        FlatchrCallFailed flatchr = ObjectHelper.getException(FlatchrCallFailed.class, caught);
        boolean ofTheApplication = flatchr == null
                ? ObjectHelper.getException(java.io.IOException.class, caught) != null
                : flatchr instanceof FlatchrCallFailed.Unreadable
                || flatchr instanceof FlatchrCallFailed.Unavailable && flatchr.status() != 429;
        if (ofTheApplication) {
            int runs = failingDetails.failed(run.getTenant(), application.applicant());
            LOG.warn("Tenant {}: the details of application {} found in Flatchr's API failed ({} run(s) so far): {}; "
                    + "after {}, once no search succeeded for {} hours, it is recorded from the search's item", run.getTenant(),
                    application.applicant(), runs, why(caught), FailingDetails.GIVEN_UP_AFTER,
                    FailingDetails.FAILING_FOR.toHours());
        }
        throw caught;
    }

    /**
     * The applications the run found that the tenant's journal does not have yet, by e-mail and vacancy or by
     * Flatchr's id (a webhook's hire whose candidate's e-mail was corrected since): two queries, however many. A hire
     * found by e-mail and vacancy keeps Flatchr's id ({@link #keepFlatchrsIds}), by which the next searches know it
     * whatever its e-mail becomes. One whose hire was withdrawn, shown in hired by a change after its move out, was moved back into hired while its
     * webhook was lost: its hire is queued again, as the webhook would have done (with what the search shows now of
     * the candidate, {@link #currentEvent}), and counted as recorded (a dry run lists it instead): one query more.
     */
    public List<FoundApplication> unknown(@Variable(Variables.RUN) ReconciliationRun run) {
        if (!run.isDryRun()) {
            // Flatchr may have taken longer than the lease to answer: a run another took over keeps no id, queues nothing
            reconciliations.renew(run.claim());
        }
        List<FoundApplication> found = run.found();
        Set<String> known = journal.knownApplications(run.getTenant(), found.stream()
                .flatMap(application -> application.sameApplication().stream()).toList());
        Set<String> knownIds = journal.knownApplicants(run.getTenant(), found.stream()
                .map(FoundApplication::applicant).toList());
        keepFlatchrsIds(run, found, known, knownIds);
        List<FoundApplication> unknown = new ArrayList<>(found.stream()
                .filter(application -> application.sameApplication().filter(known::contains).isEmpty())
                .filter(application -> !knownIds.contains(application.applicant()))
                .toList());
        List<WithdrawnHire> withdrawn = found.isEmpty() ? List.of() : journal.withdrawnHires(run.getTenant());
        for (FoundApplication application : found) {
            if (application.changedAt() == null && withdrawn.stream().anyMatch(hire -> hire.isOf(
                    application.sameApplication().orElse(null), application.applicant()))) {
                // a move back in is told by the time of change only
                run.timeUnreadable(application);
            }
            List<WithdrawnHire> movedBack = withdrawn.stream().filter(hire -> hire.movedBackIn(
                    application.sameApplication().orElse(null), application.applicant(), application.changedAt()))
                    .toList();
            if (run.isDryRun() && !movedBack.isEmpty()) {
                unknown.add(application);
                continue;
            }
            // One hire of the application is queued again, the one of its e-mail now if there are two (a webhook's
            // and a search's, after the candidate's e-mail was corrected): both would make two accounts.
            boolean queued = false;
            String email = application.sameApplication().orElse(null);
            for (WithdrawnHire hire : movedBack.stream()
                    .sorted(Comparator.comparing((WithdrawnHire hire) -> !hire.hasEmailOf(email))).toList()) {
                // told as the webhook's move back is: the person asked at the move out may have ended the account
                boolean decisionAsked = journal.decisionAskedAtMoveOut(hire.hireId());
                SeenNow now = seenNow(run, application, hire);
                if (decisionAsked && now.incomplete()) {
                    // as the webhook of that move back leaves it (Journal.refusedWhileWithdrawn): an account made, or
                    // perhaps made, is a person's to decide on while Flatchr's data cannot be sent; a search cannot
                    // tell that move back from one the journal already noted, nor from a later one
                    continue;
                }
                if (journal.movedBackIntoHiredSeenInFlatchr(hire, application.changedAt(), run.tenant().hireHold(),
                        run.seenInHiredAt(application), run.searchesAskedAt(), now.event())) {
                    queued = true;
                    if (decisionAsked) {
                        backInHired.backInHiredAfterDecisionAsked(run.getTenant(), hire.hireId());
                    }
                    break;
                }
            }
            if (queued) {
                run.recorded(application);
            }
        }
        return unknown;
    }

    /**
     * The applications found by e-mail and vacancy ({@code known}) and not yet by Flatchr's API's id ({@code
     * knownIds}): their hires keep the id ({@link Journal#applicationsFoundBySearch}), which the webhook does not
     * give. A recruiter who corrects the candidate's e-mail in Flatchr afterwards (no webhook tells of it) changes
     * neither that id nor the hire it names: neither a second hire, made a second time in Lucca, nor a move out of
     * hired that goes unseen. Once per hire: the next searches find it by both, and the journal never replaces it.
     * Only from the search of hires, whose applications are in hired now: the search of moves lists the candidate's
     * other applications too (an older one archived, of the same e-mail and vacancy, whose change predates the hire),
     * and one of them would name the hire for good. Not for an e-mail and vacancy that two applications of the answer
     * share: which is the hire's cannot be told, so neither is kept ({@link HiresApplication}, the write-back's rule
     * too). Not in a dry run, which changes nothing.
     */
    private void keepFlatchrsIds(ReconciliationRun run, List<FoundApplication> found, Set<String> known,
                                 Set<String> knownIds) {
        if (run.isDryRun()) {
            return;
        }
        // each found by the search of hires: in hired, whatever its item's flag says (a trigger column Flatchr does
        // not mark as hired), and not archived (the run leaves those out)
        Map<String, List<HiresApplication.Listed>> listedBySame = new LinkedHashMap<>();
        found.forEach(application -> application.sameApplication().ifPresent(same -> listedBySame
                .computeIfAbsent(same, any -> new ArrayList<>())
                .add(new HiresApplication.Listed(application.applicant(), false, true, application.changedAt()))));
        Map<String, String> byEmailOnly = new LinkedHashMap<>();
        listedBySame.forEach((same, listed) -> HiresApplication.among(listed)
                .filter(applicant -> known.contains(same) && !knownIds.contains(applicant))
                .ifPresent(applicant -> byEmailOnly.put(same, applicant)));
        journal.applicationsFoundBySearch(run.getTenant(), byEmailOnly);
    }

    /**
     * The event a withdrawn hire moved back into hired is queued again with: the recorded one, with what the search's
     * item says now of the candidate and the vacancy's title ({@link FoundApplication#refresh}), the newer truth,
     * as the webhook of the move back would have carried it (the recruiter may have corrected the e-mail while the
     * candidate was out). Still the recorded one, said in the hire's history, when what the item says now would not
     * be a hire to the webhook's rules (an e-mail the intake refuses, say): it was one when recorded, and the search
     * cannot ask the recruiter.
     */
    /**
     * @param event      what the journal is to make of the withdrawn hire's event, queued again
     * @param incomplete whether Flatchr's data of now cannot be sent (the webhook's rules refuse it)
     */
    private record SeenNow(CurrentEvent event, boolean incomplete) {
    }

    private SeenNow seenNow(ReconciliationRun run, FoundApplication application, WithdrawnHire hire) {
        ObjectNode event;
        try {
            if (!(json.readTree(journal.payload(hire.hireId()).orElse("null")) instanceof ObjectNode recorded)) {
                return new SeenNow(CurrentEvent.RECORDED, false);
            }
            event = recorded;
        } catch (java.io.IOException unreadable) {
            return new SeenNow(CurrentEvent.RECORDED, false);
        }
        List<String> changed = application.refresh(event);
        if (changed.isEmpty()) {
            return new SeenNow(CurrentEvent.RECORDED, false);
        }
        String fields = String.join(", ", changed);
        try {
            HireVerdict verdict = classifier.classifyRecorded(event, run.tenant());
            if (verdict.kind() == HireVerdict.Kind.HIRE) {
                return new SeenNow(new CurrentEvent(event.toString(), verdict.matchingApplication(),
                        "its " + fields + " as the search shows them now"), false);
            }
            return new SeenNow(CurrentEvent.recorded(notUsed(fields, verdict.kind() == HireVerdict.Kind.INCOMPLETE
                    ? verdict.rejection() : "not a hire to the webhook's rules (" + verdict.kind() + ")")),
                    verdict.kind() == HireVerdict.Kind.INCOMPLETE);
        } catch (Problem unusable) {
            return new SeenNow(CurrentEvent.recorded(notUsed(fields, unusable.getMessage())), true);
        }
    }

    private static String notUsed(String fields, String why) {
        return "its " + fields + " as the search shows them now are not used (" + why + "): it is delivered as "
                + "recorded";
    }

    /**
     * Records one application as a hire of the tenant, as its webhook would have: true when it is new (its
     * delivery is then woken). A webhook that came meanwhile makes it a duplicate, and nothing more is recorded.
     */
    public boolean record(@Variable(Variables.RUN) ReconciliationRun run, @Variable(Variables.ITEM) FoundApplication application,
                          @Variable(Variables.DETAILS) JsonNode details) {
        // its details took a call to Flatchr: a run that lost its claim meanwhile records nothing more, and no hire
        // recorded is left without its alert or its delivery woken by a claim found lost after it
        reconciliations.renew(run.claim());
        List<String> notes = new ArrayList<>();
        ObjectNode event = application.toEvent(json, details, run.vacancy(application),
                companyId(run.tenant()), run.foundIn(application), notes);
        IntakeResult result;
        HireVerdict verdict;
        Optional<String> namesake;
        Optional<String> namesakeReason;
        try {
            verdict = classifier.classify(event, run.tenant());
            if (verdict.kind() != HireVerdict.Kind.HIRE && verdict.kind() != HireVerdict.Kind.INCOMPLETE) {
                // The search found it in a trigger column (or in a hired one past them, recorded as a drag into the
                // first trigger column), so the classifier should see a hire; anything else is a
                // mismatch between the two (a column the tenant names differently, an answer read wrongly), and
                // recorded it would be a rejected row with no reason, or one keyed by no ids that every later
                // hire would be taken for a duplicate of
                return skipped(run, application, "it is not a hire to the webhook's rules (" + verdict.kind() + ")");
            }
            namesake = verdict.kind() == HireVerdict.Kind.HIRE ? namesakeOf(run, event) : Optional.empty();
            namesakeReason = namesake.map(other -> WebhookNamesakes.reason(other, journal.madeNobodyInLucca(other)));
            result = journal.record(event.toString(), run.getTenant(), Origin.FLATCHR_API, verdict.dedupeKey(),
                    verdict.matchingApplication(), verdict.applicantId(),
                    namesakeReason.orElse(verdict.recordedRejection()), notes,
                    run.tenant().hireHold(), run.seenInHiredAt(application));
        } catch (Problem | JournalRefusedValue unusable) {
            // Its own data is at fault (an id too long to be one, a value the journal refuses): it would be refused
            // at every run, and would stop every run, so every other hire with it. Skipped, and said.
            return skipped(run, application, unusable.getMessage());
        }
        if (result.newRejection() && namesake.isPresent()) {
            LOG.warn("Tenant {}: application {} found in Flatchr's API has the names and vacancy of webhook hire {} "
                    + "under another e-mail: recorded as hire {}, rejected until a person decides", run.getTenant(),
                    application.applicant(), namesake.get(), result.hireId());
            rejected.namesakeHeld(run.getTenant(), result.hireId(), namesakeReason.get());
        } else if (result.newRejection()) {
            // recorded, but to reach Lucca only once a person completes it in Flatchr: told as the webhook's is
            rejected.hireRejected(run.getTenant(), result.hireId(), verdict.rejection());
        }
        if (result.outcome() == IntakeResult.Outcome.DUPLICATE) {
            // the hire of this application the journal had (its webhook's, found by e-mail and vacancy when an older
            // answer's item did not give the vacancy) now knows Flatchr's id of it: the next searches know it by that
            // id without reading its details again, and its write-back needs no search by e-mail
            journal.applicantFoundBySearch(result.hireId(), application.applicant());
            return false;
        }
        run.recorded(application);
        metrics.hireFound(run.getTenant(), result.outcome() == IntakeResult.Outcome.ACCEPTED ? "accepted" : "rejected");
        return result.outcome() == IntakeResult.Outcome.ACCEPTED;
    }

    /**
     * The webhook's hire the event may be under a corrected e-mail ({@link WebhookNamesakes}): one not found by any
     * search yet, whenever it came. Not only since the run's window began: a search finds an application in its window
     * by its change (the e-mail corrected), not by its hire, which may be older than any search of the tenant (its API
     * key added later). The newest {@link #NAMESAKES_READ} of them, read once per run.
     */
    private Optional<String> namesakeOf(ReconciliationRun run, ObjectNode event) {
        return run.namesakes(() -> WebhookNamesakes.of(journal.webhookHiresWithoutApplicant(run.getTenant(),
                NAMESAKES_READ), journal::payload, json)).of(event);
    }

    /**
     * Whether the run searches the moves day by day straight away, with no search of their whole window: when the
     * last one failed ({@link ReconciliationRun#movesLastFailed}). Their window's first day once the delay after the
     * failures is over, the days after it at every run ({@link ReconciliationRun#movesDays}).
     */
    public boolean movesByDay(@Variable(Variables.RUN) ReconciliationRun run) {
        return run.movesLastFailed();
    }

    /** The search of every candidate changed since the run's moves start ({@link ReconciliationRun#movesFrom}). */
    public ApiRequest movesSearch(@Variable(Variables.RUN) ReconciliationRun run) {
        return run.movesSearch(clock.instant());
    }

    /**
     * The hires the journal holds whose candidates that search shows archived or out of hired, each taken as a move
     * whose webhook never came ({@link Journal#movedOutSeenInFlatchr}): those it changed, withdrawn or waiting for a
     * person's decision. Not by the candidate's other application on the hire's vacancy: neither one the answer shows
     * beside an application of that e-mail and vacancy in hired ({@link ReconciliationRun#outOfHired}), nor one whose
     * Flatchr id is not the one the hire is known by (the journal looks no further).
     */
    public List<MoveOut> movedOut(@Variable(Variables.RUN) ReconciliationRun run, @Body JsonNode answer) {
        // before any hire is withdrawn: a run that lost its claim applies no move, whose alert would then be lost
        reconciliations.renew(run.claim());
        String companyId = companyId(run.tenant());
        List<FoundApplication> outOfHired = run.outOfHired(answer, clock.instant());
        // most candidates changed in a day were never hired: the journal is asked once per few hundred (by e-mail
        // and vacancy, then by Flatchr's id), and only the applications it holds cost a transaction of their own
        Set<String> held = journal.knownApplications(run.getTenant(), outOfHired.stream()
                .flatMap(application -> application.sameApplication().stream()).toList());
        Set<String> heldByIds = journal.knownApplicants(run.getTenant(), outOfHired.stream()
                .map(FoundApplication::applicant).toList());
        List<MoveOut> changed = new ArrayList<>();
        for (FoundApplication application : outOfHired.stream()
                .filter(application -> application.sameApplication().filter(held::contains).isPresent()
                        || heldByIds.contains(application.applicant())).toList()) {
            HireVerdict verdict = new HireVerdict(HireVerdict.Kind.MOVED_OUT, null, companyId, application.applicant(),
                    List.of(), application.sameApplication().orElse(null));
            journal.movedOutSeenInFlatchr(run.getTenant(), verdict.dedupeKey(), verdict.sameApplication(),
                    application.applicant(), "as a search of its API shows ("
                            + (Boolean.TRUE.equals(application.archived()) ? "archived"
                            : "now in " + application.column()) + ")", application.changedAt(), run.movesAskedAt())
                    .stream()
                    .filter(moveOut -> moveOut.outcome() != MoveOut.Outcome.ALREADY_STOPPED)
                    .forEach(changed::add);
        }
        run.countMovedOut(changed.size());
        // a person decides each, as after the webhook's move: counted where the alert rules read it
        changed.stream().filter(MoveOut::needsDecision).forEach(move -> metrics.hireFound(run.getTenant(),
                move.label()));
        return changed;
    }

    /**
     * The search of moves went through, at once or each of its days: the next starts the day before this one's first
     * search began, when this one started where the scheduled search would (a backfill from a later day leaves the
     * days between unsearched); the failures in a row before it are over.
     */
    public void movesSearched(@Variable(Variables.RUN) ReconciliationRun run) {
        if (run.movesFromScheduled()) {
            reconciliations.movesSearched(run.claim(), run.movesBegan());
        }
    }

    /**
     * Whether the search of moves that failed answered over the cap for a window of more than a day: its days are
     * then searched one by one ({@link ReconciliationRun#movesDays}), so that one day of bulk changes hides the moves
     * of no other. Not a failure of the journal, which fails the run ({@link #movesFailed}).
     */
    public boolean movesTooLargeForOneSearch(Exchange exchange) {
        ReconciliationRun run = exchange.getVariable(Variables.RUN, ReconciliationRun.class);
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return !ofTheJournal(caught) && ReconciliationRun.TOO_LARGE.equals(movesOutcome(caught))
                && run.movesOfSeveralDays(clock.instant());
    }

    /** The days of the moves' window, searched one at a time, in order ({@link ReconciliationRun#movesDays}). */
    public List<LocalDate> movesDays(@Variable(Variables.RUN) ReconciliationRun run) {
        return run.movesDays(clock.instant());
    }

    /** Whether the next day is searched: not after a day failed as the whole Flatchr does (down, refusing). */
    public boolean movesDaysGoOn(@Variable(Variables.RUN) ReconciliationRun run) {
        return run.movesDaysGoOn();
    }

    /** The search of every candidate changed on one of those days. */
    public ApiRequest movesDaySearch(@Variable(Variables.RUN) ReconciliationRun run, @Body LocalDate day) {
        return run.movesSearch(day, clock.instant());
    }

    /**
     * The search of one day's moves failed: after that day's bulk changes over the cap the next days are searched
     * all the same, one call each; after any other failure (Flatchr down or refusing) none is, in this run
     * ({@link ReconciliationRun#movesDayFailed}); the journal's failures fail the run, as anywhere else in it. The
     * run keeps its claim, as after a day that went through: a slow Flatchr failing day after day would let its
     * lease run out.
     */
    public void movesDayFailed(Exchange exchange) throws Exception {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (ofTheJournal(caught)) {
            throw (Exception) caught;
        }
        ReconciliationRun run = exchange.getVariable(Variables.RUN, ReconciliationRun.class);
        run.movesDayFailed(movesOutcome(caught));
        reconciliations.renew(run.claim());
    }

    /**
     * Every day of the moves searched alone: when each went through, as a search of moves that succeeded
     * ({@link #movesSearched}); otherwise a failed one, whose window moves on only to the first day that failed (its
     * days before were read), never past it, and which puts the next off as any failure does. While the delay is
     * not over, only the days after the window's first were searched ({@link #movesFirstDayPutOff}).
     */
    public void movesSearchedByDay(@Variable(Variables.RUN) ReconciliationRun run) {
        LocalDate failed = run.movesFirstFailedDay();
        if (!run.movesDue()) {
            movesFirstDayPutOff(run);
            return;
        }
        if (failed == null) {
            movesSearched(run);
            return;
        }
        if (run.movesFromScheduled() && failed.isAfter(run.movesFrom())) {
            reconciliations.movesSearchedUpTo(run.claim(), run.movesSearchedUpTo(failed));
        }
        movesSearchFailed(run, run.movesFailure(), "searched day by day, " + failed + " failed first: the days "
                + "before it were read, and the moves' window goes no further");
    }

    /**
     * While the delay after failures is not over, the run searched the days after the window's first day only (that
     * day failed): their moves are applied, and neither the window, which never moves past an unsearched day, nor the
     * delay, which is that day's, changes. A day that failed among them is said in the answer, counted and logged;
     * the journal's failures in a row stay those of the searches of that first day.
     */
    private void movesFirstDayPutOff(ReconciliationRun run) {
        run.movesPutOff();
        if (run.movesFirstFailedDay() == null) {
            LOG.info("Tenant {}: the search of Flatchr's API for moves out of hired on {} is put off until {}, as it "
                    + "failed lately; the days after it were searched", run.getTenant(), run.movesFrom(),
                    run.movesPutOffUntil());
            return;
        }
        metrics.movesSearchFailed(run.getTenant(), run.movesFailure());
        LOG.warn("Tenant {}: the search of Flatchr's API for moves out of hired on {} failed ({}), searched day by day "
                + "after {}, which is put off until {}; the moves' window stays at {}", run.getTenant(),
                run.movesFirstFailedDay(), run.movesFailure(), run.movesFrom(), run.movesPutOffUntil(),
                run.movesFrom());
    }

    /**
     * The search of moves failed (Flatchr unavailable, an answer over the cap on a day of bulk changes): the run goes
     * on and succeeds with the hires it found, so their window moves on and Flatchr's company is not paused for our
     * cap; the moves' own window stays, and a scheduled run searches those days again once the delay after this
     * failure is over: the interval, doubled for each failure in a row ({@link #movesBackoff}), so that an answer over
     * the cap is not read again at every run. Said in the log, the metrics and the run's summary, naming no candidate.
     */
    public void movesFailed(Exchange exchange) throws Exception {
        ReconciliationRun run = exchange.getVariable(Variables.RUN, ReconciliationRun.class);
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (ofTheJournal(caught)) {
            // the route's catch matches an I/O failure among the causes, which a database's connection lost has too:
            // the journal's failures fail the run, as anywhere else in it (a backfill answers 503)
            throw (Exception) caught;
        }
        movesSearchFailed(run, movesOutcome(caught), why(caught));
    }

    /**
     * The run's search of moves failed ({@code outcome}, {@code why}): said in the run's answer, counted and logged,
     * and, unless an operator asked for it, the next is put off.
     */
    private void movesSearchFailed(ReconciliationRun run, String outcome, String why) {
        run.movesFailed(outcome);
        metrics.movesSearchFailed(run.getTenant(), outcome);
        // an operator's backfill leaves the scheduled searches' delay as it was (ReconciliationRun#movesDue)
        String again = run.isAsked() ? "by the scheduled searches as before" : "from " + reconciliations.movesFailed(
                run.claim(), failures -> clock.instant().plus(movesBackoff(interval(run.tenant()), failures)));
        LOG.warn("Tenant {}: the search of Flatchr's API for moves out of hired since {} failed ({}): {}; the hires "
                + "found are recorded, and those days' moves are searched again {}", run.getTenant(), run.movesFrom(),
                outcome, why, again);
    }

    /** What a search of moves that failed came to: too-large (an answer over the cap), or as a run's. */
    private static String movesOutcome(Throwable caught) {
        AnswerLimits.AnswerBeyondLimits beyond = ObjectHelper.getException(AnswerLimits.AnswerBeyondLimits.class,
                caught);
        return beyond != null && beyond.tooLarge() ? ReconciliationRun.TOO_LARGE : outcome(caught);
    }

    /** In a dry run, what would be recorded: the application, not its details (no call per candidate). */
    public void wouldRecord(@Variable(Variables.RUN) ReconciliationRun run, @Variable(Variables.ITEM) FoundApplication application) {
        run.recorded(application);
    }

    /**
     * The run went through: the next one is due after the tenant's interval; what it came to, for the operator. One
     * whose claim another run took over meanwhile is counted neither a success nor a failure: {@link ClaimLost},
     * which the route's catch gives to {@link #failed}.
     */
    public Map<String, Object> finished(@Variable(Variables.RUN) ReconciliationRun run) {
        int found = run.found().size();
        int recorded = run.recorded().size();
        if (!run.isDryRun()) {
            // still this run's (ClaimLost otherwise), before the days it searched are marked or a backfill counted
            reconciliations.renew(run.claim());
            // the days its window covers are searched, those left out before the first success among them
            reconciliations.searchedFrom(run.getTenant(), run.windowFrom());
        }
        if (run.isDryRun()) {
            // a dry run moves nothing: neither the window of the next search nor its time
            reconciliations.release(run.claim());
        } else if (run.windowFrom().isAfter(ReconciliationRun.windowFrom(run.claim(),
                ReconciliationRun.lookback(run.tenant())))) {
            // a backfill from a later day than the scheduled search would start at: the days between (of failed
            // searches, say) are still to be searched, so the scheduled search's window stays where it was
            reconciliations.release(run.claim());
            metrics.reconciliation(run.getTenant(), "succeeded");
        } else {
            reconciliations.succeeded(run.claim(), run.windowFrom().atStartOfDay(FlatchrDays.ZONE)
                    .toInstant(), found, recorded, 0, clock.instant().plus(interval(run.tenant())));
            metrics.reconciliation(run.getTenant(), "succeeded");
        }
        if (run.movedOutCount() > 0) {
            LOG.info("Tenant {}: Flatchr's API shows {} hire(s) moved out of hired whose webhook never came",
                    run.getTenant(), run.movedOutCount());
        }
        if (run.unreadableTimes() > 0) {
            LOG.warn("Tenant {}: Flatchr's API gave {} application(s) a time of change (updated_at) in no shape the "
                    + "connector reads (epoch seconds or milliseconds, ISO-8601 with its zone): the search takes no move "
                    + "of theirs out of or back into hired, which only their webhooks tell", run.getTenant(),
                    run.unreadableTimes());
        }
        if (run.unreadableStatuses() > 0) {
            LOG.warn("Tenant {}: Flatchr's API listed {} application(s) in hired with a status in no shape the connector "
                    + "reads (1 active, 0 archived): none is recorded as a hire; check them in Flatchr (a hire among "
                    + "them is recorded by its webhook once dragged into hired again)", run.getTenant(), run.unreadableStatuses());
        }
        int detailsRefused = run.detailsRefused().values().stream().mapToInt(Integer::intValue).sum();
        if (detailsRefused > 0) {
            LOG.warn("Tenant {}: Flatchr's API refused the details of {} application(s) (status: count {}): each is "
                    + "recorded from the search's item (its vacancy by title, its start date estimated); a key without "
                    + "the right to that call, or Flatchr retiring it, would do so for every hire found",
                    run.getTenant(), detailsRefused, run.detailsRefused());
        }
        if (recorded > 0) {
            LOG.info("Tenant {}: Flatchr's API shows {} hire(s) since {}; {} {} not known from the webhook",
                    run.getTenant(), found, run.windowFrom(), recorded, run.isDryRun() ? "would be recorded:" : "recorded:");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("tenant", run.getTenant());
        summary.put("since", run.windowFrom().toString());
        summary.put("dryRun", run.isDryRun());
        summary.put("found", found);
        summary.put(run.isDryRun() ? "wouldRecord" : "recorded", run.recorded().stream().map(this::view).toList());
        summary.put("movedOutOfHired", run.movedOutCount());
        if (run.movesFailure() != null) {
            summary.put("movesSearchFailed", run.movesFailure());
        }
        if (run.movesPutOffUntil() != null) {
            summary.put("movesSearchPutOffUntil", run.movesPutOffUntil().toString());
        }
        summary.put("skipped", run.skippedCount());
        summary.put("unreadableTimes", run.unreadableTimes());
        summary.put("unreadableStatuses", run.unreadableStatuses());
        summary.put("detailsRefused", detailsRefused);
        return summary;
    }

    /**
     * The run failed: a rejected key is tried again at the next interval (Flatchr's keys expire after a year, and
     * the alert says so); Flatchr unavailable, a refused request or anything else, later each time. An operator's
     * backfill or dry run that fails is the operator's to see, in the admin API's answer: it is given back
     * unrecorded, so that trying one during a Flatchr outage neither counts a failure of the scheduled search nor
     * puts its next run off (by up to a day). A scheduled run whose claim another run took over records nothing.
     */
    public void failed(Exchange exchange) {
        ReconciliationRun run = exchange.getVariable(Variables.RUN, ReconciliationRun.class);
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        FlatchrCallFailed flatchr = ObjectHelper.getException(FlatchrCallFailed.class, caught);
        UnusableTriggerColumns columns = ObjectHelper.getException(UnusableTriggerColumns.class, caught);
        String outcome = outcome(caught);
        String why = why(caught);
        // Flatchr's too when it did not answer (an I/O failure, an answer over its limits): only the connector's own
        // parts (its journal) are not
        boolean ofFlatchr = !ofTheJournal(caught) && (flatchr != null || columns != null
                || ObjectHelper.getException(java.io.IOException.class, caught) != null);
        exchange.setVariable(FAILURE, new SearchFailure(outcome, why, ofFlatchr));
        if (run.isAsked()) {
            reconciliations.release(run.claim());
            LOG.warn("Tenant {}: an operator's search of Flatchr's API failed ({}), answered to the operator: {}",
                    run.getTenant(), outcome, why);
            return;
        }
        if (ObjectHelper.getException(TenantChanged.class, caught) != null) {
            // a reload gave the tenant another Flatchr (or none) during the run: no failure of Flatchr's, and the
            // window is searched again, at once, by the next run, with the configuration in force
            reconciliations.release(run.claim());
            LOG.info("Tenant {}: its search of Flatchr's API ends here, a reload changed it ({}); the next one "
                    + "searches the Flatchr in force", run.getTenant(), why);
            return;
        }
        ClaimLost lost = ObjectHelper.getException(ClaimLost.class, caught);
        if (lost != null) {
            // its lease ran out and another run (another instance's, or an operator's on this one) searches the
            // tenant's Flatchr now: that run is the one that counts
            LOG.info("Tenant {}: {}: this instance's run ends here, recording nothing more", run.getTenant(),
                    lost.getMessage());
            return;
        }
        Duration interval = interval(run.tenant());
        // a key or a setting to correct: tried again at the interval, not sooner; never before Flatchr's pause ends
        boolean person = "key-rejected".equals(outcome) || "columns-unknown".equals(outcome);
        Instant paused = pause.until(run.getFlatchr()).orElse(Instant.MIN);
        try {
            reconciliations.failed(run.claim(), outcome, why, failures -> latest(clock.instant().plus(
                    person ? interval : backoff(interval, failures)), paused));
        } catch (ClaimLost taken) {
            // Flatchr failed a run another one took over meanwhile: the failure is that run's to count and alert
            // on, if Flatchr fails it too; the journal holds none of this one's
            LOG.info("Tenant {}: the search of Flatchr's API failed ({}): {}; {}: this instance's run ends here, "
                    + "recording nothing more", run.getTenant(), outcome, why, taken.getMessage());
            return;
        }
        metrics.reconciliation(run.getTenant(), outcome);
        LOG.warn("Tenant {}: the search of Flatchr's API failed ({}): {}", run.getTenant(), outcome, why);
    }

    /**
     * An application no hire can be recorded from: the run goes on without it, and says so, to the team's chat too:
     * a hire it may be is in no journal, and only a person can bring it to Lucca. Counted and told once per
     * application ({@link SkippedApplications}); logged at every run that finds it. {@code why} names the fields or the
     * verdict, never their values (the candidate's e-mail or phone).
     */
    private boolean skipped(ReconciliationRun run, FoundApplication application, String why) {
        run.skipped();
        LOG.warn("Tenant {}: application {} found in Flatchr's API was skipped, no hire can be recorded from it: {}",
                run.getTenant(), application.applicant(), why);
        if (skippedApplications.firstTime(run.getTenant(), application.applicant())) {
            metrics.hireFound(run.getTenant(), "skipped");
            alert.applicationSkipped(run.getTenant(), application.applicant(), why);
        }
        return false;
    }

    private Map<String, Object> view(FoundApplication application) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("applicant", application.applicant());
        view.put("candidate", application.firstname() + " " + application.lastname());
        view.put("vacancy", application.vacancyTitle());
        return view;
    }

    private ReconciliationRun run(Reconciliations.Run claim, Tenant tenant, LocalDate from, boolean asked,
                                  boolean dryRun) {
        FlatchrConnection flatchr = tenant.flatchr().orElseThrow();
        return new ReconciliationRun(claim, tenant, flatchr, requests, from, asked, dryRun);
    }

    /** The wait after {@code failures} failed runs: the interval, doubled for each failure after the first. */
    static Duration backoff(Duration interval, int failures) {
        return new Backoff(firstWait(interval), LONGEST_WAIT).after(failures);
    }

    /**
     * The delay after {@code failures} searches of moves failed in a row: as {@link #backoff}, never more than
     * {@link #LONGEST_MOVES_WAIT}.
     */
    static Duration movesBackoff(Duration interval, int failures) {
        return new Backoff(firstWait(interval), LONGEST_MOVES_WAIT).after(failures);
    }

    /** One interval; a tenant searched only when an operator asks (no interval) waits as a default one would. */
    private static Duration firstWait(Duration interval) {
        return interval.isZero() ? FlatchrApi.DEFAULT_RECONCILE_INTERVAL : interval;
    }

    private static Instant latest(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }

    private static Duration interval(Tenant tenant) {
        return tenant.settings().flatchrApi().map(api -> api.reconcileInterval()).orElse(Duration.ZERO);
    }

    private static String companyId(Tenant tenant) {
        TenantSettings settings = tenant.settings();
        return settings.flatchrCompanyIds().stream().sorted().findFirst().orElse(FlatchrEventClassifier.SEARCHED_WITHOUT_COMPANY);
    }

    /** The journal failed (its database's connection lost carries an I/O failure among its causes too). */
    private static boolean ofTheJournal(Throwable caught) {
        return ObjectHelper.getException(JournalUnavailable.class, caught) != null
                || ObjectHelper.getException(JournalRefusedValue.class, caught) != null;
    }

    /** What a failed search came to: columns-unknown, key-rejected, refused or unavailable. */
    private static String outcome(Throwable caught) {
        FlatchrCallFailed flatchr = ObjectHelper.getException(FlatchrCallFailed.class, caught);
        return ObjectHelper.getException(UnusableTriggerColumns.class, caught) != null ? "columns-unknown"
                : ObjectHelper.getException(ClaimLost.class, caught) != null ? "taken-over"
                : flatchr instanceof FlatchrCallFailed.KeyRejected ? "key-rejected"
                : flatchr instanceof FlatchrCallFailed.Refused ? "refused" : "unavailable";
    }

    /**
     * Why, naming no person: Flatchr's call and status, the columns, the claim another run took over (an
     * operator's search that ran past its lease), the reload that gave the tenant another Flatchr, or the kind of
     * failure.
     */
    private static String why(Throwable caught) {
        FlatchrCallFailed flatchr = ObjectHelper.getException(FlatchrCallFailed.class, caught);
        UnusableTriggerColumns columns = ObjectHelper.getException(UnusableTriggerColumns.class, caught);
        ClaimLost lost = ObjectHelper.getException(ClaimLost.class, caught);
        TenantChanged changed = ObjectHelper.getException(TenantChanged.class, caught);
        return columns != null ? columns.getMessage() : flatchr != null ? flatchr.getMessage()
                : lost != null ? lost.getMessage() : changed != null ? changed.getMessage()
                : rootCause(caught).getClass().getSimpleName();
    }

    private static Throwable rootCause(Throwable caught) {
        Throwable root = caught;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == null ? new IllegalStateException("no cause") : root;
    }

}
