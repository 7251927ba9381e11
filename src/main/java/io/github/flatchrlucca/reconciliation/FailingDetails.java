package io.github.flatchrlucca.reconciliation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The applications whose details (Flatchr's call for one application) failed, and at how many runs, as this instance
 * saw them. A 5xx, no answer or an unreadable one to that call fails the run, which its schedule tries again later
 * each time: an application whose details always fail would stop every search of the tenant at it, the hires after
 * it never recorded and the window never moving on. After {@link #GIVEN_UP_AFTER} runs its details are no longer
 * asked: it is recorded from the search's item, as when Flatchr's API does not have them. No success resets a count:
 * details read make the application a hire the journal knows, whose details are never asked again. Bounded, so that
 * it cannot grow without end: one forgotten after this many others is asked again at most.
 */
final class FailingDetails {

    /** The runs an application's details may fail before they are given up: a passing outage is not one. */
    static final int GIVEN_UP_AFTER = 3;
    /** How many applications are remembered. */
    static final int REMEMBERED = 1000;

    private final Map<String, Integer> runs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** One more run at which the tenant's application's details failed: how many so far. */
    synchronized int failed(String tenant, String flatchrApplicant) {
        return runs.merge(tenant + " " + flatchrApplicant, 1, Integer::sum);
    }

    /** Whether the tenant's application's details failed at {@link #GIVEN_UP_AFTER} runs. */
    synchronized boolean givenUp(String tenant, String flatchrApplicant) {
        return runs.getOrDefault(tenant + " " + flatchrApplicant, 0) >= GIVEN_UP_AFTER;
    }
}
