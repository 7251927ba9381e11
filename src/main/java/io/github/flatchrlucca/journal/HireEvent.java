package io.github.flatchrlucca.journal;

import java.time.Instant;

/** One line of a hire's history: when, the status it left the hire in, the Lucca call and what came of it. */
public record HireEvent(Instant at, HireStatus status, String luccaCall, Integer luccaStatus, String detail) {
}
