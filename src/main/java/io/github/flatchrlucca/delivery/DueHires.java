package io.github.flatchrlucca.delivery;

import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalUnavailable;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller's view of the journal. While the journal cannot be reached there is nothing to deliver: that is
 * said once when it happens and once when it ends, not on every poll.
 */
public final class DueHires {

    private static final Logger LOG = LoggerFactory.getLogger(DueHires.class);

    private final Journal journal;
    private final BooleanSupplier outcomesLeftBehind;
    private boolean journalDown;

    /**
     * @param outcomesLeftBehind writes the outcomes of attempts the journal failed during, before a round looks
     *                           for due hires; false while the journal still cannot take them
     */
    public DueHires(Journal journal, BooleanSupplier outcomesLeftBehind) {
        this.journal = journal;
        this.outcomesLeftBehind = outcomesLeftBehind;
    }

    /** Each tenant's round asks for its own hires only, so one tenant's backlog never stands before another's. */
    public synchronized List<String> due(String tenant, int max) {
        try {
            if (!outcomesLeftBehind.getAsBoolean()) {
                journalIsDown("outcomes of earlier attempts cannot be written");
                return List.of();
            }
            List<String> due = journal.dueHireIds(tenant, max);
            if (journalDown) {
                LOG.info("the journal answers again: delivery goes on");
                journalDown = false;
            }
            return due;
        } catch (JournalUnavailable e) {
            journalIsDown(e.getCause() == null ? e.getMessage() : e.getCause().getClass().getSimpleName());
            return List.of();
        }
    }

    private void journalIsDown(String why) {
        if (!journalDown) {
            LOG.warn("the journal cannot be reached: delivery waits for it ({})", why);
            journalDown = true;
        }
    }

    /** The hire, claimed for this worker, or null when someone else has it (the route then skips it). */
    public ClaimedHire claim(String hireId) {
        return journal.claim(hireId);
    }
}
