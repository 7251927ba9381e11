package io.github.flatchrlucca.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.intake.WebhookToken;
import io.github.flatchrlucca.mapping.ContractTypeTable;
import io.github.flatchrlucca.mapping.DepartmentTable;
import io.github.flatchrlucca.mapping.LoginRule;
import io.github.flatchrlucca.tenants.RehirePolicy;
import io.github.flatchrlucca.tenants.TenantSettings;
import io.github.flatchrlucca.tenants.Tenants;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class AdminTokenCheckTest {

    private static final CamelContext CAMEL = new DefaultCamelContext();
    private static final String ADMIN = "admin-token-of-the-partner";
    private static final String ACME_HR = "admin-token-of-acme-hr-team";

    private final Tenants tenants = new Tenants("/data/vacancy/department", Duration.ZERO, (tenant, state) -> { });

    @Test
    void theAdminTokenOpensEveryTenant() {
        tenants.replace(List.of(tenant("acme", ACME_HR), tenant("globex", null)));

        assertThat(new AdminTokenCheck(Optional.of(ADMIN), tenants).scopeOf(bearer(ADMIN))).isNull();
    }

    @Test
    void aTenantsAdminTokenOpensThatTenantOnly() {
        tenants.replace(List.of(tenant("acme", ACME_HR), tenant("globex", null)));

        assertThat(new AdminTokenCheck(Optional.of(ADMIN), tenants).scopeOf(bearer(ACME_HR))).isEqualTo("acme");
    }

    @Test
    void aTenantsAdminTokenWorksWithoutAPartnerWideOne() {
        tenants.replace(List.of(tenant("acme", ACME_HR)));

        assertThat(new AdminTokenCheck(Optional.empty(), tenants).scopeOf(bearer(ACME_HR))).isEqualTo("acme");
    }

    @Test
    void anyOtherTokenIsUnauthorized() {
        tenants.replace(List.of(tenant("acme", ACME_HR)));
        AdminTokenCheck check = new AdminTokenCheck(Optional.of(ADMIN), tenants);

        assertThat(status(() -> check.scopeOf(bearer("guess-guess")))).isEqualTo(401);
        assertThat(status(() -> check.scopeOf(null))).isEqualTo(401);
        assertThat(status(() -> check.scopeOf(ADMIN))).as("without its Bearer scheme").isEqualTo(401);
    }

    @Test
    void withoutAnyAdminTokenTheApiDoesNotExist() {
        tenants.replace(List.of(tenant("acme", null)));
        AdminTokenCheck check = new AdminTokenCheck(Optional.empty(), tenants);

        assertThat(check.enabled()).isFalse();
        assertThat(status(() -> check.scopeOf(bearer(ADMIN)))).isEqualTo(404);
    }

    @Test
    void aTokenThatCameInAQueryParameterOrAFormFieldIsNotTheRequestsHeader() {
        tenants.replace(List.of(tenant("acme", ACME_HR)));
        // platform-http turns ?Authorization=... and form fields into message headers: they never count
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setHeader("Authorization", bearer(ADMIN));

        assertThat(status(() -> new AdminTokenCheck(Optional.of(ADMIN), tenants).process(exchange))).isEqualTo(401);
        assertThat(exchange.getIn().getHeaders()).doesNotContainKey("Authorization");
    }

    @Test
    void theMetricsOfEveryTenantNeedTheAdminTokenNotATenantsOwn() {
        tenants.replace(List.of(tenant("acme", ACME_HR)));
        AdminTokenCheck check = new AdminTokenCheck(Optional.of(ADMIN), tenants);

        check.checkEveryTenant(bearer(ADMIN));
        assertThat(status(() -> check.checkEveryTenant(bearer(ACME_HR)))).isEqualTo(401);
        assertThat(status(() -> new AdminTokenCheck(Optional.empty(), tenants).checkEveryTenant(bearer(ACME_HR))))
                .isEqualTo(401);
    }

    private static int status(Runnable call) {
        return catchThrowableOfType(Problem.class, call::run).status();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static TenantSettings tenant(String id, String adminToken) {
        return new TenantSettings(id, Set.of("1"), WebhookToken.of("webhook-token-of-" + id + "-0123"), Set.of(),
                Optional.empty(), "", ZoneId.of("Europe/Paris"), 50, Duration.ofSeconds(60), null, null, null,
                DepartmentTable.parse(""),
                ContractTypeTable.parse(""), RehirePolicy.CONTRACT, Duration.ZERO, LoginRule.INITIAL_LASTNAME, null, ZoneId.of("Europe/Paris"), "FR",
                Optional.ofNullable(adminToken), Optional.empty());
    }
}
