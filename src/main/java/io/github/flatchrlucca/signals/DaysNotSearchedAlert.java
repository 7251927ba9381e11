package io.github.flatchrlucca.signals;

import java.time.LocalDate;

/**
 * Tells a person that a tenant's first search of Flatchr's API leaves days out: no search succeeded for so long that
 * its window, cut at the longest look-back, starts after them. Their hires are found by an operator's backfill only.
 */
public interface DaysNotSearchedAlert {

    /**
     * @param from   the first day no search covers: the backfill's {@code since}
     * @param before the first day the search covers
     */
    void daysNotSearched(String tenant, LocalDate from, LocalDate before);
}
