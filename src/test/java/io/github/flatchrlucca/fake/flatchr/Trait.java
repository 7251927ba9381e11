package io.github.flatchrlucca.fake.flatchr;

/**
 * One value of a candidate tag on one application.
 *
 * @param id    encoded id of this value
 * @param tagId encoded id of the tag (Flatchr's own examples answer the encoded id here, not the plain one)
 */
public record Trait(String id, String tagId, String value) {
}
