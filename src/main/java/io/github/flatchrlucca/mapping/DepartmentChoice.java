package io.github.flatchrlucca.mapping;

import java.util.Objects;
import java.util.Optional;

/**
 * The Lucca department for a hire, and why it may not be the one the recruiter meant.
 *
 * @param departmentId null to omit the department, so that Lucca's own default applies
 * @param warning      set when the hire named departments but none of them was found unambiguously
 */
public record DepartmentChoice(Integer departmentId, Optional<String> warning) {

    public DepartmentChoice {
        Objects.requireNonNull(warning, "warning");
    }
}
