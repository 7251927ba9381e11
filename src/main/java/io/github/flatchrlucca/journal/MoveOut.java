package io.github.flatchrlucca.journal;

import java.util.Locale;

/**
 * What a candidate moved out of hired in Flatchr meant for the hire the journal holds of them.
 *
 * @param hireId the hire of that application; null when there is none
 */
public record MoveOut(String hireId, Outcome outcome) {

    public enum Outcome {
        /** The journal holds no hire of this application: a candidate who was never hired moved on. */
        NONE,
        /** It had not reached Lucca: nothing more is sent. */
        WITHDRAWN,
        /**
         * Its person is in Lucca, or may be (a create sent whose answer was lost: the hire is withdrawn): left as it
         * is there, for a person to decide.
         */
        NEEDS_DECISION,
        /** It was already stopped (cancelled or withdrawn): only its history says so. */
        ALREADY_STOPPED
    }

    static MoveOut none() {
        return new MoveOut(null, Outcome.NONE);
    }

    public boolean isNone() {
        return outcome == Outcome.NONE;
    }

    public boolean needsDecision() {
        return outcome == Outcome.NEEDS_DECISION;
    }

    /** As the webhook's answer and its metric say it: "needs-decision". */
    public String label() {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
