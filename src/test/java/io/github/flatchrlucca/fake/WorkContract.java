package io.github.flatchrlucca.fake;

/**
 * A v4 work contract. Dates are plain {@code YYYY-MM-DD}, unlike the v3 user's; {@code externalId} is free text,
 * null unless a client set it.
 */
public record WorkContract(int id, int ownerId, int typeId, String startsOn, String endsOn, Integer establishmentId,
                           String externalId) {
}
