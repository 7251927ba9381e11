package io.github.flatchrlucca.signals;

import java.time.Instant;

/** Counts how delivery attempts ended, per tenant. */
public interface DeliveryCounts {

    /**
     * The hire's user is in Lucca: counted, with the time since it last entered the queue (its webhook answered, or
     * an operator's replay).
     */
    void delivered(String tenant, Instant queuedAt, Instant now);

    /** How a delivery attempt ended: delivered, already-in-lucca, dry-run, retried or dead, and why. */
    void hire(String tenant, String outcome, String reason);
}
