package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.http.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Guards the admin API with {@code Authorization: Bearer <ADMIN_TOKEN>}, distinct from the webhook token
 * so that the URL pasted into Flatchr never opens the journal. Without ADMIN_TOKEN the API does not exist.
 */
public final class AdminTokenCheck implements Processor {

    private final Optional<byte[]> expected;

    public AdminTokenCheck(Optional<String> adminToken) {
        this.expected = adminToken.map(token -> ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void process(Exchange exchange) {
        if (expected.isEmpty()) {
            throw Problem.notFound("The admin API is off: set ADMIN_TOKEN to turn it on.");
        }
        String given = exchange.getIn().getHeader("Authorization", "", String.class);
        exchange.getIn().removeHeader("Authorization");
        // Constant time, so the token cannot be guessed from answer times.
        if (!MessageDigest.isEqual(expected.get(), given.getBytes(StandardCharsets.UTF_8))) {
            throw Problem.unauthorized("An admin token is required: Authorization: Bearer <ADMIN_TOKEN>.");
        }
    }
}
