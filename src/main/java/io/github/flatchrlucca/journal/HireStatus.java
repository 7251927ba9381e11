package io.github.flatchrlucca.journal;

import java.util.Locale;

/** Where a hire stands. RECEIVED and RETRYING are queued; the others are final until a replay. */
public enum HireStatus {
    RECEIVED, RETRYING, DELIVERED, ALREADY_IN_LUCCA, DEAD, REJECTED, DRY_RUN;

    /** The name shown to people and in the API: "already-in-lucca". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
