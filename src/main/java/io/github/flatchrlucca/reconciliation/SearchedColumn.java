package io.github.flatchrlucca.reconciliation;

/**
 * The column a search of hires was for, which becomes the column of the event its applications are recorded with:
 * the classifier then finds the trigger it matched (by its title, as the tenant named it), whatever an older
 * answer's items leave out (flatchr-api.md: older docs list fewer fields).
 *
 * @param id     the API's id of the trigger column; null for the search of every column Flatchr marks as hired
 * @param title  its title; null for that search, whose items say their own column
 * @param hired  whether Flatchr marks the column as hired: always, for that search ({@code hired: true})
 */
record SearchedColumn(String id, String title, boolean hired) {

    /** The search without trigger columns: every candidate in a column Flatchr marks as hired. */
    static final SearchedColumn ANY_HIRED = new SearchedColumn(null, null, true);
}
