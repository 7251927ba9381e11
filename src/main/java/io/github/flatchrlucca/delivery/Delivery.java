package io.github.flatchrlucca.delivery;

import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.lucca.LuccaContract;
import io.github.flatchrlucca.lucca.WorkContractPages;
import io.github.flatchrlucca.mapping.DepartmentNames;
import io.github.flatchrlucca.mapping.HireWarning;
import io.github.flatchrlucca.mapping.LuccaUserDraft;
import io.github.flatchrlucca.mapping.MappedHire;
import io.github.flatchrlucca.tenants.Tenant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One attempt at delivering one hire: what was mapped, what Lucca said so far, what to warn about. */
public final class Delivery implements DepartmentNames {

    private final ClaimedHire hire;
    private final Tenant tenant;
    private final MappedHire mapped;
    private final List<HireWarning> warnings;
    private LuccaUserDraft draft;
    private Long luccaUserId;
    private boolean alreadyInLucca;
    private boolean rehire;
    private LuccaContract lastContract;
    // the person's work contracts as read so far, page by page
    private WorkContractPages contractPages;
    private boolean contractToCreate;
    private boolean directoryChecked;
    // the address as the people directory says Lucca writes it, when it lists someone with the hire's, or the address
    // of the one person it lists with the candidate's own e-mail (as their personal e-mail, or as their address)
    private String mailInLucca;
    private boolean byPersonalEmail;
    // the one person it lists with the candidate's own e-mail as their address (another than the hire's)
    private boolean byOwnEmail;
    private boolean userCreatedNow;
    // the login rule makes the hire's address its login, and Lucca has someone with it as their login, spelled so
    private String loginHolder;
    // someone the directory lists with the candidate's own e-mail, beside the one it lists with the hire's address
    private Long ownEmailHolder;
    // this attempt's create (the user, or a returning employee's contract), recorded in the journal before it is sent
    private ApiRequest createRecorded;
    private final Integer luccaContractTypeId;
    // what an earlier attempt sent and never heard the answer of; null when no create was sent
    private final SentCreate sent;

    Delivery(ClaimedHire hire, Tenant tenant, MappedHire mapped, Integer luccaContractTypeId, SentCreate sent) {
        this.hire = hire;
        this.sent = sent;
        this.tenant = tenant;
        this.mapped = mapped;
        this.luccaContractTypeId = luccaContractTypeId;
        this.draft = mapped.draft();
        this.warnings = new ArrayList<>(mapped.warnings());
        this.luccaUserId = hire.luccaUserId();
    }

    public String getHireId() {
        return hire.hireId();
    }

    /** The day the hire last entered the queue (received, moved back into hired, replayed), in its tenant's zone. */
    LocalDate arrivalDay() {
        return LocalDate.ofInstant(hire.queuedAt(), tenant.settings().zone());
    }

    /** The user exists in Lucca already: found, or created by an earlier attempt. */
    public boolean isUserKnown() {
        return luccaUserId != null;
    }

    void createRecorded(ApiRequest create) {
        this.createRecorded = create;
    }

    /** Whether {@code stopped}, a call that was never sent, is this attempt's create, recorded before it. */
    boolean isRecordedCreate(Object stopped) {
        return createRecorded != null && createRecorded == stopped;
    }

    /**
     * An earlier attempt sent a user's create, with its login, and never heard the answer: the user it may have made is
     * looked up by that login before anything else, and is this hire's if Lucca has them.
     */
    public boolean isSentUserToFind() {
        return luccaUserId == null && sent != null && sent.isUserWithLogin();
    }

    /** The create an earlier attempt sent, whose answer may have been lost; null when none was sent. */
    SentCreate sent() {
        return sent;
    }

    /** The department names the hire carries, to match against Lucca's: none without FLATCHR_DEPARTMENT_POINTER. */
    @Override
    public List<String> departmentNames() {
        return mapped.departmentNames();
    }

    public boolean isAlreadyInLucca() {
        return alreadyInLucca;
    }

    /** A former employee comes back: a new work contract on the same person, never a second person. */
    public boolean isRehire() {
        return rehire;
    }

    /** The rehire's contract is still to be made: none of this hire's was found on the person. */
    public boolean isContractToCreate() {
        return contractToCreate;
    }

    /**
     * The e-mail and the login were checked against the people directory, read from Lucca at the start of the
     * round, rather than by a look-up each.
     */
    public boolean isDirectoryChecked() {
        return directoryChecked;
    }

    /** This attempt created the user, without a contract when its type is mapped: no earlier one can have made it. */
    public boolean isUserCreatedNow() {
        return userCreatedNow;
    }

    void userMade(long id) {
        this.luccaUserId = id;
        this.userCreatedNow = true;
    }

    /**
     * The person is still to be looked up in Lucca by e-mail: neither checked against the people directory, nor known
     * already (a returning employee whose new contract an earlier attempt sent).
     */
    public boolean isPersonToLookUp() {
        return !directoryChecked && luccaUserId == null;
    }

    void checkedWithDirectory() {
        this.directoryChecked = true;
    }

    void lookUpAs(String mail) {
        this.mailInLucca = mail;
    }

    /**
     * The directory lists someone else with the candidate's own e-mail (as personal e-mail, or as address) than the one
     * it lists with the hire's address: a contract for that one would give the candidate two accounts if they are this
     * one ({@link DeliverySteps}).
     */
    void ownEmailAlsoHeldBy(long personId) {
        this.ownEmailHolder = personId;
    }

    /** Whoever {@link #ownEmailAlsoHeldBy} noted, if anyone. */
    Optional<Long> ownEmailHolder() {
        return Optional.ofNullable(ownEmailHolder);
    }

    /** The person to look up is the one the directory lists with the candidate's own e-mail as personal e-mail. */
    void lookUpByPersonalEmail(String theirMail) {
        this.mailInLucca = theirMail;
        this.byPersonalEmail = true;
    }

    /**
     * The person to look up is the one the directory lists with the candidate's own e-mail as their address, when the
     * hire's is another (a work e-mail pattern's): whoever Lucca has with it (mail= is exact) is the candidate.
     */
    void lookUpByOwnEmail(String theirMail) {
        this.mailInLucca = theirMail;
        this.byOwnEmail = true;
    }

    /** The look-up names the candidate's own e-mail, which Lucca has as someone's address. */
    boolean isLookedUpByOwnEmail() {
        return byOwnEmail;
    }

    /** The look-up names someone's address because Lucca had the candidate's own e-mail as their personal one. */
    boolean isLookedUpByPersonalEmail() {
        return byPersonalEmail;
    }

    /** The address a look-up in Lucca names: as Lucca writes it when the directory knows, else the hire's own. */
    String mailToLookUp() {
        return mailInLucca != null ? mailInLucca : draft.mail();
    }

    /**
     * The login is the hire's address ({@code LUCCA_LOGIN_RULE=email}), and Lucca has someone with it as their login:
     * they are looked up by it before anything is created, instead of a numbered login beside them.
     */
    public boolean isLoginHolderToFind() {
        return loginHolder != null;
    }

    /** @param theirLogin as Lucca writes it, which the look-up names */
    void lookUpLoginHolder(String theirLogin) {
        this.loginHolder = theirLogin;
    }

    String loginHolder() {
        return loginHolder;
    }

    /** A Lucca contract template is known for the vacancy's contract type: the contract is patched. */
    public boolean isContractTypeMapped() {
        return luccaContractTypeId != null;
    }

    /**
     * The work contract is this attempt's to make, or to check: its type is mapped, or an earlier attempt made the
     * user, perhaps without a contract (created for a type mapped then, whose contract call failed). Only a user
     * created just now on Lucca's default template already has theirs.
     */
    public boolean isContractToSet() {
        return isContractTypeMapped() || !userCreatedNow;
    }

    /** What a person should know about this hire: estimated dates, unmatched departments, rehires... */
    public List<String> warnings() {
        return warnings.stream().map(HireWarning::text).toList();
    }

    /**
     * A warning that no longer holds: an unmapped contract type, once a rehire takes the former contract's, or once
     * the contract of a user made without one is made without a type.
     */
    void withdrawWarning(String warning) {
        warnings.removeIf(kept -> kept.text().equals(warning));
    }

    ClaimedHire hire() {
        return hire;
    }

    Tenant tenant() {
        return tenant;
    }

    MappedHire mapped() {
        return mapped;
    }

    Integer luccaContractTypeId() {
        return luccaContractTypeId;
    }

    LuccaUserDraft draft() {
        return draft;
    }

    void draft(LuccaUserDraft draft) {
        this.draft = draft;
    }

    /** A warning about the hire itself, which holds whatever is written. */
    void warn(String warning) {
        warn(HireWarning.ofHire(warning));
    }

    void warn(HireWarning warning) {
        if (warnings.stream().noneMatch(kept -> kept.text().equals(warning.text()))) {
            warnings.add(warning);
        }
    }

    Long luccaUserId() {
        return luccaUserId;
    }

    void luccaUser(long id) {
        this.luccaUserId = id;
    }

    /** Nothing is written: what the new user and their contract would have been is no longer worth a warning. */
    void foundInLucca(long id) {
        this.luccaUserId = id;
        this.alreadyInLucca = true;
        this.rehire = false;
        warnings.removeIf(warning -> warning.subject() != HireWarning.Subject.HIRE);
    }

    // not named rehire(...) nor contractToCreate(...): the routes' simple expressions read ${variable.delivery.rehire}
    // and would call a method of that name, with a conversion of nothing to its argument
    // The person is not written, only a contract is made: what a new user would have been is no longer worth a warning.
    void comesBack(long personId) {
        this.luccaUserId = personId;
        this.rehire = true;
        warnings.removeIf(warning -> warning.subject() == HireWarning.Subject.NEW_USER);
    }

    /** @param last the person's latest contract, whose template and establishment a new one may take; null if none */
    void makeContract(LuccaContract last) {
        this.contractToCreate = true;
        this.lastContract = last;
    }

    /** A read of the person's work contracts begins: the pages of an earlier read are forgotten. */
    WorkContractPages startContractsRead() {
        contractPages = new WorkContractPages();
        return contractPages;
    }

    WorkContractPages contractPages() {
        return contractPages;
    }

    LuccaContract lastContract() {
        return lastContract;
    }
}
