package io.github.flatchrlucca.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.flatchrlucca.journal.Hire;
import io.github.flatchrlucca.journal.HireRecord;
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
import org.apache.camel.BeanInject;
import org.apache.camel.EndpointInject;
import org.apache.camel.component.mock.MockEndpoint;
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

    @EndpointInject("mock:chat")
    MockEndpoint chat;

    DeliveryRoutesTest() throws IOException {
    }

    /** The routes and routeConfigurations whose branches this class takes, each of them. */
    static final List<String> OWNERS = List.of("deliver-hire", "delivery-failures");

    @Override
    List<String> owners() {
        return OWNERS;
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

        HireRecord hire = awaitHire(hireId, h -> h.status() == HireStatus.DELIVERED);

        assertThat(lucca.users()).filteredOn(u -> u.mail().equals(Events.mail("new-1"))).singleElement()
                .satisfies(user -> assertThat(hire.luccaUserId()).isEqualTo((long) user.id()));
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == hire.luccaUserId()).singleElement()
                .satisfies(contract -> assertThat(contract.typeId()).isEqualTo(21));
    }

    @Test
    void aPersonAlreadyEmployedInLuccaIsNotCreatedAgain() {
        int existing = lucca.addUser("Camille", "Morel", Events.mail("employed-1"), "cmorel-employed",
                LocalDate.of(2020, 1, 1), null);

        String hireId = accept(LIVE, Events.hire(LIVE, "employed-1"));

        HireRecord hire = awaitHire(hireId, h -> h.status() == HireStatus.ALREADY_IN_LUCCA);
        assertThat(hire.luccaUserId()).isEqualTo((long) existing);
        assertThat(postsFor("employed-1")).isZero();
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == existing).hasSize(1);
    }

    @Test
    void aFormerEmployeeComesBackWithANewContractOnTheSamePerson() {
        int former = lucca.addUser("Camille", "Morel", Events.mail("former-1"), "cmorel-former",
                LocalDate.of(2020, 1, 1), LocalDate.of(2023, 12, 31));

        String hireId = accept(LIVE, Events.hire(LIVE, "former-1"));

        HireRecord hire = awaitHire(hireId, h -> h.status() == HireStatus.DELIVERED);
        assertThat(hire.luccaUserId()).isEqualTo((long) former);
        assertThat(postsFor("former-1")).isZero();
        assertThat(lucca.contracts()).filteredOn(c -> c.ownerId() == former).hasSize(2);
    }

    @Test
    void aTenantWithoutLuccaRecordsWhatItWouldHaveSent() {
        long luccaCalls = lucca.requests().size();

        String hireId = accept(DRY, Events.hire(DRY, "dry-1"));

        HireRecord hire = awaitHire(hireId, h -> h.status() == HireStatus.DRY_RUN);
        assertThat(hire.luccaRequest()).contains(Events.mail("dry-1"));
        assertThat(lucca.requests().stream().skip(luccaCalls)).noneMatch(r -> r.body().contains("dry-1"));
    }

    // ---- each onException of delivery-failures

    @Test
    void aHireLuccaRefusesIsDeadAtOnceWithLuccasAnswerAndAnAlert() {
        lucca.failNext("POST", "/api/v3/users", 400, 1);

        String hireId = accept(LIVE, Events.hire(LIVE, "refused-1"));

        HireRecord hire = awaitHire(hireId, h -> h.status() == HireStatus.DEAD);
        assertThat(hire.lastLuccaStatus()).isEqualTo(400);
        assertThat(hire.lastLuccaBody()).isNotBlank();
        assertThat(hire.lastError()).contains("create-user");
        assertThat(hire.nextAttemptAt()).isNull();
        awaitAlertAbout(hireId);
    }

    @Test
    void aRejectedKeyKeepsTheHireQueuedForAtLeastTheKeyDelay() {
        lucca.failNext("POST", "/api/v3/users", 401, 1);

        String hireId = accept(LIVE, Events.hire(LIVE, "key-1"));

        HireRecord hire = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        assertThat(hire.lastLuccaStatus()).isEqualTo(401);
        // RETRY_KEY_REJECTED_DELAY_MS is 15 minutes here, the backoff's first wait 10
        assertThat(hire.nextAttemptAt()).isAfter(hire.updatedAt().plus(Duration.ofMinutes(14)));
        assertThat(usersWithMail("key-1")).isZero();
    }

    @Test
    void a429WaitsForAsLongAsLuccaSays() {
        // the paused tenant's key is tried once at start: the 429 is for the hire
        await().atMost(Duration.ofSeconds(10)).until(() -> pausedLucca.count("GET", "/api/v3/users") >= 1);
        pausedLucca.rateLimitNext(1, 3000);

        String hireId = accept(PAUSED, Events.hire(PAUSED, "limited-1"));

        HireRecord hire = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        assertThat(hire.lastLuccaStatus()).isEqualTo(429);
        // Retry-After, not the backoff (ten minutes here)
        assertThat(hire.nextAttemptAt()).isBetween(hire.updatedAt().plus(Duration.ofMinutes(49)),
                hire.updatedAt().plus(Duration.ofMinutes(51)));
    }

    @Test
    void aValueTheJournalRefusesKillsTheHireNamingWhatWasWritten() {
        Advices.beforeFindOrCreate("refused-value-1", hire -> {
            throw JournalFaults.refusedValue("reserve the login");
        });

        String hireId = accept(LIVE, Events.hire(LIVE, "refused-value-1"));

        HireRecord hire = awaitHire(hireId, h -> h.status() == HireStatus.DEAD);
        assertThat(hire.lastError()).contains("reserve the login");
        assertThat(usersWithMail("refused-value-1")).isZero();
        awaitAlertAbout(hireId);
    }

    @Test
    void aJournalOutageDuringTheAttemptIsWrittenOnceTheJournalAnswers() {
        Advices.beforeFindOrCreate("outage-1", hire -> {
            throw JournalFaults.unavailable("record the attempt");
        });

        String hireId = accept(LIVE, Events.hire(LIVE, "outage-1"));

        // left behind by the attempt, written by the next round (the journal answers again at once here)
        HireRecord hire = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        assertThat(hire.lastError()).contains("the journal could not be reached");
        assertThat(hire.attempts()).isEqualTo(1);
        assertThat(hire.nextAttemptAt()).isAfter(hire.updatedAt().plus(Duration.ofMinutes(4)));
    }

    @Test
    void aHireAnotherInstanceTookOverIsLeftToIt() {
        Advices.beforeFindOrCreate("taken-over-1", this::anotherInstanceTakesOver);

        String hireId = accept(LIVE, Events.hire(LIVE, "taken-over-1"));

        await().atMost(Duration.ofSeconds(10)).until(() -> ran("log-hire-taken-over"));
        HireRecord hire = hire(hireId);
        assertThat(hire.status()).isEqualTo(HireStatus.RECEIVED);
        assertThat(hire.lastError()).isNull();
        assertThat(lucca.requests()).noneMatch(r -> r.query() != null && r.query().contains("taken-over-1"));
    }

    @Test
    void aHireCancelledDuringItsAttemptStopsBeforeItsNextLuccaCall() {
        Advices.beforeFindOrCreate("cancelled-1", hire -> journalBean.cancel(hire.hireId()));

        String hireId = accept(LIVE, Events.hire(LIVE, "cancelled-1"));

        await().atMost(Duration.ofSeconds(10)).until(() -> ran("end-the-stopped-attempt"));
        HireRecord hire = hire(hireId);
        assertThat(hire.status()).isEqualTo(HireStatus.CANCELLED);
        assertThat(usersWithMail("cancelled-1")).isZero();
        assertThat(postsFor("cancelled-1")).isZero();
    }

    @Test
    void aLuccaOutageIsTriedAgainLaterWithBackoff() {
        lucca.failNext("POST", "/api/v3/users", 503, 1);

        String hireId = accept(LIVE, Events.hire(LIVE, "unavailable-1"));

        HireRecord hire = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        assertThat(hire.lastLuccaStatus()).isEqualTo(503);
        assertThat(hire.attempts()).isEqualTo(1);
        // the first wait of the backoff: ten minutes here, with jitter
        assertThat(hire.nextAttemptAt()).isAfter(hire.updatedAt().plus(Duration.ofMinutes(4)));
    }

    @Test
    void aLostAnswerIsTriedAgainLaterLikeAnOutage() {
        lucca.loseAnswerOfNextCreate();

        String hireId = accept(LIVE, Events.hire(LIVE, "lost-1"));

        HireRecord hire = awaitHire(hireId, h -> h.status() == HireStatus.RETRYING);
        assertThat(hire.lastLuccaStatus()).isNull();
        assertThat(hire.lastError()).contains("during create-user");
        assertThat(hire.nextAttemptAt()).isAfter(hire.updatedAt().plus(Duration.ofMinutes(4)));
    }

    // ----

    /** What a second connector does when this one's lease ran out: it claims the hire for itself. */
    private void anotherInstanceTakesOver(Hire hire) {
        try (Connection connection = journalData().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE hire SET claimed_by = 'another-instance' WHERE hire_id = ?")) {
            update.setString(1, hire.hireId());
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitAlertAbout(String hireId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> chat.getReceivedExchanges().stream()
                .anyMatch(alert -> alert.getMessage().getBody(String.class).contains(hireId)));
    }

    private long usersWithMail(String applicantId) {
        return lucca.users().stream().filter(u -> u.mail().equals(Events.mail(applicantId))).count();
    }

    private long postsFor(String applicantId) {
        return lucca.requests().stream()
                .filter(r -> "POST".equals(r.method()) && r.body().contains(Events.mail(applicantId))).count();
    }
}
