package io.github.flatchrlucca.journal;

/**
 * A replay would have made a hire of another company the tenant's own ({@link Journal#replayAsTenantsOwn}), and
 * another hire of the tenant holds its key already: that one is the application's hire. Nothing was changed.
 */
public final class HeldByAnotherHire extends RuntimeException {

    private final String hireId;

    HeldByAnotherHire(String hireId) {
        super("the application's key is held by hire " + hireId, null, false, false);
        this.hireId = hireId;
    }

    /** The hire that holds the key. */
    public String hireId() {
        return hireId;
    }
}
