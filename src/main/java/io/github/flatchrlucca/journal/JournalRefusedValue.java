package io.github.flatchrlucca.journal;

/**
 * The journal is up but refuses a value: too long for its column, or not of its type (SQLState class 22, "data
 * exception"). Unlike {@link JournalUnavailable} this is no outage: the same value would be refused again, so the
 * hire that carries it must end (400 at intake, dead in delivery) rather than wait for a database that works.
 * The message names what was being written, never the value, which may be a candidate's name or a key.
 */
public final class JournalRefusedValue extends RuntimeException {

    private final String operation;
    private final String sqlState;

    JournalRefusedValue(String operation, String sqlState) {
        super("The journal refused a value while it tried to " + operation + " (too long or malformed, SQLState "
                + sqlState + ")", null, false, false);
        this.operation = operation;
        this.sqlState = sqlState;
    }

    /** The database's state of the refusal (class 22), which names no value. */
    public String sqlState() {
        return sqlState;
    }

    /** What was being written, e.g. "reserve the login": it names the field at fault. */
    public String operation() {
        return operation;
    }
}
