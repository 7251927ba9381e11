package io.github.flatchrlucca.journal;

/** Another instance took the hire over after this one's lease ran out: this attempt must not go on. */
public final class ClaimLost extends RuntimeException {

    ClaimLost(String hireId) {
        super("hire " + hireId + " was taken over by another instance", null, false, false);
    }
}
