package io.github.flatchrlucca.journal;

import java.time.Instant;

/** Which hires an operator asks for: by status and reception time, a page at a time, newest first. */
public record HireFilter(HireStatus status, Instant from, Instant to, int page, int size) {
}
