package io.github.flatchrlucca.lucca;

/**
 * Lucca answered a call with an error. Subclasses say what the delivery should do about it; the
 * routes' error handling matches on them. The raw answer is kept for the operator, never logged.
 */
public abstract class LuccaCallFailed extends RuntimeException {

    private final String call;
    private final int status;
    private final String body;

    LuccaCallFailed(String call, int status, String body) {
        this(call, status, body, null);
    }

    /** @param how what was wrong with the answer besides its status; null when its status says it all */
    LuccaCallFailed(String call, int status, String body, String how) {
        super("Lucca answered " + status + " to " + call + (how == null ? "" : " " + how), null, false, false);
        this.call = call;
        this.status = status;
        this.body = body;
    }

    /** Which call failed ("create-user"), never with its data. */
    public String call() {
        return call;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
