package io.github.flatchrlucca.tenants;

import io.github.flatchrlucca.signals.WebhookTokenRefusedAlert;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says that webhooks were refused (a wrong or missing token, a tenant the configuration does not list). In the log,
 * at most once {@link #EVERY} for each tenant, and once for all the URLs naming no tenant of the configuration, with
 * how many were refused since the line before: the operator learns that Flatchr calls with an old token, and
 * whoever can reach the URL can neither flood the log with a line per call nor hide one tenant's refusals behind
 * theirs. Written here rather than with a Logback filter, which throttles by a message's pattern for the whole
 * application. And to the team's chat, a configured tenant's refusals only, at most once {@link #TOLD_EVERY}, those
 * within it told once it is over ({@link #tellDue}, the timer's) if no later refusal told them: a token changed
 * without Flatchr's URL loses every hire sent meanwhile, which Flatchr never sends again; what URLs naming no tenant
 * get is anyone's doing, and no hire's. The log's lines wait for the next refusal: the chat is what a person reads.
 */
final class RefusedWebhooks {

    static final Duration EVERY = Duration.ofMinutes(1);
    static final Duration TOLD_EVERY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(WebhookAuthenticator.class);
    // the key of the URLs that name no configured tenant: ids of the configuration only are keys, so they are few
    private static final String NO_TENANT = "";

    // the key's refusals, with why the latest was refused: the log's a sentence, the chat's whether it had a token
    private final CountedThrottle<String> logLines;
    private final CountedThrottle<Boolean> told;
    private final WebhookTokenRefusedAlert alert;

    RefusedWebhooks(WebhookTokenRefusedAlert alert, Clock clock) {
        this.logLines = new CountedThrottle<>(EVERY, clock);
        this.told = new CountedThrottle<>(TOLD_EVERY, clock);
        this.alert = alert;
    }

    /** A call to a configured tenant's URL without its token. */
    void wrongToken(String tenant, boolean tokenGiven) {
        logged(tenant, tokenGiven ? "a wrong token" : "no token");
        told.count(tenant, tokenGiven).ifPresent(count -> tell(tenant, count));
    }

    /** Tells each tenant's refusals not told yet whose hour since the chat was last told is over. */
    void tellDue() {
        told.due().forEach(this::tell);
    }

    private void tell(String tenant, CountedThrottle.Count<Boolean> count) {
        alert.tokenRefused(tenant, count.latest(), count.events(), count.since());
    }

    /** @param named the tenant id the URL gives, repeated only if it is well-formed: the rest is anyone's text */
    void unknownTenant(String named) {
        logged(NO_TENANT, "tenant " + (named != null && TenantSettings.ID.matcher(named).matches()
                ? "'" + named + "'" : "(malformed)") + ", which the configuration does not list");
    }

    private void logged(String key, String why) {
        logLines.count(key, why).ifPresent(count -> LOG.warn("refused {} webhook call(s) {} since the last such line "
                + "(at most one a minute), the latest: {}", count.events(),
                key.equals(NO_TENANT) ? "to no configured tenant" : "to tenant '" + key + "'", count.latest()));
    }
}
