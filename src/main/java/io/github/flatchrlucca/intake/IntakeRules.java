package io.github.flatchrlucca.intake;

import java.util.Set;

/** What one tenant's webhook takes for a hire: which columns make one, which Flatchr companies may send it. */
public interface IntakeRules {

    String id();

    /** Column ids or titles, lower case; empty means any column Flatchr marks as hired. */
    Set<String> triggerColumns();

    boolean acceptsCompany(String companyId);
}
