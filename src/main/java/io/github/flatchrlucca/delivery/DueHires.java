package io.github.flatchrlucca.delivery;

import io.github.flatchrlucca.journal.Hire;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalUnavailable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Variable;
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
    private final Set<String> claimsLeftBehind = ConcurrentHashMap.newKeySet();

    public DueHires(Journal journal) {
        this.journal = journal;
    }

    /** Each tenant's round asks for its own hires only, so one tenant's backlog never stands before another's. */
    public synchronized List<String> due(String tenant, int max) {
        try {
            giveBackClaimsLeftBehind();
            List<String> due = journal.dueHireIds(tenant, max);
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
     * still claimed by this instance. The next round, when the journal answers, gives that hire back (other
     * tenants' deliveries may be running: only this one is released), instead of leaving it to wait for its lease.
     */
    public void journalFailedDuringDelivery(@Variable("hire") Hire hire) {
        claimsLeftBehind.add(hire.hireId());
    }

    private void giveBackClaimsLeftBehind() {
        for (String hireId : List.copyOf(claimsLeftBehind)) {
            journal.releaseClaim(hireId);
            claimsLeftBehind.remove(hireId);
        }
    }

    /** The hire, claimed for this worker, or null when someone else has it (the route then skips it). */
    public Hire claim(String hireId) {
        return journal.claim(hireId);
    }
}
