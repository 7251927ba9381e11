package io.github.flatchrlucca.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.delivery.Delivery;
import io.github.flatchrlucca.delivery.DeliverySteps;
import io.github.flatchrlucca.http.JsonReply;
import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.intake.FlatchrEventClassifier;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.journal.Hire;
import io.github.flatchrlucca.lucca.DepartmentDirectory;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.Tenants;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the connector would send to Lucca for a Flatchr payload, with the current configuration, without
 * recording or sending anything: the same mapping and defaults as delivery, and Lucca's departments from
 * the cache. Logins are not checked against Lucca, so the preview spends none of the customer's budget on it.
 */
public final class MappingPreview {

    private static final Logger LOG = LoggerFactory.getLogger(MappingPreview.class);

    private final ObjectMapper json;
    private final FlatchrEventClassifier classifier;
    private final DeliverySteps steps;
    private final DepartmentDirectory departments;
    private final Tenants tenants;
    private final Clock clock;

    public MappingPreview(ObjectMapper json, FlatchrEventClassifier classifier, DeliverySteps steps,
                          DepartmentDirectory departments, Tenants tenants, Clock clock) {
        this.json = json;
        this.classifier = classifier;
        this.steps = steps;
        this.tenants = tenants;
        this.departments = departments;
        this.clock = clock;
    }

    public void preview(Exchange exchange) {
        JsonNode event = exchange.getIn().getBody(JsonNode.class);
        Tenant tenant = tenant(exchange);
        HireVerdict verdict = classifier.classify(event, tenant);
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("tenant", tenant.id());
        preview.put("hire", verdict.kind() == HireVerdict.Kind.HIRE);
        if (verdict.kind() == HireVerdict.Kind.IGNORED || verdict.isOtherCompany()) {
            preview.put("reason", verdict.reason());
        } else if (verdict.isMovedOut()) {
            preview.put("reason", "a move to a column that does not trigger a hire: a hire of this candidate that has "
                    + "not reached Lucca would be withdrawn");
        } else if (verdict.kind() == HireVerdict.Kind.INCOMPLETE) {
            preview.put("reason", verdict.rejection());
        } else {
            Delivery delivery = steps.map(new Hire("preview", tenant.id(), event.toString(), clock.instant(),
                    clock.instant(), 0, null, false), tenant);
            preview.put("departmentsChecked", enrich(delivery, tenant));
            steps.loginUnchecked(delivery);
            preview.put("requests", requests(delivery));
            preview.put("warnings", delivery.getWarnings());
        }
        JsonReply.respond(json, exchange, 200, "application/json", preview);
    }

    /**
     * With Lucca's departments when Lucca can be asked; otherwise the mapping is still shown, its departments
     * "not checked": a preview is most needed while something is wrong. False when they were not checked.
     */
    private boolean enrich(Delivery delivery, Tenant tenant) {
        if (tenant.dryRun()) {
            steps.enrichInDryRun(delivery);
            return false;
        }
        try {
            steps.enrich(delivery, departments.departments(tenant.lucca()));
            return true;
        } catch (RuntimeException unreachable) {
            LOG.warn("preview of tenant {}: Lucca's departments could not be read ({})", tenant.id(),
                    unreachable.getClass().getSimpleName());
            steps.enrichWithoutLucca(delivery, "Lucca's departments could not be read");
            return false;
        }
    }

    /** The tenant named by the query's {@code tenant}; without one, the only tenant there is. */
    private Tenant tenant(Exchange exchange) {
        String scope = AdminTokenCheck.scope(exchange);
        String named = scope != null ? scope : exchange.getIn().getHeader("tenant", String.class);
        if (named == null || named.isBlank()) {
            if (tenants.all().size() != 1) {
                throw Problem.badRequest("tenant", "Several tenants are configured: say which one (?tenant=...).");
            }
            return tenants.all().iterator().next();
        }
        return tenants.find(named.trim()).orElseThrow(() -> Problem.badRequest("tenant", "No tenant has this id."));
    }

    private List<Map<String, Object>> requests(Delivery delivery) {
        List<Map<String, Object>> requests = new ArrayList<>();
        requests.add(view(steps.createUser(delivery)));
        steps.contractRequest(delivery).ifPresent(contract -> requests.add(view(contract)));
        return requests;
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
