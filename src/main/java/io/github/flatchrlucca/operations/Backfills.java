package io.github.flatchrlucca.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.http.JsonReply;
import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.http.QueryParameter;
import io.github.flatchrlucca.reconciliation.ReconciliationRun;
import io.github.flatchrlucca.reconciliation.ReconciliationSteps;
import io.github.flatchrlucca.reconciliation.SearchFailure;
import io.github.flatchrlucca.tenants.Tenants;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.apache.camel.Exchange;

/**
 * An operator's backfill through the admin API ({@code POST /admin/api/reconcile}): the request read and checked,
 * and the answer. The search itself is the reconciliation's, which knows nothing of the admin API.
 */
public final class Backfills {

    private final ReconciliationSteps reconciliation;
    private final Tenants tenants;
    private final ObjectMapper json;
    private final Clock clock;

    public Backfills(ReconciliationSteps reconciliation, Tenants tenants, ObjectMapper json, Clock clock) {
        this.reconciliation = reconciliation;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The backfill asked for: the tenant (a tenant's own admin token may only name its own; with one tenant it may
     * be left out), the day to search from ({@code since}, YYYY-MM-DD), and {@code dryRun=true} to list what would
     * be recorded and record nothing.
     */
    public ReconciliationRun asked(Exchange exchange) {
        String since = QueryParameter.of(exchange.getIn(), "since");
        String dryRun = QueryParameter.of(exchange.getIn(), "dryRun");
        String tenant = TenantParameter.inForce(exchange, tenants).id();
        LocalDate from;
        try {
            from = LocalDate.parse(since == null ? "" : since);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("since", "since must be a day, such as 2026-11-01.");
        }
        // Flatchr reads a day's year in two digits (MM/DD/YY): a day before 2000 would be read in another century,
        // and a day to come finds nothing while it looks like an answer
        if (from.getYear() < 2000 || from.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1))) {
            throw Problem.badRequest("since", "since must be a day from 2000-01-01 to today.");
        }
        if (dryRun != null && !"true".equals(dryRun) && !"false".equals(dryRun)) {
            throw Problem.badRequest("dryRun", "dryRun is true or false.");
        }
        return reconciliation.backfill(tenant, from, "true".equals(dryRun));
    }

    /** What the run came to, or the problem that stopped it. */
    public void answer(Exchange exchange) {
        SearchFailure failure = exchange.getVariable(ReconciliationSteps.FAILURE, SearchFailure.class);
        if (failure == null) {
            JsonReply.respond(json, exchange, 200, "application/json", exchange.getMessage().getBody());
            return;
        }
        // the tenant's trigger columns are not Flatchr's: its configuration to correct, not Flatchr's failure
        if ("columns-unknown".equals(failure.outcome())) {
            throw Problem.conflict("The search of Flatchr's API did not start: " + failure.why() + ".");
        }
        // it ran past its lease, and another run searches the tenant's Flatchr now: a search is going on
        if ("taken-over".equals(failure.outcome())) {
            throw Problem.conflict("The search of Flatchr's API stopped: " + failure.why() + "; the hires it recorded "
                    + "are in the hires list, and the other search goes on.");
        }
        if (!failure.ofFlatchr()) {
            throw Problem.unavailable("The search of Flatchr's API could not be run (" + failure.why()
                    + "); try again in a moment.");
        }
        throw Problem.badGateway("The search of Flatchr's API failed: " + failure + ".");
    }
}
