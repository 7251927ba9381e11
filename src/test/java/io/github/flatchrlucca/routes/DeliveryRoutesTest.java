package io.github.flatchrlucca.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.e2e.FlatchrEvents;
import io.github.flatchrlucca.e2e.OnceInLucca;
import io.github.flatchrlucca.fake.FakeLucca;
import io.github.flatchrlucca.fake.Request;
import io.github.flatchrlucca.fake.WorkContract;
import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.journal.HireEvent;
import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalFaults;
import io.github.flatchrlucca.journal.JournalReader;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.camel.BeanInject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * routes/delivery.camel.yaml and the delivery's error handling (routeConfiguration delivery-failures in
 * routes/error-handling.camel.yaml): each way a hire can go, and each failure's outcome in the journal, in the JVM
 * against the fake Lucca. Retries are set ten minutes and more apart, so a hire that failed stays as its failure
 * left it for the test to read.
 */
class DeliveryRoutesTest extends RoutesInTheJvm {

    private static final int LEAVING_COMPANY = 4949;
    private static final int MOVING_COMPANY = 5050;
    private static final int ROTATING_COMPANY = 5151;
    private static final int RELOCATING_COMPANY = 5252;
    private static final int WORK_MAIL_COMPANY = 4848;
    private static final int SISTER_COMPANY = 5454;
    private static final int ORGANISATION_HIDDEN_COMPANY = 5353;
    private static final int DEPARTMENT_GONE_COMPANY = 5555;
    private static final String DEPARTMENT_GONE = "department-gone";
    private static final int ROUND_COMPANY = 5656;
    private static final int EMAIL_LOGIN_COMPANY = 5757;
    // its hires die for a person: an alert burst of their own, which the live tenant's tests of an alert do not share
    private static final int TWO_ACCOUNTS_COMPANY = 5858;
    // LUCCA_REHIRE=report: its former employees are reported, for a person to decide
    private static final int REPORT_REHIRE_COMPANY = 5959;
    private static final String ROTATED_KEY = "0d8c7a61-2222-4000-8000-0000000000bb";

    @BeanInject("journal")
    Journal journalBean;

    /** Tenant leaving's Lucca, which a reload takes the tenant away from during a round. */
    private final FakeLucca leavingLucca = FakeLucca.start(LUCCA_KEY);
    /** Tenant moving's first Lucca: a reload moves the tenant to {@link #lucca} during an attempt. */
    private final FakeLucca movedFromLucca = FakeLucca.start(LUCCA_KEY);
    /** Tenant rotating's Lucca, whose key is rotated (the old one then refused) during an attempt. */
    private final FakeLucca rotatingLucca = FakeLucca.start(LUCCA_KEY);
    /** Tenant relocating's first Lucca: a reload moves the tenant to {@link #lucca} while a hire waits for a retry. */
    private final FakeLucca relocatedFromLucca = FakeLucca.start(LUCCA_KEY);
    /** Tenant organisation-hidden's Lucca, whose key's role may not read the organisation (its departments). */
    private final FakeLucca organisationHiddenLucca = FakeLucca.start(LUCCA_KEY);
    /** Tenant department-gone's Lucca: it has a Service IT, and no department 999, the tenant's default. */
    private final FakeLucca departmentGoneLucca = FakeLucca.start(LUCCA_KEY);
    private String leavingTenant;

    DeliveryRoutesTest() throws IOException {
    }

    /** The routes and routeConfigurations whose branches this class takes, each of them. */
    static final List<String> OWNERS = List.of("deliver-hire", "find-or-create-user", "set-work-contract",
            "delivery-failures");

    @Override
    List<String> owners() {
        return OWNERS;
    }

    /** A tenant whose work addresses are made of the candidate's names. */
    @Override
    String moreTenants() {
        return """
                  - id: work-mail
                    flatchrCompanyIds: [%d]
                    webhookToken: %s
                    lucca: { baseUrl: %s, apiKey: "%s", rateLimit: { requests: 10000, windowSeconds: 60 } }
                    contractTypes: { 1: 21 }
                    workEmailPattern: "{firstname}.{lastname}@acme.test"
                  - id: sister
                    flatchrCompanyIds: [%d]
                    webhookToken: %s
                    lucca: { baseUrl: %s, apiKey: "%s", rateLimit: { requests: 10000, windowSeconds: 60 } }
                    contractTypes: { 1: 21 }
                    workEmailPattern: "{firstname}.{lastname}@acme.test"
                  - id: moving
                    flatchrCompanyIds: [%d]
                    webhookToken: %s
                    lucca: { baseUrl: %s, apiKey: "%s", rateLimit: { requests: 10000, windowSeconds: 60 } }
                    contractTypes: { 1: 21 }
                  - id: rotating
                    flatchrCompanyIds: [%d]
                    webhookToken: %s
                    lucca: { baseUrl: %s, apiKey: "%s", rateLimit: { requests: 10000, windowSeconds: 60 } }
                    contractTypes: { 1: 21 }
                  - id: relocating
                    flatchrCompanyIds: [%d]
                    webhookToken: %s
                    lucca: { baseUrl: %s, apiKey: "%s", rateLimit: { requests: 10000, windowSeconds: 60 } }
                    contractTypes: { 1: 21 }
                  - id: organisation-hidden
                    flatchrCompanyIds: [%d]
                    webhookToken: %s
                    lucca: { baseUrl: %s, apiKey: "%s", rateLimit: { requests: 10000, windowSeconds: 60 } }
                    contractTypes: { 1: 21 }
                  - id: %s
                    flatchrCompanyIds: [%d]
                    webhookToken: %s
                    lucca: { baseUrl: %s, apiKey: "%s", rateLimit: { requests: 10000, windowSeconds: 60 } }
                    contractTypes: { 1: 21 }
                    defaults: { departmentId: 999 }
                  - id: round
                    flatchrCompanyIds: [%d]
                    webhookToken: %s
                    lucca: { baseUrl: %s, apiKey: "%s", rateLimit: { requests: 10000, windowSeconds: 60 } }
                    contractTypes: { 1: 21 }
                    hireHoldSeconds: 3600
                  - id: email-login
                    flatchrCompanyIds: [%d]
                    webhookToken: %s
                    lucca: { baseUrl: %s, apiKey: "%s", rateLimit: { requests: 10000, windowSeconds: 60 } }
                    contractTypes: { 1: 21 }
                    login: email
                  - id: two-accounts
                    flatchrCompanyIds: [%d]
                    webhookToken: %s
                    lucca: { baseUrl: %s, apiKey: "%s", rateLimit: { requests: 10000, windowSeconds: 60 } }
                    contractTypes: { 1: 21 }
                  - id: report-rehire
                    flatchrCompanyIds: [%d]
                    webhookToken: %s
                    lucca: { baseUrl: %s, apiKey: "%s", rateLimit: { requests: 10000, windowSeconds: 60 } }
                    contractTypes: { 1: 21 }
                    rehire: report
                """.formatted(WORK_MAIL_COMPANY, tokenOf("work-mail"), lucca.baseUrl(),
                secret("work-mail-lucca-key", LUCCA_KEY),
                SISTER_COMPANY, tokenOf("sister"), lucca.baseUrl(), secret("sister-lucca-key", LUCCA_KEY),
                MOVING_COMPANY, tokenOf("moving"), movedFromLucca.baseUrl(), secret("moving-lucca-key", LUCCA_KEY),
                ROTATING_COMPANY, tokenOf("rotating"), rotatingLucca.baseUrl(), secret("rotating-lucca-key", LUCCA_KEY),
                RELOCATING_COMPANY, tokenOf("relocating"), relocatedFromLucca.baseUrl(),
                secret("relocating-lucca-key", LUCCA_KEY), ORGANISATION_HIDDEN_COMPANY, tokenOf("organisation-hidden"),
                organisationHiddenLucca.baseUrl(), secret("organisation-hidden-lucca-key", LUCCA_KEY),
                DEPARTMENT_GONE, DEPARTMENT_GONE_COMPANY, tokenOf(DEPARTMENT_GONE), departmentGoneLucca.baseUrl(),
                secret("department-gone-lucca-key", LUCCA_KEY),
                ROUND_COMPANY, tokenOf("round"), lucca.baseUrl(), secret("round-lucca-key", LUCCA_KEY),
                EMAIL_LOGIN_COMPANY, tokenOf("email-login"), lucca.baseUrl(), secret("email-login-lucca-key", LUCCA_KEY),
                TWO_ACCOUNTS_COMPANY, tokenOf("two-accounts"), lucca.baseUrl(), secret("two-accounts-lucca-key", LUCCA_KEY),
                REPORT_REHIRE_COMPANY, tokenOf("report-rehire"), lucca.baseUrl(),
                secret("report-rehire-lucca-key", LUCCA_KEY))
                + leavingTenant();
    }

    /** Its hires wait an hour before their delivery, until the test makes them due together. */
    private String leavingTenant() {
        if (leavingTenant == null) {
            leavingTenant = """
                      - id: leaving
                        flatchrCompanyIds: [%d]
                        webhookToken: %s
                        lucca: { baseUrl: %s, apiKey: "%s", rateLimit: { requests: 10000, windowSeconds: 60 } }
                        contractTypes: { 1: 21 }
                        hireHoldSeconds: 3600
                    """.formatted(LEAVING_COMPANY, tokenOf("leaving"), leavingLucca.baseUrl(),
                    secret("leaving-lucca-key", LUCCA_KEY));
        }
        return leavingTenant;
    }

    @AfterEach
    void luccaIsWellAgain() {
        lucca.recover();
        lucca.pageWorkContracts(0);
        Advices.clear();
    }

    @AfterAll
    void closeTheTenantsLuccas() {
        leavingLucca.close();
        movedFromLucca.close();
        rotatingLucca.close();
        relocatedFromLucca.close();
        organisationHiddenLucca.close();
        departmentGoneLucca.close();
    }

    // ---- the choices of deliver-hire

    @Test
    void aNewEmployeeIsCreatedWithTheirContract() {
        String hireId = accept(LIVE, Events.hire(LIVE, "new-1"));

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.DELIVERED);

        assertThat(lucca.users()).filteredOn(u -> u.mail().equals(Events.mail("new-1"))).singleElement()
                .satisfies(user -> assertThat(hire.luccaUserId()).isEqualTo((long) user.id()));
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == hire.luccaUserId()).singleElement()
                .satisfies(contract -> assertThat(contract.typeId()).isEqualTo(21));
    }

    @Test
    void aPersonAlreadyEmployedInLuccaIsNotCreatedAgain() {
        int existing = personInLucca("employed-1", null);

        deliveredToPerson("employed-1", existing, HireStatus.ALREADY_IN_LUCCA);

        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == existing).hasSize(1);
    }

    @Test
    void aFormerEmployeeComesBackWithANewContractOnTheSamePerson() {
        int former = personInLucca("former-1", LocalDate.of(2023, 12, 31));

        deliveredToPerson("former-1", former, HireStatus.DELIVERED);

        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == former).hasSize(2);
    }

    /**
     * The tenant chose to decide on its returning employees itself: nothing is written in Lucca, and without a word to
     * the team's chat the status page alone would say so, the employee left without a contract to log in with.
     */
    @Test
    void aFormerEmployeeReportedUnderTheReportPolicyIsToldToTheTeamOnceWithoutTheirEmail() {
        int former = personInLucca("report-1", LocalDate.of(2023, 12, 31));
        personInLucca("report-2", LocalDate.of(2023, 12, 31));

        String hireId = accept("report-rehire", Events.hire(REPORT_REHIRE_COMPANY, "report-1"));

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.ALREADY_IN_LUCCA);
        assertThat(hire.luccaUserId()).isEqualTo((long) former);
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == former).hasSize(1);
        awaitAlertAbout(hireId);
        assertThat(chat.triesOf(hireId)).singleElement().satisfies(alert -> assertThat(alert.body())
                .contains("tenant report-rehire", "#" + former, "former employee").doesNotContain(Events.mail("report-1")));
        // a resend is no news; the next rehire's alert comes after any the resend would have queued (one queue)
        assertThat(post("report-rehire", Events.hire(REPORT_REHIRE_COMPANY, "report-1")).statusCode()).isEqualTo(200);
        String next = accept("report-rehire", Events.hire(REPORT_REHIRE_COMPANY, "report-2"));
        awaitAlertAbout(next);
        assertThat(chat.triesOf(hireId)).hasSize(1);
    }

    @Test
    void aRehireIsNotDecidedOnAListOfContractsThatLacksSomeItCounts() {
        int former = personInLucca("paged-1", LocalDate.of(2023, 12, 31));
        // Lucca counts the former contract and lists none of it, with no next page: read as "no contract", the new
        // one would be made without the former's template
        lucca.answerNext("GET", "/directory/api/4.0/work-contracts", Map.of("items", List.of(), "count", 1));

        String hireId = accept(LIVE, Events.hire(LIVE, "paged-1"));

        HireView waiting = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        assertThat(waiting.lastError()).contains("listing 0 of the 1 contracts it counts");
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == former).hasSize(1);
        assertThat(nextAttempt(waiting).luccaUserId()).isEqualTo((long) former);
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == former).hasSize(2);
    }

    @Test
    void aRehireOfAnUnmappedTypeTakesTheTemplateOfTheNewestContractFromTheSecondPage() {
        int former = personInLucca("paged-2", LocalDate.of(2019, 12, 31));
        lucca.addContract(former, 22, LocalDate.of(2021, 1, 1), LocalDate.of(2023, 12, 31));
        // one contract a page: the first holds the oldest (Lucca's default template), the second the newest
        lucca.pageWorkContracts(1);
        ObjectNode event = Events.hire(LIVE, "paged-2");
        ((ObjectNode) event.path("data").path("vacancy")).put("contract_type_id", 2);

        String hireId = accept(LIVE, event);

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.DELIVERED);
        assertThat(hire.luccaUserId()).isEqualTo((long) former);
        assertThat(hire.warnings().toString()).contains("takes the template of the former one");
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == former)
                .extracting(WorkContract::typeId).containsExactly(1, 22, 22);
        assertThat(lucca.requests()).as("the second page, asked of the tenant's Lucca")
                .anyMatch(r -> r.path().equals("/directory/api/4.0/work-contracts")
                        && r.query().equals("ownerId[]=" + former + "&page=2&limit=1"));
    }

    @Test
    void aRehireWhoseContractCreateIsAnsweredWithoutAContractIsTriedAgainAndMakesItOnce() {
        int former = personInLucca("contract-unsaid-1", LocalDate.of(2023, 12, 31));
        // a success that holds no contract (a proxy's {}): nothing says the contract exists
        lucca.answerNext("POST", "/directory/api/4.0/work-contracts", Map.of());

        String hireId = accept(LIVE, Events.hire(LIVE, "contract-unsaid-1"));

        HireView waiting = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        assertThat(waiting.lastError()).contains("create-work-contract", "without the id of the contract");
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == former).hasSize(1);
        HireView hire = nextAttempt(waiting);
        assertThat(hire.luccaUserId()).isEqualTo((long) former);
        assertThat(lucca.contracts()).as("the former contract and exactly one new one")
                .filteredOn(c -> c.ownerId() == former).hasSize(2);
        assertThat(postsFor("contract-unsaid-1")).as("no user made").isZero();
    }

    @Test
    void aNewUsersContractCreateAnsweredWithoutAContractIsTriedAgainAndMakesItOnce() {
        lucca.answerNext("POST", "/directory/api/4.0/work-contracts", Map.of());

        String hireId = accept(LIVE, Events.hire(LIVE, "contract-unsaid-2"));

        HireView waiting = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        assertThat(waiting.lastError()).contains("create-work-contract", "without the id of the contract");
        assertThat(waiting.luccaUserId()).isNotNull();
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == waiting.luccaUserId()).isEmpty();
        HireView hire = nextAttempt(waiting);
        assertThat(usersWithMail("contract-unsaid-2")).isOne();
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == hire.luccaUserId()).singleElement()
                .satisfies(contract -> assertThat(contract.typeId()).isEqualTo(21));
    }

    /**
     * An old payload without an applicant id is keyed by its candidate and vacancy: its contract carries that same key
     * as its externalId, so the contract whose answer was lost is found again, not taken for someone already employed.
     */
    @Test
    void aRehireOfAPayloadWithoutApplicantIdWhoseContractAnswerIsLostFindsTheContractItMade() {
        int former = personInLucca("no-applicant-1", LocalDate.of(2023, 12, 31));
        lucca.loseAnswerOfNextContractCreate();
        ObjectNode event = Events.hire(LIVE, "no-applicant-1");
        ((ObjectNode) event.path("data")).remove("applicant");
        ((ObjectNode) event.path("data").path("candidate")).put("id", 9191);

        String hireId = accept(LIVE, event);

        HireView waiting = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        HireView hire = nextAttempt(waiting);
        assertThat(hire.luccaUserId()).isEqualTo((long) former);
        assertThat(hire.warnings().toString()).contains("answer to the new contract was lost", "no new user was created");
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == former)
                .extracting(WorkContract::externalId).containsExactly(null, "candidate-9191-vacancy-5");
    }

    @Test
    void aTenantWithoutLuccaRecordsWhatItWouldHaveSent() {
        long luccaCalls = lucca.requests().size();

        String hireId = accept(DRY, Events.hire(DRY, "dry-1"));

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.DRY_RUN);
        assertThat(hire.luccaRequest()).contains(Events.mail("dry-1"));
        assertThat(lucca.requests().stream().skip(luccaCalls)).noneMatch(r -> r.body().contains("dry-1"));
    }

    @Test
    void aRoundWhoseReadOfLuccasPeopleFailsLooksEachHireUpInLucca() {
        // the next read is the round's, of who changed in Lucca: without it, the logins are asked of Lucca
        lucca.failNext("GET", "/api/v3/users", 503, 1);
        long loginLookUps = lucca.requests().stream().filter(r -> r.query() != null && r.query().contains("login=")).count();

        String hireId = accept(LIVE, Events.hire(LIVE, "unread-1"));

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.DELIVERED);
        assertThat(hire.luccaUserId()).isNotNull();
        assertThat(lucca.requests().stream().filter(r -> r.query() != null && r.query().contains("login=")).count())
                .isGreaterThan(loginLookUps);
        assertThat(usersWithMail("unread-1")).isOne();
    }

    @Test
    void aHireLookedUpInLuccaFindsTheirAddressWrittenInOtherLetters() {
        int existing = lucca.addUser("Camille", "Morel", "Camille.Other-Case-1@Example.org", "cmorel-case",
                LocalDate.of(2020, 1, 1), null);
        // a first hire's round reads Lucca's people; the next round's read of who changed fails, and its hire is
        // looked up in Lucca itself, by its address
        awaitHire(accept(LIVE, Events.hire(LIVE, "other-case-warm-1")), h -> h.status() == HireStatus.DELIVERED);
        lucca.failNext("GET", "/api/v3/users", 503, 1);

        String hireId = accept(LIVE, Events.hire(LIVE, "other-case-1"));

        HireView hire = awaitHire(hireId, h -> h.status() != HireStatus.RECEIVED);
        assertThat(lucca.requests()).as("looked up by e-mail")
                .anyMatch(r -> r.query() != null && r.query().startsWith("mail=") && r.query().contains("other-case-1"));
        assertThat(hire.status()).isEqualTo(HireStatus.ALREADY_IN_LUCCA);
        assertThat(hire.luccaUserId()).isEqualTo((long) existing);
        assertThat(lucca.users().stream().filter(u -> u.mail().equalsIgnoreCase(Events.mail("other-case-1"))).count())
                .as("still one user with the address").isOne();
    }

    @Test
    void aSuccessWithoutTheListLuccaDocumentsIsRetriedNotTakenForNobody() {
        int person = personInLucca("proxied-1", null);
        // a proxy before Lucca answers 200 with a body of its own: the round's read of who changed, then the look-up
        lucca.failNext("GET", "/api/v3/users", 200, 2);

        String hireId = accept(LIVE, Events.hire(LIVE, "proxied-1"));

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        assertThat(hire.lastLuccaStatus()).isEqualTo(200);
        assertThat(hire.lastError()).contains("find-person-by-mail", "data.items");
        assertThat(hire.lastLuccaBody()).contains("Injected failure");
        assertThat(postsFor("proxied-1")).as("nobody was made").isZero();
        // Lucca answers again: the person is found
        assertThat(journalBean.deliverNow(hireId)).isTrue();
        assertThat(awaitHire(hireId, h -> h.status() == HireStatus.ALREADY_IN_LUCCA).luccaUserId())
                .isEqualTo((long) person);
    }

    // ---- each onException of delivery-failures

    @Test
    void aHireLuccaRefusesIsDeadAtOnceWithLuccasAnswerAndAnAlert() {
        HireView hire = createAnswered(400, "refused-1", HireStatus.DEAD);
        assertThat(hire.lastLuccaStatus()).isEqualTo(400);
        assertThat(hire.lastLuccaBody()).isNotBlank();
        assertThat(hire.lastError()).contains("create-user");
        assertThat(hire.nextAttemptAt()).isNull();
        awaitAlertAbout(hire.hireId());
    }

    @Test
    void aCreateLuccaRefusedIsNotTakenForOneWhoseAnswerWasLostWhenTheReadAfterItFails() {
        lucca.failNext("POST", "/api/v3/users", 409, 1);
        // the read of Lucca's people that would explain the refusal fails too
        Advices.whileTheCreateWaits("refused-then-unread-1",
                hire -> lucca.failNext("GET", "/api/v3/users", 503, 1));
        String hireId = accept(LIVE, Events.hire(LIVE, "refused-then-unread-1"));
        HireView retrying = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        assertThat(retrying.lastLuccaStatus()).isEqualTo(503);

        // Lucca made nothing: an operator who stops the hire is not asked to look for an account
        assertThat(journalBean.cancel(hireId)).isTrue();
        assertThat(hire(hireId).decisionNeeded()).isNull();
        assertThat(usersWithMail("refused-then-unread-1")).isZero();
    }

    @Test
    void aNamesakeOfAFormerEmployeeIsDeadForAPersonNotRehiredOnTheirRecord() {
        int namesake = lucca.addUser("Jean", "Namesake", "jean.namesake@acme.test", "jnamesake",
                LocalDate.of(2020, 1, 1), LocalDate.of(2024, 3, 31), "jean.namesake.1970@example.org");

        String hireId = accept("work-mail", workMailHire("namesake-1", "Jean", "Namesake",
                "jean.namesake.1999@example.org"));

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.DEAD);
        assertThat(hire.lastError()).contains("#" + namesake).contains("namesake").doesNotContain("@");
        assertThat(hire.luccaUserId()).isNull();
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == namesake).hasSize(1);
        assertThat(lucca.users()).filteredOn(u -> u.mail().equals("jean.namesake@acme.test")).hasSize(1);
        awaitAlertAbout(hireId);
    }

    @Test
    void twoUsersWithTheHiresAddressAFormerOneFirstAreDeadForAPersonNeitherGivenAContract() {
        // Lucca does not make addresses unique: a former account beside a current one
        int former = lucca.addUser("Camille", "Morel", Events.mail("two-accounts-1"), "cmorel-old",
                LocalDate.of(2018, 1, 1), LocalDate.of(2020, 12, 31));
        int current = lucca.addUser("Camille", "Morel", Events.mail("two-accounts-1"), "cmorel-new",
                LocalDate.of(2024, 1, 1), null);

        String hireId = accept("two-accounts", Events.hire(TWO_ACCOUNTS_COMPANY, "two-accounts-1"));

        assertTwoAccountsLeftAsTheyWere(hireId, former, current, "two-accounts-1");
    }

    @Test
    void twoUsersWithTheHiresAddressFoundByALookUpInLuccaAreDeadForAPersonToo() {
        int former = lucca.addUser("Camille", "Morel", Events.mail("two-accounts-2"), "cmorel-old2",
                LocalDate.of(2018, 1, 1), LocalDate.of(2020, 12, 31));
        int current = lucca.addUser("Camille", "Morel", "Camille.Two-Accounts-2@Example.org", "cmorel-new2",
                LocalDate.of(2024, 1, 1), null);
        // a first hire's round reads Lucca's people; the next round's read fails: its hire is looked up in Lucca
        awaitHire(accept("two-accounts", Events.hire(TWO_ACCOUNTS_COMPANY, "two-accounts-warm-2")),
                h -> h.status() == HireStatus.DELIVERED);
        lucca.failNext("GET", "/api/v3/users", 503, 1);

        String hireId = accept("two-accounts", Events.hire(TWO_ACCOUNTS_COMPANY, "two-accounts-2"));

        assertTwoAccountsLeftAsTheyWere(hireId, former, current, "two-accounts-2");
        assertThat(lucca.requests()).as("looked up by e-mail")
                .anyMatch(r -> r.query() != null && r.query().startsWith("mail=") && r.query().contains("two-accounts-2"));
    }

    private void assertTwoAccountsLeftAsTheyWere(String hireId, int former, int current, String applicantId) {
        HireView hire = awaitHire(hireId, h -> h.status() != HireStatus.RECEIVED);
        assertThat(hire.status()).isEqualTo(HireStatus.DEAD);
        assertThat(hire.lastError()).contains("#" + former, "#" + current).doesNotContain("@");
        assertThat(hire.luccaUserId()).isNull();
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == former || c.ownerId() == current).hasSize(2);
        assertThat(lucca.users()).filteredOn(u -> u.mail().equalsIgnoreCase(Events.mail(applicantId))).hasSize(2);
        awaitAlertAbout(hireId);
    }

    @Test
    void aFormerEmployeeWhosePersonalEmailLuccaHasComesBackUnderAWorkEmailPattern() {
        int former = lucca.addUser("Anne", "Retour", "anne.retour@acme.test", "aretour", LocalDate.of(2020, 1, 1),
                LocalDate.of(2024, 3, 31), "anne.retour@example.org");

        String hireId = accept("work-mail", workMailHire("returning-1", "Anne", "Retour", "Anne.Retour@example.org"));

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.DELIVERED);
        assertThat(hire.luccaUserId()).isEqualTo((long) former);
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == former).hasSize(2);
    }

    @Test
    void aFormerInternMadeByHandUnderTheirOwnEmailComesBackOnTheirRecordUnderAWorkEmailPattern() {
        // made by hand before the tenant had a work e-mail pattern: the candidate's own e-mail, no personal e-mail
        int former = lucca.addUser("Paul", "Stagiaire", "paul.stagiaire@example.org", "pstagiaire",
                LocalDate.of(2020, 1, 1), LocalDate.of(2024, 3, 31));

        String hireId = accept("work-mail", workMailHire("intern-1", "Paul", "Stagiaire", "Paul.Stagiaire@example.org"));

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.DELIVERED);
        assertThat(hire.luccaUserId()).isEqualTo((long) former);
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == former).hasSize(2);
        assertThat(lucca.users()).filteredOn(u -> "Stagiaire".equals(u.lastName())).extracting(u -> u.id())
                .containsExactly(former);
    }

    @Test
    void underTheEmailLoginRuleSomeoneWhoseLoginIsTheCandidatesEmailIsNotMadeASecondTime() {
        // HR made her account by hand: her own e-mail as login, a work address, no personal e-mail
        int existing = lucca.addUser("Camille", "Morel", "c.morel@acme.test", Events.mail("login-holder-1"),
                LocalDate.of(2020, 1, 1), null);

        String hireId = accept("email-login", Events.hire(EMAIL_LOGIN_COMPANY, "login-holder-1"));

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.ALREADY_IN_LUCCA);
        assertThat(hire.luccaUserId()).isEqualTo((long) existing);
        assertThat(postsFor("login-holder-1")).as("no user with a numbered login beside hers").isZero();
        assertThat(lucca.users()).filteredOn(u -> u.login().startsWith(Events.mail("login-holder-1"))).hasSize(1);
    }

    @Test
    void aRejectedKeyKeepsTheHireQueuedForAtLeastTheKeyDelayThenItIsDelivered() {
        HireView hire = createAnswered(401, "key-1", HireStatus.RETRYING);
        assertThat(hire.lastLuccaStatus()).isEqualTo(401);
        // RETRY_KEY_REJECTED_DELAY_MS is 15 minutes here, the backoff's first wait 10
        assertThat(hire.nextAttemptAt()).isAfter(hire.updatedAt().plus(Duration.ofMinutes(14)));
        assertThat(usersWithMail("key-1")).isZero();

        assertThat(nextAttempt(hire).attempts()).isEqualTo(2);
        assertThat(usersWithMail("key-1")).isOne();
    }

    @Test
    void a429WaitsForAsLongAsLuccaSays() {
        // the paused tenant's key is tried once at start: the 429 is for the hire
        await().atMost(Duration.ofSeconds(10)).until(() -> pausedLucca.count("GET", "/api/v3/users") >= 1);
        // the hire's own create: the read of who changed in Lucca, before it, is answered
        pausedLucca.rateLimitNext("POST", "/api/v3/users", 1, 3000);

        String hireId = accept(PAUSED, Events.hire(PAUSED, "limited-1"));

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        assertThat(hire.lastLuccaStatus()).isEqualTo(429);
        // Retry-After, not the backoff (ten minutes here)
        assertThat(hire.nextAttemptAt()).isBetween(hire.updatedAt().plus(Duration.ofMinutes(49)),
                hire.updatedAt().plus(Duration.ofMinutes(51)));
    }

    @Test
    void aValueTheJournalRefusesKillsTheHireNamingWhatWasWritten() {
        String hireId = acceptMeeting("refused-value-1", hire -> {
            throw JournalFaults.refusedValue("reserve the login");
        });

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.DEAD);
        assertThat(hire.lastError()).contains("reserve the login");
        assertThat(usersWithMail("refused-value-1")).isZero();
        awaitAlertAbout(hireId);
    }

    @Test
    void aJournalOutageDuringTheAttemptIsWrittenOnceTheJournalAnswers() {
        String hireId = acceptMeeting("outage-1", hire -> {
            throw JournalFaults.unavailable("record the attempt");
        });

        // left behind by the attempt, written by the next round (the journal answers again at once here)
        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        assertThat(hire.lastError()).contains("the journal could not be reached");
        assertThat(hire.attempts()).isEqualTo(1);
        assertThat(hire.nextAttemptAt()).isAfter(hire.updatedAt().plus(Duration.ofMinutes(4)));
    }

    @Test
    void aHireThatNamesNoDepartmentIsDeliveredWithAKeyThatMayNotReadTheOrganisation() {
        organisationHiddenLucca.failNext("GET", "/organization/structure/api/departments", 403, 100);

        String hireId = accept("organisation-hidden", Events.hire(ORGANISATION_HIDDEN_COMPANY, "organisation-hidden-1"));

        assertThat(awaitHire(hireId, h -> h.status() != HireStatus.RECEIVED).status()).isEqualTo(HireStatus.DELIVERED);
        assertThat(organisationHiddenLucca.count("GET", "/organization")).as("departments asked for").isZero();
    }

    @Test
    void aDefaultDepartmentLuccaDoesNotListStopsTheCreatesOfTheHiresThatFallBackToItIsToldOnceAndSparesARehire()
            throws IOException {
        departmentGoneLucca.addDepartment("Service IT", true);
        // a hire that names a department Lucca has is delivered there, and Lucca's list is then known
        String named = accept(DEPARTMENT_GONE,
                Events.inDepartment(Events.hire(DEPARTMENT_GONE_COMPANY, "gone-1"), "Service IT"));
        assertThat(awaitHire(named, h -> h.status() != HireStatus.RECEIVED).status()).isEqualTo(HireStatus.DELIVERED);

        // two that name none fall back to the default, 999, which Lucca would refuse
        List<String> fallingBack = List.of(accept(DEPARTMENT_GONE, Events.hire(DEPARTMENT_GONE_COMPANY, "gone-2")),
                accept(DEPARTMENT_GONE, Events.hire(DEPARTMENT_GONE_COMPANY, "gone-3")));

        for (String hireId : fallingBack) {
            HireView hire = awaitHire(hireId, h -> h.status() != HireStatus.RECEIVED);
            assertThat(hire.status()).isEqualTo(HireStatus.DEAD);
            assertThat(hire.lastError())
                    .startsWith("defaults.departmentId (tenants file) 999 is not among Lucca's departments")
                    .contains("its create was not sent", "then replay the hire").doesNotContain("camille", "example.org");
            assertThat(hire.luccaUserId()).isNull();
        }
        assertThat(departmentGoneLucca.count("POST", "/api/v3/users")).as("creates sent").isEqualTo(1);
        assertThat(departmentGoneLucca.count("GET", "/organization/structure/api/departments"))
                .as("the read for the hire that named one, and once more before 999 was believed").isEqualTo(2);

        // the tenant, told once to the chat, shows it in health and in the tenants view
        String told = "Tenant " + DEPARTMENT_GONE + ": defaults.departmentId (tenants file) 999 is not among";
        await().atMost(Duration.ofSeconds(10)).until(() -> chat.messages().stream().anyMatch(m -> m.contains(told)));
        await().atMost(Duration.ofSeconds(10)).until(() -> !chat.triesOf(fallingBack.get(1)).isEmpty());
        assertThat(chat.messages()).filteredOn(m -> m.contains(told)).hasSize(1);
        assertThat(getAdmin("/observe/health/ready?data=true").body())
                .contains("\"tenants.defaultDepartment.not-in-lucca\":1");
        assertThat(JSON.readTree(getAdmin("/admin/api/tenants").body()).path("tenants").findParents("id").stream()
                .filter(tenant -> tenant.path("id").asText().equals(DEPARTMENT_GONE)).findFirst().orElseThrow()
                .path("defaultDepartment").asText())
                .isEqualTo("defaults.departmentId (tenants file) 999 is not among Lucca's departments");

        // a former employee comes back under it: their new contract names no department, Lucca takes it
        int former = departmentGoneLucca.addUser("Camille", "Morel", Events.mail("gone-4"), "cmorel-gone-4",
                LocalDate.of(2020, 1, 1), LocalDate.of(2023, 12, 31));
        String rehire = accept(DEPARTMENT_GONE, Events.hire(DEPARTMENT_GONE_COMPANY, "gone-4"));
        HireView rehired = awaitHire(rehire, h -> h.status() != HireStatus.RECEIVED);
        assertThat(rehired.status()).as(rehired.lastError()).isEqualTo(HireStatus.DELIVERED);
        assertThat(rehired.luccaUserId()).isEqualTo((long) former);
        assertThat(departmentGoneLucca.contracts()).filteredOn(c -> c.ownerId() == former).hasSize(2);
        assertThat(departmentGoneLucca.count("POST", "/api/v3/users")).as("no user created").isEqualTo(1);
    }

    @Test
    void aHireAnotherInstanceTookOverIsLeftToIt() {
        String hireId = acceptMeeting("taken-over-1", this::anotherInstanceTakesOver);

        HireView hire = afterStep("log-hire-taken-over", hireId);
        assertThat(hire.status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(hire.lastError()).isNull();
        assertThat(usersWithMail("taken-over-1")).isZero();
        assertThat(postsFor("taken-over-1")).isZero();
    }

    @Test
    void aCallHeldBackForASlowJournalIsAFailedAttemptRetriedWithBackoff() {
        String hireId = acceptMeeting("held-back-1", hire -> {
            throw JournalFaults.callHeldBack("the next Lucca call of hire " + hire.hireId());
        });

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        assertThat(hire.lastError()).contains("was not sent", "the journal's commit was slow");
        assertThat(hire.attempts()).isEqualTo(1);
        assertThat(hire.nextAttemptAt()).isAfter(hire.updatedAt().plus(Duration.ofMinutes(4)));
        assertThat(usersWithMail("held-back-1")).isZero();
    }

    @Test
    void aCreateHeldBackForASlowJournalIsNotTakenForOneWhoseAnswerWasLost() {
        Advices.whileTheCreateWaits("held-back-2", hire -> {
            throw JournalFaults.callHeldBack("the next Lucca call of hire " + hire.hireId());
        });
        String hireId = accept(LIVE, Events.hire(LIVE, "held-back-2"));

        HireView retrying = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        assertThat(retrying.createUnanswered()).as("its create was never sent").isFalse();
        assertThat(journalBean.cancel(hireId)).isTrue();
        assertThat(hire(hireId).decisionNeeded()).as("no account to look for").isNull();
        assertThat(usersWithMail("held-back-2")).isZero();
    }

    @Test
    void aHireCancelledDuringItsAttemptStopsBeforeItsNextLuccaCall() {
        String hireId = acceptMeeting("cancelled-1", hire -> journalBean.cancel(hire.hireId()));

        HireView hire = afterStep("end-the-stopped-attempt", hireId);
        assertThat(hire.status()).isEqualTo(HireStatus.CANCELLED);
        assertThat(usersWithMail("cancelled-1")).isZero();
        assertThat(postsFor("cancelled-1")).isZero();
    }

    @Test
    void aHireCancelledWhileItsCreateWaitsForItsTurnSendsNothingAndAsksNobodyToLookInLucca() {
        Advices.whileTheCreateWaits("cancelled-2", hire -> assertThat(journalBean.cancel(hire.hireId())).isTrue());
        String hireId = accept(LIVE, Events.hire(LIVE, "cancelled-2"));

        await().atMost(Duration.ofSeconds(10)).until(() -> stoppedAndGivenBack(hireId));
        HireView hire = hire(hireId);
        assertThat(hire.status()).isEqualTo(HireStatus.CANCELLED);
        assertThat(hire.decisionNeeded()).as("its create was never sent: no account to look for").isNull();
        assertThat(hire.luccaRequest()).isNull();
        assertThat(history(hireId)).last().extracting(HireEvent::detail).asString()
                .contains("stopped before it was sent: nothing was made in Lucca");
        assertThat(usersWithMail("cancelled-2")).isZero();
    }

    @Test
    void aLuccaOutageIsTriedAgainLaterWithBackoffUntilLuccaIsBack() {
        HireView hire = createAnswered(503, "unavailable-1", HireStatus.RETRYING);
        assertThat(hire.lastLuccaStatus()).isEqualTo(503);
        assertThat(hire.attempts()).isEqualTo(1);
        // the first wait of the backoff: ten minutes here, with jitter
        assertThat(hire.nextAttemptAt()).isAfter(hire.updatedAt().plus(Duration.ofMinutes(4)));

        assertThat(nextAttempt(hire).attempts()).isEqualTo(2);
        assertThat(usersWithMail("unavailable-1")).isOne();
    }

    @Test
    void thePersonHiredIntoTwoVacanciesIsOneUserTheSecondHireWaitingForTheFirst() {
        // two tenants of one Lucca (two companies of one customer), both making work addresses of the names
        ObjectNode first = FlatchrEvents.hire("twice-1", "Ines", "Double", "ines.double@example.org");
        first.put("company_id", WORK_MAIL_COMPANY);
        ObjectNode second = FlatchrEvents.hire("twice-2", "Ines", "Double", "ines.double@example.org");
        second.put("company_id", SISTER_COMPANY);
        CompletableFuture<String> waited = new CompletableFuture<>();
        // the first's create is recorded, about to be sent, when the other tenant's round delivers the second
        Advices.whileTheCreateWaits("twice-1", hire -> {
            String secondId = accept("sister", second);
            waited.complete(awaitHire(secondId, h -> h.status() == HireStatus.RETRYING).hireId());
        });

        String firstId = accept("work-mail", first);
        HireView delivered = awaitHire(firstId, h -> h.status() == HireStatus.DELIVERED);
        String secondId = waited.orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(hire(secondId).lastError()).contains("hire " + firstId + " has the same address in this Lucca")
                .doesNotContain("ines.double");

        // its next attempt finds in Lucca itself the user the first made after the round's read of its people
        assertThat(journalBean.deliverNow(secondId)).isTrue();
        HireView found = awaitHire(secondId, h -> h.status() == HireStatus.ALREADY_IN_LUCCA);
        assertThat(found.luccaUserId()).isEqualTo(delivered.luccaUserId());
        OnceInLucca.withMail(lucca, "ines.double@acme.test");
    }

    @Test
    void theSameCandidateWhoseNamesAreWrittenOtherwiseIsOneUserTheSecondHireWaitingForTheFirst() {
        // the same tenants; the second hire writes the candidate's last name otherwise: another work address
        ObjectNode first = FlatchrEvents.hire("otherwise-1", "Zoé", "Martin", "zoe.otherwise@example.org");
        first.put("company_id", WORK_MAIL_COMPANY);
        ObjectNode second = FlatchrEvents.hire("otherwise-2", "Zoé", "Martin-Leroy", "Zoe.Otherwise@example.org");
        second.put("company_id", SISTER_COMPANY);
        CompletableFuture<HireView> waited = new CompletableFuture<>();
        Advices.whileTheCreateWaits("otherwise-1", hire -> {
            String secondId = accept("sister", second);
            waited.complete(awaitHire(secondId, h -> h.status() == HireStatus.RETRYING
                    || h.status() == HireStatus.DELIVERED));
        });

        String firstId = accept("work-mail", first);
        HireView delivered = awaitHire(firstId, h -> h.status() == HireStatus.DELIVERED);
        HireView secondWaited = waited.orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(secondWaited.status()).as("it must not create while the first's create is on its way")
                .isEqualTo(HireStatus.RETRYING);
        assertThat(secondWaited.lastError())
                .contains("hire " + firstId + " has the same candidate (their own e-mail) in this Lucca")
                .doesNotContainIgnoringCase("zoe");

        // its next attempt finds the user the first made by their personal e-mail: the candidate, already in Lucca
        assertThat(journalBean.deliverNow(secondWaited.hireId())).isTrue();
        HireView found = awaitHire(secondWaited.hireId(), h -> h.status() == HireStatus.ALREADY_IN_LUCCA);
        assertThat(found.luccaUserId()).isEqualTo(delivered.luccaUserId());
        OnceInLucca.withMail(lucca, "zoe.martin@acme.test");
        assertThat(lucca.users()).filteredOn(user -> "zoe.otherwise@example.org".equals(user.personalEmail()))
                .as("one account of the candidate").hasSize(1);
    }

    @Test
    void aCreateWhoseAnswerIsLostIsTriedAgainAndMakesExactlyOneUser() {
        lucca.loseAnswerOfNextCreate();

        String hireId = accept(LIVE, Events.hire(LIVE, "lost-1"));

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        assertThat(hire.lastLuccaStatus()).isNull();
        assertThat(hire.lastError()).contains("during create-user");
        assertThat(hire.nextAttemptAt()).isAfter(hire.updatedAt().plus(Duration.ofMinutes(4)));

        // the next attempt finds the user the lost create made, and sets its contract: one user, one create
        HireView delivered = nextAttempt(hire);
        assertThat(delivered.warnings().toString()).contains("answer to the create was lost");
        assertThat(usersWithMail("lost-1")).isOne();
        assertThat(postsFor("lost-1")).isOne();
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == delivered.luccaUserId())
                .singleElement().satisfies(contract -> assertThat(contract.typeId()).isEqualTo(21));
    }

    @Test
    void aCreateWhoseAnswerIsLostIsFoundByItsLoginAfterTheHiresAddressChanged() {
        lucca.loseAnswerOfNextCreate();
        String hireId = accept(LIVE, Events.hire(LIVE, "lost-2"));
        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        int made = lucca.users().stream().filter(u -> u.mail().equals(Events.mail("lost-2"))).findFirst()
                .orElseThrow().id();
        // the recruiter corrects the candidate's e-mail (or a reload gives the tenant a work e-mail pattern): the next
        // attempt maps the hire to another address than the one the lost create was sent with
        changePayload(hireId, Events.mail("lost-2"), Events.mail("lost-2-corrected"));

        HireView delivered = nextAttempt(hire);

        assertThat(delivered.luccaUserId()).as("the user the lost create made").isEqualTo((long) made);
        assertThat(delivered.warnings().toString()).contains("answer to the create was lost");
        assertThat(usersWithMail("lost-2-corrected")).as("no second user").isZero();
        assertThat(postsFor("lost-2-corrected")).isZero();
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == made).singleElement()
                .satisfies(contract -> assertThat(contract.typeId()).isEqualTo(21));
    }

    @Test
    void aContractStepThatFailsIsTriedAgainWithoutCreatingTheUserAgain() {
        // the user is made without a contract, then the contract with its type: that second call fails
        lucca.failNext("POST", "/directory/api/4.0/work-contracts", 502, 1);

        String hireId = accept(LIVE, Events.hire(LIVE, "contract-1"));

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        assertThat(hire.lastLuccaStatus()).isEqualTo(502);
        assertThat(hire.luccaUserId()).isNotNull();
        nextAttempt(hire);
        assertThat(postsFor("contract-1")).isOne();
        assertThat(usersWithMail("contract-1")).isOne();
    }

    @Test
    void aUserMadeWithoutContractIsNeverDeliveredWithoutOneOnceItsTypeIsNoLongerMapped() {
        // the user is made without a contract for its mapped type, and Lucca refuses that contract: dead
        lucca.failNext("POST", "/directory/api/4.0/work-contracts", 422, 1);
        String hireId = accept(LIVE, Events.hire(LIVE, "unmapped-1"));
        HireView dead = awaitHire(hireId, h -> h.status() == HireStatus.DEAD);
        assertThat(dead.luccaUserId()).isNotNull();
        // the operator removes the mapping (here: the vacancy's type is one no longer mapped) and replays
        changePayload(hireId, "\"contract_type_id\":1", "\"contract_type_id\":2");
        assertThat(postAdmin("/admin/api/hires/" + hireId + "/replay", "").statusCode()).isEqualTo(202);

        // the user still has no contract: it is sent without a type, and this Lucca refuses it, saying why
        HireView replayed = awaitHire(hireId, h -> h.status() != HireStatus.RECEIVED && h.attempts() > 0);
        assertThat(replayed.status()).isEqualTo(HireStatus.DEAD);
        assertThat(replayed.lastError()).contains("create-work-contract");
        assertThat(replayed.lastLuccaBody()).contains("typeId");
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == dead.luccaUserId()).isEmpty();
    }

    // ---- a round

    /**
     * A round delivers its hires one after the other, and each hire's event (up to FLATCHR_MAX_BODY_BYTES) is read when
     * its turn comes: a hire delivered is let go before the next one's turn. A round that held every hire it delivered
     * until its end held DELIVERY_BATCH_SIZE events (20 of 1 MiB in a 128 MiB heap, up to 1,000 as the setting allows).
     */
    @Test
    void aRoundLetsGoOfEachHireItDeliveredBeforeTheNextOnesTurn() {
        AtomicReference<WeakReference<ClaimedHire>> earlier = new AtomicReference<>();
        CompletableFuture<Boolean> earlierStillHeld = new CompletableFuture<>();
        Consumer<ClaimedHire> eachTurn = hire -> {
            WeakReference<ClaimedHire> first = earlier.getAndSet(new WeakReference<>(hire));
            if (first != null) {
                earlierStillHeld.complete(reachableAfterCollections(first));
            }
        };
        Advices.beforeFindOrCreate("round-a", eachTurn);
        Advices.beforeFindOrCreate("round-b", eachTurn);
        String first = accept("round", Events.hire(ROUND_COMPANY, "round-a"));
        String second = accept("round", Events.hire(ROUND_COMPANY, "round-b"));

        // one round takes both
        dueNow(first, second);

        for (String hireId : List.of(first, second)) {
            awaitHire(hireId, h -> h.status() == HireStatus.DELIVERED);
        }
        assertThat(earlierStillHeld.orTimeout(10, TimeUnit.SECONDS).join())
                .as("the hire delivered first, still held by its round at the second one's turn").isFalse();
    }

    // ---- a reload of TENANTS_FILE during a round

    @Test
    void theHiresOfATenantThatLeavesDuringTheirRoundAreLeftAsTheyWereAndDeliveredOnItsReturn() {
        String first = accept("leaving", Events.hire(LEAVING_COMPANY, "leaving-1"));
        String second = accept("leaving", Events.hire(LEAVING_COMPANY, "leaving-2"));
        CompletableFuture<String> stopped = firstAttemptWaitsFor(() -> !tenants.inForce("leaving"), "leaving-1",
                "leaving-2");
        String tenantsFile = read(tenantsFile());
        // one round takes both: the one whose attempt sees the tenant leave, and the one it comes to after
        dueNow(first, second);
        String inAttempt = attemptStopped(stopped);

        replaceWhole(tenantsFile(), tenantsFile.replace(leavingTenant(), ""));

        // the attempt under way sends nothing more to the Lucca its tenant left, and is handed back as it was
        await().atMost(Duration.ofSeconds(10)).until(() -> history(inAttempt).size() > 1);
        HireView handedBack = hire(inAttempt);
        assertThat(handedBack.status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(handedBack.attempts()).isZero();
        assertThat(handedBack.lastError()).isNull();
        assertThat(handedBack.luccaRequest()).as("a create recorded but never sent is not kept").isNull();
        assertThat(history(inAttempt)).last().extracting(HireEvent::detail).asString()
                .startsWith("tenant leaving left the configuration before create-user: handed back");
        assertThat(leavingLucca.count("POST", "/")).as("calls sent to the Lucca the tenant left").isZero();
        // the reload removed the tenant's route once its round was over: the round claimed no hire after that one
        String next = inAttempt.equals(first) ? second : first;
        assertThat(history(next)).as("the history of a hire its round left alone").hasSize(1);
        assertThat(hire(next).attempts()).isZero();

        replaceWhole(tenantsFile(), tenantsFile);

        // neither waited out a backoff nor counted an attempt while its tenant was away
        for (String hireId : List.of(first, second)) {
            assertThat(awaitHire(hireId, h -> h.status() == HireStatus.DELIVERED).attempts()).isOne();
        }
        assertThat(leavingLucca.users()).hasSize(2);
    }

    @Test
    void aHireWhoseTenantMovesToAnotherLuccaDuringItsAttemptSendsNothingMoreToTheOldOne() {
        CompletableFuture<String> stopped = firstAttemptWaitsFor(() -> tenants.find("moving")
                .flatMap(tenant -> tenant.lucca().baseUrl()).equals(Optional.of(URI.create(lucca.baseUrl()))),
                "moving-1");
        String hireId = accept("moving", Events.hire(MOVING_COMPANY, "moving-1"));
        attemptStopped(stopped);

        replaceWhole(tenantsFile(), read(tenantsFile()).replace(movedFromLucca.baseUrl(), lucca.baseUrl()));

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.DELIVERED);
        assertThat(movedFromLucca.count("POST", "/")).as("calls sent to the Lucca the tenant left").isZero();
        assertThat(lucca.users()).filteredOn(u -> u.mail().equals(Events.mail("moving-1"))).singleElement()
                .satisfies(user -> assertThat(hire.luccaUserId()).isEqualTo((long) user.id()));
        assertThat(hire.attempts()).as("the attempt the move stopped does not count").isOne();
        // stopped at its next call: its create, or its look-up by e-mail once the reload has forgotten the people of
        // the Lucca no tenant uses any more (the attempt goes on as the reload ends, before or after that)
        assertThat(history(hireId)).extracting(HireEvent::detail).asString().containsPattern(
                "tenant moving has another Lucca now before (create-user|find-person-by-mail): handed back");
    }

    @Test
    void aHireWhoseUserWasMadeInTheLuccaItsTenantLeftIsSentNowhereAndNeedsAPerson() {
        // the first Lucca makes the user, then fails its contract: the hire waits for its retry with that user's id
        relocatedFromLucca.failNext("POST", "/directory/api/4.0/work-contracts", 503, 1);
        String hireId = accept("relocating", Events.hire(RELOCATING_COMPANY, "relocating-1"));
        assertThat(awaitHire(hireId, h -> h.status() == HireStatus.RETRYING).luccaUserId()).isNotNull();
        replaceWhole(tenantsFile(), read(tenantsFile()).replace(relocatedFromLucca.baseUrl(), lucca.baseUrl()));
        int sentBefore = lucca.requests().size();

        assertThat(journalBean.deliverNow(hireId)).isTrue();

        HireView dead = awaitHire(hireId, h -> h.status() == HireStatus.DEAD);
        assertThat(dead.lastError()).contains("made in the Lucca its tenant used before; LUCCA_BASE_URL changed")
                .doesNotContain(relocatedFromLucca.baseUrl()).doesNotContain(lucca.baseUrl());
        awaitAlertAbout(hireId);
        List<Request> sent = lucca.requests();
        assertThat(sent.subList(sentBefore, sent.size())).as("the hire's calls to the tenant's new Lucca")
                .noneMatch(r -> !"GET".equals(r.method()) || r.path().contains("work-contracts")
                        || (r.query() + r.body()).contains(Events.mail("relocating-1")));

        // the operator asks for it to be made in the new Lucca: replayed, it is
        assertThat(postAdmin("/admin/api/hires/" + hireId + "/replay", "").statusCode()).isEqualTo(202);
        HireView delivered = awaitHire(hireId, h -> h.status() == HireStatus.DELIVERED);
        assertThat(lucca.users()).filteredOn(u -> u.mail().equals(Events.mail("relocating-1"))).singleElement()
                .satisfies(user -> assertThat(delivered.luccaUserId()).isEqualTo((long) user.id()));
        assertThat(relocatedFromLucca.users()).as("the first Lucca's user, left to a person").hasSize(1);
    }

    @Test
    void aKeyRotatedDuringAnAttemptIsTheOneItsNextCallShows() {
        CompletableFuture<String> stopped = firstAttemptWaitsFor(() -> tenants.find("rotating")
                .map(tenant -> tenant.lucca().apiKey()).equals(Optional.of(ROTATED_KEY)), "rotating-1");
        String hireId = accept("rotating", Events.hire(ROTATING_COMPANY, "rotating-1"));
        attemptStopped(stopped);

        // Lucca takes only the new key from now on
        rotatingLucca.acceptKey(ROTATED_KEY);
        replaceWhole(temp.resolve("secrets").resolve("rotating-lucca-key"), ROTATED_KEY);

        HireView hire = awaitHire(hireId, h -> h.status() != HireStatus.RECEIVED);
        assertThat(hire.status()).isEqualTo(HireStatus.DELIVERED);
        assertThat(hire.attempts()).isOne();
        assertThat(rotatingLucca.users()).filteredOn(u -> u.mail().equals(Events.mail("rotating-1"))).hasSize(1);
    }

    /**
     * The attempt of whichever of these hires comes first stops just before it looks for its person in Lucca, until
     * {@code reloaded} says the new configuration is in force; the future is that hire's id, once it stopped there.
     */
    private static CompletableFuture<String> firstAttemptWaitsFor(BooleanSupplier reloaded, String... applicantIds) {
        CompletableFuture<String> stopped = new CompletableFuture<>();
        Consumer<ClaimedHire> waitForTheReload = hire -> {
            if (stopped.complete(hire.hireId())) {
                await().atMost(Duration.ofSeconds(10)).until(reloaded::getAsBoolean);
            }
        };
        for (String applicantId : applicantIds) {
            Advices.beforeFindOrCreate(applicantId, waitForTheReload);
        }
        return stopped;
    }

    private static String attemptStopped(CompletableFuture<String> stopped) {
        return stopped.orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Both hires due at the same moment, so that the next round takes them together. */
    private void dueNow(String first, String second) {
        try (Connection connection = journalData().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE hire SET next_attempt_at = received_at WHERE hire_id IN (?, ?)")) {
            update.setString(1, first);
            update.setString(2, second);
            assertThat(update.executeUpdate()).isEqualTo(2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<HireEvent> history(String hireId) {
        return new JournalReader(journalData()).history(hireId);
    }

    // ----

    private void changePayload(String hireId, String from, String to) {
        try (Connection connection = journalData().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE hire SET payload = REPLACE(payload, ?, ?) WHERE hire_id = ? AND payload LIKE ?")) {
            update.setString(1, from);
            update.setString(2, to);
            update.setString(3, hireId);
            update.setString(4, "%" + from + "%");
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The applicant's hire once it is in {@code outcome}, Lucca having answered its create with {@code status}. */
    private HireView createAnswered(int status, String applicantId, HireStatus outcome) {
        lucca.failNext("POST", "/api/v3/users", status, 1);
        String hireId = accept(LIVE, Events.hire(LIVE, applicantId));
        return awaitHire(hireId, h -> h.status() == outcome);
    }

    /** The hire's next attempt, now rather than after its backoff, as an operator asks for it: it is delivered. */
    private HireView nextAttempt(HireView waiting) {
        assertThat(journalBean.deliverNow(waiting.hireId())).isTrue();
        return awaitHire(waiting.hireId(), h -> h.status() == HireStatus.DELIVERED);
    }

    /** Posts the applicant's hire, whose attempt meets {@code what} just before it looks for its person in Lucca. */
    private String acceptMeeting(String applicantId, Consumer<ClaimedHire> what) {
        Advices.beforeFindOrCreate(applicantId, what);
        return accept(LIVE, Events.hire(LIVE, applicantId));
    }

    /**
     * The hire once the step that ends its attempt has run: an attempt that changes nothing in the journal is seen
     * to have ended by Camel's debugger only.
     */
    private HireView afterStep(String stepId, String hireId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> ran(stepId));
        return hire(hireId);
    }

    /** Whether the hire was stopped during an attempt that has ended since, whatever that attempt left in the journal. */
    private boolean stoppedAndGivenBack(String hireId) throws SQLException {
        try (Connection connection = journalData().getConnection();
             PreparedStatement read = connection.prepareStatement("SELECT claimed_by FROM hire WHERE hire_id = ? "
                     + "AND status IN ('CANCELLED', 'WITHDRAWN')")) {
            read.setString(1, hireId);
            try (var row = read.executeQuery()) {
                return row.next() && row.getString(1) == null;
            }
        }
    }

    /** What a second connector does when this one's lease ran out: it claims the hire for itself. */
    private void anotherInstanceTakesOver(ClaimedHire hire) {
        try (Connection connection = journalData().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE hire SET claimed_by = 'another-instance' WHERE hire_id = ?")) {
            update.setString(1, hire.hireId());
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Someone Lucca has had since 2020 with the e-mail of this applicant, whose contract ended then (or not). */
    private int personInLucca(String applicantId, LocalDate contractEnd) {
        return lucca.addUser("Camille", "Morel", Events.mail(applicantId), "cmorel-" + applicantId,
                LocalDate.of(2020, 1, 1), contractEnd);
    }

    /** The applicant's hire ends in {@code status} on that person, and no user was created for it. */
    private void deliveredToPerson(String applicantId, int person, HireStatus status) {
        String hireId = accept(LIVE, Events.hire(LIVE, applicantId));

        HireView hire = awaitHire(hireId, h -> h.status() == status);
        assertThat(hire.luccaUserId()).isEqualTo((long) person);
        assertThat(postsFor(applicantId)).isZero();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode workMailHire(String applicantId, String firstName,
                                                                             String lastName, String email) {
        com.fasterxml.jackson.databind.node.ObjectNode event =
                io.github.flatchrlucca.e2e.FlatchrEvents.hire(applicantId, firstName, lastName, email);
        event.put("company_id", WORK_MAIL_COMPANY);
        return event;
    }

    private void awaitAlertAbout(String hireId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !chat.triesOf(hireId).isEmpty());
    }

    private long usersWithMail(String applicantId) {
        return lucca.users().stream().filter(u -> u.mail().equals(Events.mail(applicantId))).count();
    }

    private long postsFor(String applicantId) {
        return lucca.requests().stream()
                .filter(r -> "POST".equals(r.method()) && r.body().contains(Events.mail(applicantId))).count();
    }
}
