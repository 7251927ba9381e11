package io.github.flatchrlucca.mapping;

import java.util.Objects;

/** A department as Lucca's organization structure lists it. */
public record LuccaDepartment(int id, String name, boolean active) {

    public LuccaDepartment {
        Objects.requireNonNull(name, "name");
    }
}
