package io.github.flatchrlucca.fake.flatchr;

import java.time.Instant;
import java.util.Objects;

/**
 * An application a test puts in the fake: {@code ApplicationSeed.of(candidate, vacancyId, "Recruté")} then only
 * what the test cares about. Unless set: a generated encoded id, created now, updated when created, active,
 * score 0, empty source and external id.
 */
public final class ApplicationSeed {

    final Candidate candidate;
    final String vacancyId;
    final String column;
    String id;
    Instant createdAt;
    Instant updatedAt;
    int status = Application.ACTIVE;
    int score;
    String source = "";
    String externalId = "";

    private ApplicationSeed(Candidate candidate, String vacancyId, String column) {
        this.candidate = Objects.requireNonNull(candidate, "candidate");
        this.vacancyId = Objects.requireNonNull(vacancyId, "vacancyId");
        this.column = Objects.requireNonNull(column, "column");
    }

    /**
     * @param vacancyId the encoded id of a vacancy already added
     * @param column    the title of a column already added
     */
    public static ApplicationSeed of(Candidate candidate, String vacancyId, String column) {
        return new ApplicationSeed(candidate, vacancyId, column);
    }

    /** The encoded id of the application, about 16 characters in Flatchr. */
    public ApplicationSeed id(String encodedId) {
        this.id = Objects.requireNonNull(encodedId, "encodedId");
        return this;
    }

    public ApplicationSeed createdAt(Instant at) {
        this.createdAt = Objects.requireNonNull(at, "at");
        return this;
    }

    public ApplicationSeed updatedAt(Instant at) {
        this.updatedAt = Objects.requireNonNull(at, "at");
        return this;
    }

    public ApplicationSeed archived() {
        this.status = Application.ARCHIVED;
        return this;
    }

    public ApplicationSeed score(int value) {
        this.score = value;
        return this;
    }

    public ApplicationSeed source(String text) {
        this.source = Objects.requireNonNull(text, "text");
        return this;
    }

    public ApplicationSeed externalId(String text) {
        this.externalId = Objects.requireNonNull(text, "text");
        return this;
    }
}
