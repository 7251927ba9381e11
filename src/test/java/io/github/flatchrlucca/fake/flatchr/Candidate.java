package io.github.flatchrlucca.fake.flatchr;

/** The person behind an application, as typed in Flatchr: any field may be empty or null (a phone in any format). */
public record Candidate(String firstname, String lastname, String email, String phone) {
}
