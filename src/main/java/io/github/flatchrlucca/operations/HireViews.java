package io.github.flatchrlucca.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.journal.HireEvent;
import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.Reconciliations;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.Tenants;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** How a hire is shown to an operator: a summary for lists, the whole story for one hire. */
final class HireViews {

    private final ObjectMapper json;
    private final Tenants tenants;
    private final Clock clock;
    private final Function<String, Optional<String>> defaultDepartment;

    /** @param defaultDepartment what is known of a tenant's default department in its Lucca: "ok", or what is wrong */
    HireViews(ObjectMapper json, Tenants tenants, Clock clock, Function<String, Optional<String>> defaultDepartment) {
        this.json = json;
        this.tenants = tenants;
        this.clock = clock;
        this.defaultDepartment = defaultDepartment;
    }

    /** @param scope the one tenant the caller's token opens ({@link AdminTokenCheck#SCOPE}); null: every tenant */
    Map<String, Object> summary(HireView hire, String scope) {
        boolean withheld = anotherCompanysCandidate(hire, scope);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("hireId", hire.hireId());
        view.put("tenant", hire.tenant());
        view.put("status", hire.status().label());
        view.put("origin", hire.origin().label());
        view.put("writeBack", writeBack(hire));
        view.put("candidate", withheld ? null : candidateName(hire.payload()));
        view.put("otherCompany", withheld);
        // a hire listed without its name (its event too large for a list) is not one whose name is gone, nor one whose
        // event names nobody (a rejected hire without a name): the page says which
        view.put("personalDataErased", hire.erased());
        view.put("eventLeftOut", hire.payload() == null && !hire.erased());
        view.put("receivedAt", text(hire.receivedAt()));
        view.put("updatedAt", text(hire.updatedAt()));
        view.put("attempts", hire.attempts());
        view.put("nextAttemptAt", text(hire.nextAttemptAt()));
        view.put("luccaUserId", hire.luccaUserId());
        view.put("warnings", hire.warnings());
        view.put("lastError", hire.lastError());
        view.put("lastLuccaStatus", hire.lastLuccaStatus());
        view.put("heldUntil", held(hire) ? text(hire.nextAttemptAt()) : null);
        view.put("needsDecision", hire.decisionNeeded());
        view.put("needsDecisionSince", text(hire.decisionNeededAt()));
        return view;
    }

    /**
     * A hire another Flatchr company sent to the tenant's URL (a wrong URL, a leaked token), shown to the tenant's own
     * token: that company's candidate is another customer's, whose name, e-mail and event the tenant must not read.
     * The hire is kept whole and listed all the same, rather than recorded without its event or hidden: the operator
     * (ADMIN_TOKEN) sees all of it, and replays it once the tenant's company ids, when they were what was wrong, are
     * corrected; and the tenant learns that its URL receives another company's hires, with which company (the reason),
     * but not whose. A company the tenant names now (its ids corrected) is the tenant's, its candidates shown.
     */
    private boolean anotherCompanysCandidate(HireView hire, String scope) {
        return scope != null && hire.otherCompany() != null
                && !tenants.find(hire.tenant()).filter(tenant -> tenant.acceptsCompany(hire.otherCompany())).isPresent();
    }

    /** A queued hire not yet tried whose first attempt lies ahead: the hold (HIRE_HOLD_SECONDS) keeps it. */
    private boolean held(HireView hire) {
        return hire.status() == HireStatus.RECEIVED && hire.attempts() == 0 && hire.nextAttemptAt() != null
                && hire.nextAttemptAt().isAfter(clock.instant());
    }

    /**
     * Where writing the outcome on the candidate stands. The journal keeps every finished hire's as pending (a tag
     * set later writes it), but a tenant without a result tag writes nothing: null, not pending for ever.
     */
    private String writeBack(HireView hire) {
        boolean writes = tenants.find(hire.tenant()).flatMap(Tenant::resultTag).isPresent();
        return hire.writeBack() == null || (!writes && "PENDING".equals(hire.writeBack())) ? null
                : hire.writeBack().toLowerCase(Locale.ROOT);
    }

    /**
     * A tenant as the all-tenants view shows it, with how many of its hires wait for a person's decision and its last
     * search of Flatchr's API (null when it was never searched): never its key or token.
     */
    Map<String, Object> tenant(Tenant tenant, Map<HireStatus, Long> counts, long decisionsNeeded,
                               Reconciliations.LastRun lastSearch) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", tenant.id());
        view.put("flatchrCompanyIds", List.copyOf(new TreeSet<>(tenant.settings().flatchrCompanyIds())));
        view.put("lucca", tenant.settings().luccaBaseUrl().map(Object::toString).orElse("dry-run"));
        view.put("credentials", tenant.dryRun() ? "not used"
                : tenant.lucca().credentials().state().name().toLowerCase(Locale.ROOT));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (HireStatus status : HireStatus.values()) {
            byStatus.put(status.label(), counts.getOrDefault(status, 0L));
        }
        view.put("counts", byStatus);
        view.put("decisionsNeeded", decisionsNeeded);
        view.put("flatchrApi", tenant.flatchr().map(flatchr -> flatchr.credentials().state().name()
                .toLowerCase(Locale.ROOT)).orElse("not used"));
        view.put("lastSearchOfFlatchr", lastSearch == null ? null : search(lastSearch));
        // null until a hire that falls back to it has been checked against Lucca's departments
        view.put("defaultDepartment", defaultDepartment.apply(tenant.id()).orElse(null));
        return view;
    }

    private static Map<String, Object> search(Reconciliations.LastRun run) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", text(run.ranAt()));
        view.put("outcome", run.outcome());
        view.put("since", text(run.windowFrom()));
        view.put("found", run.found());
        view.put("recorded", run.recorded());
        view.put("failed", run.failed());
        view.put("error", run.error());
        view.put("nextAt", text(run.nextRunAt()));
        view.put("daysNotSearched", run.notSearchedFrom() == null ? null : daysNotSearched(run));
        return view;
    }

    /**
     * The days no search covers, Flatchr's (Paris) days, both included: a backfill from the first ({@code since})
     * searches them.
     */
    private static Map<String, Object> daysNotSearched(Reconciliations.LastRun run) {
        Map<String, Object> days = new LinkedHashMap<>();
        days.put("from", run.notSearchedFrom().toString());
        days.put("to", run.notSearchedBefore().minusDays(1).toString());
        return days;
    }

    Map<String, Object> detail(HireView hire, List<HireEvent> history, String scope) {
        Map<String, Object> view = summary(hire, scope);
        boolean withheld = anotherCompanysCandidate(hire, scope);
        view.put("lastLuccaBody", withheld ? null : hire.lastLuccaBody());
        view.put("luccaRequest", withheld ? json.nullNode() : parsed(hire.luccaRequest()));
        view.put("flatchrEvent", withheld ? json.nullNode() : parsed(hire.payload()));
        view.put("history", history.stream().map(HireViews::event).toList());
        return view;
    }

    private static Map<String, Object> event(HireEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", text(event.at()));
        view.put("status", event.status().label());
        view.put("luccaCall", event.luccaCall());
        view.put("luccaStatus", event.luccaStatus());
        view.put("detail", event.detail());
        return view;
    }

    /** The name HR knows the hire by; null once retention has erased the payload, or when a list left it out. */
    private String candidateName(String payload) {
        JsonNode candidate = parsed(payload).path("data").path("candidate");
        String name = (candidate.path("firstname").asText("") + " " + candidate.path("lastname").asText("")).trim();
        return name.isEmpty() ? null : name;
    }

    private JsonNode parsed(String text) {
        if (text == null) {
            return json.nullNode();
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
