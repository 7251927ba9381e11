package io.github.flatchrlucca.mapping;

import java.time.ZoneId;

/** The time zone in which a moment Flatchr gives, or is asked about, is a day. */
public final class FlatchrDays {

    /**
     * Flatchr's dates name a day, not a moment, and Flatchr documents no time zone for them; Flatchr is French, and
     * flatchr-api.md says to read them as Europe/Paris days. Here, not in the reconciliation, as the mapping imports
     * no other package of the connector.
     */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private FlatchrDays() {
    }
}
