package io.github.flatchrlucca.reconciliation;

import java.util.ArrayList;
import java.util.List;

/**
 * Trigger columns a search and the webhook cannot both know. One that Flatchr's list of columns does not show: a
 * webhook's numeric column id (the API lists its own ids, which cannot be turned into those), a column renamed or
 * removed; the search would not look in it, and would take its candidates for moved out of hired. One named only by
 * the id the API lists: the webhook carries another id for the column (flatchr-webhooks.md: {@code data.column.id},
 * a plain number), so its drags into that column would never be hires, and would be taken for moves out of hired.
 * The run stops before any search, and says which columns to name by their titles.
 */
final class UnusableTriggerColumns extends RuntimeException {

    /**
     * @param unknown trigger columns Flatchr does not list
     * @param apiIds  trigger columns named by the API's id, each with the title to name it by instead
     */
    UnusableTriggerColumns(List<String> unknown, List<String> apiIds) {
        super(message(unknown, apiIds), null, false, false);
    }

    private static String message(List<String> unknown, List<String> apiIds) {
        List<String> parts = new ArrayList<>();
        if (!unknown.isEmpty()) {
            parts.add("trigger column(s) " + unknown + " are not among Flatchr's columns");
        }
        if (!apiIds.isEmpty()) {
            parts.add("trigger column(s) " + apiIds + " are named by the id Flatchr's API gives, which its webhook "
                    + "does not carry: drags into them would never be hires");
        }
        return String.join("; ", parts) + "; name each column by its title, the one name both the webhook and "
                + "Flatchr's API show";
    }
}
