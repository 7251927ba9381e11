package io.github.flatchrlucca.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.Origin;
import io.github.flatchrlucca.mapping.HireMapper;
import io.github.flatchrlucca.reconciliation.WebhookNamesakes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultLineTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    // 23:30 UTC on the 1st is the 2nd in Paris
    private static final Instant AT = Instant.parse("2026-12-01T23:30:00Z");

    @Test
    void aCreatedEmployeeIsNamedByLuccasIdLoginAndStartDay() {
        HireView hire = hire(HireStatus.DELIVERED, 416L, null, null, List.of(),
                "{\"login\":\"jdupont\",\"dtContractStart\":\"2027-01-04T00:00:00\",\"mail\":\"j@example.org\"}");

        assertThat(ResultLine.of(hire, PARIS)).isEqualTo("Lucca: created #416 jdupont, starts 2027-01-04");
    }

    /** The recruiter, who dragged the candidate in late, reads that the start day was past when Lucca was written. */
    @Test
    void aStartDayAlreadyPastWhenTheHireCameIsSaidSo() {
        String past = HireMapper.START_DATE_PAST + ": the vacancy's start date 2026-11-02 is before the day the hire "
                + "came (2026-12-02)";
        HireView created = hire(HireStatus.DELIVERED, 416L, null, null, List.of(past),
                "{\"login\":\"jdupont\",\"dtContractStart\":\"2026-11-02T00:00:00\"}");
        HireView rehired = hire(HireStatus.DELIVERED, 77L, null, null, List.of(past, "rehire: a former employee with "
                + "this e-mail is in Lucca; a new work contract was added to them, no new user was created"),
                "{\"ownerId\":77,\"startsOn\":\"2026-11-02\",\"typeId\":21}");

        assertThat(ResultLine.of(created, PARIS))
                .isEqualTo("Lucca: created #416 jdupont, starts 2026-11-02 (already past when created)");
        assertThat(ResultLine.of(rehired, PARIS))
                .isEqualTo("Lucca: rehired #77, a new contract from 2026-11-02 (already past when created)");
    }

    @Test
    void aFormerEmployeeBackWithANewContractIsSaidRehiredWithTheContractsFirstDay() {
        HireView hire = hire(HireStatus.DELIVERED, 77L, null, null, List.of("rehire: a former employee with this "
                + "e-mail is in Lucca; a new work contract was added to them, no new user was created"),
                "{\"ownerId\":77,\"startsOn\":\"2027-01-04\",\"typeId\":21}");

        assertThat(ResultLine.of(hire, PARIS)).isEqualTo("Lucca: rehired #77, a new contract from 2027-01-04");
    }

    @Test
    void aHireDeliveredThoughStoppedWhileItsLastCallWasOnItsWaySaysHrDecides() {
        // moved out of hired while the contract's POST was on its way, which Lucca then made (Journal.markDelivered)
        String created = "{\"login\":\"jdupont\",\"dtContractStart\":\"2027-01-04T00:00:00\"}";
        assertThat(ResultLine.of(delivered(416L, List.of(), created, Journal.MOVED_OUT_AFTER_LUCCA), PARIS))
                .isEqualTo("Lucca: #416 was made before the move out of hired; HR decides (2026-12-02)");
        assertThat(ResultLine.of(delivered(416L, List.of(), created, Journal.CANCELLED_AFTER_LUCCA), PARIS))
                .isEqualTo("Lucca: #416 was made before the cancel; HR decides (2026-12-02)");
        // cancelled once its user was made, while the contract's POST was on its way
        assertThat(ResultLine.of(delivered(416L, List.of(), created, Journal.CANCELLED_WITH_ACCOUNT), PARIS))
                .isEqualTo("Lucca: #416 was made before the cancel; HR decides (2026-12-02)");
        assertThat(ResultLine.of(delivered(77L, List.of("rehire: a former employee with this e-mail is in Lucca"),
                "{\"ownerId\":77,\"startsOn\":\"2027-01-04\"}", Journal.MOVED_OUT_AFTER_LUCCA), PARIS))
                .isEqualTo("Lucca: rehired #77, a new contract from 2027-01-04, before the move out of hired; HR "
                        + "decides (2026-12-02)");
        // the mark concerns what the tenant's earlier Lucca may hold: this one's user was made as asked
        assertThat(ResultLine.of(delivered(416L, List.of(), created, Journal.CREATE_UNKNOWN_IN_EARLIER_LUCCA), PARIS))
                .isEqualTo("Lucca: created #416 jdupont, starts 2027-01-04");
    }

    /**
     * A rehire whose new contract Lucca made after the move out carries the rehire's own mark (end that contract, not
     * the person): the recruiter still reads that it came before the move out and that HR decides.
     */
    @Test
    void aRehireDeliveredThoughMovedOutWhileItsContractWasOnItsWaySaysHrDecides() {
        assertThat(ResultLine.of(delivered(77L, List.of("rehire: a former employee with this e-mail is in Lucca"),
                "{\"ownerId\":77,\"startsOn\":\"2027-01-04\"}", Journal.MOVED_OUT_AFTER_REHIRE), PARIS))
                .isEqualTo("Lucca: rehired #77, a new contract from 2027-01-04, before the move out of hired; HR "
                        + "decides (2026-12-02)");
    }

    /**
     * Someone found in Lucca, HR asked to give them their new contract by hand, then moved out of hired before their
     * line was written (Flatchr unreachable, the tag set later): the recruiter who moved them out does not read that HR
     * gives it, but that HR decides.
     */
    @Test
    void someoneFoundInLuccaMovedOutBeforeTheirLineWasWrittenIsNotSaidToGetTheirContract() {
        String endsSooner = "their contract in Lucca ends on 2026-06-30, before this hire's (open-ended): no new "
                + "contract was made; give them theirs in Lucca by hand";
        assertThat(ResultLine.of(foundInLucca(List.of("a user with this e-mail is already in Lucca; no new user was "
                + "created", endsSooner), Journal.MOVED_OUT_AFTER_HR_ASKED), PARIS)).isEqualTo("Lucca: not created - "
                + "already in Lucca as #12, their contract ends 2026-06-30; moved out of hired after HR was asked for "
                + "the new contract: HR decides (2026-12-02)");
        assertThat(ResultLine.of(foundInLucca(List.of("rehire: a former employee with this e-mail is in Lucca; no new "
                + "user was created"), Journal.MOVED_OUT_AFTER_HR_ASKED), PARIS)).isEqualTo("Lucca: not created - a "
                + "former employee with this e-mail is #12 (rehire); moved out of hired after HR was asked for the new "
                + "contract: HR decides (2026-12-02)");
    }

    @Test
    void eachOtherOutcomeSaysWhyNoUserWasCreatedAndWhen() {
        assertThat(ResultLine.of(hire(HireStatus.ALREADY_IN_LUCCA, 12L, null, null,
                List.of("rehire: a former employee with this e-mail is in Lucca; no new user was created"), null), PARIS))
                .isEqualTo("Lucca: not created - a former employee with this e-mail is #12 (rehire) (2026-12-02)");
        assertThat(ResultLine.of(hire(HireStatus.ALREADY_IN_LUCCA, 12L, null, null, List.of(), null), PARIS))
                .isEqualTo("Lucca: not created - already in Lucca as #12 (2026-12-02)");
        // employed until their contract ends, before this hire's would: the recruiter reads that the new one is not made
        assertThat(ResultLine.of(hire(HireStatus.ALREADY_IN_LUCCA, 12L, null, null, List.of(
                "a user with this e-mail is already in Lucca; no new user was created", "their contract in Lucca ends on "
                + "2026-06-30, before this hire's (open-ended): no new contract was made; give them theirs in Lucca by "
                + "hand"), null), PARIS)).isEqualTo("Lucca: not created - already in Lucca as #12, their contract ends "
                + "2026-06-30: no new contract made, HR gives it (2026-12-02)");
        assertThat(ResultLine.of(hire(HireStatus.DEAD, null, 400, "Lucca answered 400 to create-user", List.of(), null),
                PARIS)).isEqualTo("Lucca: not created - Lucca refused it (400); see the connector's status page "
                + "(2026-12-02)");
        assertThat(ResultLine.of(hire(HireStatus.DEAD, null, 503, "expired", List.of(), null), PARIS))
                .contains("could not be reached in time");
        assertThat(ResultLine.of(hire(HireStatus.REJECTED, null, null,
                "data.candidate.email is missing, data.candidate.lastname is longer than 100 characters", List.of(),
                null), PARIS)).isEqualTo("Lucca: not created - the e-mail is missing, the last name is longer than "
                + "100 characters (2026-12-02)");
        assertThat(ResultLine.of(hire(HireStatus.CANCELLED, null, null, null, List.of(), null), PARIS))
                .isEqualTo("Lucca: not created - cancelled by an operator (2026-12-02)");
        assertThat(ResultLine.of(hire(HireStatus.WITHDRAWN, null, null, null, List.of(), null), PARIS))
                .isEqualTo("Lucca: not created - moved out of hired (2026-12-02)");
        assertThat(ResultLine.of(hire(HireStatus.WITHDRAWN, 416L, null, null, List.of(), null), PARIS))
                .isEqualTo("Lucca: #416 was made before the move out of hired; HR decides (2026-12-02)");
        assertThat(ResultLine.of(hire(HireStatus.DRY_RUN, null, null, null, List.of(), null), PARIS))
                .startsWith("Lucca: not sent");
    }

    @Test
    void aHireStoppedAfterItsCreateNeverSaysNothingWasMade() {
        assertThat(ResultLine.of(hire(HireStatus.CANCELLED, 417L, null, null, List.of(), null), PARIS))
                .isEqualTo("Lucca: #417 was made before the cancel; HR decides (2026-12-02)");
        assertThat(ResultLine.of(waiting(HireStatus.CANCELLED, Journal.CANCELLED_CREATE_UNKNOWN), PARIS))
                .isEqualTo("Lucca: perhaps created before the cancel (its answer was lost); HR checks in Lucca "
                        + "(2026-12-02)");
        assertThat(ResultLine.of(waiting(HireStatus.WITHDRAWN, Journal.MOVED_OUT_CREATE_UNKNOWN), PARIS))
                .isEqualTo("Lucca: perhaps created before the move out of hired (its answer was lost); HR checks in "
                        + "Lucca (2026-12-02)");
    }

    @Test
    void aRejectedHireWhoseAccountWasMadeOrPerhapsMadeNeverSaysNotCreated() {
        // rejected after its move out, by a release that rejected such a hire again when moved back incomplete
        assertThat(ResultLine.of(hire(HireStatus.REJECTED, 416L, null, "data.candidate.email is missing", List.of(),
                null), PARIS)).isEqualTo("Lucca: #416 was made before the move out of hired; HR decides (2026-12-02)");
        assertThat(ResultLine.of(waiting(HireStatus.REJECTED, Journal.MOVED_OUT_CREATE_UNKNOWN), PARIS))
                .startsWith("Lucca: perhaps created before the move out of hired (its answer was lost)");
    }

    @Test
    void aDeadHireWhoseUserWasMadeSaysSoAndWhatIsLeft() {
        // the user made (recordLuccaUser), then POST /work-contracts refused: "not created" would have HR make a twin
        assertThat(ResultLine.of(hire(HireStatus.DEAD, 416L, 400, "Lucca answered 400 to create-work-contract",
                List.of(), null), PARIS)).isEqualTo("Lucca: #416 was made, not its work contract - Lucca refused it "
                + "(400); HR decides, see the connector's status page (2026-12-02)");
        // made in the Lucca the tenant had before a reload (HireNeedsAPerson.ofLucca): dead with no status
        assertThat(ResultLine.of(hire(HireStatus.DEAD, 416L, null, "its Lucca user (or a create whose answer was "
                + "lost) was made in the Lucca its tenant used before", List.of(), null), PARIS))
                .isEqualTo("Lucca: #416 was made, not its work contract; HR decides, see the connector's status page "
                        + "(2026-12-02)");
    }

    @Test
    void aDeadHireWhoseCreateAnswerWasLostIsNeverSaidNotCreated() {
        // the create timed out after Lucca made the user, then Lucca answered 503 until RETRY_MAX_AGE_HOURS
        assertThat(ResultLine.of(deadAfterALostCreate(503, "expired"), PARIS))
                .isEqualTo("Lucca: perhaps created (its answer was lost); HR checks in Lucca; see the connector's "
                        + "status page (2026-12-02)");
        // stopped for a person (the login the lost create gave is someone else's now): perhaps made all the same
        assertThat(ResultLine.of(deadAfterALostCreate(null, "the login the lost create gave is held by another "
                + "Lucca user #418"), PARIS)).startsWith("Lucca: perhaps created (its answer was lost)");
    }

    @Test
    void aDeathWithoutLuccasStatusIsNotBlamedOnLuccaAndNamesNobody() {
        // a namesake, names without Latin letters, a value the journal refused, an expired wait for an address
        String namesake = "Lucca user #12 already has the work address LUCCA_WORK_EMAIL_PATTERN gives this hire";

        assertThat(ResultLine.of(hire(HireStatus.DEAD, null, null, namesake, List.of(), null), PARIS))
                .isEqualTo("Lucca: needs a person; see the connector's status page (2026-12-02)");
    }

    @Test
    void aRateLimitThatOutlastedTheRetriesIsNoRefusal() {
        assertThat(ResultLine.of(hire(HireStatus.DEAD, null, 429, "expired", List.of(), null), PARIS))
                .isEqualTo("Lucca: not created - Lucca could not be reached in time (rate limited); see the "
                        + "connector's status page (2026-12-02)");
        assertThat(ResultLine.of(hire(HireStatus.DEAD, null, 401, "expired", List.of(), null), PARIS))
                .contains("Lucca refused the connector's key");
    }

    /** A hire with no Lucca user that waits for a person's decision. */
    private static HireView waiting(HireStatus status, String decision) {
        return new HireView("hire-1", "acme", status, AT, AT, null, AT, 1, null, null, null, null, null, List.of(),
                null, "{}", Origin.WEBHOOK, "PENDING", null, 0, AT, decision, AT, true, false, null);
    }

    @Test
    void aSearchsHireOfTheNamesAndVacancyOfAWebhooksOneTellsTheRecruiterHrDecides() {
        assertThat(ResultLine.of(hire(HireStatus.REJECTED, null, null, WebhookNamesakes.REASON_START
                + "hire-0, another e-mail: if the e-mail was corrected in Flatchr, cancel this one", List.of(), null), PARIS)).isEqualTo("Lucca: not created - the same names and vacancy as another hire, under "
                + "another e-mail (corrected?); HR decides (2026-12-02)");
        // the operator found the e-mail corrected: the candidate is the other hire's
        assertThat(ResultLine.of(hire(HireStatus.CANCELLED, null, null, WebhookNamesakes.REASON_START + "hire-0",
                List.of(), null), PARIS)).isEqualTo("Lucca: not created again - cancelled as the same person as another "
                + "hire (2026-12-02)");
    }

    @Test
    void noLineIsLongerThanItsCap() {
        String reason = "data.candidate.firstname is missing, ".repeat(20);

        assertThat(ResultLine.of(hire(HireStatus.REJECTED, null, null, reason, List.of(), null), PARIS))
                .hasSize(ResultLine.MAX_LENGTH).endsWith("...");
    }

    private static HireView hire(HireStatus status, Long userId, Integer luccaStatus, String error,
                                   List<String> warnings, String luccaRequest) {
        return new HireView("hire-1", "acme", status, AT, AT, null, AT, 1, null, userId, luccaStatus, null, error, warnings,
                luccaRequest, "{}", Origin.WEBHOOK, "PENDING", null, 0, AT, null, null, false, false, null);
    }

    /** A delivered hire that waits for a person's decision. */
    private static HireView delivered(Long userId, List<String> warnings, String luccaRequest, String decision) {
        return new HireView("hire-1", "acme", HireStatus.DELIVERED, AT, AT, null, AT, 1, null, userId, null, null, null,
                warnings, luccaRequest, "{}", Origin.WEBHOOK, "PENDING", null, 0, AT, decision, AT, false, false, null);
    }

    /** Someone found in Lucca, #12, whose hire waits for a person's decision. */
    private static HireView foundInLucca(List<String> warnings, String decision) {
        return new HireView("hire-1", "acme", HireStatus.ALREADY_IN_LUCCA, AT, AT, null, AT, 1, null, 12L, null, null,
                null, warnings, null, "{}", Origin.WEBHOOK, "PENDING", null, 0, AT, decision, AT, false, false, null);
    }

    /** A hire that died after a create whose answer never came: Lucca may have made the user. */
    private static HireView deadAfterALostCreate(Integer luccaStatus, String error) {
        return new HireView("hire-1", "acme", HireStatus.DEAD, AT, AT, null, AT, 1, null, null, luccaStatus, null, error,
                List.of(), "{\"login\":\"jdupont\"}", "{}", Origin.WEBHOOK, "PENDING", null, 0, AT, null, null, true, false, null);
    }
}
