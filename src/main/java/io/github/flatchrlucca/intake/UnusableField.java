package io.github.flatchrlucca.intake;

/**
 * A field of a hire the connector cannot use, and why in a few words written by us: never its value, which
 * is a candidate's personal data.
 */
public record UnusableField(String field, String why) {

    static UnusableField missing(String field) {
        return new UnusableField(field, "missing");
    }

    static UnusableField longerThan(String field, int limit) {
        return new UnusableField(field, "longer than " + limit + " characters");
    }

    static UnusableField notAnEmailAddress(String field) {
        return new UnusableField(field, "not an e-mail address");
    }

    /** "data.candidate.lastname is longer than 100 characters". */
    public String described() {
        return field + " is " + why;
    }
}
