package io.github.flatchrlucca.journal;

/**
 * Another instance took the hire's delivery (or the write-back of its outcome) over after this one's lease ran out,
 * or another run a tenant's search of Flatchr (another instance's, or an operator's on this one): this attempt must not
 * go on, and records nothing (the one that took over does).
 */
public final class ClaimLost extends RuntimeException {

    private ClaimLost(String message) {
        super(message, null, false, false);
    }

    private static ClaimLost takenOver(String what, String by) {
        return new ClaimLost(what + " was taken over by " + by);
    }

    static ClaimLost delivery(String hireId) {
        return takenOver("hire " + hireId, "another instance");
    }

    static ClaimLost writeBack(String hireId) {
        return takenOver("the write-back of hire " + hireId, "another instance");
    }

    static ClaimLost reconciliation(String tenant) {
        return takenOver("the search of tenant " + tenant + "'s Flatchr", "another run");
    }
}
