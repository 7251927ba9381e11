package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.journal.HireView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a queued hire has waited for Lucca, and the wait past which the queue has stopped moving
 * (ALERT_QUEUE_AGE_SECONDS): one reckoning for the alert and for the status page, which showed a hire held on purpose
 * as late, or none as late while the alert was told.
 */
final class QueueWait {

    private final Duration limit;
    private final Clock clock;

    QueueWait(Duration limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** ALERT_QUEUE_AGE_SECONDS. */
    Duration limit() {
        return limit;
    }

    /**
     * A hire waits for Lucca from when it last entered the queue (its arrival, an operator's replay, a move back into
     * hired: a hire dead for a day and replayed has not waited a day), or, held on purpose (HIRE_HOLD_SECONDS), from
     * the end of its hold, tried since or not: a hold longer than ALERT_QUEUE_AGE_SECONDS is no queue that stopped
     * moving. Later than now while it is held. The journal picks each tenant's oldest by the same time.
     */
    Instant since(HireView hire) {
        return hire.waitingSince();
    }

    /** How long the hire has waited: negative while it is held. */
    Duration of(HireView hire) {
        return Duration.between(since(hire), clock.instant());
    }

    /** Longer than the limit: the queue has stopped moving. */
    boolean tooLong(Duration waited) {
        return waited.compareTo(limit) > 0;
    }
}
