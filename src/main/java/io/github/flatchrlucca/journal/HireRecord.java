package io.github.flatchrlucca.journal;

import java.time.Instant;
import java.util.List;

/** Everything the journal knows of one hire, as an operator sees it. */
public record HireRecord(String hireId, String tenant, HireStatus status, Instant receivedAt, Instant updatedAt, int attempts,
                         Instant nextAttemptAt, Long luccaUserId, Integer lastLuccaStatus, String lastLuccaBody,
                         String lastError, List<String> warnings, String luccaRequest, String payload, Origin origin) {
}
