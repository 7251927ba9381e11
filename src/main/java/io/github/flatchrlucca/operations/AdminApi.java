package io.github.flatchrlucca.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.http.JsonReply;
import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.intake.FlatchrEventClassifier;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.intake.VerdictRecorder;
import io.github.flatchrlucca.journal.HeldByAnotherHire;
import io.github.flatchrlucca.journal.HireFilter;
import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.Reconciliations;
import io.github.flatchrlucca.lucca.LuccaConnection;
import io.github.flatchrlucca.reconciliation.WebhookNamesakes;
import java.util.HashMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.Tenants;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * The operator's view of the journal and what an operator does to a hire: replay, cancel, deliver now, and clear
 * a "needs a decision" mark.
 */
public final class AdminApi {

    /** A decision's note is a line in the hire's history, not a document. */
    static final int MAX_NOTE = 500;

    private final ObjectMapper json;
    private final Journal journal;
    private final VerdictRecorder recorder;
    private final JournalReader reader;
    private final Reconciliations reconciliations;
    private final FlatchrEventClassifier classifier;
    private final Tenants tenants;
    private final HireViews views;
    private final ZoneId connectorZone;
    private final QueueWait queueWait;
    private final Clock clock;

    /**
     * @param connectorZone     CONNECTOR_TIMEZONE: the days of a list of several tenants, or of one not in force
     * @param queueAgeLimit     ALERT_QUEUE_AGE_SECONDS: the oldest queued hire's wait past which the page shows it late
     * @param defaultDepartment what is known of a tenant's default department in its Lucca: "ok", or what is wrong
     */
    public AdminApi(ObjectMapper json, Journal journal, JournalReader reader, Reconciliations reconciliations,
                    FlatchrEventClassifier classifier, Tenants tenants, ZoneId connectorZone, Duration queueAgeLimit,
                    Clock clock, Function<String, Optional<String>> defaultDepartment) {
        this.json = json;
        this.journal = journal;
        this.recorder = new VerdictRecorder(journal);
        this.reader = reader;
        this.reconciliations = reconciliations;
        this.classifier = classifier;
        this.tenants = tenants;
        this.views = new HireViews(json, tenants, clock, defaultDepartment);
        this.connectorZone = connectorZone;
        this.queueWait = new QueueWait(queueAgeLimit, clock);
        this.clock = clock;
    }

    public void hires(Exchange exchange) {
        HireFilter filter = HireQuery.filter(exchange.getIn(), tenantOfHires(exchange), this::daysOf);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("page", filter.page());
        page.put("size", filter.size());
        page.put("total", reader.count(filter));
        String scope = AdminTokenCheck.scope(exchange);
        page.put("hires", reader.list(filter).stream().map(hire -> views.summary(hire, scope)).toList());
        JsonReply.respond(json, exchange, 200, "application/json", page);
    }

    public void hire(@Header("hireId") String hireId, Exchange exchange) {
        HireView hire = found(hireId, exchange);
        JsonReply.respond(json, exchange, 200, "application/json", views.detail(hire, reader.history(hireId),
                AdminTokenCheck.scope(exchange)));
    }

    /** The all-tenants view: every tenant in force, where its hires go, what Lucca says of its key, its counts. */
    public void tenants(Exchange exchange) {
        Map<String, Map<HireStatus, Long>> counts = reader.countsByTenantAndStatus();
        Map<String, Long> decisions = reader.decisionsNeededByTenant();
        Map<String, Reconciliations.LastRun> searches = new HashMap<>();
        reconciliations.lastRuns().forEach(run -> searches.put(run.tenant(), run));
        String scope = AdminTokenCheck.scope(exchange);
        List<Map<String, Object>> list = tenants.all().stream()
                .filter(tenant -> scope == null || scope.equals(tenant.id()))
                .sorted(Comparator.comparing(Tenant::id))
                .map(tenant -> views.tenant(tenant, counts.getOrDefault(tenant.id(), Map.of()),
                        decisions.getOrDefault(tenant.id(), 0L), searches.get(tenant.id())))
                .toList();
        JsonReply.respond(json, exchange, 200, "application/json", Map.of("tenants", list));
    }

    public void stats(Exchange exchange) {
        Map<String, Object> stats = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        String tenant = tenantOfHires(exchange);
        for (HireStatus status : HireStatus.values()) {
            counts.put(status.label(), 0L);
        }
        reader.countsByTenantAndStatus().forEach((of, byStatus) -> {
            if (tenant == null || tenant.equals(of)) {
                byStatus.forEach((status, count) -> counts.merge(status.label(), count, Long::sum));
            }
        });
        stats.put("counts", counts);
        // hires waiting for a person's decision are of any status: counted apart, as no status count shows them
        stats.put("decisionsNeeded", reader.decisionsNeededByTenant().entrySet().stream()
                .filter(entry -> tenant == null || tenant.equals(entry.getKey()))
                .mapToLong(Map.Entry::getValue).sum());
        // its wait as the alert reckons it (QueueWait): from when it last entered the queue (a replayed hire has
        // waited since its replay), or from the end of its hold; the page shows it late past the alert's limit
        reader.oldestQueued(tenant).ifPresentOrElse(oldest -> {
            Instant since = queueWait.since(oldest);
            boolean held = since.isAfter(clock.instant());
            stats.put("oldestQueuedHireId", oldest.hireId());
            stats.put("oldestQueuedReceivedAt", oldest.receivedAt().toString());
            stats.put("oldestQueuedSince", oldest.queuedAt().toString());
            stats.put("oldestQueuedHeldUntil", held ? since.toString() : null);
            stats.put("oldestQueuedAgeSeconds", held ? 0 : queueWait.of(oldest).toSeconds());
        }, () -> {
            stats.put("oldestQueuedReceivedAt", null);
            stats.put("oldestQueuedSince", null);
        });
        stats.put("queueAgeLimitSeconds", queueWait.limit().toSeconds());
        JsonReply.respond(json, exchange, 200, "application/json", stats);
    }

    /** Dead, rejected, already-in-Lucca, dry-run, cancelled or withdrawn hires go through delivery again. */
    public void replay(@Header("hireId") String hireId, Exchange exchange) {
        HireView hire = found(hireId, exchange);
        if (hire.status().isQueued()) {
            throw Problem.conflict("The hire is already queued or being delivered.");
        }
        if (hire.status() == HireStatus.DELIVERED) {
            throw Problem.conflict("The hire was delivered; replaying it would make a second employee.");
        }
        if (hire.payload() == null) {
            throw Problem.conflict("The hire's data was erased after the retention period; it cannot be replayed.");
        }
        // Another company's hire is checked whatever its status: one an operator closed (cancelled) is still not the
        // tenant's candidate until the tenant names its company.
        HireVerdict verdict = hire.status() == HireStatus.REJECTED || hire.otherCompany() != null
                ? stillAHire(hire) : null;
        LuccaConnection luccaNow = tenants.luccaOf(hire.tenant());
        String lucca = luccaNow == null ? null : luccaNow.instance();
        boolean replayed;
        try {
            // Another company's hire whose company the tenant names now becomes the tenant's own: keyed as its webhook
            // is today, its outcome is written back, and that webhook sent again is its duplicate, not a second hire.
            replayed = hire.otherCompany() == null ? journal.replay(hireId, hire.payload(), lucca)
                    : recorder.replayAsTenantsOwn(hireId, hire.tenant(), hire.payload(), lucca, verdict);
        } catch (HeldByAnotherHire held) {
            // That hire is the application's (its webhook came once the company ids were corrected, or a search found
            // it), with its own delivery and outcome: a second would be two hires of one candidate. Nothing changed.
            // Cancelling this one closes it only when a cancel takes it (dead or rejected, see cancel).
            throw Problem.conflictWith(held.hireId(), "The application is already hire " + held.hireId() + " of tenant "
                    + hire.tenant() + " (its webhook came since the tenant's company ids were corrected, or a search "
                    + "of Flatchr found it): replayed, this one would be its second hire. Look at that hire"
                    + (closedByACancel(hire.status()) ? "; cancel this one to close it." : "."));
        }
        if (!replayed) {
            throw Problem.conflict("The hire is still being delivered, or changed meanwhile; look at it again in a "
                    + "moment.");
        }
        JsonReply.respond(json, exchange, 202, "application/json", summary(hireId, exchange));
    }

    /** A finished hire an operator's cancel closes ({@link #cancel}): a dead or rejected one. */
    private static boolean closedByACancel(HireStatus status) {
        return status == HireStatus.DEAD || status == HireStatus.REJECTED;
    }

    /**
     * A queued hire is stopped; a dead or rejected one is closed (HR dealt with it another way, or its data is erased):
     * it stops counting among the hires waiting for a person.
     */
    public void cancel(@Header("hireId") String hireId, Exchange exchange) {
        HireView hire = found(hireId, exchange);
        if (!hire.status().isQueued() && !closedByACancel(hire.status())) {
            throw Problem.conflict("Only a queued, dead or rejected hire can be cancelled; this one is "
                    + hire.status().label() + ".");
        }
        // A hire being delivered is cancelled too: its attempt stops before its next Lucca call. One held as a webhook
        // hire's namesake is cancelled as that hire's candidate, which learns its Flatchr id.
        if (!journal.cancel(hireId, hire.status() == HireStatus.REJECTED
                ? WebhookNamesakes.namesakeIn(hire.lastError()) : Optional.empty())) {
            throw Problem.conflict("The hire finished while it was being cancelled; look at it again.");
        }
        JsonReply.respond(json, exchange, 200, "application/json", summary(hireId, exchange));
    }

    /** A hire held (HIRE_HOLD_SECONDS) or waiting for its next retry is delivered at once. */
    public void deliverNow(@Header("hireId") String hireId, Exchange exchange) {
        HireView hire = found(hireId, exchange);
        if (!hire.status().isQueued()) {
            throw Problem.conflict("Only a queued hire can be delivered now; this one is " + hire.status().label() + ".");
        }
        if (!journal.deliverNow(hireId)) {
            throw Problem.conflict("The hire is already due or being delivered, or finished meanwhile; look at it "
                    + "again.");
        }
        JsonReply.respond(json, exchange, 200, "application/json", summary(hireId, exchange));
    }

    /**
     * A person decided what to do with a hire that waited for them (moved out of hired after its Lucca account was
     * made, or stopped after a create whose answer was lost): their note
     * ({"note": "..."}, required) goes in its history and the mark is cleared. The body's {@code needsDecision}, the
     * mark as they read it (optional, as before it was asked), clears only that mark: one changed meanwhile is refused.
     */
    public void decided(@Header("hireId") String hireId, Exchange exchange) {
        JsonNode body = exchange.getIn().getBody(JsonNode.class);
        String note = body == null || !body.path("note").isTextual() ? "" : body.path("note").asText().strip();
        if (note.isEmpty()) {
            throw Problem.badRequest("note", "Say what was decided in 'note'.");
        }
        if (note.length() > MAX_NOTE) {
            throw Problem.badRequest("note", "The note is longer than " + MAX_NOTE + " characters.");
        }
        HireView hire = found(hireId, exchange);
        String markRead = markRead(body, hire);
        if (hire.decisionNeeded() == null) {
            throw Problem.conflict("The hire does not wait for a decision.");
        }
        if (markRead != null && !markRead.equals(hire.decisionNeeded()) || !journal.decided(hireId, markRead, note)) {
            throw Problem.conflict("The hire's mark changed since it was read, or was cleared: read the hire again.");
        }
        JsonReply.respond(json, exchange, 200, "application/json", summary(hireId, exchange));
    }

    /**
     * The mark a decision was made on, as its body names it (the hire's {@code needsDecision}); null when not given. A
     * mark the connector sets, or the hire's own (one an earlier version worded otherwise, still in the journal).
     */
    private static String markRead(JsonNode body, HireView hire) {
        JsonNode read = body == null ? null : body.get("needsDecision");
        if (read == null || read.isNull()) {
            return null;
        }
        if (!read.isTextual() || !Journal.DECISION_MARKS.contains(read.asText())
                && !read.asText().equals(hire.decisionNeeded())) {
            throw Problem.badRequest("needsDecision", "'needsDecision' is the hire's mark as read (its needsDecision), "
                    + "or left out.");
        }
        return read.asText();
    }

    /**
     * A rejected hire, or one of another company, is replayed only if, under the current configuration, it is a
     * complete hire of its tenant: its verdict now.
     */
    private HireVerdict stillAHire(HireView hire) {
        HireVerdict verdict;
        try {
            JsonNode event = json.readTree(hire.payload());
            Tenant tenant = tenants.find(hire.tenant()).orElseThrow(() -> Problem.conflict("The hire's tenant "
                    + hire.tenant() + " is not in the configuration any more."));
            verdict = classifier.classifyRecorded(event, tenant);
        } catch (java.io.IOException e) {
            throw Problem.conflict("The recorded event is not readable JSON.");
        }
        if (verdict.kind() == HireVerdict.Kind.IGNORED || verdict.isMovedOut()) {
            throw Problem.conflict("Under the current trigger columns this event is not a hire.");
        }
        if (verdict.isOtherCompany()) {
            throw Problem.conflict("The hire's " + verdict.reason() + "; send it to the right tenant's URL.");
        }
        if (verdict.kind() == HireVerdict.Kind.INCOMPLETE) {
            throw Problem.conflict("The hire is still incomplete: " + verdict.rejection()
                    + "; fix it in Flatchr and move the candidate again.");
        }
        return verdict;
    }

    /**
     * The tenant the journal's views are narrowed to (null: all); ADMIN_TOKEN may name one taken out of the
     * configuration whose hires the journal still holds.
     */
    private String tenantOfHires(Exchange exchange) {
        return TenantParameter.of(exchange, id -> tenants.find(id).isPresent() || reader.hasHires(id));
    }

    /** The zone a tenant's days are in, as its recruiters see them (its timezone); of several tenants, the connector's. */
    private ZoneId daysOf(String tenant) {
        return tenants.find(tenant).map(Tenant::zone).orElse(connectorZone);
    }

    /** The hire as it is now, as the caller's token may see it. */
    private Map<String, Object> summary(String hireId, Exchange exchange) {
        return views.summary(found(hireId, exchange), AdminTokenCheck.scope(exchange));
    }

    /** Another tenant's hire is answered as an unknown one: a tenant's token tells nothing of the others. */
    private HireView found(String hireId, Exchange exchange) {
        String scope = AdminTokenCheck.scope(exchange);
        return Optional.ofNullable(hireId).filter(AdminApi::shapedAsAHireId).flatMap(reader::find)
                .filter(hire -> scope == null || scope.equals(hire.tenant()))
                .orElseThrow(() -> Problem.notFound("No hire has this id."));
    }

    /**
     * Every hire id the journal has made is a UUID (of version 4, then 7): anything else names no hire, and is
     * answered so without asking the journal, where PostgreSQL refuses to compare some text at all (a NUL byte) and
     * the answer was a 400 naming the body.
     */
    private static boolean shapedAsAHireId(String id) {
        return id.length() == 36 && id.chars().allMatch(c -> "0123456789abcdefABCDEF-".indexOf(c) >= 0);
    }
}
