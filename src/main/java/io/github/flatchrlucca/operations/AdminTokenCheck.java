package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.Tenants;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Guards the admin API with {@code Authorization: Bearer <token>}, distinct from the webhook tokens so that a
 * URL pasted into Flatchr never opens the journal. ADMIN_TOKEN opens every tenant; a tenant's own
 * {@code adminToken} opens that tenant's hires only, and the exchange then carries the variable
 * {@value #SCOPE} that the admin API narrows every answer to. Without any admin token the API does not exist.
 */
public final class AdminTokenCheck implements Processor {

    /** The exchange variable naming the one tenant the caller may see; absent: every tenant. */
    public static final String SCOPE = "adminTenant";

    private final Optional<byte[]> everyTenant;
    private final Tenants tenants;

    public AdminTokenCheck(Optional<String> adminToken, Tenants tenants) {
        this.everyTenant = adminToken.map(AdminTokenCheck::bearer);
        this.tenants = tenants;
    }

    @Override
    public void process(Exchange exchange) {
        if (everyTenant.isEmpty() && tenants.all().stream().noneMatch(tenant -> tenant.settings().adminToken().isPresent())) {
            throw Problem.notFound("The admin API is off: set ADMIN_TOKEN to turn it on.");
        }
        byte[] given = exchange.getIn().getHeader("Authorization", "", String.class).getBytes(StandardCharsets.UTF_8);
        exchange.getIn().removeHeader("Authorization");
        if (everyTenant.isPresent() && matches(everyTenant.get(), given)) {
            return;
        }
        Tenant tenant = tenants.all().stream()
                .filter(each -> each.settings().adminToken().map(token -> matches(bearer(token), given)).orElse(false))
                .findFirst()
                .orElseThrow(() -> Problem.unauthorized("An admin token is required: Authorization: Bearer <ADMIN_TOKEN>."));
        exchange.setVariable(SCOPE, tenant.id());
    }

    /** The tenant the caller may see, or null when it may see them all. */
    static String scope(Exchange exchange) {
        return exchange.getVariable(SCOPE, String.class);
    }

    // Constant time, so a token cannot be guessed from answer times.
    private static boolean matches(byte[] expected, byte[] given) {
        return MessageDigest.isEqual(expected, given);
    }

    private static byte[] bearer(String token) {
        return ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }
}
