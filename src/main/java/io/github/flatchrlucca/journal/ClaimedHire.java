package io.github.flatchrlucca.journal;

import java.time.Instant;

/**
 * A hire as the delivery sees it when it claims it. {@code luccaUserId} is set once the user exists in
 * Lucca, so a later attempt goes straight to the contract and never creates the user twice. Its {@code tenant} says
 * which Lucca it goes to, and with which mapping.
 *
 * @param queuedAt      when it last entered the queue: reception, a move back into hired, or an operator's replay
 * @param heldUntil     when the hold it entered the queue with (HIRE_HOLD_SECONDS) ends, or ended; null when it had none
 * @param createSent    the body of the create an earlier attempt sent (the user, or a returning employee's contract),
 *                      whose answer may have been lost; null when none was sent
 * @param luccaInstance the Lucca its user was made in, or its create sent to ({@code LuccaConnection.instance}); null
 *                      when neither was, or before the journal kept it (the Lucca in force, then)
 */
public record ClaimedHire(String hireId, String tenant, String payload, Instant receivedAt, Instant queuedAt,
                          Instant heldUntil, int attempts, Long luccaUserId, String createSent, String luccaInstance) {

    /**
     * When its wait for Lucca began, as {@link HireView#waitingSince} reckons it: its retries (RETRY_MAX_AGE_HOURS) and
     * its delivery's latency count from here, so a hold is neither taken from the first nor added to the second.
     */
    public Instant waitingSince() {
        return WaitingSince.of(queuedAt, heldUntil);
    }

    /** An earlier attempt sent a create: Lucca may hold what it made, whatever that attempt heard of it. */
    public boolean createAttempted() {
        return createSent != null;
    }

    /**
     * Its user, or a create whose answer may have been lost, was made in another Lucca than {@code luccaNow}: a user
     * id means nothing there (or someone else), and a look-up there does not find what the create made. One kept in
     * another spelling of the same Lucca (before keys were written one way) was made in it.
     */
    public boolean madeElsewhereThan(String luccaNow) {
        return (luccaUserId != null || createAttempted()) && luccaInstance != null
                && !LuccaKey.same(luccaInstance, luccaNow);
    }

    /** Without the candidate's personal data: a record can end up in a log line, a trace or a test's report. */
    @Override
    public String toString() {
        return "ClaimedHire[hireId=" + hireId + ", tenant=" + tenant + ", attempts=" + attempts + ", luccaUserId="
                + luccaUserId + ", createAttempted=" + createAttempted() + "]";
    }
}
