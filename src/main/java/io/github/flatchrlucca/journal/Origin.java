package io.github.flatchrlucca.journal;

/** How the connector learnt of a hire. */
public enum Origin {

    /** Flatchr's webhook sent it: the usual way. */
    WEBHOOK("webhook", null),
    /** A search of Flatchr's API found it, its webhook never having come (reconciliation). */
    FLATCHR_API("flatchr-api", "found by a search of Flatchr's API: no webhook had brought it");

    private final String label;
    private final String received;

    Origin(String label, String received) {
        this.label = label;
        this.received = received;
    }

    /** As the journal keeps it and the admin API shows it: "flatchr-api". */
    public String label() {
        return label;
    }

    /** What the hire's history says of its arrival; null when there is nothing to say. */
    String received() {
        return received;
    }

    public static Origin ofLabel(String label) {
        for (Origin origin : values()) {
            if (origin.label.equals(label)) {
                return origin;
            }
        }
        throw new IllegalArgumentException("no origin is labelled " + label);
    }
}
