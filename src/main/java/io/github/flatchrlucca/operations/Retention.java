package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GDPR: a finished hire keeps the candidate's data only as long as an operator may need it. After that the
 * payload, the Lucca request, Lucca's answers and the key made of the e-mail are erased; ids, statuses and times
 * stay, so counts and history still add up. A hire whose outcome is still being written back to Flatchr keeps them
 * until that is over: the write-back finds the candidate by them.
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final Journal journal;
    private final Duration keep;
    private final Duration writeBackRetries;
    private final Supplier<Collection<String>> tenantsWritingBack;
    private final Clock clock;

    /**
     * @param writeBackRetries   how long an outcome is tried to be written back to Flatchr (RETRY_MAX_AGE_HOURS)
     * @param tenantsWritingBack the tenants whose outcomes are written back (FLATCHR_RESULT_TAG), as configured now
     */
    public Retention(Journal journal, Duration keep, Duration writeBackRetries,
                     Supplier<Collection<String>> tenantsWritingBack, Clock clock) {
        this.journal = journal;
        this.keep = keep;
        this.writeBackRetries = writeBackRetries;
        this.tenantsWritingBack = tenantsWritingBack;
        this.clock = clock;
    }

    public void eraseExpired() {
        int erased;
        try {
            erased = journal.erasePersonalData(clock.instant().minus(keep), clock.instant().minus(writeBackRetries),
                    tenantsWritingBack.get());
        } catch (JournalUnavailable e) {
            LOG.debug("retention skipped: the journal cannot be reached");
            return;
        }
        if (erased > 0) {
            LOG.info("erased the personal data of {} hire(s) finished more than {} day(s) ago", erased, keep.toDays());
        }
    }
}
