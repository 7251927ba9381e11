package io.github.flatchrlucca.tenants;

import io.github.flatchrlucca.intake.WebhookToken;
import io.github.flatchrlucca.mapping.ContractTypeTable;
import io.github.flatchrlucca.mapping.DepartmentTable;
import io.github.flatchrlucca.mapping.LoginRule;
import io.github.flatchrlucca.mapping.WorkEmailPattern;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One customer: the Flatchr companies it sends hires from, the token its webhook URL carries, and the Lucca
 * instance, key, budget and mapping its hires go to. Read from TENANTS_FILE, or from the environment for the
 * single-tenant connector ({@link #DEFAULT_ID}).
 *
 * @param flatchrCompanyIds Flatchr {@code company_id}s this tenant accepts; empty accepts any (the default tenant
 *                          without FLATCHR_COMPANY_ID), once in force any that no other tenant lists
 *                          ({@link Tenant#acceptsCompany})
 * @param luccaBaseUrl      empty: dry-run, nothing is sent to Lucca
 * @param luccaZone         the zone of the Lucca instance's clock: its v3 date-times carry no offset
 * @param workEmailPattern  null: the candidate's own e-mail is sent as mail
 * @param legalEntityId     null (like departmentId and roleId): left out, Lucca's own default applies
 * @param rehire            what a hire of a former employee gets: a new work contract, or only a report
 * @param hireHold          how long a new hire waits before its first delivery, so that a drag into hired made by
 *                          mistake and undone within it never reaches Lucca
 * @param phoneRegion       where a candidate's phone number written without a country code is read ("FR", "CH")
 * @param adminToken        opens the admin API and status page on this tenant's hires only (its HR team's view)
 * @param flatchrApi        the tenant's access to Flatchr's API; empty: no reconciliation, no write-back, the
 *                          tenant works from webhooks alone
 */
public record TenantSettings(
        String id,
        Set<String> flatchrCompanyIds,
        WebhookToken webhookToken,
        Set<String> triggerColumns,
        Optional<URI> luccaBaseUrl,
        String luccaApiKey,
        ZoneId luccaZone,
        int rateLimitRequests,
        Duration rateLimitWindow,
        Integer legalEntityId,
        Integer departmentId,
        Integer roleId,
        DepartmentTable departments,
        ContractTypeTable contractTypes,
        RehirePolicy rehire,
        Duration hireHold,
        LoginRule loginRule,
        WorkEmailPattern workEmailPattern,
        ZoneId zone,
        String phoneRegion,
        Optional<String> adminToken,
        Optional<FlatchrApi> flatchrApi) {

    /** The tenant the environment settings describe, served at /webhooks/flatchr as before tenants existed. */
    public static final String DEFAULT_ID = "default";
    /**
     * The zone of a Lucca instance's clock when its tenant does not say (LUCCA_TIMEZONE): Lucca's French instances,
     * .ilucca.net as .ch, keep the time of Paris, the zone of the date-times their reference documents.
     */
    public static final ZoneId LUCCA_ZONE = ZoneId.of("Europe/Paris");
    /** Tenant ids appear in URLs, route ids, metric labels and logs: short, lower-case, nothing to escape. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /**
     * A day: a hold is for a drag made by mistake. Its retries (RETRY_MAX_AGE_HOURS) count from its end, however long
     * it is.
     */
    public static final int MAX_HIRE_HOLD_SECONDS = 86_400;
    private static final Pattern COMPANY_ID = Pattern.compile("[1-9][0-9]{0,17}");

    /**
     * Why {@code written} is not a Flatchr {@code company_id}, as the end of a sentence naming the setting; empty when
     * it is. The webhook's company_id is a plain integer (flatchr-webhooks.md): -1, 4242.0 or 04242 never matches it,
     * and every hire of the company would be refused as another company's.
     */
    public static Optional<String> companyIdProblem(String written) {
        return COMPANY_ID.matcher(written).matches() ? Optional.empty()
                : Optional.of("is not a Flatchr company id: a whole number such as 4242");
    }

    /**
     * Why {@code columns} is not what a setting of trigger columns lists, as the end of a sentence naming the setting;
     * empty when it is. LUCCA_DEPARTMENTS' separator is an easy slip: columns joined by ';' are taken as one title,
     * which names no column, and every hire dragged on past the hired column is then withdrawn as moved out of hired.
     *
     * @param listed how the setting lists its columns, said to whoever wrote ';'
     */
    public static Optional<String> triggerColumnsProblem(String columns, String listed) {
        return columns.contains(";") ? Optional.of("contains ';', which no column title has: " + listed)
                : Optional.empty();
    }

    public boolean dryRun() {
        return luccaBaseUrl.isEmpty();
    }

    public boolean acceptsCompany(String companyId) {
        return flatchrCompanyIds.isEmpty() || flatchrCompanyIds.contains(companyId);
    }

    /** Settings may end up in a log or a debugger: never with their secrets. */
    @Override
    public String toString() {
        return "TenantSettings[id=" + id + ", companies=" + flatchrCompanyIds + ", lucca="
                + luccaBaseUrl.map(Object::toString).orElse("dry-run") + ", apiKey="
                + (luccaApiKey.isEmpty() ? "unset" : "***") + ", webhookToken=***, adminToken="
                + adminToken.map(token -> "***").orElse("unset") + ", flatchrApi="
                + flatchrApi.map(FlatchrApi::toString).orElse("unset") + "]";
    }
}
