package io.github.flatchrlucca.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.delivery.DefaultDepartments;
import io.github.flatchrlucca.delivery.Delivery;
import io.github.flatchrlucca.delivery.DeliverySteps;
import io.github.flatchrlucca.delivery.HireNeedsAPerson;
import io.github.flatchrlucca.http.JsonReply;
import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.lucca.DepartmentDirectory;
import io.github.flatchrlucca.mapping.HireMapper;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.routes.Variables;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.Tenants;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the connector would send to Lucca for a Flatchr payload, with the current configuration, without
 * recording or sending anything. The route (routes/admin.camel.yaml) maps the hire with delivery's own step and
 * makes its requests with the sub-route of a dry-run delivery; this class holds what is the preview's own: which
 * tenant, a payload that is no hire, Lucca's departments from the cache, and the answer. Logins are not checked
 * against Lucca, so the preview spends none of the customer's budget on it.
 */
public final class MappingPreview {

    private static final Logger LOG = LoggerFactory.getLogger(MappingPreview.class);

    private final ObjectMapper json;
    private final DeliverySteps steps;
    private final DepartmentDirectory departments;
    private final DefaultDepartments defaultDepartments;
    private final Tenants tenants;
    private final Clock clock;

    public MappingPreview(ObjectMapper json, DeliverySteps steps, DepartmentDirectory departments,
                          DefaultDepartments defaultDepartments, Tenants tenants, Clock clock) {
        this.json = json;
        this.steps = steps;
        this.tenants = tenants;
        this.departments = departments;
        this.defaultDepartments = defaultDepartments;
        this.clock = clock;
    }

    /** Why the payload leads to no Lucca request, or null when it is a hire to deliver. */
    public String whyNotAHire(@Variable(Variables.VERDICT) HireVerdict verdict, @Body JsonNode event) {
        if (verdict.isIgnored() || verdict.isOtherCompany()) {
            return verdict.reason();
        }
        if (verdict.isMovedOut()) {
            return "a move to a column that does not trigger a hire: a hire of this candidate that has not reached "
                    + "Lucca would be withdrawn";
        }
        if (verdict.kind() == HireVerdict.Kind.INCOMPLETE) {
            return verdict.rejection();
        }
        JsonNode candidate = event.path("data").path("candidate");
        // as delivery would find it, dead at once for a person (DeliverySteps#map)
        return HireNeedsAPerson.ofNames(candidate.path("firstname").asText(null),
                candidate.path("lastname").asText(null)).map(Throwable::getMessage).orElse(null);
    }

    /** A payload that leads to no Lucca request: why. */
    public void notAHire(@Variable(Variables.TENANT) Tenant tenant, @Variable(Variables.WHY_NOT_A_HIRE) String why, Exchange exchange) {
        Map<String, Object> preview = answer(tenant, false);
        preview.put("reason", why);
        JsonReply.respond(json, exchange, 200, "application/json", preview);
    }

    /**
     * The payload as delivery reads a hire from the journal, as a webhook of it would be recorded (without the
     * connector's own mark, {@link HireMapper#unmarked}); it is recorded nowhere.
     */
    public ClaimedHire asHire(@Body JsonNode event, @Variable(Variables.TENANT) Tenant tenant) {
        HireMapper.unmarked(event.path("data").path("vacancy"));
        return new ClaimedHire("preview", tenant.id(), event.toString(), clock.instant(), clock.instant(), null, 0, null,
                null, null);
    }

    /**
     * Defaults and departments as delivery would set them: a dry-run tenant's as its dry-run does, another's with
     * Lucca's departments when Lucca can be asked; otherwise the mapping is still shown, its departments "not
     * checked": a preview is most needed while something is wrong. While Lucca refuses the list (or cannot give it),
     * the directory gives its last failure again until its backoff is over: previews made meanwhile cost the
     * customer's budget no call. False when they were not checked.
     */
    public boolean enrich(@Variable(Variables.DELIVERY) Delivery delivery, @Variable(Variables.TENANT) Tenant tenant) {
        if (tenant.dryRun()) {
            steps.enrichInDryRun(delivery);
            return false;
        }
        try {
            steps.enrich(delivery, departments.toMatch(tenant.lucca(), delivery));
            // a default department Lucca does not list would stop the delivery: the preview says so
            defaultDepartments.checkInPreview(delivery, tenant.lucca());
            return true;
        } catch (RuntimeException unreachable) {
            LOG.warn("preview of tenant {}: Lucca's departments could not be read ({})", tenant.id(),
                    unreachable.getClass().getSimpleName());
            steps.enrichWithoutLucca(delivery, "Lucca's departments could not be read");
            return false;
        }
    }

    /** The answer for a hire: the create request (the body) and the contract change that would follow it. */
    public void requests(@Body ApiRequest create, @Variable(Variables.DELIVERY) Delivery delivery, @Variable(Variables.TENANT) Tenant tenant,
                         @Variable(Variables.DEPARTMENTS_CHECKED) boolean departmentsChecked, Exchange exchange) {
        Map<String, Object> preview = answer(tenant, true);
        preview.put("departmentsChecked", departmentsChecked);
        List<Map<String, Object>> requests = new ArrayList<>();
        requests.add(view(create));
        steps.contractRequest(delivery).ifPresent(contract -> requests.add(view(contract)));
        preview.put("requests", requests);
        preview.put("warnings", delivery.warnings());
        JsonReply.respond(json, exchange, 200, "application/json", preview);
    }

    private static Map<String, Object> answer(Tenant tenant, boolean hire) {
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("tenant", tenant.id());
        preview.put("hire", hire);
        return preview;
    }

    /** The tenant named by the query's {@code tenant} (a tenant's own token: its own); without one, the only one. */
    public Tenant tenantAsked(Exchange exchange) {
        return TenantParameter.inForce(exchange, tenants);
    }

    private Map<String, Object> view(ApiRequest request) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", request.name());
        view.put("method", request.method());
        view.put("path", request.query() == null ? request.path() : request.path() + "?" + request.query());
        try {
            view.put("body", request.body() == null ? null : json.readTree(request.body()));
        } catch (java.io.IOException e) {
            throw Problem.internal();
        }
        return view;
    }
}
