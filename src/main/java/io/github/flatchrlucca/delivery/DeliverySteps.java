package io.github.flatchrlucca.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.journal.Hire;
import io.github.flatchrlucca.lucca.LuccaEnvelopes;
import io.github.flatchrlucca.lucca.LuccaPerson;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.lucca.LuccaRequests;
import io.github.flatchrlucca.mapping.EnrichedHire;
import io.github.flatchrlucca.mapping.LoginRule;
import io.github.flatchrlucca.mapping.LuccaDepartment;
import io.github.flatchrlucca.mapping.MappedHire;
import io.github.flatchrlucca.routes.Variables;
import io.github.flatchrlucca.tenants.RehirePolicy;
import io.github.flatchrlucca.tenants.Tenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Variable;

/**
 * The decisions of the delivery route, one method per step: each either builds the next Lucca request
 * or reads Lucca's answer into the {@link Delivery}. The route decides the order; nothing here calls Lucca.
 */
public final class DeliverySteps {

    static final String CONTRACT_TYPE_UNMAPPED = "contract type not mapped; Lucca's default contract template applies";
    static final String REHIRE = "rehire: a former employee with this e-mail is in Lucca; no new user was created "
            + "and nothing was written (LUCCA_REHIRE=report)";
    static final String ALREADY_EMPLOYED = "a user with this e-mail is already in Lucca; no new user was created";
    static final String LOGIN_UNCHECKED = "dry-run: the login was not checked against Lucca's existing logins";
    static final String ANSWER_LOST = "Lucca's answer to the create was lost; the user it created was found by e-mail";

    private final ObjectMapper json;
    private final LuccaRequests requests;
    private final LoginReservations logins;

    /** Logins given by this connector within one tenant, kept in the journal so that every instance sees them. */
    public interface LoginReservations {
        List<String> reservedByOthers(String tenant, String hireId, String base);

        boolean reserve(String tenant, String hireId, String login);
    }

    public DeliverySteps(ObjectMapper json, LuccaRequests requests, LoginReservations logins) {
        this.json = json;
        this.requests = requests;
        this.logins = logins;
    }

    /** The hire, mapped the way its tenant wants it. */
    public Delivery map(@Body Hire hire, @Variable(Variables.TENANT) Tenant tenant) {
        MappedHire mapped = tenant.mapper().map(read(hire.payload()), hire.receivedAt());
        Integer contractType = Optional.ofNullable(mapped.contractTypeId())
                .flatMap(tenant.contractTypes()::luccaTypeFor).orElse(null);
        Delivery delivery = new Delivery(hire, tenant, mapped, contractType);
        if (contractType == null) {
            delivery.warn(CONTRACT_TYPE_UNMAPPED);
        }
        return delivery;
    }

    public void enrich(@Variable(Variables.DELIVERY) Delivery delivery, @Body List<LuccaDepartment> departments) {
        enriched(delivery, delivery.tenant().defaults().enrich(delivery.mapped(), departments));
    }

    /** In dry-run Lucca is not asked for its departments: the names are "not checked". */
    public void enrichInDryRun(@Variable(Variables.DELIVERY) Delivery delivery) {
        enrichWithoutLucca(delivery, "dry-run: Lucca was not asked");
    }

    /** Without asking Lucca (a dry-run, a Lucca that cannot be reached): departments are "not checked". */
    public void enrichWithoutLucca(Delivery delivery, String because) {
        enriched(delivery, delivery.tenant().defaults().enrichWithoutLucca(delivery.mapped(), because));
    }

    private static void enriched(Delivery delivery, EnrichedHire enriched) {
        delivery.draft(enriched.draft());
        enriched.warnings().forEach(delivery::warn);
    }

    public ApiRequest findPerson(@Variable(Variables.DELIVERY) Delivery delivery) {
        return requests.findPersonByMail(delivery.draft().mail());
    }

    /**
     * Someone with this e-mail is already in Lucca. If an earlier attempt sent the create and never saw
     * the answer, that someone is our own user. A former employee (no contract left on the start day) comes
     * back with a new contract, or is reported, as the tenant's rehire policy says; anyone else is already in Lucca.
     */
    public void notePerson(@Variable(Variables.DELIVERY) Delivery delivery, @Body JsonNode answer) {
        LuccaPerson.first(answer).ifPresent(person -> {
            boolean former = person.isFormerEmployee(delivery.draft().contractStart());
            if (delivery.hire().createAttempted() && !former) {
                delivery.luccaUser(person.id());
                delivery.warn(ANSWER_LOST);
            } else if (former && delivery.tenant().settings().rehire() == RehirePolicy.CONTRACT) {
                delivery.comesBack(person.id());
            } else {
                delivery.foundInLucca(person.id());
                delivery.warn(former ? REHIRE : ALREADY_EMPLOYED);
            }
        });
    }

    public ApiRequest findTakenLogins(@Variable(Variables.DELIVERY) Delivery delivery) {
        return requests.loginsLike(LoginRule.searchStem(delivery.mapped().loginBase()));
    }

    /**
     * The first login free in Lucca and not being given by this connector to another hire (a namesake that
     * another instance delivers at the same moment): reserved in the journal before it is sent.
     */
    public void chooseLogin(@Variable(Variables.DELIVERY) Delivery delivery, @Body JsonNode answer) {
        String base = delivery.mapped().loginBase();
        String tenant = delivery.tenant().id();
        Set<String> taken = new HashSet<>();
        LuccaEnvelopes.v3Items(answer).forEach(item -> taken.add(item.path("login").asText("")));
        String login;
        do {
            taken.addAll(logins.reservedByOthers(tenant, delivery.getHireId(), LoginRule.searchStem(base)));
            login = LoginRule.firstFree(base, taken);
            taken.add(login);
        } while (!logins.reserve(tenant, delivery.getHireId(), login));
        delivery.draft(delivery.draft().withLogin(login));
    }

    /** In dry-run Lucca cannot say which logins are taken: the request shows the one it would start from. */
    public void loginUnchecked(@Variable(Variables.DELIVERY) Delivery delivery) {
        delivery.draft(delivery.draft().withLogin(delivery.mapped().loginBase()));
        delivery.warn(LOGIN_UNCHECKED);
    }

    public ApiRequest createUser(@Variable(Variables.DELIVERY) Delivery delivery) {
        return requests.createUser(delivery.draft().toCreateBody());
    }

    public void noteCreatedUser(@Variable(Variables.DELIVERY) Delivery delivery, @Body JsonNode answer) {
        delivery.luccaUser(LuccaEnvelopes.createdUserId(answer));
    }

    public ApiRequest findWorkContract(@Variable(Variables.DELIVERY) Delivery delivery) {
        return requests.workContractsOf(delivery.luccaUserId());
    }

    /** The contract Lucca made with the user: the newest one, as a new user has only that one. */
    public ApiRequest patchWorkContract(@Variable(Variables.DELIVERY) Delivery delivery, @Body JsonNode answer) {
        long contractId = LuccaEnvelopes.v4Items(answer).stream()
                .map(item -> item.path("id").asLong())
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("Lucca lists no work contract for the new user"));
        return requests.patchWorkContract(contractId, delivery.luccaContractTypeId(), delivery.draft().contractStart(),
                delivery.draft().contractEnd(), delivery.mapped().applicationId());
    }

    /** The contract change a mapped contract type leads to, before Lucca has said which contract it is. */
    public Optional<ApiRequest> contractPatch(Delivery delivery) {
        if (!delivery.isContractTypeMapped()) {
            return Optional.empty();
        }
        ApiRequest patch = requests.patchWorkContract(0, delivery.luccaContractTypeId(), delivery.draft().contractStart(),
                delivery.draft().contractEnd(), delivery.mapped().applicationId());
        return Optional.of(new ApiRequest(patch.name(), patch.method(),
                patch.path().replaceAll("/0$", "/{id of the new contract}"), patch.query(), patch.body()));
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("The journal holds a payload that is not JSON", e);
        }
    }
}
