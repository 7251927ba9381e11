package io.github.flatchrlucca.reconciliation;

/**
 * The column a search of hires was for, which becomes the column of the event its applications are recorded with:
 * the classifier then finds the trigger it matched (by its title, as the tenant named it), whatever an older
 * answer's items leave out (flatchr-api.md: older docs list fewer fields).
 *
 * @param id              the API's id of the trigger column; null for the search of every column Flatchr marks as
 *                        hired without trigger columns
 * @param title           its title; null for that search, whose items say their own column
 * @param hired           whether Flatchr marks the column as hired: always, for that search ({@code hired: true})
 * @param pastTheTriggers with trigger columns, the search of every column Flatchr marks as hired: what it finds is
 *                        recorded as a drag into the trigger column this names (see {@link #anyHiredPast})
 */
record SearchedColumn(String id, String title, boolean hired, boolean pastTheTriggers) {

    /** The search without trigger columns: every candidate in a column Flatchr marks as hired. */
    static final SearchedColumn ANY_HIRED = new SearchedColumn(null, null, true);

    /** A trigger column's search, or {@link #ANY_HIRED}. */
    SearchedColumn(String id, String title, boolean hired) {
        this(id, title, hired, false);
    }

    /**
     * With trigger columns, the search of every column Flatchr marks as hired: a candidate dragged into a trigger
     * column while the connector was down (its webhook lost), then on into a hired column that is not a trigger (that
     * webhook lost too), is in no trigger column any more, and only this search finds them. What it finds that the journal does not know is recorded as the drag into {@code trigger} whose webhook
     * never came, and its history says where it was found.
     */
    static SearchedColumn anyHiredPast(SearchedColumn trigger) {
        return new SearchedColumn(trigger.id(), trigger.title(), trigger.hired(), true);
    }
}
