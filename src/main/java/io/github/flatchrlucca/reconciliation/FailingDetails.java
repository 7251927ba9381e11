package io.github.flatchrlucca.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The applications whose details (Flatchr's call for one application) failed, at how many runs and since when, as
 * this instance saw them. A 5xx, no answer or an unreadable one to that call fails the run, which its schedule tries
 * again later each time: an application whose details always fail would stop every search of the tenant at it, the
 * hires after it never recorded and the window never moving on. Once they failed at {@link #GIVEN_UP_AFTER} runs
 * and for {@link #FAILING_FOR} since the first, its details are no longer asked: it is recorded from the search's
 * item, as when Flatchr's API does not have them. No success resets a count: details read make the application a
 * hire the journal knows, whose details are never asked again. Bounded, so that it cannot grow without end: one
 * forgotten after this many others is asked again at most.
 */
final class FailingDetails {

    /** The runs an application's details may fail before they are given up: a passing outage is not one. */
    static final int GIVEN_UP_AFTER = 3;
    /**
     * How long after their first failure an application's details are still asked, however many runs failed: runs
     * after a failure come 15 then 30 minutes apart, and an operator's backfills within minutes, so that runs alone
     * would give them up within an hour's outage of that call, and the hire be recorded with less (its vacancy by
     * title only, its start date estimated). A day outlasts an outage Flatchr fixes, and still holds up the hires
     * after it for one day only.
     */
    static final Duration FAILING_FOR = Duration.ofHours(24);
    /** How many applications are remembered. */
    static final int REMEMBERED = 1000;

    private record Failures(int runs, Instant since) {
    }

    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** @param clock the time the first failure is kept at, and given up against */
    FailingDetails(Clock clock) {
        this.clock = clock;
    }

    /** One more run at which the tenant's application's details failed: how many so far. */
    synchronized int failed(String tenant, String flatchrApplicant) {
        return failures.merge(tenant + " " + flatchrApplicant, new Failures(1, clock.instant()),
                (before, now) -> new Failures(before.runs() + 1, before.since())).runs();
    }

    /**
     * Whether the tenant's application's details failed at {@link #GIVEN_UP_AFTER} runs, the first of them at least
     * {@link #FAILING_FOR} ago.
     */
    synchronized boolean givenUp(String tenant, String flatchrApplicant) {
        Failures failed = failures.get(tenant + " " + flatchrApplicant);
        return failed != null && failed.runs() >= GIVEN_UP_AFTER
                && !clock.instant().isBefore(failed.since().plus(FAILING_FOR));
    }
}
