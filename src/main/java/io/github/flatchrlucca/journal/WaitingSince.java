package io.github.flatchrlucca.journal;

import java.time.Instant;

/**
 * When a queued hire's wait for Lucca began: when it entered the queue, or the end of its hold, whichever is later. One
 * rule for the hire an operator sees ({@link HireView}) and the one delivery claims ({@link ClaimedHire}); the
 * journal's search for each tenant's oldest reckons it in SQL ({@link JournalReader}).
 */
final class WaitingSince {

    private WaitingSince() {
    }

    /** @param heldUntil the end of its hold; null when it had none */
    static Instant of(Instant queuedAt, Instant heldUntil) {
        return heldUntil != null && heldUntil.isAfter(queuedAt) ? heldUntil : queuedAt;
    }
}
