package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.http.QueryParameter;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.TenantSettings;
import io.github.flatchrlucca.tenants.Tenants;
import java.util.function.Predicate;
import org.apache.camel.Exchange;

/**
 * The tenant an admin call names in its query ({@code tenant=}), as the caller's token lets it: the one rule of every
 * endpoint that takes it. A tenant's own admin token may name its own tenant only; another is answered as a tenant
 * no one has, 404 whether it exists or not, as another tenant's hire is: the token learns nothing of the others, and
 * never gets its own tenant's answer for a question about another. ADMIN_TOKEN may name any tenant the endpoint
 * knows; a tenant it does not know gets the same 404, never an empty answer that looks like a real one.
 */
final class TenantParameter {

    private static final String NAME = "tenant";

    private TenantParameter() {
    }

    /**
     * The tenant named, else the token's own; null when none is named and the token opens every tenant.
     *
     * @param known whether ADMIN_TOKEN may name this tenant (well formed): in force, or, for the journal's views, a
     *              tenant of recorded hires
     */
    static String of(Exchange exchange, Predicate<String> known) {
        String scope = AdminTokenCheck.scope(exchange);
        String named = QueryParameter.of(exchange.getIn(), NAME);
        if (named == null) {
            return scope;
        }
        if (!TenantSettings.ID.matcher(named).matches()) {
            throw Problem.badRequest(NAME, "Not a tenant id: lower-case letters, digits and '-'.");
        }
        if (scope != null ? !scope.equals(named) : !known.test(named)) {
            throw unknown();
        }
        return named;
    }

    /** A tenant in force, for what needs its configuration: the one named, the token's, or, unnamed, the only one. */
    static Tenant inForce(Exchange exchange, Tenants tenants) {
        String named = of(exchange, id -> tenants.find(id).isPresent());
        if (named == null) {
            if (tenants.all().size() != 1) {
                throw Problem.badRequest(NAME, "Several tenants are configured: say which one (?tenant=...).");
            }
            return tenants.all().iterator().next();
        }
        // the token's own tenant taken out of the configuration since its token was checked
        return tenants.find(named).orElseThrow(TenantParameter::unknown);
    }

    private static Problem unknown() {
        return Problem.notFound(NAME, "No tenant has this id.");
    }
}
