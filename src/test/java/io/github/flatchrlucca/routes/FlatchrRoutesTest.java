package io.github.flatchrlucca.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.flatchrlucca.e2e.FlatchrEvents;
import io.github.flatchrlucca.fake.Reply;
import io.github.flatchrlucca.fake.flatchr.ApplicationSeed;
import io.github.flatchrlucca.fake.flatchr.Candidate;
import io.github.flatchrlucca.fake.flatchr.Column;
import io.github.flatchrlucca.fake.flatchr.FakeFlatchr;
import io.github.flatchrlucca.fake.flatchr.Tag;
import io.github.flatchrlucca.fake.flatchr.Vacancy;
import io.github.flatchrlucca.flatchr.FlatchrCallFailed;
import io.github.flatchrlucca.flatchr.FlatchrConnection;
import io.github.flatchrlucca.flatchr.FlatchrPause;
import io.github.flatchrlucca.flatchr.FlatchrTurns;
import io.github.flatchrlucca.flatchr.FlatchrRequests;
import io.github.flatchrlucca.http.KeyState;
import io.github.flatchrlucca.journal.HireEvent;
import io.github.flatchrlucca.journal.HireFilter;
import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.Origin;
import io.github.flatchrlucca.reconciliation.ReconciliationRun;
import io.github.flatchrlucca.reconciliation.ReconciliationSteps;
import io.github.flatchrlucca.reconciliation.SearchFailure;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.writeback.WriteBackSteps;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.camel.BeanInject;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Flatchr's API in the JVM, against the fake Flatchr: the search that finds the hires whose webhook never came
 * (search-flatchr's choice, and record-found-hire's: an application's details read, or given up after failing at
 * enough runs), the write-back of outcomes whose Flatchr calls fail (routeConfigurations write-back-failures and
 * tag-check-failures), and a Flatchr that does not answer at all (call-flatchr's catch). Each tenant has its own
 * fake Flatchr, so that one's injected failure is met by the call it is meant for.
 */
class FlatchrRoutesTest extends RoutesInTheJvm {

    static final List<String> OWNERS = List.of("search-flatchr", "record-found-hire", "write-back-failures",
            "tag-check-failures");
    private static final String FLATCHR_KEY = "flatchr-api-key-for-route-tests-01";
    private static final String COMPANY_KEY = "Wy3EOp2NP3p1KMq8";
    private static final String DOWN_COMPANY_KEY = "Qa7RTe5KMw2ZXc1V";
    private static final String COLUMNS_COMPANY_KEY = "Lm4WxY8ZpQ3rTs6N";
    private static final String BUSY_COMPANY_KEY = "Rb5TyU7IoP9aSd2F";
    private static final String GONE_COMPANY_KEY = "Hn6JkL8ZxC1vBn3M";
    private static final String SLOW_COMPANY_KEY = "Sw3LoP5QrT7vXz9B";
    private static final String MOVING_COMPANY_KEY = "Tz4QwE6RtY8UiO0P";
    private static final String MOVING_APPLICATION = "Ap7MvN3QxR5sTu9W";
    private static final String OLDER_COMPANY_KEY = "Od5RcS7TuV9wXy1Z";
    private static final String TURN_COMPANY_KEY = "Tn3WbX5YcZ7aBd9E";
    private static final String BULK_COMPANY_KEY = "Bk2VcX4ZnM6qWe8R";
    private static final String DAYS_COMPANY_KEY = "Dy7HgF5DsA3pOi1U";
    private static final String CORRECTED_COMPANY_KEY = "Cr6EmA8iLx2CoR4d";
    private static final String FORBIDDEN_COMPANY_KEY = "Fb9QzW3eRt5yUi7O";
    private static final String FAILING_COMPANY_KEY = "Fl2AsD4fGh6jKl8Z";
    private static final String MISTAKEN_COMPANY_KEY = "Ms4TkN6cMp8aNy0Q";
    private static final String REKEYED_COMPANY_KEY = "Rk5YdC7mPn9aTy1W";
    private static final Tag RESULT_TAG = Tag.freeText("Tg8kLm2NpQ4rSt6u", 71, "Lucca");
    private static final String OLDER_APPLICATION = "Ol8DeR2SrC4hIt6M";
    // FlatchrEvents' webhooks name vacancy 5: the API's vacancy is the same one
    private static final String VACANCY = "Vk3mP0qA9sLx2BcD";
    // vacancy 6, of tenant flatchr-corrected's Flatchr only
    private static final String OTHER_VACANCY = "Vo6nQ1rB8tMy3CdE";
    private static final String MISSED_MAIL = "jeanne.missed@example.org";

    @BeanInject("reconciliation")
    ReconciliationSteps reconciliation;

    @BeanInject("writeBack")
    WriteBackSteps writeBack;

    @BeanInject("flatchrPause")
    FlatchrPause flatchrPause;

    @BeanInject("flatchrTurns")
    FlatchrTurns flatchrTurns;

    @BeanInject("flatchrRequests")
    FlatchrRequests flatchrRequests;

    @Produce
    ProducerTemplate template;

    /** Tenant flatchr's: it holds a hire the connector never heard of, and its first write of an outcome fails. */
    private final FakeFlatchr flatchr = company(COMPANY_KEY);
    /** Tenant flatchr-down's: its tags cannot be read at the first look. */
    private final FakeFlatchr flatchrDown = company(DOWN_COMPANY_KEY);
    /**
     * Tenant flatchr-columns': its trigger column is named by the webhook's id, 9, and its API lists the column by an
     * id of its own, as Flatchr's API does (flatchr-api.md: encoded ids, not to be turned into the webhook's).
     */
    private final FakeFlatchr flatchrColumns = company(COLUMNS_COMPANY_KEY, "Jc3rBm9TYf4sNoD5");
    /**
     * Tenant flatchr-busy's: never searched, and without the result tag at first, so that its outcomes wait until
     * the test says the tag is there; then its first call is answered 429 Retry-After: 60.
     */
    private final FakeFlatchr flatchrBusy = FakeFlatchr.start(FLATCHR_KEY, BUSY_COMPANY_KEY);
    /**
     * Tenant flatchr-moving's Flatchr at first, then {@link #flatchrMoved}: the same company at another address, which a
     * reload gives the tenant while an outcome is on its way.
     */
    private final FakeFlatchr flatchrMoving = company(MOVING_COMPANY_KEY);
    private final FakeFlatchr flatchrMoved = company(MOVING_COMPANY_KEY);
    /** Tenant flatchr-older's: its search items are of the older docs' shape, without vacancy_id. */
    private final FakeFlatchr flatchrOlder = company(OLDER_COMPANY_KEY);
    /**
     * Tenant flatchr-turn's: two candidates whose outcomes one write-back turn writes, and without the result tag at
     * first, so that the outcomes wait for the test to add it.
     */
    private final FakeFlatchr flatchrTurn = companyWithoutTag(TURN_COMPANY_KEY, "9");
    /**
     * Tenant flatchr-bulk's: searched only when a test asks (its interval 0, the timer leaves it alone), as a
     * scheduled run would be, so that the delay of its searches of moves is the test's to see.
     */
    private final FakeFlatchr flatchrBulk = company(BULK_COMPANY_KEY);
    /** Tenant flatchr-days': searched only when a test asks too, its searches of moves answered over the cap a day. */
    private final FakeFlatchr flatchrDays = company(DAYS_COMPANY_KEY);
    /**
     * Tenant flatchr-corrected's: its recruiter corrects candidates' e-mails after their webhook came. It writes no
     * outcome back, so a hire's application is known by Flatchr's API's id only as a search finds it.
     */
    private final FakeFlatchr flatchrCorrected = company(CORRECTED_COMPANY_KEY);
    /**
     * Tenant flatchr-forbidden's: searched only when a test asks; the first of its hires found has details Flatchr
     * refuses to give (403), the second a hire like any. Its hires, as flatchr-failing's, are held past the class's
     * end: their deliveries would spend the Lucca rate limit the other tests' deliveries wait on.
     */
    private final FakeFlatchr flatchrForbidden = company(FORBIDDEN_COMPANY_KEY);
    /**
     * Tenant flatchr-failing's: searched only when a test asks; the first of its hires found has details Flatchr
     * cannot give (503, for good), the second a hire like any.
     */
    private final FakeFlatchr flatchrFailing = company(FAILING_COMPANY_KEY);
    /**
     * Tenant flatchr-rekeyed's Flatchr at first: another customer's company, whose key and address were written in its
     * section by mistake, with that customer's hired candidate; then {@link #flatchrRekeyed}, the tenant's own, to
     * which a reload corrects it. Searched only when a test asks; its hires are held past the class's end, as
     * flatchr-forbidden's.
     */
    private final FakeFlatchr flatchrMistaken = company(MISTAKEN_COMPANY_KEY);
    private final FakeFlatchr flatchrRekeyed = company(REKEYED_COMPANY_KEY);
    /** Tenant flatchr-gone's Flatchr: nothing listens at its address, so no call to it gets an answer. */
    private final String goneFlatchr = "http://127.0.0.1:" + freePort();
    private final String missed;

    FlatchrRoutesTest() throws IOException {
        missed = flatchr.addApplication(ApplicationSeed.of(new Candidate("Jeanne", "Exemple", MISSED_MAIL,
                "06 12 34 56 78"), VACANCY, "Recruté"));
        // an application whose id no hire can have (over 64 characters): it must hold up no other
        flatchr.addApplication(ApplicationSeed.of(new Candidate("Zoé", "Illisible", "zoe.unusable@example.org", ""),
                VACANCY, "Recruté").id("x".repeat(65)));
        // refused, not unavailable: a 503 would pause this company's calls, the searches of the tests below too
        flatchr.failNext("POST", "/company/" + COMPANY_KEY + "/applicant", 400, 1);
        flatchrDown.failNext("GET", "/company/" + DOWN_COMPANY_KEY + "/tags", 503, 1);
        flatchrOlder.answerSearchesAsOlderDocs();
        flatchrOlder.addApplication(ApplicationSeed.of(new Candidate("Camille", "Morel", Events.mail("older-1"),
                "06 12 34 56 78"), VACANCY, "Recruté").id(OLDER_APPLICATION));
        for (String marker : List.of("turn-a", "turn-b")) {
            flatchrTurn.addApplication(ApplicationSeed.of(new Candidate("Camille", "Morel", Events.mail(marker),
                    "06 12 34 56 78"), VACANCY, "Recruté"));
        }
        flatchrCorrected.addColumn(new Column("10", "Refusé", 6, false));
        flatchrCorrected.addVacancy(new Vacancy(OTHER_VACANCY, 6, "Développeuse Python", "DEV-2", 1, "2026-01-05",
                null, 1, null, List.of()));
        flatchrMistaken.addApplication(ApplicationSeed.of(new Candidate("Marc", "Autreclient",
                Events.mail("mistaken-1"), "06 12 34 56 78"), VACANCY, "Recruté"));
        flatchrRekeyed.addApplication(ApplicationSeed.of(new Candidate("Camille", "Morel", Events.mail("rekeyed-1"),
                "06 12 34 56 78"), VACANCY, "Recruté"));
        for (FakeFlatchr company : List.of(flatchrMoving, flatchrMoved)) {
            company.addApplication(ApplicationSeed.of(new Candidate("Camille", "Morel", Events.mail("moving-1"),
                    "06 12 34 56 78"), VACANCY, "Recruté").id(MOVING_APPLICATION));
        }
    }

    private static FakeFlatchr company(String companyKey) {
        return company(companyKey, "9");
    }

    private static FakeFlatchr company(String companyKey, String hiredColumnId) {
        FakeFlatchr company = companyWithoutTag(companyKey, hiredColumnId);
        company.addTag(RESULT_TAG);
        return company;
    }

    private static FakeFlatchr companyWithoutTag(String companyKey, String hiredColumnId) {
        FakeFlatchr company = FakeFlatchr.start(FLATCHR_KEY, companyKey);
        company.addColumn(new Column(hiredColumnId, "Recruté", 5, true));
        company.addVacancy(new Vacancy(VACANCY, 5, "Développeuse Java", "DEV-1", 1, "2026-01-05", null, 1, null,
                List.of()));
        return company;
    }

    @Override
    List<String> owners() {
        return OWNERS;
    }

    @Override
    String moreTenants() {
        String luccaKey = secret("flatchr-tenants-lucca-key", LUCCA_KEY);
        String flatchrKey = secret("flatchr-key", FLATCHR_KEY);
        return """
                  - id: flatchr
                    flatchrCompanyIds: [4545]
                    webhookToken: %s
                    flatchr: { apiKey: "%s", companyKey: %s, apiBaseUrl: "%s", resultTag: Lucca }
                    lucca: { baseUrl: %s, apiKey: "%s" }
                  - id: flatchr-down
                    flatchrCompanyIds: [4646]
                    webhookToken: %s
                    flatchr: { apiKey: "%s", companyKey: %s, apiBaseUrl: "%s", resultTag: Lucca }
                    lucca: { baseUrl: %s, apiKey: "%s" }
                  - id: flatchr-busy
                    flatchrCompanyIds: [4848]
                    webhookToken: %s
                    flatchr: { apiKey: "%s", companyKey: %s, apiBaseUrl: "%s", resultTag: Lucca, reconcileIntervalSeconds: 0 }
                    lucca: { baseUrl: %s, apiKey: "%s" }
                  - id: flatchr-columns
                    flatchrCompanyIds: [4747]
                    webhookToken: %s
                    triggerColumns: ["9"]
                    flatchr: { apiKey: "%s", companyKey: %s, apiBaseUrl: "%s" }
                    lucca: { baseUrl: %s, apiKey: "%s" }
                  - id: flatchr-moving
                    flatchrCompanyIds: [5050]
                    webhookToken: %s
                    flatchr: { apiKey: "%s", companyKey: %s, apiBaseUrl: "%s", resultTag: Lucca, reconcileIntervalSeconds: 0 }
                    lucca: { baseUrl: %s, apiKey: "%s" }
                  - id: flatchr-older
                    flatchrCompanyIds: [5151]
                    webhookToken: %s
                    flatchr: { apiKey: "%s", companyKey: %s, apiBaseUrl: "%s", resultTag: Lucca, reconcileIntervalSeconds: 0 }
                    lucca: { baseUrl: %s, apiKey: "%s" }
                  - id: flatchr-turn
                    flatchrCompanyIds: [5252]
                    webhookToken: %s
                    flatchr: { apiKey: "%s", companyKey: %s, apiBaseUrl: "%s", resultTag: Lucca, reconcileIntervalSeconds: 0 }
                    lucca: { baseUrl: %s, apiKey: "%s" }
                  - id: flatchr-bulk
                    flatchrCompanyIds: [5353]
                    webhookToken: %s
                    flatchr: { apiKey: "%s", companyKey: %s, apiBaseUrl: "%s", reconcileIntervalSeconds: 0 }
                    lucca: { baseUrl: %s, apiKey: "%s" }
                  - id: flatchr-days
                    flatchrCompanyIds: [5454]
                    webhookToken: %s
                    flatchr: { apiKey: "%s", companyKey: %s, apiBaseUrl: "%s", reconcileIntervalSeconds: 0 }
                    lucca: { baseUrl: %s, apiKey: "%s" }
                  - id: flatchr-corrected
                    flatchrCompanyIds: [5555]
                    webhookToken: %s
                    flatchr: { apiKey: "%s", companyKey: %s, apiBaseUrl: "%s", reconcileIntervalSeconds: 0 }
                    lucca: { baseUrl: %s, apiKey: "%s" }
                  - id: flatchr-forbidden
                    flatchrCompanyIds: [5656]
                    webhookToken: %s
                    hireHoldSeconds: 3600
                    flatchr: { apiKey: "%s", companyKey: %s, apiBaseUrl: "%s", reconcileIntervalSeconds: 0 }
                    lucca: { baseUrl: %s, apiKey: "%s" }
                  - id: flatchr-failing
                    flatchrCompanyIds: [5757]
                    webhookToken: %s
                    hireHoldSeconds: 3600
                    flatchr: { apiKey: "%s", companyKey: %s, apiBaseUrl: "%s", reconcileIntervalSeconds: 0 }
                    lucca: { baseUrl: %s, apiKey: "%s" }
                  - id: flatchr-rekeyed
                    flatchrCompanyIds: [5858]
                    webhookToken: %s
                    hireHoldSeconds: 3600
                    flatchr: { apiKey: "%s", companyKey: %s, apiBaseUrl: "%s", reconcileIntervalSeconds: 0 }
                    lucca: { baseUrl: %s, apiKey: "%s" }
                  - id: flatchr-gone
                    flatchrCompanyIds: [4949]
                    webhookToken: %s
                    flatchr: { apiKey: "%s", companyKey: %s, apiBaseUrl: "%s", resultTag: Lucca, reconcileIntervalSeconds: 0 }
                    lucca: { baseUrl: %s, apiKey: "%s" }
                """.formatted(tokenOf("flatchr"), flatchrKey, COMPANY_KEY, flatchr.baseUrl(), lucca.baseUrl(), luccaKey,
                tokenOf("flatchr-down"), flatchrKey, DOWN_COMPANY_KEY, flatchrDown.baseUrl(), lucca.baseUrl(),
                luccaKey, tokenOf("flatchr-busy"), flatchrKey, BUSY_COMPANY_KEY, flatchrBusy.baseUrl(), lucca.baseUrl(),
                luccaKey, tokenOf("flatchr-columns"), flatchrKey, COLUMNS_COMPANY_KEY, flatchrColumns.baseUrl(),
                lucca.baseUrl(), luccaKey, tokenOf("flatchr-moving"), flatchrKey, MOVING_COMPANY_KEY,
                flatchrMoving.baseUrl(), lucca.baseUrl(), luccaKey, tokenOf("flatchr-older"), flatchrKey,
                OLDER_COMPANY_KEY, flatchrOlder.baseUrl(), lucca.baseUrl(), luccaKey, tokenOf("flatchr-turn"), flatchrKey,
                TURN_COMPANY_KEY, flatchrTurn.baseUrl(), lucca.baseUrl(), luccaKey, tokenOf("flatchr-bulk"), flatchrKey,
                BULK_COMPANY_KEY, flatchrBulk.baseUrl(), lucca.baseUrl(), luccaKey, tokenOf("flatchr-days"), flatchrKey,
                DAYS_COMPANY_KEY, flatchrDays.baseUrl(), lucca.baseUrl(), luccaKey, tokenOf("flatchr-corrected"),
                flatchrKey, CORRECTED_COMPANY_KEY, flatchrCorrected.baseUrl(), lucca.baseUrl(), luccaKey,
                tokenOf("flatchr-forbidden"), flatchrKey, FORBIDDEN_COMPANY_KEY, flatchrForbidden.baseUrl(),
                lucca.baseUrl(), luccaKey, tokenOf("flatchr-failing"), flatchrKey, FAILING_COMPANY_KEY,
                flatchrFailing.baseUrl(), lucca.baseUrl(), luccaKey, tokenOf("flatchr-rekeyed"), flatchrKey,
                MISTAKEN_COMPANY_KEY, flatchrMistaken.baseUrl(), lucca.baseUrl(), luccaKey,
                tokenOf("flatchr-gone"), flatchrKey, GONE_COMPANY_KEY, goneFlatchr,
                lucca.baseUrl(), luccaKey);
    }

    @AfterAll
    void stopFlatchr() {
        flatchr.close();
        flatchrDown.close();
        flatchrColumns.close();
        flatchrBusy.close();
        flatchrMoving.close();
        flatchrMoved.close();
        flatchrOlder.close();
        flatchrTurn.close();
        flatchrBulk.close();
        flatchrDays.close();
        flatchrCorrected.close();
        flatchrForbidden.close();
        flatchrFailing.close();
        flatchrMistaken.close();
        flatchrRekeyed.close();
    }

    @AfterEach
    void noChangeLeftWaiting() {
        Advices.clear();
    }

    // ---- the choice of search-flatchr

    @Test
    void aHireWhoseWebhookNeverCameIsFoundRecordedAndDelivered() {
        HireView found = awaitMissedHire(hire -> hire.status() == HireStatus.DELIVERED);

        assertThat(found.origin()).isEqualTo(Origin.FLATCHR_API);
        assertThat(found.flatchrApplicant()).isEqualTo(missed);
        assertThat(lucca.users()).filteredOn(user -> user.mail().equals(MISSED_MAIL)).hasSize(1);
    }

    @Test
    void anApplicationNoHireCanBeRecordedFromIsSkippedAndTheRunGoesOn() {
        awaitMissedHire(hire -> true);

        ReconciliationRun run = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> reconciliation.backfill("flatchr", LocalDate.now().minusDays(3), false), r -> true);
        Map<?, ?> summary = template.send("direct:reconcile-tenant", exchange -> exchange.setVariable("run", run))
                .getMessage().getBody(Map.class);

        assertThat(summary).as("the run ended, not failed").isNotNull();
        assertThat(summary.get("skipped")).as("it says what it skipped").isEqualTo(1);
        assertThat(hiresOf("flatchr")).noneMatch(hire -> hire.payload() != null
                && hire.payload().contains("zoe.unusable@example.org"));
    }

    @Test
    void detailsFlatchrRefusesForOneApplicationAreTakenFromTheSearchAndTheHiresAfterItAreRecorded() {
        String refused = flatchrForbidden.addApplication(ApplicationSeed.of(new Candidate("Inès", "Refusée",
                Events.mail("forbidden-1"), "06 12 34 56 78"), VACANCY, "Recruté"));
        String after = flatchrForbidden.addApplication(ApplicationSeed.of(new Candidate("Paul", "Après",
                Events.mail("forbidden-2"), "06 12 34 56 78"), VACANCY, "Recruté"));
        String details = "/company/" + FORBIDDEN_COMPANY_KEY + "/applicant/" + refused;
        flatchrForbidden.failNext("GET", details, 403, 100);

        ch.qos.logback.classic.Logger steps = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(ReconciliationSteps.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        steps.addAppender(log);
        Map<?, ?> summary;
        try {
            summary = backfill("flatchr-forbidden");
        } finally {
            steps.detachAppender(log);
        }

        assertThat(flatchrForbidden.count("GET", details)).as("its details were asked").isEqualTo(1);
        assertThat(summary.get("detailsRefused")).as("counted in the run's answer").isEqualTo(1);
        List<String> warned;
        synchronized (log) {
            warned = log.list.stream().filter(event -> event.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .filter(line -> line.contains("refused the details")).toList();
        }
        assertThat(warned).as("one line for the run").singleElement().asString()
                .contains("flatchr-forbidden", "403", " 1 application")
                .doesNotContain(refused, after, Events.mail("forbidden-1"));
        assertThat(summary.get("recorded").toString()).contains(refused, after);
        assertThat(hiresOf("flatchr-forbidden")).extracting(HireView::flatchrApplicant)
                .containsExactlyInAnyOrder(refused, after);
        assertThat(writeBack.connection("flatchr-forbidden").credentials().state())
                .as("the search went through with this key").isNotEqualTo(KeyState.State.REJECTED);
    }

    @Test
    void anApplicationWhoseDetailsKeepFailingFailsAFewRunsThenIsRecordedFromTheSearchWithTheHiresAfterIt() {
        String failing = flatchrFailing.addApplication(ApplicationSeed.of(new Candidate("Inès", "Indisponible",
                Events.mail("failing-1"), "06 12 34 56 78"), VACANCY, "Recruté"));
        String after = flatchrFailing.addApplication(ApplicationSeed.of(new Candidate("Paul", "Après",
                Events.mail("failing-2"), "06 12 34 56 78"), VACANCY, "Recruté"));
        String details = "/company/" + FAILING_COMPANY_KEY + "/applicant/" + failing;
        // Flatchr down for this one call, for good; each answer asks to wait a second, as Flatchr may
        flatchrFailing.failNext("GET", details, 503, 100, 1);
        FlatchrConnection company = writeBack.connection("flatchr-failing");

        // FailingDetails.GIVEN_UP_AFTER runs fail, and one more: within minutes, as Flatchr's outage may pass
        for (int run = 1; run <= 4; run++) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !flatchrPause.paused(company));
            ReconciliationRun asked = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> reconciliation.backfill("flatchr-failing", LocalDate.now().minusDays(3), false),
                            r -> true);
            Exchange done = template.send("direct:reconcile-tenant", exchange -> exchange.setVariable("run", asked));
            assertThat(done.getVariable(ReconciliationSteps.FAILURE, SearchFailure.class)).as("run %d", run)
                    .hasToString("unavailable (Flatchr answered 503 to read-application)");
        }
        assertThat(flatchrFailing.count("GET", details)).as("asked at each run of the first day").isEqualTo(4);
        // a day later: no search of the tenant has succeeded for a day, as its journal says
        noSearchSucceededForADay("flatchr-failing");
        await().atMost(Duration.ofSeconds(10)).until(() -> !flatchrPause.paused(company));
        Map<?, ?> summary = backfill("flatchr-failing");

        assertThat(flatchrFailing.count("GET", details)).as("not asked again").isEqualTo(4);
        assertThat(summary.get("recorded").toString()).contains(failing, after);
        assertThat(hiresOf("flatchr-failing")).extracting(HireView::flatchrApplicant)
                .containsExactlyInAnyOrder(failing, after);
    }

    @Test
    void aSearchWhoseTenantGetsAnotherFlatchrBeforeItsCallsSendsNoneToTheOldOneAndRecordsNothingFromIt() {
        flatchrOfRekeyed(flatchrMistaken);
        // the search has begun with the Flatchr the tenant had then (another customer's company, written by mistake)
        ReconciliationRun begun = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> reconciliation.backfill("flatchr-rekeyed", LocalDate.now().minusDays(3), false), r -> true);
        // and the operator corrects the tenant's company before its calls are made
        flatchrOfRekeyed(flatchrRekeyed);

        Exchange done = template.send("direct:reconcile-tenant", exchange -> exchange.setVariable("run", begun));

        assertThat(flatchrMistaken.requests()).as("calls to the company the tenant left").isEmpty();
        assertThat(hiresOf("flatchr-rekeyed")).as("the other customer's candidate, recorded as the tenant's hire")
                .noneMatch(hire -> hire.payload().contains(Events.mail("mistaken-1")));
        assertThat(done.getVariable(ReconciliationSteps.FAILURE, SearchFailure.class))
                .hasToString("unavailable (tenant flatchr-rekeyed has another Flatchr now)");
        // the search was given back: the next one searches the company in force, the tenant's own
        backfill("flatchr-rekeyed");
        assertThat(hiresOf("flatchr-rekeyed")).singleElement()
                .satisfies(hire -> assertThat(hire.payload()).contains(Events.mail("rekeyed-1")));
    }

    @Test
    void aScheduledSearchWhoseTenantGetsAnotherFlatchrCountsNoFailureAndTheNextComesAtOnceWithTheNewOne() {
        flatchrOfRekeyed(flatchrMistaken);
        dueNow("flatchr-rekeyed");
        ReconciliationRun begun = await().atMost(Duration.ofSeconds(10))
                .until(() -> reconciliation.due("flatchr-rekeyed"), Objects::nonNull);
        flatchrOfRekeyed(flatchrRekeyed);
        long searchesOfTheNewOne = flatchrRekeyed.count("POST", "/company/" + REKEYED_COMPANY_KEY + "/search");

        template.send("direct:reconcile-tenant", exchange -> exchange.setVariable("run", begun));

        assertThat(flatchrMistaken.requests()).as("calls to the company the tenant left").isEmpty();
        ReconciliationRun next = reconciliation.due("flatchr-rekeyed");
        assertThat(next).as("the next search, due at once: no failure put it off").isNotNull();
        template.send("direct:reconcile-tenant", exchange -> exchange.setVariable("run", next));
        assertThat(flatchrRekeyed.count("POST", "/company/" + REKEYED_COMPANY_KEY + "/search"))
                .as("searches of the company in force").isGreaterThan(searchesOfTheNewOne);
        assertThat(flatchrMistaken.requests()).isEmpty();
    }

    /** Tenant flatchr-rekeyed's Flatchr is this company, put in force by a reload if it was not. */
    private void flatchrOfRekeyed(FakeFlatchr company) {
        String file = read(tenantsFile());
        for (FakeFlatchr each : List.of(flatchrMistaken, flatchrRekeyed)) {
            file = file.replace(flatchrSection(each), flatchrSection(company));
        }
        replaceWhole(tenantsFile(), file);
        assertThat(tenants.find("flatchr-rekeyed").flatMap(Tenant::flatchr).map(FlatchrConnection::companyKey))
                .contains(company.companyKey());
    }

    private static String flatchrSection(FakeFlatchr company) {
        return "companyKey: " + company.companyKey() + ", apiBaseUrl: \"" + company.baseUrl() + "\"";
    }

    /** The tenant's next search is due now, whenever its last one put it. */
    private void dueNow(String tenant) {
        try (java.sql.Connection connection = journalData().getConnection();
             java.sql.PreparedStatement due = connection.prepareStatement("UPDATE reconciliation SET "
                     + "next_run_at = NULL WHERE tenant = ?")) {
            due.setString(1, tenant);
            due.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** The tenant's last successful search, or its first try when none succeeded, moved a day and a minute back. */
    private void noSearchSucceededForADay(String tenant) {
        try (java.sql.Connection connection = journalData().getConnection();
             java.sql.PreparedStatement back = connection.prepareStatement("UPDATE reconciliation SET "
                     + "last_success_at = DATEADD(MINUTE, -1441, last_success_at), "
                     + "first_tried_at = DATEADD(MINUTE, -1441, first_tried_at) WHERE tenant = ?")) {
            back.setString(1, tenant);
            assertThat(back.executeUpdate()).isOne();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDryRunBackfillListsWhatItWouldRecordAndRecordsNothing() {
        awaitMissedHire(hire -> true);
        String later = flatchr.addApplication(ApplicationSeed.of(new Candidate("Léa", "Pendant",
                "lea.dry@example.org", ""), VACANCY, "Recruté"));

        // an operator's backfill, as the admin API asks for it; refused while the scheduled search runs
        ReconciliationRun run = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> reconciliation.backfill("flatchr", LocalDate.now().minusDays(3), true), r -> true);
        Map<?, ?> summary = template.send("direct:reconcile-tenant", exchange -> exchange.setVariable("run", run))
                .getMessage().getBody(Map.class);

        assertThat(summary.get("dryRun")).isEqualTo(true);
        assertThat(summary.get("wouldRecord").toString()).contains(later).doesNotContain(missed);
        assertThat(hiresOf("flatchr")).noneMatch(hire -> later.equals(hire.flatchrApplicant()));
    }

    @Test
    void aSearchAnsweredWithSomethingElseThanAListFailsTheRunRatherThanFindingNothing() {
        awaitMissedHire(hire -> true);

        ReconciliationRun run = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> reconciliation.backfill("flatchr", LocalDate.now().minusDays(3), true), r -> true);
        flatchr.answerNextSearchWith(Map.of("total", 1, "candidates", Map.of("applicant", missed)));
        Exchange done = template.send("direct:reconcile-tenant", exchange -> exchange.setVariable("run", run));

        assertThat(done.getVariable(ReconciliationSteps.FAILURE, SearchFailure.class))
                .as("not a success that found nothing").hasToString("unavailable (Flatchr answered 200 to "
                        + "search-applicants with a body that is not a list of applications)");
    }

    @Test
    void aSearchOfMovesOverTheAnswerCapFailsNeitherTheRunNorPausesTheCompany() {
        awaitMissedHire(hire -> true);

        ReconciliationRun run = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> reconciliation.backfill("flatchr", LocalDate.now().minusDays(3), false), r -> true);
        // a day of bulk changes: every candidate changed since, over the 8 MiB the connector reads
        flatchr.answerSearchesOfEveryChangeWith(new Reply(200, "[" + " ".repeat(9 * 1024 * 1024) + "]", Map.of()));
        try {
            Exchange done = template.send("direct:reconcile-tenant", exchange -> exchange.setVariable("run", run));

            assertThat(done.getVariable(ReconciliationSteps.FAILURE, SearchFailure.class)).isNull();
            assertThat(done.getMessage().getBody(Map.class)).containsEntry("movesSearchFailed", "too-large");
            assertThat(flatchrPause.paused(writeBack.connection("flatchr"))).as("the cap is ours").isFalse();
        } finally {
            flatchr.answerSearchesOfEveryChangeWith(null);
        }
    }

    @Test
    void afterAFailedSearchOfMovesItsDaysAreSearchedAtOnceTheFirstAfterItsDelayAndAFlatchrDownEndsTheDays() {
        // an answer that is no list of applications: Flatchr's failure as a whole, not a day's bulk changes
        flatchrBulk.answerSearchesOfEveryChangeWith(new Reply(200, "{\"total\": 1}", Map.of()));
        try {
            assertThat(scheduledRun("flatchr-bulk")).containsEntry("movesSearchFailed", "unavailable");
            assertThat(flatchrBulk.searchesOfEveryChange()).as("the whole window").hasSize(1);
            LocalDate first = startUpdate(flatchrBulk.searchesOfEveryChange().get(0));

            Map<String, Object> delayed = scheduledRun("flatchr-bulk");
            assertThat(delayed).containsKey("movesSearchPutOffUntil").containsEntry("movesSearchFailed", "unavailable");
            assertThat(flatchrBulk.searchesOfEveryChange()).as("the day after the first, and no more once it failed")
                    .hasSize(2).last().satisfies(search -> assertThat(startUpdate(search)).isEqualTo(first.plusDays(1)));

            movesDelayOver("flatchr-bulk");
            assertThat(scheduledRun("flatchr-bulk")).containsEntry("movesSearchFailed", "unavailable")
                    .doesNotContainKey("movesSearchPutOffUntil");
            assertThat(flatchrBulk.searchesOfEveryChange()).as("the first day alone, not the whole window again")
                    .hasSize(3).last().satisfies(search -> {
                        assertThat(startUpdate(search)).isEqualTo(first);
                        assertThat(JSON.readTree(search).has("end_update")).isTrue();
                    });
        } finally {
            flatchrBulk.answerSearchesOfEveryChangeWith(null);
        }
        int days = (int) first(flatchrBulk).until(LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1),
                java.time.temporal.ChronoUnit.DAYS);
        assertThat(scheduledRun("flatchr-bulk")).as("the days after the first, put off longer after two failures")
                .containsKey("movesSearchPutOffUntil").doesNotContainKey("movesSearchFailed");
        assertThat(flatchrBulk.searchesOfEveryChange()).hasSize(3 + days - 1);

        movesDelayOver("flatchr-bulk");
        assertThat(scheduledRun("flatchr-bulk")).doesNotContainKeys("movesSearchFailed", "movesSearchPutOffUntil");
        assertThat(flatchrBulk.searchesOfEveryChange()).as("every day, the first too").hasSize(3 + 2 * days - 1);
        assertThat(scheduledRun("flatchr-bulk")).as("the success ended the delay")
                .doesNotContainKeys("movesSearchFailed", "movesSearchPutOffUntil");
        assertThat(flatchrBulk.searchesOfEveryChange()).as("the whole window, in one search").hasSize(3 + 2 * days)
                .last().satisfies(search -> assertThat(JSON.readTree(search).has("end_update")).isFalse());
    }

    private static LocalDate first(FakeFlatchr company) {
        return startUpdate(company.searchesOfEveryChange().get(0));
    }

    private static LocalDate startUpdate(String search) {
        try {
            return LocalDate.parse(JSON.readTree(search).path("start_update").asText(),
                    DateTimeFormatter.ofPattern("MM/dd/yy"));
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    @Test
    void aDayOfBulkChangesOverTheCapFailsAloneTheOtherDaysAreSearchedAndTheMovesWindowStopsAtIt() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        DateTimeFormatter flatchrDay = DateTimeFormatter.ofPattern("MM/dd/yy");
        LocalDate today = LocalDate.now(paris);
        LocalDate bulk = today.minusDays(1);
        flatchrDays.answerSearchesOfEveryChangeCovering(bulk, new Reply(200, "[" + " ".repeat(9 * 1024 * 1024) + "]",
                Map.of()));
        try {
            assertThat(scheduledRun("flatchr-days")).containsEntry("movesSearchFailed", "too-large");
            // a first search looks three days back: the whole window, then each day alone, today's to whenever
            assertThat(flatchrDays.searchesOfEveryChange()).map(body -> JSON.readTree(body)).map(search ->
                    search.path("start_update").asText() + "-" + search.path("end_update").asText()).containsExactly(
                    flatchrDay.format(today.minusDays(3)) + "-",
                    flatchrDay.format(today.minusDays(3)) + "-" + flatchrDay.format(today.minusDays(2)),
                    flatchrDay.format(today.minusDays(2)) + "-" + flatchrDay.format(bulk),
                    flatchrDay.format(bulk) + "-" + flatchrDay.format(today),
                    flatchrDay.format(today) + "-");

            // the moves' window now starts at the bulk day: while its delay lasts, the days after it are searched
            assertThat(scheduledRun("flatchr-days")).doesNotContainKey("movesSearchFailed")
                    .containsKey("movesSearchPutOffUntil");
            assertThat(flatchrDays.searchesOfEveryChange()).hasSize(6).last().isEqualTo(
                    flatchrDays.searchesOfEveryChange().get(4));

            movesDelayOver("flatchr-days");
            assertThat(scheduledRun("flatchr-days")).containsEntry("movesSearchFailed", "too-large");
            assertThat(flatchrDays.searchesOfEveryChange()).as("by day at once, the day after the bulk one too")
                    .hasSize(8).map(body -> JSON.readTree(body).path("start_update").asText()).endsWith(
                            flatchrDay.format(bulk), flatchrDay.format(today));
        } finally {
            flatchrDays.answerSearchesOfEveryChangeWith(null);
        }

        movesDelayOver("flatchr-days");
        assertThat(scheduledRun("flatchr-days")).doesNotContainKeys("movesSearchFailed", "movesSearchPutOffUntil");
        assertThat(flatchrDays.searchesOfEveryChange()).hasSize(10).element(8).satisfies(body -> assertThat(
                JSON.readTree(body).path("start_update").asText()).as("from the day that failed, not past it")
                .isEqualTo(flatchrDay.format(bulk)));
    }

    /** The tenant's scheduled run, now, and what it came to. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> scheduledRun(String tenant) {
        ReconciliationRun run = await().atMost(Duration.ofSeconds(10)).until(() -> reconciliation.due(tenant),
                Objects::nonNull);
        Exchange done = template.send("direct:reconcile-tenant", exchange -> exchange.setVariable("run", run));
        assertThat(done.getVariable(ReconciliationSteps.FAILURE, SearchFailure.class)).as("the run succeeds").isNull();
        return (Map<String, Object>) done.getMessage().getBody(Map.class);
    }

    /** The delay after the tenant's failed searches of moves is over, as it is once its time has come. */
    private void movesDelayOver(String tenant) {
        try (Connection connection = journalData().getConnection();
             PreparedStatement over = connection.prepareStatement("UPDATE reconciliation SET "
                     + "moves_not_before = ? WHERE tenant = ? AND moves_not_before IS NOT NULL")) {
            over.setObject(1, OffsetDateTime.now().minusSeconds(1));
            over.setString(2, tenant);
            assertThat(over.executeUpdate()).as("a delay to end").isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTriggerColumnFlatchrsApiDoesNotListFailsTheRunBeforeAnySearchAndMovesNoHire() {
        String hireId = accept("flatchr-columns", Events.hire(4747, "columns-1"));
        awaitHire(hireId, hire -> hire.status() == HireStatus.DELIVERED);
        // still in the hired column, changed since: a search of moves that could not tell column 9 would take it out
        flatchrColumns.addApplication(ApplicationSeed.of(new Candidate("Camille", "Morel", Events.mail("columns-1"),
                ""), VACANCY, "Recruté"));

        ReconciliationRun run = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> reconciliation.backfill("flatchr-columns", LocalDate.now().minusDays(3), false), r -> true);
        String failure = template.send("direct:reconcile-tenant", exchange -> exchange.setVariable("run", run))
                .getVariable(ReconciliationSteps.FAILURE, SearchFailure.class).toString();

        assertThat(failure).startsWith("columns-unknown").contains("[9]");
        assertThat(flatchrColumns.count("POST", "/company/" + COLUMNS_COMPANY_KEY + "/search"))
                .as("nothing searched").isZero();
        assertThat(hire(hireId).decisionNeeded()).as("not taken for moved out of hired").isNull();
        assertThat(hire(hireId).status()).isEqualTo(HireStatus.DELIVERED);
    }

    @Test
    void aWebhooksHireThatAnOlderAnswerWithoutVacancyIdShowsIsOneHireWhoseOutcomeIsWrittenOnItsApplication() {
        String hireId = accept("flatchr-older", Events.hire(5151, "older-1"));

        ReconciliationRun run = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> reconciliation.backfill("flatchr-older", LocalDate.now().minusDays(3), false), r -> true);
        Map<?, ?> summary = template.send("direct:reconcile-tenant", exchange -> exchange.setVariable("run", run))
                .getMessage().getBody(Map.class);

        assertThat((List<?>) summary.get("recorded")).as("the webhook's hire, found by e-mail and vacancy").isEmpty();
        assertThat(hiresOf("flatchr-older")).singleElement().extracting(HireView::hireId).isEqualTo(hireId);
        // the write-back's timer takes the delivered hire's outcome and finds its application by e-mail and title
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> hire(hireId), hire -> "WRITTEN".equals(hire.writeBack()));
        assertThat(flatchrOlder.traits(OLDER_APPLICATION)).singleElement()
                .satisfies(trait -> assertThat(trait.value()).startsWith("Lucca: created"));
    }

    @Test
    void aWebhooksHireWhoseEmailIsCorrectedInFlatchrAfterASearchFoundItIsNoSecondHire() {
        String hireId = accept("flatchr-corrected", Events.hire(5555, "corrected-1"));
        awaitHire(hireId, hire -> hire.status() == HireStatus.DELIVERED);
        String application = flatchrCorrected.addApplication(ApplicationSeed.of(new Candidate("Camille", "Morel",
                Events.mail("corrected-1"), "06 12 34 56 78"), VACANCY, "Recruté"));
        assertThat(backfill("flatchr-corrected").get("recorded")).as("the webhook's hire, by e-mail and vacancy")
                .asList().isEmpty();
        assertThat(hire(hireId).flatchrApplicant()).as("known from now on by Flatchr's API's id")
                .isEqualTo(application);

        // the recruiter corrects the address in Flatchr: no webhook, its updated_at moves
        flatchrCorrected.editCandidate(application, new Candidate("Camille", "Morel", "camille.corrigee@example.org",
                "06 12 34 56 78"));
        Map<?, ?> summary = backfill("flatchr-corrected");

        assertThat(summary.get("recorded")).as("the same application, by Flatchr's id").asList().isEmpty();
        assertThat(hiresOf("flatchr-corrected")).singleElement().extracting(HireView::hireId).isEqualTo(hireId);
        assertThat(lucca.users()).noneMatch(user -> "camille.corrigee@example.org".equals(user.mail()));
    }

    @Test
    void aMoveOutOfHiredOfAWebhooksHireWhoseEmailWasCorrectedIsFoundByFlatchrsId() {
        String hireId = accept("flatchr-corrected", Events.hire(5555, "corrected-2"));
        awaitHire(hireId, hire -> hire.status() == HireStatus.DELIVERED);
        String application = flatchrCorrected.addApplication(ApplicationSeed.of(new Candidate("Camille", "Morel",
                Events.mail("corrected-2"), "06 12 34 56 78"), VACANCY, "Recruté"));
        backfill("flatchr-corrected");

        flatchrCorrected.editCandidate(application, new Candidate("Camille", "Morel", "camille.deux@example.org",
                "06 12 34 56 78"));
        flatchrCorrected.moveTo(application, "Refusé");
        Map<?, ?> summary = backfill("flatchr-corrected");

        assertThat(summary.get("movedOutOfHired")).isEqualTo(1);
        assertThat(hire(hireId).decisionNeeded()).as("its account was made: a person decides")
                .isEqualTo(io.github.flatchrlucca.journal.Journal.MOVED_OUT_AFTER_LUCCA);
    }

    @Test
    void anEmailCorrectedBeforeAnySearchSawTheApplicationWaitsForAPersonAndIsDeliveredWhenReplayed() {
        String hireId = accept("flatchr-corrected", namedHire("corrected-3", "Lou", "Homonyme"));

        HireView found = correctedBeforeAnySearch(hireId, "corrected-3", "Lou", "Homonyme", new Candidate("LOU",
                "Homonymé", "lou.corrige@example.org", "06 12 34 56 78"));

        assertThat(found.hireId()).isNotEqualTo(hireId);
        assertThat(found.status()).as("not delivered blindly").isEqualTo(HireStatus.REJECTED);
        assertThat(found.lastError()).isEqualTo("same name and vacancy as hire " + hireId + ", another e-mail: if the "
                + "e-mail was corrected in Flatchr, cancel this one and correct the employee in Lucca; if it is another "
                + "person, replay it");
        assertThat(lucca.users()).noneMatch(user -> "lou.corrige@example.org".equals(user.mail()));
        assertThat(backfill("flatchr-corrected").get("recorded")).as("known by Flatchr's id from now on").asList()
                .isEmpty();

        // a person finds it is another Lou Homonyme: the replay delivers it, no search's check in its way
        assertThat(postAdmin("/admin/api/hires/" + found.hireId() + "/replay", "").statusCode()).isEqualTo(202);
        awaitHire(found.hireId(), hire -> hire.status() == HireStatus.DELIVERED);
        assertThat(lucca.users()).anyMatch(user -> "lou.corrige@example.org".equals(user.mail()));
    }

    @Test
    void aNamesakeCancelledAsTheWebhooksHiresCandidateGivesThatHireItsFlatchrIdSoThatALaterMoveOutIsFound() {
        String hireId = accept("flatchr-corrected", namedHire("corrected-5", "Iris", "Corrigée"));
        HireView held = correctedBeforeAnySearch(hireId, "corrected-5", "Iris", "Corrigée", new Candidate("Iris",
                "Corrigée", "iris.corrigee@example.org", "06 12 34 56 78"));
        String application = held.flatchrApplicant();
        assertThat(held.status()).isEqualTo(HireStatus.REJECTED);

        // a person finds the e-mail was corrected: the same candidate, whose account the webhook's hire made
        assertThat(postAdmin("/admin/api/hires/" + held.hireId() + "/cancel", "").statusCode()).isEqualTo(200);

        assertThat(hire(hireId).flatchrApplicant()).as("known by the application's Flatchr id from now on")
                .isEqualTo(application);
        assertThat(new JournalReader(journalData()).history(hireId)).last().extracting(HireEvent::detail)
                .isEqualTo("known by Flatchr's id of the application of hire " + held.hireId() + ", cancelled by an "
                        + "operator as this hire's candidate under a corrected e-mail");
        // then moved out of hired in Flatchr, no webhook: the search of moves finds it by that id
        flatchrCorrected.moveTo(application, "Refusé");
        backfill("flatchr-corrected");
        assertThat(hire(hireId).decisionNeeded()).as("its account was made: a person decides")
                .isEqualTo(io.github.flatchrlucca.journal.Journal.MOVED_OUT_AFTER_LUCCA);
    }

    @Test
    void anEmailCorrectedOnAWebhooksHireFromBeforeTheSearchsWindowWaitsForAPersonToo() {
        // a hire from before the tenant's searches began (its API key added later): no search ever saw it, and HR
        // replaces the personal e-mail by the work one weeks after
        String hireId = accept("flatchr-corrected", namedHire("corrected-6", "Jade", "Ancienne"));
        awaitHire(hireId, hire -> hire.status() == HireStatus.DELIVERED);
        receivedDaysAgo(hireId, 30);

        HireView found = correctedBeforeAnySearch(hireId, "corrected-6", "Jade", "Ancienne", new Candidate("Jade",
                "Ancienne", "jade.ancienne@example.org", "06 12 34 56 78"));

        assertThat(found.status()).as("not delivered blindly").isEqualTo(HireStatus.REJECTED);
        assertThat(found.lastError()).startsWith("same name and vacancy as hire " + hireId + ", another e-mail");
        assertThat(lucca.users()).as("one employee, the webhook's hire's")
                .filteredOn(user -> "Ancienne".equals(user.lastName())).hasSize(1);
    }

    /** The hire as if received {@code days} days ago, its history unchanged. */
    private void receivedDaysAgo(String hireId, int days) {
        try (Connection connection = journalData().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE hire SET received_at = ? WHERE hire_id = ?")) {
            update.setObject(1, OffsetDateTime.now().minusDays(days));
            update.setString(2, hireId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The webhook's hire of {@code key} delivered, then its application's e-mail {@code corrected} in Flatchr before any
     * search saw it (no search ever saw it under the webhook's e-mail), then a search: the application as it recorded it.
     */
    private HireView correctedBeforeAnySearch(String hireId, String key, String firstname, String lastname,
                                              Candidate corrected) {
        awaitHire(hireId, hire -> hire.status() == HireStatus.DELIVERED);
        String application = flatchrCorrected.addApplication(ApplicationSeed.of(new Candidate(firstname, lastname,
                Events.mail(key), "06 12 34 56 78"), VACANCY, "Recruté"));
        flatchrCorrected.editCandidate(application, corrected);
        backfill("flatchr-corrected");
        return hiresOf("flatchr-corrected").stream().filter(hire -> application.equals(hire.flatchrApplicant()))
                .findFirst().orElseThrow();
    }

    @Test
    void aNamesakeOfAWebhooksHireOnAnotherVacancyIsDelivered() {
        String hireId = accept("flatchr-corrected", namedHire("corrected-4", "Noa", "Ailleurs"));
        awaitHire(hireId, hire -> hire.status() == HireStatus.DELIVERED);
        String application = flatchrCorrected.addApplication(ApplicationSeed.of(new Candidate("Noa", "Ailleurs",
                "noa.ailleurs@example.org", "06 12 34 56 78"), OTHER_VACANCY, "Recruté"));

        backfill("flatchr-corrected");

        HireView found = hiresOf("flatchr-corrected").stream().filter(hire -> application.equals(
                hire.flatchrApplicant())).findFirst().orElseThrow();
        awaitHire(found.hireId(), hire -> hire.status() == HireStatus.DELIVERED);
    }

    // ---- write-back-failures

    @Test
    void anOutcomeFlatchrRefusedIsWrittenAtItsRetryAndTheHireKeepsItsOutcome() {
        awaitMissedHire(hire -> hire.status() == HireStatus.DELIVERED);

        // a write-back round, as its timer asks for one; the first write fails (400)
        template.sendBody("direct:write-back-tenant", "flatchr");

        HireView hire = awaitMissedHire(h -> h.writeBackAttempts() >= 1);
        assertThat(hire.status()).isEqualTo(HireStatus.DELIVERED);
        assertThat(hire.writeBack()).isEqualTo("PENDING");
        assertThat(flatchr.traits(missed)).isEmpty();
        assertThat(flatchr.count("POST", "/company/" + COMPANY_KEY + "/applicant")).isEqualTo(1);
        // its retry waits (RETRY_INITIAL_DELAY_MS, 10 minutes here): a round before it tries nothing
        List<HireEvent> history = new JournalReader(journalData()).history(hire.hireId());
        String retry = history.get(history.size() - 1).detail();
        assertThat(Instant.parse(retry.substring(retry.lastIndexOf("tried again at ") + 15))).isAfter(Instant.now());
        template.sendBody("direct:write-back-tenant", "flatchr");
        assertThat(flatchr.count("POST", "/company/" + COMPANY_KEY + "/applicant")).isEqualTo(1);

        // the connector's clock is the system's: its retry's time is brought to now instead, as if it had come
        retryTheWriteBackNow(hire.hireId());
        template.sendBody("direct:write-back-tenant", "flatchr");

        HireView written = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> hire(hire.hireId()), h -> "WRITTEN".equals(h.writeBack()));
        assertThat(written.status()).as("the outcome itself unchanged").isEqualTo(HireStatus.DELIVERED);
        assertThat(flatchr.traits(missed)).singleElement()
                .satisfies(trait -> assertThat(trait.value()).startsWith("Lucca: created #"));
    }

    private void retryTheWriteBackNow(String hireId) {
        try (Connection connection = journalData().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE hire SET writeback_next_at = writeback_since WHERE hire_id = ? "
                             + "AND writeback_status = 'PENDING'")) {
            update.setString(1, hireId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- write-back-tenant

    @Test
    void a429EndsTheTurnAndNoCallIsMadeToThatFlatchrBeforeItsRetryAfter() throws IOException {
        List<String> hires = List.of("busy-1", "busy-2", "busy-3").stream()
                .map(id -> accept("flatchr-busy", Events.hire(4848, id))).toList();
        hires.forEach(hireId -> awaitHire(hireId, hire -> hire.status() == HireStatus.DELIVERED));
        await().atMost(Duration.ofSeconds(10)).until(() -> !writeBack.tagToCheck("flatchr-busy"));
        // the tag was missing at the first look: nothing was written yet, and nothing asked of Flatchr but its tags
        assertThat(flatchrBusy.requests()).hasSize(1);
        flatchrBusy.rateLimitNext(1, 60);
        Instant before = Instant.now();

        // the tag is found now, as the next look would: the next turn takes the three outcomes at once
        writeBack.tags("flatchr-busy", JSON.readTree("[{\"id\": \"Tg8kLm2NpQ4rSt6u\", \"tag_id\": 71, "
                + "\"title\": \"Lucca\", \"type\": \"candidates\", \"creatable\": true}]"), writeBack.connection("flatchr-busy"));
        // the turn claims its outcomes one at a time (each counts an attempt as it is claimed), so the count alone
        // passes through one before any call: the 429's answer is awaited too
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> flatchrBusy.requests()
                .stream().anyMatch(request -> request.status() == 429) && hires.stream()
                .map(this::hire).filter(hire -> "PENDING".equals(hire.writeBack()))
                .mapToInt(HireView::writeBackAttempts).sum() == 1);

        assertThat(flatchrBusy.requests()).as("one call in the turn, the one answered 429").hasSize(2);
        HireView tried = hires.stream().map(this::hire).filter(hire -> hire.writeBackAttempts() == 1).findFirst()
                .orElseThrow();
        List<HireEvent> history = new JournalReader(journalData()).history(tried.hireId());
        String retry = history.get(history.size() - 1).detail();
        assertThat(Instant.parse(retry.substring(retry.lastIndexOf("tried again at ") + 15)))
                .as("its own retry waits for Retry-After").isAfterOrEqualTo(before.plusSeconds(60));
        assertThat(hires).allSatisfy(hireId -> assertThat(hire(hireId).status()).isEqualTo(HireStatus.DELIVERED));
        assertThat(writeBack.tenants()).as("no turn until then").doesNotContain("flatchr-busy");
        assertThat(reconciliation.due("flatchr-busy")).as("nor a search").isNull();
        assertThat(flatchrPause.until(writeBack.connection("flatchr-busy"))).get()
                .satisfies(until -> assertThat(until).isAfterOrEqualTo(before.plusSeconds(60)));
    }

    /**
     * A turn writes its outcomes one after the other, and each hire (its event up to FLATCHR_MAX_BODY_BYTES) is claimed
     * when its turn comes and let go once written: a turn that claimed all first and kept each part until its end held
     * up to 20 events, as a delivery round once did (DeliveryRoutesTest).
     */
    @Test
    void aTurnLetsGoOfEachOutcomeItWroteBeforeTheNextOnesTurn() throws IOException {
        AtomicReference<WeakReference<HireView>> earlier = new AtomicReference<>();
        CompletableFuture<Boolean> earlierStillHeld = new CompletableFuture<>();
        Consumer<HireView> eachTag = hire -> {
            WeakReference<HireView> first = earlier.getAndSet(new WeakReference<>(hire));
            if (first != null) {
                earlierStillHeld.complete(reachableAfterCollections(first));
            }
        };
        Advices.beforeTheTag("turn-a", eachTag);
        Advices.beforeTheTag("turn-b", eachTag);
        List<String> hires = List.of(accept("flatchr-turn", Events.hire(5252, "turn-a")),
                accept("flatchr-turn", Events.hire(5252, "turn-b")));
        hires.forEach(hireId -> awaitHire(hireId, hire -> hire.status() == HireStatus.DELIVERED));
        // the tag was missing at the first look: both outcomes wait, and the next turn after it is found takes both
        await().atMost(Duration.ofSeconds(10)).until(() -> !writeBack.tagToCheck("flatchr-turn"));
        flatchrTurn.addTag(RESULT_TAG);
        writeBack.tags("flatchr-turn", JSON.readTree("[{\"id\": \"Tg8kLm2NpQ4rSt6u\", \"tag_id\": 71, "
                + "\"title\": \"Lucca\", \"type\": \"candidates\", \"creatable\": true}]"),
                writeBack.connection("flatchr-turn"));

        for (String hireId : hires) {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> hire(hireId), hire -> "WRITTEN".equals(hire.writeBack()));
        }
        assertThat(earlierStillHeld.orTimeout(10, TimeUnit.SECONDS).join())
                .as("the outcome written first, still held by its turn at the second one's tag").isFalse();
    }

    @Test
    void anOutcomeWhoseTenantGetsAnotherFlatchrDuringItsTurnIsNotTaggedInTheOldOneAndIsWrittenInTheNew() {
        CompletableFuture<String> stopped = new CompletableFuture<>();
        Advices.beforeTheTag("moving-1", hire -> {
            stopped.complete(hire.hireId());
            await().atMost(Duration.ofSeconds(10)).until(() -> tenants.find("flatchr-moving")
                    .flatMap(tenant -> tenant.flatchr()).map(flatchr -> flatchr.baseUrl().getPort())
                    .equals(Optional.of(URI.create(flatchrMoved.baseUrl()).getPort())));
        });
        String hireId = accept("flatchr-moving", Events.hire(5050, "moving-1"));
        // the write-back's timer takes the delivered hire's outcome, finds its application, and stops before its tag
        String stoppedHire = stopped.orTimeout(20, TimeUnit.SECONDS).join();

        replaceWhole(tenantsFile(), read(tenantsFile()).replace(flatchrMoving.baseUrl(), flatchrMoved.baseUrl()));

        HireView written = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> hire(hireId), hire -> "WRITTEN".equals(hire.writeBack()));
        assertThat(stoppedHire).isEqualTo(hireId);
        assertThat(flatchrMoving.count("POST", "/company/" + MOVING_COMPANY_KEY + "/applicant"))
                .as("tags sent to the address the tenant left").isZero();
        assertThat(flatchrMoving.traits(MOVING_APPLICATION)).isEmpty();
        assertThat(flatchrMoved.traits(MOVING_APPLICATION)).singleElement()
                .satisfies(trait -> assertThat(trait.value()).isNotBlank());
        assertThat(written.writeBackAttempts()).as("the turn the reload stopped does not count").isOne();
    }

    // ---- call-flatchr

    @Test
    void aFlatchrThatDoesNotAnswerIsPausedWhoeverCallsItAndTheCallerStillSeesTheFailure() throws InterruptedException {
        FlatchrConnection gone = writeBack.connection("flatchr-gone");
        // the write-back's timer looks the tenant's tag up, and no one answers: the call route pauses the company
        await().atMost(Duration.ofSeconds(10)).until(() -> flatchrPause.paused(gone));
        assertThat(writeBack.tenants()).as("no write-back turn while it is paused").doesNotContain("flatchr-gone");

        // another company at that address, not paused yet: its caller gets the call's own failure, and the pause
        FlatchrConnection other = new FlatchrConnection("flatchr-gone", gone.baseUrl(), gone.apiKey(),
                "Pw2EdR4TgY6HuJ8K", gone.credentials());
        Exchange call = template.send("direct:call-flatchr", exchange -> {
            exchange.setVariable(Variables.FLATCHR, other);
            exchange.getMessage().setBody(flatchrRequests.tags(other));
        });

        assertThat(call.getException()).isInstanceOf(ConnectException.class);
        assertThat(flatchrPause.paused(other)).isTrue();
        // the failed call gave the company's turn back: the next call's turn comes at once (otherwise it would wait
        // its longest and fail with Busy)
        flatchrTurns.take(other, "list-tags");
        flatchrTurns.giveBack(other);
    }

    @Test
    void aCallThatWaitedForItsTurnBehindAnAnswerAskingToWaitIsNotSent() {
        FakeFlatchr slow = FakeFlatchr.start(FLATCHR_KEY, SLOW_COMPANY_KEY);
        try {
            slow.latency(Duration.ofSeconds(1));
            slow.rateLimitNext(1, 60);
            FlatchrConnection company = new FlatchrConnection("flatchr-slow", URI.create(slow.baseUrl()), FLATCHR_KEY,
                    SLOW_COMPANY_KEY, new KeyState(state -> { }));
            CompletableFuture<Exchange> first = template.asyncSend("direct:call-flatchr", tagsOf(company));
            // the first call is on its way (the fake logs it as it arrives): the company's turn is taken
            await().atMost(Duration.ofSeconds(10)).until(() -> slow.requests().size() == 1);

            Exchange second = template.send("direct:call-flatchr", tagsOf(company));

            assertThat(first.join().getException()).isInstanceOf(FlatchrCallFailed.Unavailable.class);
            assertThat(second.getException()).isInstanceOf(FlatchrCallFailed.Paused.class);
            assertThat(slow.requests()).as("only the call answered 429 was sent").hasSize(1);
        } finally {
            slow.close();
        }
    }

    @Test
    void aSuccessWhoseBodyIsNotJsonFailsTheCallWithoutPausingTheCompany() throws IOException {
        // a proxy's page in front of Flatchr, say: answered, but not JSON
        HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] page = "<html>Service</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        proxy.start();
        try {
            FlatchrConnection company = new FlatchrConnection("flatchr-proxied",
                    URI.create("http://127.0.0.1:" + proxy.getAddress().getPort()), FLATCHR_KEY, "Px2RoX4YpA6sGe8T",
                    new KeyState(state -> { }));

            Exchange call = template.send("direct:call-flatchr", tagsOf(company));

            assertThat(call.getException()).isInstanceOf(FlatchrCallFailed.Unreadable.class);
            assertThat(flatchrPause.paused(company)).as("Flatchr answered: no pause as for no answer").isFalse();
        } finally {
            proxy.stop(0);
        }
    }

    // ---- tag-check-failures

    @Test
    void aResultTagThatCannotBeReadIsLookedUpAgainOnlyLater() {
        // the first write-back round, of the timer's, looks the tag up, which fails: the next look is set for later
        await().atMost(Duration.ofSeconds(10)).until(() -> !writeBack.tagToCheck("flatchr-down"));

        template.sendBody("direct:write-back-tenant", "flatchr-down");

        assertThat(flatchrDown.count("GET", "/company/" + DOWN_COMPANY_KEY + "/tags")).isEqualTo(1);
        assertThat(writeBack.tagUsable("flatchr-down")).isFalse();
        assertThat(writeBack.tagHealth("flatchr-down")).isEmpty();
    }

    // ----

    private Processor tagsOf(FlatchrConnection company) {
        return exchange -> {
            exchange.setVariable(Variables.FLATCHR, company);
            exchange.getMessage().setBody(flatchrRequests.tags(company));
        };
    }

    private HireView awaitMissedHire(java.util.function.Predicate<HireView> expected) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> hiresOf("flatchr").stream().filter(hire -> missed.equals(hire.flatchrApplicant()))
                        .filter(expected).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    /** A hire of tenant flatchr-corrected's company, of a candidate of these names. */
    private static ObjectNode namedHire(String applicantId, String firstName, String lastName) {
        ObjectNode hire = FlatchrEvents.hire(applicantId, firstName, lastName, Events.mail(applicantId));
        hire.put("company_id", 5555);
        return hire;
    }

    /** A backfill of the tenant from three days back, run to its end: what it came to. */
    private Map<?, ?> backfill(String tenant) {
        ReconciliationRun run = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> reconciliation.backfill(tenant, LocalDate.now().minusDays(3), false), r -> true);
        Exchange done = template.send("direct:reconcile-tenant", exchange -> exchange.setVariable("run", run));
        assertThat(done.getVariable(ReconciliationSteps.FAILURE, SearchFailure.class)).isNull();
        return done.getMessage().getBody(Map.class);
    }

    private List<HireView> hiresOf(String tenant) {
        return new JournalReader(journalData()).list(new HireFilter(tenant, null, null, null, null, 0, 100));
    }
}
