package io.github.flatchrlucca.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.journal.AddressReservations;
import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.lucca.LuccaEnvelopes;
import io.github.flatchrlucca.lucca.LuccaConnection;
import io.github.flatchrlucca.lucca.LuccaContract;
import io.github.flatchrlucca.lucca.LuccaPerson;
import io.github.flatchrlucca.lucca.LuccaRefused;
import io.github.flatchrlucca.lucca.PeopleDirectory;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.lucca.LuccaRequests;
import io.github.flatchrlucca.mapping.EnrichedHire;
import io.github.flatchrlucca.mapping.HireWarning;
import io.github.flatchrlucca.mapping.LoginRule;
import io.github.flatchrlucca.mapping.LuccaDepartment;
import io.github.flatchrlucca.mapping.MappedHire;
import io.github.flatchrlucca.routes.Variables;
import io.github.flatchrlucca.tenants.RehirePolicy;
import io.github.flatchrlucca.tenants.Tenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;

/**
 * The decisions of the delivery route, one method per step: each either builds the next Lucca request
 * or reads Lucca's answer into the {@link Delivery}. The route decides the order; nothing here calls Lucca.
 */
public final class DeliverySteps {

    static final String CONTRACT_TYPE_UNMAPPED = "contract type not mapped; Lucca's default contract template applies";
    static final String CONTRACT_TYPE_NO_LONGER_MAPPED = "%s (LUCCA_CONTRACT_TYPES, or the tenant's "
            + "contractTypes): an earlier attempt created the user without a contract, for the type mapped then, so "
            + "Lucca's default template was not applied; the contract was made without a type (no typeId): check its "
            + "type in Lucca";
    static final String REHIRE = Journal.REHIRE_WARNING + " a former employee with this e-mail is in Lucca; no new user was created "
            + "and nothing was written (LUCCA_REHIRE=report)";
    static final String ALREADY_EMPLOYED = "a user with this e-mail is already in Lucca; no new user was created";
    static final String LOGIN_UNCHECKED = "the login was not checked against Lucca's existing logins (a dry run, or a "
            + "preview)";
    static final String CONTRACT_OF_ANOTHER_APPLICATION = "the user's work contract carries another Flatchr "
            + "application's id (another hire of this candidate made that user): it was left as it is and this "
            + "hire's contract was not written; HR decides";
    static final String ANSWER_LOST = "Lucca's answer to the create was lost; the user it created was found in Lucca";
    static final String FOUND_BY_LOGIN = "found in Lucca by their login, which is this hire's e-mail "
            + "(LUCCA_LOGIN_RULE=email); Lucca has another address for them";
    // Flatchr's contract_type_id, as the contract type tables take it
    private static final Pattern FLATCHR_ID = Pattern.compile("[0-9]{1,18}");

    private final ObjectMapper json;
    private final LuccaRequests requests;
    private final LoginReservations logins;
    private final AddressHolds addresses;
    private final PeopleDirectory people;
    private final Clock clock;

    /** Logins given by this connector within one tenant, kept in the journal so that every instance sees them. */
    public interface LoginReservations {
        List<String> reservedByOthers(String tenant, String hireId, String base);

        boolean reserve(String tenant, String hireId, String login);

        /** Makes the login this hire's, whichever hire of the tenant held it. */
        void takeOver(String tenant, String hireId, String login);
    }

    /**
     * Which hire may make the Lucca account of an address, or of a candidate's own e-mail
     * ({@link AddressReservations}).
     */
    @FunctionalInterface
    public interface AddressHolds {
        AddressReservations.Hold reserve(AddressReservations.Kind kind, String luccaInstance, String address,
                                         String hireId);
    }

    /** @param clock when an attempt sends the hire: the day its start date is checked against */
    public DeliverySteps(ObjectMapper json, LuccaRequests requests, LoginReservations logins, AddressHolds addresses,
                         PeopleDirectory people, Clock clock) {
        this.json = json;
        this.clock = clock;
        this.requests = requests;
        this.logins = logins;
        this.addresses = addresses;
        this.people = people;
    }

    /**
     * Before anything of the hire is sent: what an earlier attempt made is in the Lucca its tenant has now.
     *
     * @throws HireNeedsAPerson when it is in a Lucca the tenant no longer has: nothing of it is sent anywhere
     */
    public void madeInItsLucca(@Body ClaimedHire hire, @Variable(Variables.LUCCA) LuccaConnection lucca) {
        Optional<HireNeedsAPerson> elsewhere = HireNeedsAPerson.ofLucca(hire, lucca);
        if (elsewhere.isPresent()) {
            throw elsewhere.get();
        }
    }

    /** The hire, mapped the way its tenant wants it. */
    public Delivery map(@Body ClaimedHire hire, @Variable(Variables.TENANT) Tenant tenant) {
        MappedHire mapped = tenant.mapper().map(read(hire.payload()), hire.queuedAt(), clock.instant());
        Optional<HireNeedsAPerson> unreadable = HireNeedsAPerson.ofNames(mapped.draft().firstName(),
                mapped.draft().lastName());
        if (unreadable.isPresent()) {
            throw unreadable.get();
        }
        Integer contractType = Optional.ofNullable(mapped.contractTypeId())
                .flatMap(tenant.contractTypes()::luccaTypeFor).orElse(null);
        Delivery delivery = new Delivery(hire, tenant, mapped, contractType,
                hire.createAttempted() ? SentCreate.of(json, hire.createSent()) : null);
        if (contractType == null) {
            delivery.warn(HireWarning.ofNewContract(CONTRACT_TYPE_UNMAPPED));
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

    /**
     * Before the person is looked for: the address is this hire's to make an account with in its Lucca, unless
     * another hire of ours has it (the same person hired into another vacancy). While that one is being delivered
     * it may be making the account, so this one waits; otherwise Lucca's people are read again now, since that one's
     * account may be newer than the round's read (and its address in other letters than this hire's). Not when the
     * directory is dropped over its budget: the hire is then looked up in Lucca itself ({@link #checkInDirectory}).
     * <p>
     * The candidate's own e-mail is held the same way: two hires of one candidate whose names are written differently
     * ("Zoé Martin", "Zoé Martin-Leroy") make two addresses under a work e-mail pattern, and each would hold its own.
     * Held, the second waits for the first, then finds the account the first made by its personal e-mail in the
     * directory read again ({@link #checkInDirectory}): already in Lucca, or a rehire, as anyone found by it. Within
     * one instance and one tenant the round's one-by-one delivery and the directory already did that; this is for two
     * instances, or two tenants of one Lucca, at the same moment.
     *
     * @throws AddressBusy when another hire being delivered holds the address or the candidate's own e-mail
     */
    public void holdAddress(@Variable(Variables.DELIVERY) Delivery delivery,
                            @Variable(Variables.LUCCA) LuccaConnection lucca) {
        boolean takenOver = hold(AddressReservations.Kind.LUCCA_MAIL, delivery.draft().mail(), delivery, lucca);
        takenOver |= hold(AddressReservations.Kind.PERSONAL_EMAIL, delivery.draft().personalEmail(), delivery, lucca);
        // What the other hire made may be newer than the round's read, its address in other letters. A directory
        // dropped over its budget cannot be read (it fails at once, and two hires of one address would take it from
        // each other at every turn until both expire): its hires are looked up in Lucca one by one instead.
        if (takenOver && !people.dropped(lucca)) {
            people.refreshNow(lucca);
        }
    }

    /**
     * @return whether another hire had it, and is not being delivered: what it made must be read again
     * @throws AddressBusy when another hire being delivered holds it
     */
    private boolean hold(AddressReservations.Kind kind, String address, Delivery delivery, LuccaConnection lucca) {
        if (address == null || address.isBlank()) {
            return false;
        }
        AddressReservations.Hold hold = addresses.reserve(kind, lucca.instance(), address, delivery.getHireId());
        return switch (hold.outcome()) {
            case BUSY -> throw new AddressBusy(kind, hold.holder());
            case TAKEN_OVER -> true;
            case HELD -> false;
        };
    }

    /**
     * The e-mail checked against the people directory, when it can answer: read from Lucca at the start of this
     * round (or again now, when another hire of ours had the address), successfully, and this hire's create was never
     * sent (or its user was not found by the login it gave). Only its "nobody" is taken as it is: someone it lists is looked up in Lucca itself, so that what the hire's decision
     * rests on (still there, the contract's end of now) is what Lucca says, not what the directory kept since its
     * first read (it learns of changes by their modifiedAt, and of a deleted user never).
     * <p>
     * Nobody with the hire's address, the candidate may still be in Lucca under another: a returning employee whose
     * account HR made by hand, with a professional address, and the candidate's own e-mail as personal e-mail; or,
     * with a work e-mail pattern, one made by hand with the candidate's own e-mail as their address (a former intern).
     * The one person the directory lists with it is looked up by their address; several need a person to say which.
     * So do several with the hire's address (Lucca does not make addresses unique: a former account beside a current
     * one), rather than a contract on whichever is listed first.
     * <p>
     * A create whose answer may have been lost is looked for in Lucca itself. A user's, by the login it gave, before
     * this ({@link #findSentUser}): not found there, Lucca made nothing, and the hire is checked as if it had never
     * been sent. One kept without its login (before the journal kept what was sent, or erased by retention), by the
     * hire's address, all that is left to look by. A returning employee's contract goes on with its owner at once,
     * whose contracts are read as for any rehire (the contract the lost create made is found there by its
     * externalId); one deleted from Lucca since refuses the contract, and a person decides. Every hire is looked up
     * in Lucca when the directory cannot answer: by the hire's address only, as Lucca documents no {@code
     * personalEmail=} filter. A returning employee known to Lucca by another address is then not found, and made a
     * second time (a known limit, in docs/mapping-and-failures.md).
     */
    public void checkInDirectory(@Variable(Variables.DELIVERY) Delivery delivery, @Variable(Variables.LUCCA) LuccaConnection lucca) {
        SentCreate sent = delivery.sent();
        if (sent != null && sent.ownerId() != null) {
            // The contract's owner is known: no look-up by an address, which would find nobody when the directory no
            // longer lists them (dropped over its budget since, not read since a restart) or has an address they no
            // longer have, nor someone else who has it since, and a second user would be made.
            delivery.comesBack(sent.ownerId());
            return;
        }
        if (sent != null && !sent.isUserWithLogin()) {
            return;
        }
        if (!people.answers(lucca)) {
            return;
        }
        // someone listed is looked up as Lucca writes their address, whatever the look-up's rules of case
        Optional<LuccaPerson> withTheAddress = theOneWithTheAddress(delivery, lucca);
        if (withTheAddress.isPresent()) {
            delivery.lookUpAs(withTheAddress.get().mail());
            return;
        }
        // Lucca requires a mail of everyone: one it did not list could not be looked up by it
        withCandidatesOwnEmail(delivery, lucca).filter(holder -> holder.mail() != null)
                .ifPresentOrElse(holder -> holder.lookedUpOn(delivery), delivery::checkedWithDirectory);
    }

    /**
     * Someone the directory lists with the candidate's own e-mail, whatever the hire's address: as their personal
     * e-mail, or as their address (which differs from the hire's only with a work e-mail pattern).
     *
     * @param person    as a look-up by e-mail would have found them
     * @param mail      their address as Lucca writes it, which a look-up names
     * @param asAddress the candidate's own e-mail is their address, not their personal e-mail
     */
    private record OwnEmailHolder(LuccaPerson person, String mail, boolean asAddress) {

        /** The person to look up, and why they would be the candidate. */
        void lookedUpOn(Delivery delivery) {
            if (asAddress) {
                delivery.lookUpByOwnEmail(mail);
            } else {
                delivery.lookUpByPersonalEmail(mail);
            }
        }
    }

    /**
     * The one person the directory lists with the candidate's own e-mail as their personal e-mail, or else as their
     * address: with a work e-mail pattern, someone HR made by hand under the candidate's own e-mail (a former intern,
     * a personal e-mail left empty) has neither the hire's address nor that personal e-mail, and would be made twice.
     *
     * @throws HireNeedsAPerson when several have it, either way
     */
    private Optional<OwnEmailHolder> withCandidatesOwnEmail(Delivery delivery, LuccaConnection lucca) {
        List<Long> holders = ownEmailHolders(delivery, lucca);
        if (holders.size() > 1) {
            throw HireNeedsAPerson.sharedPersonalEmail(holders);
        }
        String own = delivery.draft().personalEmail();
        List<PeopleDirectory.Person> byPersonalEmail = people.withPersonalEmail(lucca, own);
        if (!byPersonalEmail.isEmpty()) {
            PeopleDirectory.Person person = byPersonalEmail.get(0);
            return Optional.of(new OwnEmailHolder(person.found(), person.mail(), false));
        }
        return addressedTo(own, lucca).stream().findFirst().map(person -> new OwnEmailHolder(person, person.mail(), true));
    }

    /** The ids of everyone the directory lists with the candidate's own e-mail, as personal e-mail or as address. */
    private List<Long> ownEmailHolders(Delivery delivery, LuccaConnection lucca) {
        String own = delivery.draft().personalEmail();
        return Stream.concat(people.withPersonalEmail(lucca, own).stream().map(PeopleDirectory.Person::id),
                addressedTo(own, lucca).stream().map(LuccaPerson::id)).distinct().sorted().toList();
    }

    private List<LuccaPerson> addressedTo(String mail, LuccaConnection lucca) {
        return mail == null || mail.isBlank() ? List.of() : people.withMail(lucca, mail);
    }

    /**
     * The one person the directory lists with the hire's address, if any, noting anyone else it lists with the
     * candidate's own e-mail (as personal e-mail, or as address): without a work e-mail pattern the hire's address is
     * that e-mail, so a former account under it (an old internship) beside the account HR made since with it as
     * personal e-mail would be taken for the candidate alone, and a contract on it give one person two active accounts
     * ({@link #noteFound} stops such a hire for a person). Not when the one with the address may be a namesake
     * ({@link #mayBeANamesake}): that rule stops the hire already, and says why.
     *
     * @throws HireNeedsAPerson when several have the address
     */
    private Optional<LuccaPerson> theOneWithTheAddress(Delivery delivery, LuccaConnection lucca) {
        Optional<LuccaPerson> withTheAddress = theOneWithTheAddress(people.withMail(lucca, delivery.draft().mail()));
        withTheAddress.filter(person -> !mayBeANamesake(delivery, person)).ifPresent(person ->
                ownEmailHolders(delivery, lucca).stream().filter(holderId -> holderId != person.id()).findFirst()
                        .ifPresent(delivery::ownEmailAlsoHeldBy));
        return withTheAddress;
    }

    /**
     * The one person with the hire's address, if any.
     *
     * @throws HireNeedsAPerson when several have it: which one is the candidate only a person can tell, and a contract
     *                          on a former account beside a current one would make two active accounts
     */
    private static Optional<LuccaPerson> theOneWithTheAddress(List<LuccaPerson> withIt) {
        if (withIt.size() > 1) {
            throw HireNeedsAPerson.sharedAddress(withIt.stream().map(LuccaPerson::id).sorted().toList());
        }
        return withIt.stream().findFirst();
    }

    public ApiRequest findPerson(@Variable(Variables.DELIVERY) Delivery delivery) {
        return requests.findPersonByMail(delivery.mailToLookUp());
    }

    /**
     * The user an earlier attempt's create may have made, whose answer was lost: by the login it gave, not by the
     * hire's address of now, which a reload's work e-mail pattern or a corrected e-mail may have changed since.
     */
    public ApiRequest findSentUser(@Variable(Variables.DELIVERY) Delivery delivery) {
        return requests.findPersonByLogin(delivery.sent().login());
    }

    /**
     * Lucca has the user with the login the lost create gave, and an address it sent: that create made them (Lucca
     * keeps logins unique), and the hire goes on to their contract. Nobody: Lucca made nothing, and the person is
     * looked for as for any hire.
     *
     * @throws HireNeedsAPerson when whoever has the login has none of the addresses it sent: the create never landed,
     *                          and someone else took the login since; their contract is not this hire's to change
     */
    public void noteSentUser(@Variable(Variables.DELIVERY) Delivery delivery, @Body JsonNode answer) {
        LuccaPerson.first(LuccaRequests.FIND_PERSON_BY_LOGIN, answer).ifPresent(person -> {
            if (!delivery.sent().madeUser(person)) {
                throw HireNeedsAPerson.loginTakenSince(person.id());
            }
            delivery.luccaUser(person.id());
            delivery.warn(ANSWER_LOST);
        });
    }

    /**
     * Someone looked up for their personal e-mail is the candidate only while Lucca still has it: changed since the
     * directory's read, they are nobody to this hire, whose address the directory found nobody with.
     *
     * @throws HireNeedsAPerson when Lucca lists several with the address (and that personal e-mail, if looked up for
     *                          it): Lucca does not make addresses unique, and which one is the candidate only a person
     *                          can tell
     */
    public void notePerson(@Variable(Variables.DELIVERY) Delivery delivery, @Body JsonNode answer) {
        List<LuccaPerson> found = LuccaPerson.withMail(answer, delivery.mailToLookUp()).stream()
                .filter(person -> !delivery.isLookedUpByPersonalEmail()
                        || person.hasPersonalEmail(delivery.draft().personalEmail()))
                .toList();
        if (found.size() > 1 && (delivery.isLookedUpByPersonalEmail() || delivery.isLookedUpByOwnEmail())) {
            throw HireNeedsAPerson.sharedPersonalEmail(found.stream().map(LuccaPerson::id).sorted().toList());
        }
        theOneWithTheAddress(found).ifPresent(person -> noteFound(delivery, person));
    }

    /**
     * Someone with this e-mail is already in Lucca. If an earlier attempt sent the create and never saw the answer,
     * and that create made this someone (the login it gave), they are our own user. (A returning employee's new
     * contract sent that way never comes here: it goes on with its owner, {@link #checkInDirectory}.) A former
     * employee (no contract left on the start day) comes back with a new contract, or is reported, as the tenant's
     * rehire policy says; so is one whose last contract ended before the hire came but not before a start day left in
     * the past, though a contract from that day cannot be theirs (it would overlap the former one): a person decides;
     * anyone else, a user made by hand meanwhile included, is already in Lucca. With a work
     * e-mail pattern, only when Lucca has the candidate's own e-mail as theirs: the address says nothing of who has it
     * ({@link HireNeedsAPerson}). Someone found by the candidate's own e-mail, as their personal e-mail or as their
     * address, has it: they are the candidate.
     */
    private void noteFound(Delivery delivery, LuccaPerson person) {
        boolean former = person.isFormerEmployee(delivery.draft().contractStart());
        // employed on a start day left in the past, gone by the day the hire came: a returning employee all the same
        boolean leftSinceTheStart = !former && person.isFormerEmployee(delivery.arrivalDay());
        boolean contract = delivery.tenant().settings().rehire() == RehirePolicy.CONTRACT;
        SentCreate sent = delivery.sent();
        if (sent != null && !former && sent.madeUser(person)) {
            delivery.luccaUser(person.id());
            delivery.warn(ANSWER_LOST);
        } else if (!delivery.isLookedUpByOwnEmail() && mayBeANamesake(delivery, person)) {
            throw HireNeedsAPerson.namesake(person.id());
        } else if (former && contract) {
            // decided on Lucca's answer of now, not on the directory's, which may say they are still employed
            Optional<Long> otherHolder = delivery.ownEmailHolder().filter(holder -> holder != person.id());
            if (otherHolder.isPresent()) {
                throw HireNeedsAPerson.sharedPersonalEmail(Stream.of(person.id(), otherHolder.get()).sorted().toList());
            }
            delivery.comesBack(person.id());
        } else if (leftSinceTheStart && contract) {
            throw HireNeedsAPerson.leftAfterTheStartDate(person.id());
        } else if (former || leftSinceTheStart) {
            delivery.foundInLucca(person.id());
            delivery.warn(REHIRE);
        } else {
            delivery.foundInLucca(person.id());
            delivery.warn(ALREADY_EMPLOYED);
            saidIfTheirContractEndsSooner(delivery, person.contractEnd());
        }
    }

    /** Their contract's last day, as a warning of {@link #saidIfTheirContractEndsSooner} gives it: YYYY-MM-DD. */
    public static String lastDayIn(String contractEndsSooner) {
        int from = Journal.CONTRACT_ENDS_SOONER.length();
        return contractEndsSooner.substring(from, from + "YYYY-MM-DD".length());
    }

    /**
     * Someone employed on the start day whose contract ends before this hire's would (a fixed-term employee hired
     * again, into a permanent job or a longer one: a CDD turned CDI, or renewed) is already in Lucca, and nothing is
     * written to them: unless HR gives them the new contract, they leave Lucca on their contract's last day. Said, not
     * decided: whether the new contract follows theirs, or theirs is changed, is HR's.
     */
    private static void saidIfTheirContractEndsSooner(Delivery delivery, LocalDate theirEnd) {
        LocalDate hiresEnd = delivery.draft().contractEnd();
        if (theirEnd != null && (hiresEnd == null || theirEnd.isBefore(hiresEnd))) {
            // their contract's last day first (YYYY-MM-DD): the line written back to Flatchr reads it
            delivery.warn(Journal.CONTRACT_ENDS_SOONER + theirEnd + ", before this hire's (" + (hiresEnd == null ? "open-ended"
                    : "ending " + hiresEnd) + "): no new contract was made; give them theirs in Lucca by hand");
        }
    }

    public ApiRequest findTakenLogins(@Variable(Variables.DELIVERY) Delivery delivery) {
        return requests.loginsLike(LoginRule.searchStem(delivery.mapped().loginBase()));
    }

    /** The first login free among those Lucca answered, and not given by this connector to another hire. */
    public void chooseLogin(@Variable(Variables.DELIVERY) Delivery delivery, @Body JsonNode answer) {
        Set<String> taken = new HashSet<>();
        LuccaEnvelopes.v3Items(LuccaRequests.FIND_TAKEN_LOGINS, answer).forEach(item -> taken.add(item.path("login").asText("")));
        chooseLoginAmong(delivery, taken);
    }

    /** The same, among the logins the people directory knows. */
    public void chooseLoginInDirectory(@Variable(Variables.DELIVERY) Delivery delivery,
                                       @Variable(Variables.LUCCA) LuccaConnection lucca) {
        chooseLoginAmong(delivery, people.loginsContaining(lucca, LoginRule.searchStem(delivery.mapped().loginBase())));
    }

    /**
     * Lucca refused the create: its people are read again, to understand why ({@link #afterRefusedCreate}); a read
     * that fails goes to the caller, and the refusal is understood at the next attempt. Not when the directory is
     * dropped over its budget and this attempt looked the hire up in Lucca one by one: no read can be made, and the
     * look-up said what Lucca had a moment ago; the refusal is final, with Lucca's answer, as it was before the
     * directory (one of a field would otherwise be sent again at every attempt, then expire without its answer).
     */
    public void readPeopleAfterRefusal(@Variable(Variables.DELIVERY) Delivery delivery,
                                       @Variable(Variables.LUCCA) LuccaConnection lucca,
                                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) LuccaRefused refusal) {
        if (!delivery.isDirectoryChecked() && people.dropped(lucca)) {
            throw refusal;
        }
        people.refreshNow(lucca);
    }

    /**
     * Lucca refused the create, and the people directory has just been read again: if it now shows someone with
     * this e-mail, or else with the candidate's own e-mail as personal e-mail or address (HR made the account
     * meanwhile, under another address, with the login the rule gives: taking the next login would make the candidate
     * twice), that person is noted as if found before the create; several with it need a person. Under a login rule
     * that makes the address the login, so is whoever now has it as their login ({@link #noteLoginHolder}). If it shows
     * the login taken, another one is chosen and the create is sent once more. Anything else is the refusal it was,
     * final.
     */
    public void afterRefusedCreate(@Variable(Variables.DELIVERY) Delivery delivery, @Variable(Variables.LUCCA) LuccaConnection lucca,
                                   @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) LuccaRefused refusal) {
        Optional<LuccaPerson> person = theOneWithTheAddress(delivery, lucca)
                .or(() -> withCandidatesOwnEmail(delivery, lucca).map(holder -> {
                    holder.lookedUpOn(delivery);
                    return holder.person();
                }));
        Optional<LuccaPerson> loginHolder = delivery.tenant().settings().loginRule().isAnAddress()
                ? people.withLogin(lucca, delivery.mapped().loginBase()) : Optional.empty();
        String login = delivery.draft().login();
        if (person.isPresent()) {
            noteFound(delivery, person.get());
        } else if (loginHolder.isPresent()) {
            noteLoginHolder(delivery, loginHolder.get());
        } else if (people.loginsContaining(lucca, login).stream().anyMatch(login::equalsIgnoreCase)) {
            chooseLoginInDirectory(delivery, lucca);
        } else {
            throw refusal;
        }
    }

    /**
     * The first login free in Lucca and not being given by this connector to another hire (a namesake that
     * another instance delivers at the same moment): reserved in the journal before it is sent. A login that is the
     * hire's address, and that Lucca has, is not numbered: whoever has it is looked up ({@link #noteLoginHolder}).
     * Nor is it when another hire of ours holds it, which is a hire of that address (the same candidate in another
     * vacancy, whose delivery stopped before its create): this hire holds the address now ({@link #holdAddress}), so
     * the other is not making its account, and the login is taken over with the address. Not an address cut to the
     * login's length, which other addresses may share.
     */
    private void chooseLoginAmong(Delivery delivery, Set<String> takenInLucca) {
        String base = delivery.mapped().loginBase();
        String tenant = delivery.tenant().id();
        boolean anAddress = delivery.tenant().settings().loginRule().isAnAddress();
        Optional<String> holdersLogin = anAddress
                ? takenInLucca.stream().filter(base::equalsIgnoreCase).findFirst() : Optional.empty();
        if (holdersLogin.isPresent()) {
            delivery.lookUpLoginHolder(holdersLogin.get());
            return;
        }
        if (anAddress && base.equalsIgnoreCase(delivery.draft().mail().strip())) {
            logins.takeOver(tenant, delivery.getHireId(), base);
            delivery.draft(delivery.draft().withLogin(base));
            return;
        }
        Set<String> taken = new HashSet<>(takenInLucca);
        String login;
        do {
            taken.addAll(logins.reservedByOthers(tenant, delivery.getHireId(), LoginRule.searchStem(base)));
            login = LoginRule.firstFree(base, taken);
            taken.add(login);
        } while (!logins.reserve(tenant, delivery.getHireId(), login));
        delivery.draft(delivery.draft().withLogin(login));
    }

    /**
     * Whoever Lucca has with the login the hire's address makes, named as Lucca writes it: {@code login=} is strict
     * equality.
     */
    public ApiRequest findLoginHolder(@Variable(Variables.DELIVERY) Delivery delivery) {
        return requests.findPersonByLogin(delivery.loginHolder());
    }

    /**
     * Lucca's answer for the login the hire's address makes: whoever has it is decided on ({@link #noteLoginHolder});
     * nobody (gone since the directory's read), the login is free, and the hire's.
     */
    public void noteLoginHolder(@Variable(Variables.DELIVERY) Delivery delivery, @Body JsonNode answer) {
        LuccaPerson.first(LuccaRequests.FIND_PERSON_BY_LOGIN, answer).ifPresentOrElse(
                holder -> noteLoginHolder(delivery, holder), () -> chooseLoginAmong(delivery, Set.of()));
    }

    /**
     * Someone Lucca has with the hire's address as their login, under another address (HR made their account by
     * hand, with the login {@code LUCCA_LOGIN_RULE=email} would give, and a professional address): an address is one
     * person's, so they are taken as found by it, already in Lucca or a rehire as anyone found. Under a work e-mail
     * pattern the address is made of the names alone, and says no more of who has it as a login than as an address:
     * they are the candidate only when Lucca has the candidate's own e-mail as theirs.
     *
     * @throws HireNeedsAPerson when, under a work e-mail pattern, Lucca does not have the candidate's own e-mail as
     *                          theirs: a namesake, or the candidate without it
     */
    private void noteLoginHolder(Delivery delivery, LuccaPerson holder) {
        if (mayBeANamesake(delivery, holder)) {
            throw HireNeedsAPerson.addressIsTheirLogin(holder.id());
        }
        noteFound(delivery, holder);
        if (delivery.isAlreadyInLucca() || delivery.isRehire()) {
            delivery.warn(FOUND_BY_LOGIN);
        }
    }

    /**
     * Whether someone found by the address a work e-mail pattern gives the hire (as their address, or as their login)
     * may be another person: the address is made of the names alone, so someone of the same names holds it, or this
     * person, whose personal e-mail Lucca lacks; neither is taken for the other without a person. One whose personal
     * e-mail, or address, is the candidate's own e-mail (an internal candidate, whose own address is the one the
     * pattern makes) has it: they are the candidate.
     */
    private static boolean mayBeANamesake(Delivery delivery, LuccaPerson person) {
        String own = delivery.draft().personalEmail();
        return delivery.tenant().settings().workEmailPattern() != null && !person.hasPersonalEmail(own)
                && !person.hasMail(own);
    }

    /**
     * In dry-run Lucca cannot say which logins are taken, and a preview asks it nothing: the request shows the one it
     * would start from.
     */
    public void loginUnchecked(@Variable(Variables.DELIVERY) Delivery delivery) {
        delivery.draft(delivery.draft().withLogin(delivery.mapped().loginBase()));
        delivery.warn(HireWarning.ofNewUser(LOGIN_UNCHECKED));
    }

    /**
     * With a mapped contract type the user is created without a contract, and the contract is then made with its
     * type: two calls, where letting Lucca open one on its default template would take a third to find and patch it.
     */
    public ApiRequest createUser(@Variable(Variables.DELIVERY) Delivery delivery) {
        return requests.createUser(delivery.draft().toCreateBody(), !delivery.isContractTypeMapped());
    }

    /** The new user, known to the people directory at once: the next hire of the round sees their login taken. */
    public void noteCreatedUser(@Variable(Variables.DELIVERY) Delivery delivery, @Variable(Variables.LUCCA) LuccaConnection lucca,
                                @Body JsonNode answer) {
        delivery.userMade(LuccaEnvelopes.createdUserId(answer));
        people.created(lucca, delivery.luccaUserId(), delivery.draft().mail(), delivery.draft().login(),
                delivery.draft().contractEnd(), delivery.draft().personalEmail());
    }

    /** The work contract of a user this attempt created without one, with its mapped type and dates. */
    public ApiRequest createWorkContract(@Variable(Variables.DELIVERY) Delivery delivery) {
        return workContractFor(delivery, delivery.luccaUserId());
    }

    /**
     * Lucca's answer to the new user's contract call: a create names the contract it made, or it is tried again (see
     * {@link LuccaEnvelopes#createdContract}). A patch's answer is not read: the reference documents none, and the
     * patched contract was read before it.
     */
    public void contractWritten(@Variable(Variables.LUCCA_CALL) String call,
                                @Header(Exchange.HTTP_RESPONSE_CODE) int status, @Body JsonNode answer) {
        if (LuccaRequests.CREATE_WORK_CONTRACT.equals(call)) {
            LuccaEnvelopes.createdContract(status, answer);
        }
    }

    /** The first page of the person's work contracts (a returning employee's, or a user an earlier attempt made). */
    public ApiRequest findWorkContract(@Variable(Variables.DELIVERY) Delivery delivery) {
        delivery.startContractsRead();
        return requests.workContractsOf(delivery.luccaUserId());
    }

    /** Keeps a page of the person's work contracts: the request for the next one, or null when all are read. */
    public ApiRequest workContractsPage(@Variable(Variables.DELIVERY) Delivery delivery, @Body JsonNode page) {
        return delivery.contractPages().add(page);
    }

    /** The person's work contracts, their pages read as one answer. */
    public JsonNode workContractsRead(@Variable(Variables.DELIVERY) Delivery delivery) {
        return delivery.contractPages().whole();
    }

    /**
     * An earlier attempt made the user: what its contract still needs. Nothing when the contract carrying this
     * application's id is there (its answer was lost); a patch of the newest when Lucca opened one on its default
     * template (a user created with {@code contract=true}) and a type is mapped; nothing when no type is mapped
     * (that default stays); else, the user having no contract at all, the contract is made, with the mapped type or
     * without one: Lucca then says whether it takes it, rather than a hire called delivered whose person cannot log
     * in.
     */
    public ApiRequest completeWorkContract(@Variable(Variables.DELIVERY) Delivery delivery, @Body JsonNode answer) {
        List<LuccaContract> contracts = LuccaContract.of(answer);
        String application = delivery.mapped().applicationId();
        if (application != null && contracts.stream().anyMatch(contract -> application.equals(contract.externalId()))) {
            return null;
        }
        if (!contracts.isEmpty() && !delivery.isContractTypeMapped()) {
            return null;
        }
        if (contracts.isEmpty() && !delivery.isContractTypeMapped()) {
            // The user was created for a type mapped then (contract=false), and the operator changed the mapping
            // before this attempt (a replay, a retry): the unmapped type's warning, about Lucca's default template,
            // would tell HR of a template this person never got.
            delivery.withdrawWarning(CONTRACT_TYPE_UNMAPPED);
            delivery.warn(HireWarning.ofNewContract(noLongerMapped(delivery.mapped().contractTypeId())));
        }
        Optional<LuccaContract> newest = contracts.stream().max(Comparator.comparingLong(LuccaContract::id));
        if (newest.isPresent() && newest.get().externalId() != null) {
            // Another hire's contract (its application's id): the user was made by that hire, of the same candidate
            // (a lost create's login and address are this hire's, see SentCreate), so patching it would write this
            // vacancy over that one's contract. It is left as it is, for HR to decide.
            delivery.warn(HireWarning.ofNewContract(CONTRACT_OF_ANOTHER_APPLICATION));
            return null;
        }
        return newest.map(contract -> requests.patchWorkContract(contract.id(), delivery.luccaContractTypeId(),
                        delivery.draft().contractStart(), delivery.draft().contractEnd(), delivery.mapped().applicationId()))
                .orElseGet(() -> workContractFor(delivery, delivery.luccaUserId()));
    }

    /**
     * Names the vacancy's contract type by Flatchr's id when it is one (digits: the ids the mapping takes); a value
     * that is not one is not quoted, as whatever the payload holds there is not known to be free of personal data.
     */
    static String noLongerMapped(String flatchrContractTypeId) {
        String what = flatchrContractTypeId == null ? "the vacancy no longer names a mapped contract type"
                : FLATCHR_ID.matcher(flatchrContractTypeId.strip()).matches()
                ? "Flatchr contract type " + flatchrContractTypeId.strip() + " is no longer mapped"
                : "the vacancy's Flatchr contract type is no longer mapped";
        return CONTRACT_TYPE_NO_LONGER_MAPPED.formatted(what);
    }

    /** The contract call a mapped contract type leads to, before Lucca has said who the new user is. */
    public Optional<ApiRequest> contractRequest(Delivery delivery) {
        if (!delivery.isContractTypeMapped()) {
            return Optional.empty();
        }
        ApiRequest create = workContractFor(delivery, 0);
        return Optional.of(new ApiRequest(create.name(), create.method(), create.path(), create.query(),
                create.body().replace("\"ownerId\":0", "\"ownerId\":\"{id of the new user}\"")));
    }

    private ApiRequest workContractFor(Delivery delivery, long ownerId) {
        return requests.createWorkContract(ownerId, delivery.luccaContractTypeId(), delivery.draft().contractStart(),
                delivery.draft().contractEnd(), delivery.draft().legalEntityId(), delivery.mapped().applicationId());
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("The journal holds a payload that is not JSON", e);
        }
    }
}
