package io.github.flatchrlucca.mapping;

import java.util.List;

/**
 * A hire as far as its department goes: the names it carries, to be matched against its Lucca's departments. What
 * the department directory reads a delivery by, since it knows no delivery.
 */
@FunctionalInterface
public interface DepartmentNames {

    /** None without FLATCHR_DEPARTMENT_POINTER, or when the event carries none there. */
    List<String> departmentNames();
}
