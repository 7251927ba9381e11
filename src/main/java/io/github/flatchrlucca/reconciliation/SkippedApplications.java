package io.github.flatchrlucca.reconciliation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The applications this instance's searches skipped (no hire could be recorded from them), so that each is counted
 * and told once: the searches of the next day or so find the same one again, as their windows overlap, and a count
 * at every run would keep its alert firing after the operator made the user by hand. Bounded, so that it cannot grow
 * without end: one forgotten after this many others is counted and told again at most, which is no flood.
 */
final class SkippedApplications {

    /** How many skipped applications are remembered. */
    static final int REMEMBERED = 1000;

    private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** True the first time a tenant's application is skipped (or again once forgotten). */
    synchronized boolean firstTime(String tenant, String flatchrApplicant) {
        return seen.add(tenant + " " + flatchrApplicant);
    }
}
