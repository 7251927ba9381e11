package io.github.flatchrlucca.journal;

import java.util.Locale;

/**
 * Where a hire stands. RECEIVED and RETRYING are queued; the others are final until a replay. CANCELLED is an
 * operator's stop, WITHDRAWN Flatchr's: the candidate was moved out of hired before reaching Lucca.
 */
public enum HireStatus {
    RECEIVED, RETRYING, DELIVERED, ALREADY_IN_LUCCA, DEAD, REJECTED, DRY_RUN, CANCELLED, WITHDRAWN;

    public boolean isQueued() {
        return this == RECEIVED || this == RETRYING;
    }

    /** From its label, as the API takes it: "already-in-lucca". */
    public static HireStatus ofLabel(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The name shown to people and in the API: "already-in-lucca". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
