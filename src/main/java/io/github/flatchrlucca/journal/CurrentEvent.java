package io.github.flatchrlucca.journal;

/**
 * What a search of Flatchr's API makes of a withdrawn hire's event as it queues the hire again: Flatchr's data of now
 * in place of what was recorded, as the webhook of the move back into hired would have carried it.
 *
 * @param payload         the event to deliver, or null to deliver the one recorded
 * @param sameApplication the event's e-mail-and-vacancy key ({@link io.github.flatchrlucca.intake.SameApplication}),
 *                        or null to keep the one recorded
 * @param note            what the hire's history says of it (what changed, or why nothing did), or null
 */
public record CurrentEvent(String payload, String sameApplication, String note) {

    /** The recorded event, as it is. */
    public static final CurrentEvent RECORDED = new CurrentEvent(null, null, null);

    /** The recorded event, as it is, and why: the history says so. */
    public static CurrentEvent recorded(String note) {
        return new CurrentEvent(null, null, note);
    }
}
