package io.github.flatchrlucca.journal;

/** An operator cancelled the hire while this instance was delivering it: the attempt stops before its next call. */
public final class HireCancelled extends RuntimeException {

    HireCancelled(String hireId) {
        super("hire " + hireId + " was cancelled by an operator during its attempt", null, false, false);
    }
}
