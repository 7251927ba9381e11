package io.github.flatchrlucca.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.intake.HireVerdict.Kind;
import io.github.flatchrlucca.intake.UnusableField;
import io.github.flatchrlucca.mapping.HireMapper;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import io.github.flatchrlucca.tenants.TestTenants;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** What the preview says of a payload that leads to no Lucca request; a hire goes on to delivery's own steps. */
class MappingPreviewTest {

    private static final JsonNode JEANNE = event("Jeanne", "Exemple");
    private final MappingPreview preview = new MappingPreview(new ObjectMapper(), null, null, null, TestTenants.inForce(
            TestTenants.tenant("acme", "acme-token-0123456789", "4242"),
            TestTenants.tenant("globex", "globex-token-0123456789", "4343")), Clock.systemUTC());

    @Test
    void aTenantsTokenNamingAnotherTenantIsAnsweredAsForATenantNoOneHasNotWithItsOwnPreview() {
        Problem another = catchThrowableOfType(Problem.class, () -> preview.tenantAsked(asked("globex", "acme")));
        Problem nobody = catchThrowableOfType(Problem.class, () -> preview.tenantAsked(asked("nope", "acme")));

        assertThat(another.status()).isEqualTo(404);
        assertThat(another.document()).as("globex exists, nope does not: the same answer").isEqualTo(nobody.document())
                .containsEntry("field", "tenant");
        assertThat(catchThrowableOfType(Problem.class, () -> preview.tenantAsked(asked("nope", null))).document())
                .as("ADMIN_TOKEN naming a tenant not in force").isEqualTo(nobody.document());
        assertThat(preview.tenantAsked(asked("acme", "acme")).id()).as("its own, named").isEqualTo("acme");
        assertThat(preview.tenantAsked(asked(null, "acme")).id()).as("its own, unnamed").isEqualTo("acme");
    }

    private static Exchange asked(String tenant, String tenantOfToken) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        if (tenantOfToken != null) {
            exchange.setVariable(AdminTokenCheck.SCOPE, tenantOfToken);
        }
        exchange.getIn().setHeader("tenant", tenant);
        return exchange;
    }

    @Test
    void aCompleteHireGoesOnToTheRequests() {
        assertThat(preview.whyNotAHire(HireVerdict.hire("4242", "a-1", List.of(), Optional.empty()), JEANNE)).isNull();
    }

    @Test
    void aHireWhoseNamesHaveNoLatinLettersSaysNothingWouldBeSentAndWhy() {
        String why = preview.whyNotAHire(HireVerdict.hire("4242", "a-1", List.of(), Optional.empty()),
                event("សុខ", "ចាន់"));

        assertThat(why).contains("no login or work address can be made from the candidate's names");
        assertThat(preview.whyNotAHire(HireVerdict.hire("4242", "a-1", List.of(), Optional.empty()),
                event("Jean", "𝐃𝐮𝐩𝐨𝐧𝐭"))).as("styled letters read as the letters they show").isNull();
    }

    @Test
    void anIncompleteHireSaysWhichFieldsAreWrong() {
        HireVerdict incomplete = HireVerdict.hire("4242", "a-1",
                List.of(new UnusableField("data.candidate.lastname", "missing")), Optional.empty());

        assertThat(preview.whyNotAHire(incomplete, JEANNE)).isEqualTo(incomplete.rejection()).contains("data.candidate.lastname");
    }

    @Test
    void anEventThatIsNoHireOrAnotherCompanysSaysWhy() {
        assertThat(preview.whyNotAHire(new HireVerdict(Kind.IGNORED, "only drag_applicant events can be hires", null,
                null, List.of()), JEANNE)).isEqualTo("only drag_applicant events can be hires");
        assertThat(preview.whyNotAHire(new HireVerdict(Kind.OTHER_COMPANY, "company_id 1 is not one of tenant acme's",
                "1", "a-1", List.of()), JEANNE)).isEqualTo("company_id 1 is not one of tenant acme's");
    }

    @Test
    void aMoveOutOfHiredSaysWhatWouldBeWithdrawnWithoutNamingWhoMovedIt() {
        String why = preview.whyNotAHire(new HireVerdict(Kind.MOVED_OUT, "moved by Jeanne Recruteuse to Refusé", "4242",
                "a-1", List.of()), JEANNE);

        assertThat(why).contains("would be withdrawn").doesNotContain("Jeanne");
    }

    @Test
    void aPayloadIsPreviewedAsAWebhookOfItWouldBeRecordedWithoutTheConnectorsOwnMark() {
        ObjectNode marked = (ObjectNode) JEANNE.deepCopy();
        ((ObjectNode) marked.get("data")).putObject("vacancy").put("title", "Comptable H/F")
                .put(HireMapper.MATCHED_BY_TITLE, true);

        String payload = preview.asHire(marked, preview.tenantAsked(asked("acme", "acme"))).payload();

        assertThat(payload).contains("Comptable H/F").doesNotContain(HireMapper.MATCHED_BY_TITLE);
    }

    private static JsonNode event(String firstName, String lastName) {
        ObjectNode event = new ObjectMapper().createObjectNode();
        event.putObject("data").putObject("candidate").put("firstname", firstName).put("lastname", lastName);
        return event;
    }
}
