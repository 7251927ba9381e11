package io.github.flatchrlucca.signals;

/** Counts what the webhook answered, per tenant. */
public interface WebhookCounts {

    /**
     * What the webhook answered: accepted, duplicate, ignored, rejected, invalid, unauthorized, unavailable; for a
     * candidate moved out of hired, withdrawn, needs-decision, already-stopped or already-moved-out.
     */
    void webhook(String tenant, String outcome);
}
