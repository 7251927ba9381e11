package io.github.flatchrlucca.delivery;

import io.github.flatchrlucca.journal.Hire;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalUnavailable;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller's view of the journal. While the journal cannot be reached there is nothing to deliver: that is
 * said once when it happens and once when it ends, not on every poll.
 */
public final class DueHires {

    private static final Logger LOG = LoggerFactory.getLogger(DueHires.class);

    private final Journal journal;
    private boolean journalDown;
    private volatile boolean claimsLeftBehind;

    public DueHires(Journal journal) {
        this.journal = journal;
    }

    public synchronized List<String> due(int max) {
        try {
            giveBackClaimsLeftBehind();
            List<String> due = journal.dueHireIds(max);
            if (journalDown) {
                LOG.info("the journal answers again: delivery goes on");
                journalDown = false;
            }
            return due;
        } catch (JournalUnavailable e) {
            if (!journalDown) {
                LOG.warn("the journal cannot be reached: delivery waits for it ({})", e.getCause() == null
                        ? e.getMessage() : e.getCause().getClass().getSimpleName());
                journalDown = true;
            }
            return List.of();
        }
    }

    /**
     * The journal failed in the middle of a delivery, so that hire's outcome could not be written and it is
     * still claimed by this instance. The next poll, when the journal answers, gives it back (no delivery of
     * this instance runs between polls), instead of leaving it to wait for its lease.
     */
    public void journalFailedDuringDelivery() {
        claimsLeftBehind = true;
    }

    private void giveBackClaimsLeftBehind() {
        if (claimsLeftBehind) {
            journal.releaseOwnClaims();
            claimsLeftBehind = false;
        }
    }

    /** The hire, claimed for this worker, or null when someone else has it (the route then skips it). */
    public Hire claim(String hireId) {
        return journal.claim(hireId);
    }
}
