package io.github.flatchrlucca.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.reconciliation.ReconciliationSteps;
import io.github.flatchrlucca.reconciliation.SearchFailure;
import io.github.flatchrlucca.tenants.TestTenants;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class BackfillsTest {

    // no search: what is refused is refused before the reconciliation is asked
    private final Backfills backfills = new Backfills(null, TestTenants.inForce(
            TestTenants.tenant("acme", "acme-token-0123456789", "4242"),
            TestTenants.tenant("globex", "globex-token-0123456789", "4343")), new ObjectMapper(), Clock.systemUTC());

    @Test
    void aTenantsTokenNamingAnotherTenantIsAnsweredAsForATenantNoOneHasAndRunsNoSearch() {
        Problem another = refused("globex", "acme");
        Problem nobody = refused("nope", "acme");

        assertThat(another.status()).isEqualTo(404);
        assertThat(another.document()).as("globex exists, nope does not: the same answer").isEqualTo(nobody.document())
                .containsEntry("field", "tenant");
        assertThat(refused("nope", null).document()).as("ADMIN_TOKEN naming a tenant not in force")
                .isEqualTo(nobody.document());
    }

    private Problem refused(String tenant, String tenantOfToken) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        if (tenantOfToken != null) {
            exchange.setVariable(AdminTokenCheck.SCOPE, tenantOfToken);
        }
        exchange.getIn().setHeader("tenant", tenant);
        exchange.getIn().setHeader("since", "2026-11-01");
        return catchThrowableOfType(Problem.class, () -> backfills.asked(exchange));
    }

    @Test
    void aFailedSearchIsAnsweredByWhoseFailureItWas() {
        assertThat(answered(new SearchFailure("unavailable", "Flatchr answered 503 to search-applicants", true)))
                .as("Flatchr's").isEqualTo(502);
        assertThat(answered(new SearchFailure("columns-unknown", "trigger column(s) [9] are not among Flatchr's "
                + "columns", true))).as("the tenant's configuration").isEqualTo(409);
        assertThat(answered(new SearchFailure("unavailable", "JournalUnavailable", false))).as("the connector's")
                .isEqualTo(503);
        assertThat(answered(new SearchFailure("taken-over", "the search of tenant acme's Flatchr was taken over by "
                + "another run", false))).as("ran past its lease: another search is going on").isEqualTo(409);
    }

    private int answered(SearchFailure failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setVariable(ReconciliationSteps.FAILURE, failure);
        return catchThrowableOfType(Problem.class, () -> backfills.answer(exchange)).status();
    }
}
