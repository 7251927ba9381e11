package io.github.flatchrlucca.intake;

import java.time.Duration;
import java.util.Set;

/**
 * What one tenant's webhook takes for a hire: which columns make one, which Flatchr companies may send it, how long
 * a hire waits before its first delivery.
 */
public interface IntakeRules {

    String id();

    /** Column titles or the webhook's column ids, lower case; empty means any column Flatchr marks as hired. */
    Set<String> triggerColumns();

    boolean acceptsCompany(String companyId);

    /** How long a new hire waits before its first delivery (HIRE_HOLD_SECONDS, or the tenant's own). */
    Duration hireHold();
}
