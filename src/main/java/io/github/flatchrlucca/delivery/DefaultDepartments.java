package io.github.flatchrlucca.delivery;

import io.github.flatchrlucca.lucca.DepartmentDirectory;
import io.github.flatchrlucca.lucca.LuccaConnection;
import io.github.flatchrlucca.mapping.HireWarning;
import io.github.flatchrlucca.routes.Variables;
import io.github.flatchrlucca.signals.DeliveryAlerts;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.TenantSettings;
import io.github.flatchrlucca.tenants.Tenants;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each tenant's default department (LUCCA_DEPARTMENT_ID, or a tenants file's {@code defaults.departmentId}) checked
 * against the departments Lucca lists, for the hires that fall back to it. Lucca refuses a user of a department it
 * does not have (400): such a hire is stopped just before its user's create, dead, to be replayed once the setting is
 * fixed, rather than spend the customer's budget on a create (and a second one, after the refusal's new read) that
 * Lucca refuses. Only then: a former employee's new contract (a rehire) names no department, nor does a hire whose
 * person is already in Lucca or whose user an earlier attempt made, and those go on. The check needs Lucca's list as the department directory holds it ({@link DepartmentDirectory#lists}):
 * while it is not known (never read with the tenant's key, or its read fails) the hire goes on as before.
 * <p>
 * What is found is said once per tenant and default department (a warning in the log and an alert; its fix the same
 * way), not at each hire; health and the tenants view show it for as long as it holds. Each instance finds it, and
 * tells it, for itself.
 */
public final class DefaultDepartments {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultDepartments.class);

    private final DepartmentDirectory directory;
    private final Tenants tenants;
    private final DeliveryAlerts alerts;
    private final Map<String, Finding> byTenant = new ConcurrentHashMap<>();

    /** What was found of a tenant's default department in its Lucca. */
    private record Finding(String lucca, int departmentId, boolean listed) {
    }

    public DefaultDepartments(DepartmentDirectory directory, Tenants tenants, DeliveryAlerts alerts) {
        this.directory = directory;
        this.tenants = tenants;
        this.alerts = alerts;
    }

    /**
     * The delivery's step just before a user is created (nobody in Lucca is the candidate): a hire that falls back to
     * a default department Lucca does not list goes no further.
     *
     * @throws DefaultDepartmentUnlisted when it does, and Lucca's list is known
     */
    public void check(@Variable(Variables.DELIVERY) Delivery delivery, @Variable(Variables.LUCCA) LuccaConnection lucca) {
        check(delivery.tenant(), lucca, delivery.draft().departmentId());
    }

    /** The preview's: what would stop the delivery is a warning of the preview, which shows the requests still. */
    public void checkInPreview(Delivery delivery, LuccaConnection lucca) {
        try {
            check(delivery, lucca);
        } catch (DefaultDepartmentUnlisted stopped) {
            delivery.warn(HireWarning.ofHire("the delivery would stop this hire, dead: " + stopped.getMessage()));
        }
    }

    /** @param hireDepartment the department the hire was given: a name's, the table's, or the default */
    void check(Tenant tenant, LuccaConnection lucca, Integer hireDepartment) {
        Integer fallback = tenant.settings().departmentId();
        if (fallback == null || !fallback.equals(hireDepartment)) {
            return;
        }
        Optional<Boolean> listed = directory.lists(lucca, fallback);
        if (listed.isEmpty()) {
            return;
        }
        noted(tenant.id(), new Finding(lucca.instance(), fallback, listed.get()));
        if (!listed.get()) {
            throw new DefaultDepartmentUnlisted(problem(tenant.id(), fallback));
        }
    }

    private void noted(String tenantId, Finding now) {
        Finding before = byTenant.put(tenantId, now);
        if (!now.listed() && !now.equals(before)) {
            LOG.warn("Tenant {}: {}: its hires that match no department by name are stopped before they reach Lucca, "
                    + "until it is fixed", tenantId, problem(tenantId, now.departmentId()));
            alerts.defaultDepartmentUnlisted(tenantId, problem(tenantId, now.departmentId()));
        } else if (now.listed() && before != null && !before.listed()) {
            LOG.info("Tenant {}: {} {} is among Lucca's departments: its hires go to Lucca again", tenantId,
                    setting(tenantId), now.departmentId());
            alerts.defaultDepartmentListed(tenantId, setting(tenantId) + " " + now.departmentId());
        }
    }

    /**
     * What the tenant's default department is to health and the tenants view: "ok", or what is wrong with it; empty
     * while nothing was found of the one in force (none set, a dry run, Lucca's list not known yet, or a reload that
     * changed the setting or the Lucca since).
     */
    public Optional<String> health(String tenantId) {
        Finding finding = byTenant.get(tenantId);
        Optional<Tenant> tenant = tenants.find(tenantId);
        if (finding == null || tenant.isEmpty() || tenant.get().dryRun()
                || !Objects.equals(tenant.get().settings().departmentId(), finding.departmentId())
                || !tenant.get().lucca().instance().equals(finding.lucca())) {
            return Optional.empty();
        }
        return Optional.of(finding.listed() ? "ok" : problem(tenantId, finding.departmentId()));
    }

    /** The setting as its tenant's operator writes it: the environment's, or the tenants file's key. */
    static String setting(String tenantId) {
        return TenantSettings.DEFAULT_ID.equals(tenantId) ? "LUCCA_DEPARTMENT_ID"
                : "defaults.departmentId (tenants file)";
    }

    private static String problem(String tenantId, int departmentId) {
        return setting(tenantId) + " " + departmentId + " is not among Lucca's departments";
    }
}
