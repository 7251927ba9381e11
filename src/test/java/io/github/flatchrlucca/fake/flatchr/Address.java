package io.github.flatchrlucca.fake.flatchr;

/** Where a vacancy is; Flatchr's address has more fields, the fake only those the webhook reference names. */
public record Address(String locality, String postalCode) {
}
