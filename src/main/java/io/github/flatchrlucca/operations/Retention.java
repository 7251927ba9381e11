package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalUnavailable;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GDPR: a finished hire keeps the candidate's data only as long as an operator may need it. After that the
 * payload, the Lucca request and Lucca's answers are erased; ids, statuses and times stay, so counts and
 * history still add up.
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final Journal journal;
    private final Duration keep;
    private final Clock clock;

    public Retention(Journal journal, Duration keep, Clock clock) {
        this.journal = journal;
        this.keep = keep;
        this.clock = clock;
    }

    public void eraseExpired() {
        int erased;
        try {
            erased = journal.erasePersonalData(clock.instant().minus(keep));
        } catch (JournalUnavailable e) {
            LOG.debug("retention skipped: the journal cannot be reached");
            return;
        }
        if (erased > 0) {
            LOG.info("erased the personal data of {} hire(s) finished more than {} day(s) ago", erased, keep.toDays());
        }
    }
}
