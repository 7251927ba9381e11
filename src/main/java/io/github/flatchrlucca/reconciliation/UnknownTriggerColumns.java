package io.github.flatchrlucca.reconciliation;

import java.util.List;

/**
 * Trigger columns that Flatchr's list of columns does not show: a webhook's numeric column id (the API lists its
 * own ids, which cannot be turned into those), a column renamed or removed. The run stops before any search: it
 * would not search those columns, and would take their candidates for moved out of hired.
 */
final class UnknownTriggerColumns extends RuntimeException {

    UnknownTriggerColumns(List<String> columns) {
        super("trigger column(s) " + columns + " are not among Flatchr's columns; name each column by its title, as "
                + "Flatchr's API does not show the webhook's column ids", null, false, false);
    }
}
