package io.github.flatchrlucca.lucca;

/** Lucca timed out (408) or failed (5xx): worth trying again later. */
public final class LuccaUnavailable extends LuccaCallFailed {

    LuccaUnavailable(String call, int status, String body) {
        super(call, status, body);
    }
}
