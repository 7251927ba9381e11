package io.github.flatchrlucca.intake;

import java.time.Duration;
import java.util.Set;

/**
 * What one tenant's webhook takes for a hire: which columns make one, which Flatchr companies may send it, how long
 * a hire waits before its first delivery.
 */
public interface IntakeRules {

    String id();

    /**
     * Column titles or the webhook's column ids, lower case, whose drags are hires besides those into any column
     * Flatchr marks as hired (which always are); empty for those only.
     */
    Set<String> triggerColumns();

    boolean acceptsCompany(String companyId);

    /** How long a new hire waits before its first delivery (HIRE_HOLD_SECONDS, or the tenant's own). */
    Duration hireHold();
}
