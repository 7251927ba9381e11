package io.github.flatchrlucca.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.e2e.FlatchrEvents;
import java.util.Map;

/** Flatchr's webhook bodies for the route tests: the end-to-end tests' own, so both test the same events. */
final class Events {

    private static final Map<String, Integer> COMPANIES = Map.of(
            RoutesInTheJvm.LIVE, 4242, RoutesInTheJvm.DRY, 4343, RoutesInTheJvm.PAUSED, 4444);

    private Events() {
    }

    /** A hire for one of the tenants every route test has, each of its own Flatchr company. */
    static ObjectNode hire(String tenant, String applicantId) {
        return hire(COMPANIES.get(tenant), applicantId);
    }

    static ObjectNode hire(int company, String applicantId) {
        return FlatchrEvents.hire(applicantId, company);
    }

    /** The hire naming its department where the route tests' FLATCHR_DEPARTMENT_POINTER reads it. */
    static ObjectNode inDepartment(ObjectNode hire, String department) {
        ((ObjectNode) hire.path("data").path("vacancy")).put("department", department);
        return hire;
    }

    static ObjectNode movedOut(ObjectNode hire) {
        return FlatchrEvents.movedOut(hire, "Refusé");
    }

    static String mail(String applicantId) {
        return "camille." + applicantId + "@example.org";
    }
}
