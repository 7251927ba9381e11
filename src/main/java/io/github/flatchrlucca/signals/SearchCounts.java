package io.github.flatchrlucca.signals;

import java.util.List;

/** Counts how the searches of Flatchr's API ended, and what they found, per tenant. */
public interface SearchCounts {

    /** A search ended: succeeded, key-rejected, unavailable, refused, columns-unknown. */
    void reconciliation(String tenant, String outcome);

    /** How a search of moves out of hired fails: an answer over the connector's cap, or as a search of hires does. */
    List<String> MOVES_FAILURES = List.of("too-large", "key-rejected", "refused", "unavailable");

    /**
     * A run's search of moves out of hired failed (one of {@link #MOVES_FAILURES}): the run goes on, the moves' window
     * kept for the next.
     */
    void movesSearchFailed(String tenant, String outcome);

    /** An application a search found, its webhook never having come: accepted, rejected or skipped. */
    void hireFound(String tenant, String outcome);
}
