package io.github.flatchrlucca.journal;

import java.time.Instant;
import java.util.List;

/**
 * Everything the journal knows of one hire, as an operator sees it.
 *
 * @param queuedAt          when the hire last entered the queue (received, replayed, queued again): its wait for
 *                          Lucca counts from here, not from its first arrival
 * @param heldUntil         when the hold it entered the queue with (HIRE_HOLD_SECONDS) ends, or ended; null when it had
 *                          none (a replay, a hire queued before the journal kept it)
 * @param writeBack         where the write-back of its outcome to Flatchr stands: PENDING, WRITTEN, FAILED, SKIPPED
 *                          (older than the write-back window, never tried); null while there is none
 * @param flatchrApplicant  Flatchr's encoded id of the application, once known
 * @param writeBackAttempts the write-back's attempts so far
 * @param writeBackSince    when its outcome became known, from which the write-back's age counts
 * @param decisionNeeded    why the hire waits for a person's decision (moved out of hired after its Lucca account was
 *                          made, or stopped after a create whose answer was lost); null when it does not
 * @param createUnanswered  a create (the user, or a returning employee's new contract) was sent and its answer never
 *                          heard: what it made may be in Lucca, though the hire names no Lucca user
 * @param erased            retention erased its personal data (its event among them): its name is not kept. A list
 *                          leaves out a large event too ({@link JournalReader#list}), of a hire whose name is kept
 * @param otherCompany      for a hire another Flatchr company sent to the tenant's URL (recorded rejected, marked so
 *                          in its dedupe key, {@link JournalReader#OTHER_COMPANY}), that company's id; null for the
 *                          tenant's own hires
 */
public record HireView(String hireId, String tenant, HireStatus status, Instant receivedAt, Instant queuedAt,
                         Instant heldUntil, Instant updatedAt, int attempts,
                         Instant nextAttemptAt, Long luccaUserId, Integer lastLuccaStatus, String lastLuccaBody,
                         String lastError, List<String> warnings, String luccaRequest, String payload, Origin origin,
                         String writeBack, String flatchrApplicant, int writeBackAttempts, Instant writeBackSince,
                         String decisionNeeded, Instant decisionNeededAt, boolean createUnanswered,
                         boolean erased, String otherCompany) {

    /**
     * When its wait for Lucca began: when it entered the queue, or the end of its hold, whichever is later, however
     * often it was tried since (a hire held two hours whose first attempt got a 429 has not waited two hours). Later
     * than now while it is held.
     */
    public Instant waitingSince() {
        return WaitingSince.of(queuedAt, heldUntil);
    }

    /** Without the candidate's personal data: a record can end up in a log line, a trace or a test's report. */
    @Override
    public String toString() {
        return "HireView[hireId=" + hireId + ", tenant=" + tenant + ", status=" + status + ", origin=" + origin
                + ", attempts=" + attempts + ", luccaUserId=" + luccaUserId + ", lastLuccaStatus=" + lastLuccaStatus
                + "]";
    }
}
