package io.github.flatchrlucca.reconciliation;

/**
 * Why a search of Flatchr's API failed, for the operator who asked for it: what the admin API answers.
 *
 * @param outcome     as the tenant's last search records it: columns-unknown, key-rejected, refused, unavailable
 * @param why         the failure, naming no person
 * @param ofFlatchr   whether Flatchr failed (or refused), rather than the connector itself (its journal, say)
 */
public record SearchFailure(String outcome, String why, boolean ofFlatchr) {

    @Override
    public String toString() {
        return outcome + " (" + why + ")";
    }
}
