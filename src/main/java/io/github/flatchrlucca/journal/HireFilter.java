package io.github.flatchrlucca.journal;

import java.time.Instant;

/**
 * Which hires an operator asks for: by tenant (null: all), status, reception time and whether they wait for a
 * person's decision, a page at a time, newest first.
 *
 * @param needsDecision true: only the hires with a "needs a decision" mark; false: only those without; null: either
 */
public record HireFilter(String tenant, HireStatus status, Boolean needsDecision, Instant from, Instant to, int page,
                         int size) {
}
