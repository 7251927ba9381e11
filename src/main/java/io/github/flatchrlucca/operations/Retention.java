package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalRefusedValue;
import io.github.flatchrlucca.journal.JournalUnavailable;
import java.sql.SQLException;
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
    // the passes failed in a row since the last that succeeded
    private int failedPasses;

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

    /** The timer's: one pass, told in the log when it erased, and when passes start or stop failing. */
    public synchronized void eraseExpired() {
        int erased;
        try {
            erased = journal.erasePersonalData(clock.instant().minus(keep), clock.instant().minus(writeBackRetries),
                    tenantsWritingBack.get());
        } catch (JournalUnavailable | JournalRefusedValue e) {
            // A pass that fails keeps personal data past RETENTION_DAYS, and a failure of the pass's own (a statement
            // timeout on its read, a lock timeout, a value the database refuses) comes back at every pass: told, once a streak, by the SQLState
            // alone, as the database's message may quote a value (a candidate's e-mail) and the trace carries it
            if (failedPasses++ == 0) {
                LOG.warn("retention could not erase personal data (SQLState {}): it is kept past RETENTION_DAYS until "
                        + "a pass succeeds, told then", sqlState(e));
            }
            return;
        }
        if (failedPasses > 0) {
            LOG.info("retention erased again after {} failed passes", failedPasses);
            failedPasses = 0;
        }
        if (erased > 0) {
            LOG.info("erased the personal data of {} hire(s) finished more than {} day(s) ago", erased, keep.toDays());
        }
    }

    /** The state of the database's error behind {@code failure}, as the driver or the pool gave it; "none" if none. */
    private static String sqlState(Throwable failure) {
        if (failure instanceof JournalRefusedValue refused) {
            return refused.sqlState(); // it keeps no cause: the database's message may quote the value
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "none";
    }
}
