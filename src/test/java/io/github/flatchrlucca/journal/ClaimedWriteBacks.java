package io.github.flatchrlucca.journal;

import java.util.List;
import java.util.Objects;

/** A turn's write-backs claimed at once, for a test to look at together: a turn claims them one at a time. */
public final class ClaimedWriteBacks {

    private ClaimedWriteBacks() {
    }

    /** The due write-backs this instance could claim, the longest waiting first. */
    public static List<HireView> claimDue(WriteBacks writeBacks, String tenant, int max) {
        return writeBacks.dueHireIds(tenant, max).stream().map(writeBacks::claim).filter(Objects::nonNull).toList();
    }
}
