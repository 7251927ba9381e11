package io.github.flatchrlucca.mapping;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How a customer wants Flatchr hires turned into Lucca employees.
 *
 * @param zone               where employees start: the day a hire without a start date is received there is its
 *                           start day (Flatchr's own dates are Paris days, see {@link StartDateReader})
 * @param workEmailPattern   null to use the candidate's own e-mail as the work address
 * @param phoneRegion        region assumed for phone numbers without a country code, e.g. "FR"
 * @param departmentPointer  JSON pointer to the department name(s) in Flatchr's event, since Flatchr
 *                           has no department field of its own, e.g. "/data/vacancy/tags" (folder tags);
 *                           empty: no department is read from the event
 */
public record MappingSettings(
        ZoneId zone,
        LoginRule loginRule,
        WorkEmailPattern workEmailPattern,
        String phoneRegion,
        String departmentPointer) {

    public MappingSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(loginRule, "loginRule");
        Objects.requireNonNull(phoneRegion, "phoneRegion");
        Objects.requireNonNull(departmentPointer, "departmentPointer");
    }
}
