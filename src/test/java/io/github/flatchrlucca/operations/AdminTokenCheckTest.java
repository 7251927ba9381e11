package io.github.flatchrlucca.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.intake.WebhookToken;
import io.github.flatchrlucca.mapping.ContractTypeTable;
import io.github.flatchrlucca.mapping.DepartmentTable;
import io.github.flatchrlucca.mapping.LoginRule;
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

    private final Tenants tenants = new Tenants("FR", "/data/vacancy/department", Duration.ZERO, (tenant, state) -> { });

    @Test
    void theAdminTokenOpensEveryTenant() {
        tenants.replace(List.of(tenant("acme", ACME_HR), tenant("globex", null)));
        Exchange exchange = withBearer(ADMIN);

        new AdminTokenCheck(Optional.of(ADMIN), tenants).process(exchange);

        assertThat(AdminTokenCheck.scope(exchange)).isNull();
        assertThat(exchange.getIn().getHeaders()).doesNotContainKey("Authorization");
    }

    @Test
    void aTenantsAdminTokenOpensThatTenantOnly() {
        tenants.replace(List.of(tenant("acme", ACME_HR), tenant("globex", null)));
        Exchange exchange = withBearer(ACME_HR);

        new AdminTokenCheck(Optional.of(ADMIN), tenants).process(exchange);

        assertThat(AdminTokenCheck.scope(exchange)).isEqualTo("acme");
    }

    @Test
    void aTenantsAdminTokenWorksWithoutAPartnerWideOne() {
        tenants.replace(List.of(tenant("acme", ACME_HR)));
        Exchange exchange = withBearer(ACME_HR);

        new AdminTokenCheck(Optional.empty(), tenants).process(exchange);

        assertThat(AdminTokenCheck.scope(exchange)).isEqualTo("acme");
    }

    @Test
    void anyOtherTokenIsUnauthorized() {
        tenants.replace(List.of(tenant("acme", ACME_HR)));

        assertThatExceptionOfType(Problem.class)
                .isThrownBy(() -> new AdminTokenCheck(Optional.of(ADMIN), tenants).process(withBearer("guess-guess")))
                .satisfies(problem -> assertThat(problem.status()).isEqualTo(401));
    }

    @Test
    void withoutAnyAdminTokenTheApiDoesNotExist() {
        tenants.replace(List.of(tenant("acme", null)));

        assertThatExceptionOfType(Problem.class)
                .isThrownBy(() -> new AdminTokenCheck(Optional.empty(), tenants).process(withBearer(ADMIN)))
                .satisfies(problem -> assertThat(problem.status()).isEqualTo(404));
    }

    private static Exchange withBearer(String token) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setHeader("Authorization", "Bearer " + token);
        return exchange;
    }

    private static TenantSettings tenant(String id, String adminToken) {
        return new TenantSettings(id, Set.of("1"), WebhookToken.of("webhook-token-of-" + id + "-0123"), Set.of(),
                Optional.empty(), "", 50, Duration.ofSeconds(60), null, null, null, DepartmentTable.parse(""),
                ContractTypeTable.parse(""), LoginRule.INITIAL_LASTNAME, null, ZoneId.of("Europe/Paris"),
                Optional.ofNullable(adminToken));
    }
}
