package io.github.flatchrlucca.fake.flatchr;

import java.time.Instant;

/**
 * One application (a candidate on a vacancy) as the fake holds it now; immutable, a later change makes a new one.
 *
 * @param id          encoded id: the search items' {@code applicant}, the one the API's paths take
 * @param candidateId plain id of the candidate, the webhook's {@code data.candidate.id}
 * @param vacancyId   encoded id of the vacancy
 * @param column      title of the column the candidate is in
 * @param hired       that column is flagged hired
 * @param status      {@link #ACTIVE} or {@link #ARCHIVED}
 */
public record Application(String id, int candidateId, Candidate candidate, String vacancyId, String column,
                          boolean hired, int status, int score, Instant createdAt, Instant updatedAt, String source,
                          String externalId) {

    public static final int ACTIVE = 1;
    public static final int ARCHIVED = 0;

    Application inColumn(Column to, Instant at) {
        return new Application(id, candidateId, candidate, vacancyId, to.title(), to.hired(), status, score, createdAt,
                at, source, externalId);
    }

    Application archived(Instant at) {
        return new Application(id, candidateId, candidate, vacancyId, column, hired, ARCHIVED, score, createdAt, at,
                source, externalId);
    }

    Application withCandidate(Candidate edited, Instant at) {
        return new Application(id, candidateId, edited, vacancyId, column, hired, status, score, createdAt, at, source,
                externalId);
    }

    Application updatedAt(Instant at) {
        return new Application(id, candidateId, candidate, vacancyId, column, hired, status, score, createdAt, at,
                source, externalId);
    }
}
