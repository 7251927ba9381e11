package io.github.flatchrlucca.tenants;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the connector does with a hire whose e-mail belongs to a former employee in Lucca (LUCCA_REHIRE, or a
 * tenant's {@code rehire}): give the same person a new work contract, or only report it, as before this setting.
 */
public enum RehirePolicy {
    /** A new work contract on the same person: one person, one history, and they can log in again. */
    CONTRACT,
    /** Nothing written: the hire is reported as already in Lucca, for a person to decide. */
    REPORT;

    /** What a refusal says is expected. */
    public static final String EXPECTED = "'contract' or 'report'";

    /** @throws IllegalArgumentException for any other value than {@link #EXPECTED} */
    public static RehirePolicy parse(String written) {
        String value = written.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(policy -> policy.name().equals(value)).findFirst()
                .orElseThrow(IllegalArgumentException::new);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
