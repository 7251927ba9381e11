package io.github.flatchrlucca.intake;

import io.github.flatchrlucca.journal.IntakeResult;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.MoveOut;

/**
 * Hands the webhook's verdict to the journal as the plain values the journal takes (it knows nothing of verdicts).
 * One call from the route instead of one OGNL expression per value: Camel parses each "${variable.x.y()}" again at
 * every webhook, and the six the route named took a quarter of the intake's CPU time (BENCHMARKS.md).
 */
public final class VerdictRecorder {

    private final Journal journal;

    public VerdictRecorder(Journal journal) {
        this.journal = journal;
    }

    /** A hire (or a hire that cannot be delivered, kept with why) of the tenant whose URL it came to. */
    public IntakeResult record(String payload, IntakeRules tenant, HireVerdict verdict) {
        return journal.recordIntake(payload, tenant.id(), verdict.dedupeKey(), verdict.matchingApplication(),
                verdict.recordedRejection(), tenant.hireHold());
    }

    /** A candidate moved out of hired: the hire is withdrawn, or a person decides. */
    public MoveOut movedOut(IntakeRules tenant, HireVerdict verdict) {
        return journal.movedOutOfHired(tenant.id(), verdict.dedupeKey(), verdict.sameApplication(), verdict.reason());
    }
}
