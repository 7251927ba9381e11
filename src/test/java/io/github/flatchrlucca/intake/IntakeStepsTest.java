package io.github.flatchrlucca.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.IntakeResult;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.MoveOut;
import io.github.flatchrlucca.mapping.HireMapper;
import io.github.flatchrlucca.mapping.LoginRule;
import io.github.flatchrlucca.mapping.MappingSettings;
import io.github.flatchrlucca.journal.TestJournal;
import io.github.flatchrlucca.routes.Variables;
import io.github.flatchrlucca.signals.RejectedHireAlert;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.ExchangeBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook route's steps read the variables the steps before them set, and set those the steps after read. */
class IntakeStepsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HIRE = FlatchrEventClassifierTest.HIRE;

    @TempDir
    Path dir;

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private TestJournal h2;
    private Journal journal;
    private IntakeSteps steps;
    // what the team's chat is told of rejected hires
    private final List<String> told = new java.util.ArrayList<>();

    @BeforeEach
    void openJournal() {
        h2 = TestJournal.inFolder(dir);
        journal = new Journal(h2.dataSource(), Clock.systemUTC(), Duration.ofMinutes(10), "instance-a");
        steps = new IntakeSteps(new FlatchrEventClassifier(), new VerdictRecorder(journal),
                new RejectedHireAlert() {
                    @Override
                    public void hireRejected(String tenant, String hireId, String why) {
                        told.add(tenant + " " + hireId + ": " + why);
                    }

                    @Override
                    public void namesakeHeld(String tenant, String hireId, String why) {
                        throw new AssertionError("only a search holds a namesake");
                    }
                }, (tenant, hireId) -> told.add(tenant + " " + hireId + ": back in hired"));
    }

    @AfterEach
    void close() throws Exception {
        h2.close();
        camel.close();
    }

    @Test
    void aHireIsClassifiedThenRecordedAsSentForItsTenant() throws Exception {
        Exchange exchange = parsed(HIRE);

        steps.classify(exchange);
        assertThat(exchange.getVariable(Variables.VERDICT_KIND)).isEqualTo("HIRE");
        assertThat(exchange.getVariable(Variables.VERDICT, HireVerdict.class).applicantId()).isEqualTo("1234");

        steps.record(exchange);
        IntakeResult intake = exchange.getVariable(Variables.INTAKE, IntakeResult.class);
        assertThat(intake.outcome()).isEqualTo(IntakeResult.Outcome.ACCEPTED);
        assertThat(new JournalReader(h2.dataSource()).find(intake.hireId())).hasValueSatisfying(hire -> {
            assertThat(hire.tenant()).isEqualTo("acme");
            assertThat(hire.status()).isEqualTo(HireStatus.RECEIVED);
            assertThat(hire.payload()).isEqualTo(HIRE);
        });
    }

    @Test
    void aWebhookCannotSetTheConnectorsMarkOfAVacancyMatchedByItsTitle() throws Exception {
        String marked = HIRE.replace("\"title\": \"Développeuse Java\"}",
                "\"title\": \"Développeuse Java\", \"matched_by_title\": true}");
        assertThat(marked).contains(HireMapper.MATCHED_BY_TITLE);

        IntakeResult intake = recorded(parsed(marked));

        String payload = new JournalReader(h2.dataSource()).find(intake.hireId()).orElseThrow().payload();
        HireMapper mapper = new HireMapper(new MappingSettings(ZoneId.of("Europe/Paris"), LoginRule.INITIAL_LASTNAME,
                null, "FR", ""));
        assertThat(mapper.map(JSON.readTree(payload), Instant.now(), Instant.now()).warningTexts())
                .doesNotContain(HireMapper.VACANCY_MATCHED_BY_TITLE);
        assertThat(JSON.readTree(payload)).as("the rest as sent").isEqualTo(JSON.readTree(HIRE));
    }

    @Test
    void aRejectedHireIsToldToTheTeamOnceForEachReasonItIsRejectedFor() throws Exception {
        String noEmail = HIRE.replace("\"email\": \"eloise@gmail.com\"", "\"email\": \"\"");
        String noEmailNorName = noEmail.replace("\"lastname\": \"Müller\"", "\"lastname\": \"\"");

        IntakeResult first = recorded(parsed(noEmail));
        recorded(parsed(noEmail));
        recorded(parsed(noEmailNorName));

        assertThat(first.outcome()).isEqualTo(IntakeResult.Outcome.REJECTED);
        assertThat(told).as("the resend for the same reason is no news").containsExactly(
                "acme " + first.hireId() + ": data.candidate.email is missing",
                "acme " + first.hireId() + ": data.candidate.lastname is missing, data.candidate.email is missing");
    }

    @Test
    void aHireOfAnotherCompanyIsToldToTheTeamWithTheCompanyNeverTheCandidate() throws Exception {
        Exchange exchange = parsed(HIRE, new IntakeRules() {
            @Override
            public String id() {
                return "acme";
            }

            @Override
            public java.util.Set<String> triggerColumns() {
                return java.util.Set.of();
            }

            @Override
            public boolean acceptsCompany(String companyId) {
                return false;
            }

            @Override
            public Duration hireHold() {
                return Duration.ZERO;
            }
        });

        IntakeResult refused = recorded(exchange);

        assertThat(told).singleElement().isEqualTo("acme " + refused.hireId()
                + ": company_id 4242 is not one of tenant acme's Flatchr companies");
    }

    @Test
    void anAcceptedHireIsToldNothing() throws Exception {
        recorded(parsed(HIRE));
        recorded(parsed(HIRE));

        assertThat(told).isEmpty();
    }

    @Test
    void theChoiceReadsEachKindByItsName() throws Exception {
        Exchange other = parsed("{\"event\": \"new_applicant\"}");
        steps.classify(other);
        assertThat(other.getVariable(Variables.VERDICT_KIND)).isEqualTo("IGNORED");

        Exchange movedOut = parsed(HIRE.replace("\"hired\": true", "\"hired\": false"));
        steps.classify(movedOut);
        assertThat(movedOut.getVariable(Variables.VERDICT_KIND)).isEqualTo("MOVED_OUT");
    }

    @Test
    void aResentHireIsRecordedOnce() throws Exception {
        Exchange first = parsed(HIRE);
        steps.classify(first);
        steps.record(first);
        Exchange again = parsed(HIRE);
        steps.classify(again);
        steps.record(again);

        IntakeResult resent = again.getVariable(Variables.INTAKE, IntakeResult.class);
        assertThat(resent.outcome()).isEqualTo(IntakeResult.Outcome.DUPLICATE);
        assertThat(resent.hireId()).isEqualTo(first.getVariable(Variables.INTAKE, IntakeResult.class).hireId());
    }

    @Test
    void aMoveOutOfHiredWithdrawsTheHireOfItsTenantAndSaysSo() throws Exception {
        Exchange hire = parsed(HIRE);
        steps.classify(hire);
        steps.record(hire);
        Exchange movedOut = parsed(HIRE.replace("\"hired\": true", "\"hired\": false"));
        steps.classify(movedOut);

        steps.movedOut(movedOut);

        String hireId = hire.getVariable(Variables.INTAKE, IntakeResult.class).hireId();
        assertThat(movedOut.getVariable(Variables.MOVE_OUT, List.class))
                .containsExactly(new MoveOut(hireId, MoveOut.Outcome.WITHDRAWN));
        assertThat(new JournalReader(h2.dataSource()).find(hireId).orElseThrow().status())
                .isEqualTo(HireStatus.WITHDRAWN);
    }

    /**
     * Flatchr's data.applicant.id is its plain id in one event and its encoded one in another (flatchr-webhooks.md,
     * quirk 1); data.applicant_id is the plain id in every one. A hire keyed by the plain data.applicant.id, as hires
     * already in a journal are, is the hire of a move out whose data.applicant.id is the encoded one.
     */
    @Test
    void aMoveOutWhoseApplicantCarriesFlatchrsEncodedIdWithdrawsTheHireKeyedByItsPlainId() throws Exception {
        String hire = HIRE.replace("\"applicant\": {\"id\": 1234},",
                "\"applicant\": {\"id\": 1234}, \"applicant_id\": 1234,");
        IntakeResult recorded = recorded(parsed(hire));
        assertWithdrawnBy(hire.replace("\"applicant\": {\"id\": 1234}",
                "\"applicant\": {\"id\": \"G6KzqPkNZ0n31m0l\"}"), recorded);
    }

    /** The other way round: the hire came keyed by the encoded id, and keeps its plain one for the move out. */
    @Test
    void aMoveOutWhoseApplicantCarriesThePlainIdWithdrawsTheHireKeyedByFlatchrsEncodedId() throws Exception {
        String hire = HIRE.replace("\"applicant\": {\"id\": 1234},",
                "\"applicant\": {\"id\": \"G6KzqPkNZ0n31m0l\"}, \"applicant_id\": 1234,");
        IntakeResult recorded = recorded(parsed(hire));
        assertThat(recorded(parsed(hire)).outcome()).as("sent again: the same hire")
                .isEqualTo(IntakeResult.Outcome.DUPLICATE);
        assertWithdrawnBy(hire.replace("\"applicant\": {\"id\": \"G6KzqPkNZ0n31m0l\"}",
                "\"applicant\": {\"id\": 1234}"), recorded);
    }

    /** The hire's webhook {@code hire}, moved out of hired: it withdraws the hire {@code recorded}. */
    private void assertWithdrawnBy(String hire, IntakeResult recorded) throws Exception {
        Exchange movedOut = parsed(hire.replace("\"hired\": true", "\"hired\": false"));
        steps.classify(movedOut);

        steps.movedOut(movedOut);

        assertThat(movedOut.getVariable(Variables.MOVE_OUT, List.class))
                .containsExactly(new MoveOut(recorded.hireId(), MoveOut.Outcome.WITHDRAWN));
        assertThat(new JournalReader(h2.dataSource()).find(recorded.hireId()).orElseThrow().status())
                .isEqualTo(HireStatus.WITHDRAWN);
    }

    /**
     * The move out asked the team what to do with the account, and they may have ended it: the candidate hired again
     * would be left without one, the journal calling the hire delivered, had nobody heard of the move back.
     */
    @Test
    void aHireInLuccaMovedBackIntoHiredAfterItsMoveOutAskedForADecisionIsToldToTheTeamOnce() throws Exception {
        String hireId = recorded(parsed(HIRE)).hireId();
        journal.claim(hireId);
        journal.markDelivered(hireId, 416, List.of());
        Exchange movedOut = parsed(HIRE.replace("\"hired\": true", "\"hired\": false"));
        steps.classify(movedOut);
        steps.movedOut(movedOut);
        assertThat(movedOut.getVariable(Variables.MOVE_OUT, List.class))
                .containsExactly(new MoveOut(hireId, MoveOut.Outcome.NEEDS_DECISION, Journal.MOVED_OUT_AFTER_LUCCA));
        journal.decided(hireId, null, "ended in Lucca");

        IntakeResult back = recorded(parsed(HIRE));
        recorded(parsed(HIRE));

        assertThat(back.outcome()).isEqualTo(IntakeResult.Outcome.DUPLICATE);
        assertThat(told).as("the resend, the candidate in hired already, is no news")
                .containsExactly("acme " + hireId + ": back in hired");
    }

    @Test
    void aHireWhoseCreatesAnswerWasLostQueuedAgainByAMoveBackIntoHiredIsToldToTheTeam() throws Exception {
        String hireId = withdrawnAfterItsCreatesAnswerWasLost();

        IntakeResult back = recorded(parsed(HIRE));

        assertThat(back.outcome()).isEqualTo(IntakeResult.Outcome.ACCEPTED);
        assertThat(told).containsExactly("acme " + hireId + ": back in hired");
    }

    /** A hire whose create's answer was lost, moved out of hired: the move out asks the team to decide. */
    private String withdrawnAfterItsCreatesAnswerWasLost() throws Exception {
        String hireId = recorded(parsed(HIRE)).hireId();
        journal.claim(hireId);
        journal.markCreateAttempted(hireId, "{}", "https://acme.ilucca.net");
        Exchange movedOut = parsed(HIRE.replace("\"hired\": true", "\"hired\": false"));
        steps.classify(movedOut);
        steps.movedOut(movedOut);
        assertThat(movedOut.getVariable(Variables.MOVE_OUT, List.class))
                .containsExactly(new MoveOut(hireId, MoveOut.Outcome.NEEDS_DECISION,
                        Journal.MOVED_OUT_CREATE_UNKNOWN));
        return hireId;
    }

    /**
     * Moved back into hired with the e-mail removed meanwhile: the hire stays withdrawn (its account may exist), and
     * the team, asked at the move out, hears of the move back all the same; a resend of the same is no news.
     */
    @Test
    void aHireWhoseCreatesAnswerWasLostMovedBackIntoHiredIncompleteIsToldToTheTeamOnce() throws Exception {
        String hireId = withdrawnAfterItsCreatesAnswerWasLost();
        String withoutEmail = HIRE.replace("\"email\": \"eloise@gmail.com\"", "\"email\": null");
        assertThat(withoutEmail).isNotEqualTo(HIRE);

        IntakeResult back = recorded(parsed(withoutEmail));
        recorded(parsed(withoutEmail));

        assertThat(back.hireId()).isEqualTo(hireId);
        assertThat(told).containsExactly("acme " + hireId + ": back in hired");
    }

    @Test
    void aHireWithdrawnBeforeLuccaMovedBackIntoHiredIsNoNewsToTheTeam() throws Exception {
        String hireId = recorded(parsed(HIRE)).hireId();
        Exchange movedOut = parsed(HIRE.replace("\"hired\": true", "\"hired\": false"));
        steps.classify(movedOut);
        steps.movedOut(movedOut);

        assertThat(recorded(parsed(HIRE))).isEqualTo(new IntakeResult(hireId, IntakeResult.Outcome.ACCEPTED));
        assertThat(told).isEmpty();
    }

    @Test
    void withTriggerColumnsADragOnIntoFlatchrsHiredColumnIsTheSameHireNotASecondNorAMoveOut() throws Exception {
        assertThat(SIGNED).contains("Promesse signée");
        IntakeResult signed = recorded(parsed(SIGNED, EARLIER_STEP));

        IntakeResult hired = recorded(parsed(HIRE, EARLIER_STEP));

        assertThat(hired).isEqualTo(new IntakeResult(signed.hireId(), IntakeResult.Outcome.DUPLICATE));
        assertThat(new JournalReader(h2.dataSource()).find(signed.hireId()).orElseThrow().status())
                .isEqualTo(HireStatus.RECEIVED);
    }

    @Test
    void withTriggerColumnsADragStraightIntoFlatchrsHiredColumnIsAHire() throws Exception {
        IntakeResult hired = recorded(parsed(HIRE, EARLIER_STEP));

        assertThat(hired.outcome()).isEqualTo(IntakeResult.Outcome.ACCEPTED);
        assertThat(new JournalReader(h2.dataSource()).find(hired.hireId()).orElseThrow().payload()).isEqualTo(HIRE);
    }

    @Test
    void withTriggerColumnsAWithdrawnHireDraggedBackIntoFlatchrsHiredColumnIsQueuedAgain() throws Exception {
        IntakeResult signed = recorded(parsed(SIGNED, EARLIER_STEP));
        Exchange movedOut = parsed(HIRE.replace("\"hired\": true", "\"hired\": false"), EARLIER_STEP);
        steps.classify(movedOut);
        steps.movedOut(movedOut);

        IntakeResult back = recorded(parsed(HIRE, EARLIER_STEP));

        assertThat(back).isEqualTo(new IntakeResult(signed.hireId(), IntakeResult.Outcome.ACCEPTED));
        assertThat(new JournalReader(h2.dataSource()).find(signed.hireId()).orElseThrow().status())
                .isEqualTo(HireStatus.RECEIVED);
    }

    /** A tenant whose hires are made at an earlier step than Flatchr's hired column. */
    private static final IntakeRules EARLIER_STEP = new IntakeRules() {
        @Override
        public String id() {
            return "acme";
        }

        @Override
        public java.util.Set<String> triggerColumns() {
            return java.util.Set.of("promesse signée");
        }

        @Override
        public boolean acceptsCompany(String companyId) {
            return true;
        }

        @Override
        public Duration hireHold() {
            return Duration.ZERO;
        }
    };

    /** The hire's drag into that earlier step, a column Flatchr does not mark as hired. */
    private static final String SIGNED = HIRE.replace("{\"id\": 9, \"title\": \"Recruté\", \"hired\": true}",
            "{\"id\": 8, \"title\": \"Promesse signée\", \"hired\": false}");

    private IntakeResult recorded(Exchange exchange) {
        steps.classify(exchange);
        steps.record(exchange);
        return exchange.getVariable(Variables.INTAKE, IntakeResult.class);
    }

    /** An exchange as the route hands it to the classifier: the tenant found, the body parsed, its text kept. */
    private Exchange parsed(String body) throws Exception {
        return parsed(body, new AnyCompanyRules("acme", Duration.ZERO));
    }

    private Exchange parsed(String body, IntakeRules tenant) throws Exception {
        Exchange exchange = ExchangeBuilder.anExchange(camel).withBody(JSON.readTree(body)).build();
        exchange.setVariable(Variables.RAW_BODY, body);
        exchange.setVariable(Variables.TENANT, tenant);
        return exchange;
    }
}
