package io.github.flatchrlucca.journal;

import java.time.Instant;

/** One line of a hire's history: when, the status it left the hire in, the Lucca call and what came of it. */
public record HireEvent(Instant at, HireStatus status, String luccaCall, Integer luccaStatus, String detail) {

    /**
     * Without its detail, which may quote Lucca's answer: a record can end up in a log line, a trace or a test's
     * report.
     */
    @Override
    public String toString() {
        return "HireEvent[at=" + at + ", status=" + status + ", luccaCall=" + luccaCall + ", luccaStatus=" + luccaStatus
                + "]";
    }
}
