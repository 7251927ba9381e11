package io.github.flatchrlucca.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalFaults;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.apache.camel.BeanInject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * routes/delivery.camel.yaml and the delivery's error handling (routeConfiguration delivery-failures in
 * routes/error-handling.camel.yaml): each way a hire can go, and each failure's outcome in the journal, in the JVM
 * against the fake Lucca. Retries are set ten minutes and more apart, so a hire that failed stays as its failure
 * left it for the test to read.
 */
class DeliveryRoutesTest extends RoutesInTheJvm {

    @BeanInject("journal")
    Journal journalBean;

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
                    flatchrCompanyIds: [4848]
                    webhookToken: %s
                    lucca: { baseUrl: %s, apiKey: "%s", rateLimit: { requests: 10000, windowSeconds: 60 } }
                    contractTypes: { 1: 21 }
                    workEmailPattern: "{firstname}.{lastname}@acme.test"
                """.formatted(tokenOf("work-mail"), lucca.baseUrl(), secret("work-mail-lucca-key", LUCCA_KEY));
    }

    @AfterEach
    void luccaIsWellAgain() {
        lucca.recover();
        Advices.clear();
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
    void aFormerEmployeeWhosePersonalEmailLuccaHasComesBackUnderAWorkEmailPattern() {
        int former = lucca.addUser("Anne", "Retour", "anne.retour@acme.test", "aretour", LocalDate.of(2020, 1, 1),
                LocalDate.of(2024, 3, 31), "anne.retour@example.org");

        String hireId = accept("work-mail", workMailHire("returning-1", "Anne", "Retour", "Anne.Retour@example.org"));

        HireView hire = awaitHire(hireId, h -> h.status() == HireStatus.DELIVERED);
        assertThat(hire.luccaUserId()).isEqualTo((long) former);
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == former).hasSize(2);
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
    void aHireAnotherInstanceTookOverIsLeftToIt() {
        String hireId = acceptMeeting("taken-over-1", this::anotherInstanceTakesOver);

        HireView hire = afterStep("log-hire-taken-over", hireId);
        assertThat(hire.status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(hire.lastError()).isNull();
        assertThat(usersWithMail("taken-over-1")).isZero();
        assertThat(postsFor("taken-over-1")).isZero();
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
        event.put("company_id", 4848);
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
