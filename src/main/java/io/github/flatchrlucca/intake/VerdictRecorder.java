package io.github.flatchrlucca.intake;

import io.github.flatchrlucca.journal.IntakeResult;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.MoveOut;
import java.util.List;

/**
 * Hands the webhook's verdict to the journal as the plain values the journal takes (it knows nothing of verdicts):
 * a hire through {@link IntakeSteps#record}, a move out of hired through {@link IntakeSteps#movedOut}. One call instead of one
 * route expression per value, each of which Camel parsed again at every webhook (BENCHMARKS.md).
 */
public final class VerdictRecorder {

    private final Journal journal;

    public VerdictRecorder(Journal journal) {
        this.journal = journal;
    }

    /** A hire (or a hire that cannot be delivered, kept with why) of the tenant whose URL it came to. */
    public IntakeResult record(String payload, IntakeRules tenant, HireVerdict verdict) {
        return journal.recordIntake(payload, tenant.id(), verdict.dedupeKey(), verdict.plainDedupeKey(),
                verdict.matchingApplication(), verdict.recordedRejection(), tenant.hireHold());
    }

    /**
     * An operator's replay of a hire another company sent to the tenant's URL, whose company the tenant names now (the
     * verdict of its event today, a hire): it takes the keys {@link #record} gives such a hire, the tenant's own.
     */
    public boolean replayAsTenantsOwn(String hireId, String tenant, String payload, String luccaNow,
                                      HireVerdict verdict) {
        return journal.replayAsTenantsOwn(hireId, tenant, payload, luccaNow, verdict.dedupeKey(),
                verdict.plainDedupeKey(), verdict.matchingApplication());
    }

    /** A candidate moved out of hired: each hire of the application is withdrawn, or a person decides. */
    public List<MoveOut> movedOut(IntakeRules tenant, HireVerdict verdict) {
        return journal.movedOutOfHired(tenant.id(), verdict.dedupeKey(), verdict.plainDedupeKey(),
                verdict.sameApplication(), verdict.reason());
    }
}
