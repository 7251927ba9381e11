package io.github.flatchrlucca.signals;

/** Counts how the searches of Flatchr's API ended, and what they found, per tenant. */
public interface SearchCounts {

    /** A search ended: succeeded, key-rejected, unavailable, refused, columns-unknown. */
    void reconciliation(String tenant, String outcome);

    /** An application a search found, its webhook never having come: accepted, rejected or skipped. */
    void hireFound(String tenant, String outcome);
}
