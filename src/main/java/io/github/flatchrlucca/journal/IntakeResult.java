package io.github.flatchrlucca.journal;

/** What the journal made of a webhook: a new hire, one it already had, or a rejected one. */
public record IntakeResult(String hireId, Outcome outcome) {

    public enum Outcome { ACCEPTED, DUPLICATE, REJECTED }
}
