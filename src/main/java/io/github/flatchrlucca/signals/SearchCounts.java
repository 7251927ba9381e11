package io.github.flatchrlucca.signals;

/** Counts how the searches of Flatchr's API ended, and what they found, per tenant. */
public interface SearchCounts {

    /** A search ended: succeeded, key-rejected, unavailable, refused, columns-unknown. */
    void reconciliation(String tenant, String outcome);

    /**
     * A run's search of moves out of hired failed (unavailable, too-large, refused...): the run goes on, the moves'
     * window kept for the next.
     */
    void movesSearchFailed(String tenant, String outcome);

    /** An application a search found, its webhook never having come: accepted, rejected or skipped. */
    void hireFound(String tenant, String outcome);
}
