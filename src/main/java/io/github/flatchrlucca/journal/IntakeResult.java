package io.github.flatchrlucca.journal;

/**
 * What the journal made of a webhook: a new hire, one it already had, or a rejected one.
 *
 * @param newRejection for a rejected hire, whether its rejection is news: the hire was not rejected before (a new one,
 *                     or one withdrawn and now shown back in hired), or was for another reason. The team is told of
 *                     each such rejection once, not of a resend for the same reason. False for any other outcome.
 * @param backInHiredAfterDecision the webhook showed back in hired a hire whose move out of hired asked a person what
 *                     to do with its Lucca account (made, or may have been): the team is told once, as it was told of
 *                     the move out. False for a resend, the candidate in hired already.
 */
public record IntakeResult(String hireId, Outcome outcome, boolean newRejection, boolean backInHiredAfterDecision) {

    public enum Outcome { ACCEPTED, DUPLICATE, REJECTED }

    /** A hire accepted, or one the journal had: no rejection. */
    public IntakeResult(String hireId, Outcome outcome) {
        this(hireId, outcome, false);
    }

    /** A hire the journal made nothing new of for the team to hear of, but maybe a rejection. */
    public IntakeResult(String hireId, Outcome outcome, boolean newRejection) {
        this(hireId, outcome, newRejection, false);
    }
}
