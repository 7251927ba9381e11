package io.github.flatchrlucca.journal;

/**
 * Another instance took the hire's delivery (or the write-back of its outcome) over after this one's lease ran out,
 * or another run a tenant's search of Flatchr (another instance's, or an operator's on this one), or may take it over
 * before the call about to be sent could end: this attempt must not go on.
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

    /** The renewal's commit took so long that the claim could end during the call: another instance may take over. */
    static ClaimLost beforeSending(String what) {
        return new ClaimLost(what + ": its claim could end before the answer of the call about to be sent (the "
                + "journal's commit was slow), so the call is not sent; it is due again once the claim ends");
    }
}
