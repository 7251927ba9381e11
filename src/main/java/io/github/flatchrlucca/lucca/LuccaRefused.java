package io.github.flatchrlucca.lucca;

/** Lucca refused the request (400, 404, 409, 422...): no retry can fix it. */
public final class LuccaRefused extends LuccaCallFailed {

    public LuccaRefused(String call, int status, String body) {
        super(call, status, body);
    }
}
