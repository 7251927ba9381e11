package io.github.flatchrlucca.journal;

/** The journal could not commit: nothing may be acknowledged as accepted. */
public final class JournalUnavailable extends RuntimeException {

    JournalUnavailable(String operation, Throwable cause) {
        super("The journal could not " + operation, cause);
    }
}
