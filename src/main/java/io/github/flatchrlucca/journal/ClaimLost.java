package io.github.flatchrlucca.journal;

/**
 * Another instance took the hire's delivery (or the write-back of its outcome) over after this one's lease ran out,
 * or another run a tenant's search of Flatchr (another instance's, or an operator's on this one): this attempt must
 * not go on.
 */
public final class ClaimLost extends RuntimeException {

    private ClaimLost(String what) {
        this(what, "another instance");
    }

    private ClaimLost(String what, String by) {
        super(what + " was taken over by " + by, null, false, false);
    }

    static ClaimLost delivery(String hireId) {
        return new ClaimLost("hire " + hireId);
    }

    static ClaimLost writeBack(String hireId) {
        return new ClaimLost("the write-back of hire " + hireId);
    }

    static ClaimLost reconciliation(String tenant) {
        return new ClaimLost("the search of tenant " + tenant + "'s Flatchr", "another run");
    }
}
