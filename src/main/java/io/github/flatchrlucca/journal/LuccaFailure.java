package io.github.flatchrlucca.journal;

/** Why an attempt failed, as kept for the operator: Lucca's status and raw answer when there was one. */
public record LuccaFailure(Integer status, String body, String error) {
}
