package io.github.flatchrlucca.journal;

import java.util.Locale;

/**
 * What a candidate moved out of hired in Flatchr meant for a hire the journal holds of them.
 *
 * @param decisionNeeded the mark the hire now waits for a person with (one of {@link Journal#DECISION_MARKS}), which
 *                       the team's chat is told; null unless {@link Outcome#NEEDS_DECISION}
 */
public record MoveOut(String hireId, Outcome outcome, String decisionNeeded) {

    /** An outcome that asks no person for anything. */
    public MoveOut(String hireId, Outcome outcome) {
        this(hireId, outcome, null);
    }

    /** The most pressing first: of several hires of one application, the webhook answers for the first's. */
    public enum Outcome {
        /**
         * Its person is in Lucca, or may be (a create sent whose answer was lost: the hire is withdrawn), or HR was
         * asked to give them their contract by hand: left as it is there, for a person to decide.
         */
        NEEDS_DECISION,
        /** It had not reached Lucca: nothing more is sent. */
        WITHDRAWN,
        /** It was already stopped (cancelled or withdrawn): only its history says so. */
        ALREADY_STOPPED,
        /**
         * Its candidate was out of hired already (the same move sent again, or a drag between two columns that do not
         * trigger): only its history says so, and no decision is asked again.
         */
        ALREADY_MOVED_OUT
    }

    public boolean needsDecision() {
        return outcome == Outcome.NEEDS_DECISION;
    }

    /** As the webhook's answer and its metric say it: "needs-decision". */
    public String label() {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
