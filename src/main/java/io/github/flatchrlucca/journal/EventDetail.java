package io.github.flatchrlucca.journal;

/**
 * What an attempt came to, as kept for the operator: the Lucca call, Lucca's status and raw answer when
 * there was one, and what the connector made of it.
 */
public record EventDetail(String call, Integer status, String body, String error) {
}
