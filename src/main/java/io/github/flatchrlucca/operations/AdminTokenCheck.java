package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.Tenants;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * Guards the admin API with {@code Authorization: Bearer <token>}, distinct from the webhook tokens so that a
 * URL pasted into Flatchr never opens the journal. ADMIN_TOKEN opens every tenant; a tenant's own
 * {@code adminToken} opens that tenant's hires only, and the exchange then carries the variable
 * {@value #SCOPE} that the admin API narrows every answer to. Without any admin token the API does not exist.
 * The token is read from the request's own header only: platform-http also turns query parameters and form
 * fields into message headers, and a token written in a URL ends up in proxies' access logs and browser history.
 * The HTTP server's gate ({@code RequestGate}) refuses a wrong token before the body is read; in the routes this
 * check runs once for every admin call, before its first step (routeConfiguration {@code admin-api}), and gives it
 * its scope.
 */
public final class AdminTokenCheck implements Processor {

    /** The exchange variable naming the one tenant the caller may see; absent: every tenant. */
    public static final String SCOPE = "adminTenant";
    private static final String AUTHORIZATION = "Authorization";

    private final Optional<byte[]> everyTenant;
    private final Tenants tenants;

    public AdminTokenCheck(Optional<String> adminToken, Tenants tenants) {
        this.everyTenant = adminToken.map(AdminTokenCheck::bearer);
        this.tenants = tenants;
    }

    @Override
    public void process(Exchange exchange) {
        String authorization = exchange.getIn() instanceof HttpMessage http
                ? http.getRequest().getHeader(AUTHORIZATION) : null;
        exchange.getIn().removeHeader(AUTHORIZATION);
        String scope = scopeOf(authorization);
        if (scope != null) {
            exchange.setVariable(SCOPE, scope);
        }
    }

    /** Whether the admin API and status page exist: some admin token is configured. */
    public boolean enabled() {
        return everyTenant.isPresent() || tenants.all().stream().anyMatch(tenant -> tenant.settings().adminToken().isPresent());
    }

    /**
     * The tenant a caller with this {@code Authorization} header may see, or null when it may see them all.
     *
     * @throws Problem 404 when no admin token is configured, 401 when the header is missing or wrong
     */
    public String scopeOf(String authorization) {
        if (!enabled()) {
            throw Problem.notFound("The admin API is off: set ADMIN_TOKEN to turn it on.");
        }
        byte[] given = bytes(authorization);
        if (everyTenant.isPresent() && matches(everyTenant.get(), given)) {
            return null;
        }
        Tenant tenant = tenants.all().stream()
                .filter(each -> each.settings().adminToken().map(token -> matches(bearer(token), given)).orElse(false))
                .findFirst()
                .orElseThrow(AdminTokenCheck::unauthorized);
        return tenant.id();
    }

    /** ADMIN_TOKEN only: what concerns every tenant at once (the connector's metrics) is not a tenant's to see. */
    public void checkEveryTenant(String authorization) {
        if (everyTenant.isEmpty() || !matches(everyTenant.get(), bytes(authorization))) {
            throw unauthorized();
        }
    }

    /** The tenant the caller may see, or null when it may see them all. */
    static String scope(Exchange exchange) {
        return exchange.getVariable(SCOPE, String.class);
    }

    private static Problem unauthorized() {
        return Problem.unauthorized("An admin token is required: Authorization: Bearer <ADMIN_TOKEN>.");
    }

    // Constant time, so a token cannot be guessed from answer times.
    private static boolean matches(byte[] expected, byte[] given) {
        return MessageDigest.isEqual(expected, given);
    }

    private static byte[] bytes(String authorization) {
        return authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bearer(String token) {
        return ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }
}
