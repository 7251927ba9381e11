package io.github.flatchrlucca.journal;

import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.intake.AnyCompanyRules;
import io.github.flatchrlucca.intake.VerdictRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Records a verdict (a hire, a move out of hired) in the journal with the plain values the webhook route and the
 * reconciliation pass, so that the journal's tests speak in the intake's verdicts while the journal itself knows
 * nothing of them.
 */
public final class Intakes {

    private Intakes() {
    }

    /** As the webhook route does. */
    public static IntakeResult recordIntake(Journal journal, String payload, HireVerdict verdict, String tenant,
                                            Duration hold) {
        return new VerdictRecorder(journal).record(payload, new AnyCompanyRules(tenant, hold), verdict);
    }

    /** As the reconciliation (or the webhook, by its origin) does. */
    public static IntakeResult record(Journal journal, String payload, HireVerdict verdict, String tenant,
                                      Origin origin, List<String> notes, Duration hold) {
        return journal.record(payload, tenant, origin, verdict.dedupeKey(), verdict.matchingApplication(),
                verdict.applicantId(), verdict.recordedRejection(), notes, hold, null);
    }

    /** As the webhook route does for a candidate moved out of hired. */
    public static List<MoveOut> movedOutOfHired(Journal journal, String tenant, HireVerdict verdict, String how) {
        return journal.movedOutOfHired(tenant, verdict.dedupeKey(), verdict.plainDedupeKey(), verdict.sameApplication(),
                how);
    }

    /** As the reconciliation does for a move its search shows, in an answer asked for at {@code askedAt}. */
    public static List<MoveOut> movedOutSeenInFlatchr(Journal journal, String tenant, HireVerdict verdict, String how,
                                                      Instant changedAt, Instant askedAt) {
        return journal.movedOutSeenInFlatchr(tenant, verdict.dedupeKey(), verdict.sameApplication(),
                verdict.applicantId(), how, changedAt, askedAt);
    }
}
