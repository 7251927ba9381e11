package io.github.flatchrlucca.lucca;

import java.time.Duration;

/** Lucca answered 429: the hire waits at least as long as Retry-After says. */
public final class LuccaRateLimited extends LuccaCallFailed {

    private final Duration retryAfter;

    LuccaRateLimited(String call, String body, Duration retryAfter) {
        super(call, 429, body);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
