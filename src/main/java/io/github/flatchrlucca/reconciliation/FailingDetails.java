package io.github.flatchrlucca.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The applications whose details (Flatchr's call for one application) failed, at how many runs, as this instance saw
 * them. A 5xx, no answer or an unreadable one to that call fails the run, which its schedule tries again later each
 * time: an application whose details always fail would stop every search of the tenant at it, the hires after it never
 * recorded and the window never moving on. Once they failed at {@link #GIVEN_UP_AFTER} runs here, and the tenant's
 * searches have not succeeded for {@link #FAILING_FOR} (the journal's last success, which every instance shares and a
 * restart keeps), its details are no longer asked: it is recorded from the search's item, as when Flatchr's API does
 * not have them. No success resets a count: details read make the application a hire the journal knows, whose details
 * are never asked again. Bounded, so that it cannot grow without end: one forgotten after this many others is asked
 * again at most.
 */
final class FailingDetails {

    /** The runs an application's details may fail here before they are given up: a passing outage is not one. */
    static final int GIVEN_UP_AFTER = 3;
    /**
     * How long the tenant's searches must have failed before an application's details are given up, however many runs
     * failed: runs after a failure come 15 then 30 minutes apart, and an operator's backfills within minutes, so that
     * runs alone would give them up within an hour's outage of that call, and the hire be recorded with less (its
     * vacancy by title only, its start date estimated). A day outlasts an outage Flatchr fixes; the hires after it
     * then wait until the next run past it (runs after failures are at most a day apart).
     */
    static final Duration FAILING_FOR = Duration.ofHours(24);
    /** How many applications are remembered. */
    static final int REMEMBERED = 1000;

    private final Map<String, Integer> failures = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** One more run at which the tenant's application's details failed: how many so far. */
    synchronized int failed(String tenant, String flatchrApplicant) {
        return failures.merge(tenant + " " + flatchrApplicant, 1, Integer::sum);
    }

    /**
     * Whether the tenant's application's details failed at {@link #GIVEN_UP_AFTER} runs here, and the tenant's last
     * successful search began {@link #FAILING_FOR} or longer before {@code now}.
     */
    synchronized boolean givenUp(String tenant, String flatchrApplicant, Instant searchesSucceeded, Instant now) {
        return failures.getOrDefault(tenant + " " + flatchrApplicant, 0) >= GIVEN_UP_AFTER
                && !now.isBefore(searchesSucceeded.plus(FAILING_FOR));
    }
}
