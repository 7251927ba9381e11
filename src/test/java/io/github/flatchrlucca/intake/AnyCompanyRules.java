package io.github.flatchrlucca.intake;

import java.time.Duration;
import java.util.Set;

/** A tenant's intake rules in tests: any column Flatchr marks as hired, any company, the given hold. */
public record AnyCompanyRules(String id, Duration hireHold) implements IntakeRules {

    @Override
    public Set<String> triggerColumns() {
        return Set.of();
    }

    @Override
    public boolean acceptsCompany(String companyId) {
        return true;
    }
}
