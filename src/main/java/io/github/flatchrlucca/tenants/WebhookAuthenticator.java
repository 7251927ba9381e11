package io.github.flatchrlucca.tenants;

import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.http.QueryParameter;
import io.github.flatchrlucca.routes.Variables;
import io.github.flatchrlucca.signals.WebhookTokenRefusedAlert;
import org.apache.camel.Exchange;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Processor;

/**
 * Finds the tenant a webhook URL names and refuses the call unless the URL carries that tenant's token,
 * before the body is even read. The tenant goes on with the exchange as the variable {@code tenant}.
 */
public final class WebhookAuthenticator implements Processor {

    // The same answer for an unknown tenant as for a wrong token: the URL must not tell which customers exist.
    private static final String REFUSAL = "The token in the webhook URL is missing or wrong.";

    private final Tenants tenants;
    private final RefusedWebhooks refused;

    /**
     * The headers that carry the token: the query's parameters as platform-http copies them (and the tenant of the
     * path, with them), and the URL and query string it copies whole. Nothing after this step reads any of them: the
     * token and the tenant are read here, the path (Exchange.HTTP_PATH, without the query) stays, and a query string
     * that is not valid was refused before Camel saw the request (RequestGate).
     */
    private static final List<String> URL_HEADERS = List.of("token", "tenant", Exchange.HTTP_URI, Exchange.HTTP_URL,
            Exchange.HTTP_QUERY, Exchange.HTTP_RAW_QUERY);

    /** Where Flatchr's webhooks arrive: the default tenant's, and under it each tenant's own. */
    public static final String PATH = "/webhooks/flatchr";

    /** @param alert told of a configured tenant's refusals, at most once an hour each (RefusedWebhooks) */
    public WebhookAuthenticator(Tenants tenants, WebhookTokenRefusedAlert alert, Clock clock) {
        this.tenants = tenants;
        this.refused = new RefusedWebhooks(alert, clock);
    }

    /**
     * The timer's: a configured tenant's refusals within the hour after the chat was told, told once the hour is over,
     * whether more come or not (a token changed and fixed soon after: nothing else would tell the hires lost between).
     */
    public void tellDueRefusals() {
        refused.tellDue();
    }

    @Override
    public void process(Exchange exchange) {
        // From the URL only, as the gate read them before the body: a request header of the same name (a proxy's
        // Tenant:, a client's Token:) never stands for either. Outside an HTTP request (a test), headers carry them.
        String path = exchange.getIn().getHeader(Exchange.HTTP_PATH, String.class);
        String named = path != null ? tenantOfPath(path)
                : exchange.getIn().getHeader("tenant", TenantSettings.DEFAULT_ID, String.class);
        String given = QueryParameter.of(exchange.getIn(), "token");
        // The token must not travel further with the message (logs, tracing, message history, error handlers),
        // whether the call is let in or not.
        URL_HEADERS.forEach(exchange.getIn()::removeHeader);
        Tenant tenant = authenticate(named, given);
        exchange.setVariable(Variables.TENANT, tenant);
        exchange.setVariable(Variables.TENANT_ID, tenant.id());
    }

    /**
     * "/webhooks/flatchr" is the default tenant's URL, "/webhooks/flatchr/acme" tenant acme's. Any other path names
     * itself, which no tenant id matches: refused like an unknown tenant, never taken for the default one.
     * One slash at the end is the same URL, as Camel's routes serve it: a URL pasted into Flatchr with one would
     * otherwise lose every hire sent to it (Flatchr does not send a call again). The path comes as Vert.x normalises
     * it, for the gate and the route alike (repeated slashes made one), so nothing else is taken off it here.
     */
    public static String tenantOfPath(String path) {
        if (path.length() > PATH.length() && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals(PATH)) {
            return TenantSettings.DEFAULT_ID;
        }
        return path.startsWith(PATH + "/") ? path.substring(PATH.length() + 1) : path;
    }

    /**
     * The tenant a webhook URL names, when the URL carries its token; otherwise 401, the same for an unknown tenant
     * as for a wrong token. Also asked before the body is read, so a caller without the token sends nothing costly.
     *
     * @param named the tenant of the URL, {@value TenantSettings#DEFAULT_ID} for the single-tenant URL
     */
    public Tenant authenticate(String named, String token) {
        Tenant tenant = tenants.find(named).orElse(null);
        if (tenant == null) {
            refused.unknownTenant(named);
            throw Problem.unauthorized(REFUSAL);
        }
        if (!tenant.tokenMatches(token)) {
            refused.wrongToken(tenant.id(), token != null && !token.isEmpty()); // "?token=" gives none
            throw Problem.unauthorized(REFUSAL);
        }
        return tenant;
    }
}
