package io.github.flatchrlucca.flatchr;

import java.time.Duration;
import java.time.Instant;

/**
 * Flatchr answered a call with an error, or not at all. Subclasses say what the reconciliation does about it.
 * Flatchr's error bodies are undocumented: only the call and the status are kept.
 */
public abstract class FlatchrCallFailed extends RuntimeException {

    private final String call;
    private final int status;

    FlatchrCallFailed(String call, int status) {
        this(call, status, "Flatchr answered " + status + " to " + call);
    }

    private FlatchrCallFailed(String call, int status, String message) {
        super(message, null, false, false);
        this.call = call;
        this.status = status;
    }

    public String call() {
        return call;
    }

    public int status() {
        return status;
    }

    /** 401, 403: the key is wrong or expired (Flatchr's keys expire a year after they were made). */
    public static final class KeyRejected extends FlatchrCallFailed {
        KeyRejected(String call, int status) {
            super(call, status);
        }
    }

    /**
     * 408, 429, 5xx: Flatchr cannot answer now; the next run tries again, later each time, and nothing calls that
     * company before the pause it asked for ({@link FlatchrPause}) has passed.
     */
    public static final class Unavailable extends FlatchrCallFailed {
        Unavailable(String call, int status) {
            super(call, status);
        }
    }

    /** Any other 4xx: a request Flatchr will not take as it is (a wrong company key, say). */
    public static final class Refused extends FlatchrCallFailed {
        Refused(String call, int status) {
            super(call, status);
        }
    }

    /**
     * A 2xx whose body is not JSON (a proxy's page, say), or not of the shape the call answers (a search's answer
     * that holds no list): Flatchr answered, so no pause as for a call without an answer; tried again later like any
     * failure. Without a cause: the call route pauses a company for an I/O failure anywhere in what it catches, and
     * a parse error is one.
     *
     * @param body what the body is, as "a body that is not JSON"
     */
    public static final class Unreadable extends FlatchrCallFailed {
        Unreadable(String call, int status, String body) {
            super(call, status, "Flatchr answered " + status + " to " + call + " with " + body);
        }
    }

    /**
     * Not sent, status 0: the calls to the company made before it by this instance ({@link FlatchrTurns}) did not
     * leave it a turn within {@code waited}; tried again as when Flatchr is unavailable, without pausing it.
     */
    public static final class Busy extends FlatchrCallFailed {
        Busy(String call, Duration waited) {
            super(call, 0, call + " not sent: other calls to this Flatchr company took longer than "
                    + waited.toSeconds() + " s");
        }
    }

    /** Not sent, status 0: Flatchr asked to wait (429 Retry-After), or failed a moment ago, until {@code until}. */
    public static final class Paused extends FlatchrCallFailed {
        Paused(String call, Instant until) {
            super(call, 0, call + " not sent: Flatchr is not called until " + until);
        }
    }
}
