package io.github.flatchrlucca.signals;

import java.time.Instant;

/** Counts how delivery attempts ended, per tenant. */
public interface DeliveryCounts {

    /**
     * The hire's user is in Lucca: counted, with the time since its wait for Lucca began (its webhook answered, an
     * operator's replay, or the end of its hold).
     */
    void delivered(String tenant, Instant waitingSince, Instant now);

    /** How a delivery attempt ended: delivered, already-in-lucca, dry-run, retried or dead, and why. */
    void hire(String tenant, String outcome, String reason);
}
