package io.github.flatchrlucca.tenants;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log that webhooks were refused (a wrong or missing token, a tenant the configuration does not list),
 * at most once {@link #EVERY} for each tenant, and once for all the URLs naming no tenant of the configuration, with
 * how many were refused since the line before: the operator learns that Flatchr calls with an old token, and
 * whoever can reach the URL can neither flood the log with a line per call nor hide one tenant's refusals behind
 * theirs. Written here rather than with a Logback filter, which throttles by a message's pattern for the whole
 * application.
 */
final class RefusedWebhooks {

    static final Duration EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(WebhookAuthenticator.class);
    // the key of the URLs that name no configured tenant: ids of the configuration only are keys, so they are few
    private static final String NO_TENANT = "";

    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();

    RefusedWebhooks(Clock clock) {
        this.clock = clock;
    }

    /** A call to a configured tenant's URL without its token. */
    void wrongToken(String tenant, boolean tokenGiven) {
        refused(tenant, tokenGiven ? "a wrong token" : "no token");
    }

    /** @param named the tenant id the URL gives, repeated only if it is well-formed: the rest is anyone's text */
    void unknownTenant(String named) {
        refused(NO_TENANT, "tenant " + (named != null && TenantSettings.ID.matcher(named).matches()
                ? "'" + named + "'" : "(malformed)") + ", which the configuration does not list");
    }

    private synchronized void refused(String key, String why) {
        Window window = windows.computeIfAbsent(key, first -> new Window());
        window.unlogged++;
        long now = clock.millis();
        if (now < window.nextLineAt) {
            return;
        }
        LOG.warn("refused {} webhook call(s) {} since the last such line (at most one a minute), the latest: {}",
                window.unlogged, key.equals(NO_TENANT) ? "to no configured tenant" : "to tenant '" + key + "'", why);
        window.unlogged = 0;
        window.nextLineAt = now + EVERY.toMillis();
    }

    private static final class Window {
        long nextLineAt = Long.MIN_VALUE;
        long unlogged;
    }
}
