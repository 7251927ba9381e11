package io.github.flatchrlucca.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.e2e.FlatchrEvents;

/** Flatchr's webhook bodies for the route tests: the end-to-end tests' own, so both test the same events. */
final class Events {

    private static final java.util.Map<String, Integer> COMPANIES = java.util.Map.of(
            RoutesInTheJvm.LIVE, 4242, RoutesInTheJvm.DRY, 4343, RoutesInTheJvm.PAUSED, 4444);

    private Events() {
    }

    /** A hire for one of the tenants of {@link RoutesInTheJvm}, each of its own Flatchr company. */
    static ObjectNode hire(String tenant, String applicantId) {
        return FlatchrEvents.hire(applicantId, COMPANIES.get(tenant));
    }

    static String mail(String applicantId) {
        return "camille." + applicantId + "@example.org";
    }
}
