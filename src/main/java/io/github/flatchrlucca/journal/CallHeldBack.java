package io.github.flatchrlucca.journal;

/**
 * The claim renewed for a call could end before that call's answer (the renewal's commit was slow: a lock, a stalled
 * disk), so the call is not sent: another instance may take the hire over from the claim's end and send the same.
 * Unlike {@link ClaimLost}, this instance still holds the claim, and the attempt is a failed one like any other: put
 * off with the backoff of its attempts and ended past RETRY_MAX_AGE_HOURS, so that a journal slow at every commit
 * cannot keep a hire, or the write-back of its outcome, queued without end.
 */
public final class CallHeldBack extends RuntimeException {

    CallHeldBack(String what) {
        super(what + " was not sent: the claim renewed for it could end before its answer (the journal's commit was "
                + "slow)", null, false, false);
    }
}
