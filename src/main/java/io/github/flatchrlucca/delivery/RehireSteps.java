package io.github.flatchrlucca.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.lucca.LuccaContract;
import io.github.flatchrlucca.lucca.LuccaEnvelopes;
import io.github.flatchrlucca.lucca.LuccaRequests;
import io.github.flatchrlucca.mapping.HireWarning;
import io.github.flatchrlucca.routes.Variables;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Variable;

/**
 * A former employee comes back (LUCCA_REHIRE=contract): the decisions of the rehire route. Their contracts are
 * read first, so that a contract an earlier attempt made (its answer lost) is found by its {@code externalId}
 * rather than made twice, and someone whom a contract already covers on the start day is only reported.
 */
public final class RehireSteps {

    static final String REHIRED = Journal.REHIRE_WARNING + " a former employee with this e-mail is in Lucca; a new work contract was "
            + "added to them, no new user was created";
    static final String CONTRACT_ANSWER_LOST = "Lucca's answer to the new contract was lost; the contract was found "
            + "on the person by its externalId";
    static final String TEMPLATE_OF_THE_LAST = "contract type not mapped; the new contract takes the template of "
            + "the former one";
    // Kept only once Lucca took the contract (a refusal is the hire's error, dead with Lucca's answer), so it says so.
    static final String WITHOUT_TEMPLATE = "contract type not mapped, and the former contract has no template to take: "
            + "the new contract was made without one (no typeId sent); give it its type in Lucca";

    private final LuccaRequests requests;

    public RehireSteps(LuccaRequests requests) {
        this.requests = requests;
    }

    public void noteContracts(@Variable(Variables.DELIVERY) Delivery delivery, @Body JsonNode answer) {
        List<LuccaContract> contracts = LuccaContract.of(answer);
        String application = delivery.mapped().applicationId();
        LocalDate start = delivery.draft().contractStart();
        Optional<LuccaContract> made = application == null ? Optional.empty()
                : contracts.stream().filter(contract -> application.equals(contract.externalId())).findFirst();
        if (made.isPresent()) {
            if (delivery.luccaContractTypeId() == null) {
                long madeId = made.get().id();
                LuccaContract former = newest(contracts.stream().filter(contract -> contract.id() != madeId));
                saidOfTemplate(delivery, made.get(), former);
            }
            delivery.warn(CONTRACT_ANSWER_LOST);
            delivery.warn(REHIRED);
        } else if (contracts.stream().anyMatch(contract -> contract.covers(start))) {
            delivery.foundInLucca(delivery.luccaUserId());
            delivery.warn(DeliverySteps.ALREADY_EMPLOYED);
        } else {
            delivery.makeContract(newest(contracts.stream()));
        }
    }

    private static LuccaContract newest(Stream<LuccaContract> contracts) {
        return contracts.filter(contract -> contract.startsOn() != null)
                .max(Comparator.comparing(LuccaContract::startsOn))
                .orElse(null);
    }

    /**
     * The contract an earlier attempt made, its type unmapped: made as {@link #createContract} makes it, with the
     * former contract's template or with none, not on Lucca's default template, which the unmapped type's warning
     * speaks of. Said as a contract made now would be; a template other than the former one's (a type mapped then)
     * is said by nothing more.
     */
    private static void saidOfTemplate(Delivery delivery, LuccaContract made, LuccaContract former) {
        delivery.withdrawWarning(DeliverySteps.CONTRACT_TYPE_UNMAPPED);
        if (made.typeId() == null) {
            delivery.warn(HireWarning.ofNewContract(WITHOUT_TEMPLATE));
        } else if (former != null && made.typeId().equals(former.typeId())) {
            delivery.warn(HireWarning.ofNewContract(TEMPLATE_OF_THE_LAST));
        }
    }

    /**
     * The new contract: the mapped template, else the former contract's (a returning employee most often comes
     * back to the same kind of job; said in a warning), else none, for Lucca to take or refuse (said too: this is no
     * user created on Lucca's default template, which the unmapped type's warning speaks of); the tenant's
     * establishment, else the former contract's.
     */
    public ApiRequest createContract(@Variable(Variables.DELIVERY) Delivery delivery) {
        LuccaContract last = delivery.lastContract();
        Integer typeId = delivery.luccaContractTypeId();
        if (typeId == null) {
            typeId = last == null ? null : last.typeId();
            delivery.withdrawWarning(DeliverySteps.CONTRACT_TYPE_UNMAPPED);
            delivery.warn(HireWarning.ofNewContract(typeId != null ? TEMPLATE_OF_THE_LAST : WITHOUT_TEMPLATE));
        }
        Integer establishment = delivery.draft().legalEntityId() != null ? delivery.draft().legalEntityId()
                : last == null ? null : last.establishmentId();
        return requests.createWorkContract(delivery.luccaUserId(), typeId, delivery.draft().contractStart(),
                delivery.draft().contractEnd(), establishment, delivery.mapped().applicationId());
    }

    /** The new contract, once Lucca's answer names it (one that does not is tried again: see LuccaEnvelopes). */
    public void contractCreated(@Variable(Variables.DELIVERY) Delivery delivery,
                                @Header(Exchange.HTTP_RESPONSE_CODE) int status, @Body JsonNode answer) {
        LuccaEnvelopes.createdContract(status, answer);
        delivery.warn(REHIRED);
    }
}
