package io.github.flatchrlucca.journal;

/**
 * The journal's own failures, made where their constructors are visible, for route tests that put them where a
 * real outage, a refused value or a stalled commit would arise: stopping the shared test database would fail every
 * other test.
 */
public final class JournalFaults {

    private JournalFaults() {
    }

    public static RuntimeException unavailable(String operation) {
        return new JournalUnavailable(operation, new java.sql.SQLTransientConnectionException("test: database gone"));
    }

    public static RuntimeException refusedValue(String operation) {
        return new JournalRefusedValue(operation, "22001");
    }

    /** What a renewal whose commit left the claim too little time for the call throws ({@link CallHeldBack}). */
    public static RuntimeException callHeldBack(String what) {
        return new CallHeldBack(what);
    }
}
