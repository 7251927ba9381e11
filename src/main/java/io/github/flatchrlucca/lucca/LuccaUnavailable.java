package io.github.flatchrlucca.lucca;

/** Lucca timed out (408), failed (5xx), or answered what it does not document: worth trying again later. */
public final class LuccaUnavailable extends LuccaCallFailed {

    LuccaUnavailable(String call, int status, String body) {
        super(call, status, body);
    }

    /** A success ({@code status}) whose body is not what Lucca documents: {@code how} says what is missing. */
    LuccaUnavailable(String call, int status, String body, String how) {
        super(call, status, body, how);
    }
}
