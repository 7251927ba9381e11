package io.github.flatchrlucca.tenants;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log that webhooks were refused (a wrong or missing token, a tenant the configuration does not list),
 * at most once a {@link #EVERY}, with how many were refused since the line before: the operator learns that Flatchr
 * calls with an old token, and whoever can reach the URL cannot flood the log with a line per call. Written here
 * rather than with a Logback filter, which would throttle by the message's pattern for the whole application.
 */
final class RefusedWebhooks {

    static final Duration EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(WebhookAuthenticator.class);

    private final Clock clock;
    private long nextLineAt = Long.MIN_VALUE;
    private long unlogged;

    RefusedWebhooks(Clock clock) {
        this.clock = clock;
    }

    /** @param why what was wrong with this call, without anything the caller wrote but a well-formed tenant id */
    synchronized void refused(String why) {
        unlogged++;
        long now = clock.millis();
        if (now < nextLineAt) {
            return;
        }
        LOG.warn("refused {} webhook call(s) since the last such line (at most one a minute), the latest: {}",
                unlogged, why);
        unlogged = 0;
        nextLineAt = now + EVERY.toMillis();
    }
}
