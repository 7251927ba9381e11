package io.github.flatchrlucca.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.flatchrlucca.journal.IntakeResult;
import io.github.flatchrlucca.mapping.HireMapper;
import io.github.flatchrlucca.routes.Variables;
import io.github.flatchrlucca.signals.BackInHiredAlert;
import io.github.flatchrlucca.signals.RejectedHireAlert;
import org.apache.camel.Exchange;

/**
 * The webhook route's steps around the classifier and the journal (routes/webhook.camel.yaml), each reading the
 * exchange's variables and setting its own. Bean steps, not expressions: Camel copies the whole exchange (its
 * properties, variables and message) for every method an expression calls, and parses each {@code ${x.y()}} again at
 * every call. The two method expressions the first two steps replace, with the choice's two calls of the verdict, took
 * about an eighth of a webhook's CPU time (13% less once gone: BENCHMARKS.md); a move out of hired goes the same way.
 */
public final class IntakeSteps {

    private final FlatchrEventClassifier classifier;
    private final VerdictRecorder recorder;
    private final RejectedHireAlert alert;
    private final BackInHiredAlert backInHired;

    public IntakeSteps(FlatchrEventClassifier classifier, VerdictRecorder recorder, RejectedHireAlert alert,
                       BackInHiredAlert backInHired) {
        this.classifier = classifier;
        this.recorder = recorder;
        this.alert = alert;
        this.backInHired = backInHired;
    }

    /** Sets the verdict on the parsed event, and its kind as plain text for the route's choice. */
    public void classify(Exchange exchange) {
        HireVerdict verdict = classifier.classify(exchange.getMessage().getBody(JsonNode.class),
                exchange.getVariable(Variables.TENANT, IntakeRules.class));
        exchange.setVariable(Variables.VERDICT, verdict);
        exchange.setVariable(Variables.VERDICT_KIND, verdict.kind().name());
    }

    /**
     * Records the hire as received, and sets what the journal did with it. A rejection that is news is told to the
     * team's chat, once committed: Flatchr neither sends a webhook again nor shows one refused, so a hire refused
     * unseen (a wrong FLATCHR_COMPANY_ID refuses them all) would be lost to everyone. Recorded as sent, but for the
     * connector's own mark of a vacancy matched by its title ({@link HireMapper#unmarked}): a payload carrying it would
     * have its delivery warn falsely that its start date and contract type may be another vacancy's. A candidate back
     * in hired after their move out asked the team about a Lucca account is told too: the team may be ending it.
     */
    public void record(Exchange exchange) {
        IntakeRules tenant = exchange.getVariable(Variables.TENANT, IntakeRules.class);
        HireVerdict verdict = exchange.getVariable(Variables.VERDICT, HireVerdict.class);
        JsonNode event = exchange.getMessage().getBody(JsonNode.class);
        String payload = HireMapper.unmarked(event.path("data").path("vacancy")) ? event.toString()
                : exchange.getVariable(Variables.RAW_BODY, String.class);
        IntakeResult result = recorder.record(payload, tenant, verdict);
        exchange.setVariable(Variables.INTAKE, result);
        if (result.newRejection()) {
            alert.hireRejected(tenant.id(), result.hireId(), verdict.rejection());
        }
        if (result.backInHiredAfterDecision()) {
            backInHired.backInHiredAfterDecisionAsked(tenant.id(), result.hireId());
        }
    }

    /** Withdraws the hire of a candidate moved out of hired (or asks a person), and sets what it meant to it. */
    public void movedOut(Exchange exchange) {
        exchange.setVariable(Variables.MOVE_OUT, recorder.movedOut(exchange.getVariable(Variables.TENANT,
                IntakeRules.class), exchange.getVariable(Variables.VERDICT, HireVerdict.class)));
    }
}
