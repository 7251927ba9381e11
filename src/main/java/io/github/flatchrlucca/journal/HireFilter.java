package io.github.flatchrlucca.journal;

import java.time.Instant;

/** Which hires an operator asks for: by tenant (null: all), status and reception time, a page at a time, newest first. */
public record HireFilter(String tenant, HireStatus status, Instant from, Instant to, int page, int size) {
}
