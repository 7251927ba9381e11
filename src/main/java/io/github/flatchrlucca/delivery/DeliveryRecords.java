package io.github.flatchrlucca.delivery;

import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.signals.DeliveryAlerts;
import io.github.flatchrlucca.signals.DeliveryCounts;
import io.github.flatchrlucca.routes.Variables;
import java.time.Clock;
import org.apache.camel.Body;
import org.apache.camel.Variable;

/** Writes each turn of a delivery to the journal the moment it happens, so a crash loses none of it. */
public final class DeliveryRecords {

    private final Journal journal;
    private final DeliveryCounts metrics;
    private final DeliveryAlerts alerts;
    private final Clock clock;

    public DeliveryRecords(Journal journal, DeliveryCounts metrics, DeliveryAlerts alerts, Clock clock) {
        this.journal = journal;
        this.metrics = metrics;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Before the create is sent: if its answer is lost, the next attempt knows to look for our user. */
    public void createAttempted(@Variable(Variables.DELIVERY) Delivery delivery, @Body ApiRequest create) {
        journal.markCreateAttempted(delivery.getHireId(), create.body(), delivery.tenant().lucca().instance());
        delivery.createRecorded(create);
    }

    /** Right after the create: a retry of the contract step must never create the user again. */
    public void userCreated(@Variable(Variables.DELIVERY) Delivery delivery) {
        journal.recordLuccaUser(delivery.getHireId(), delivery.luccaUserId(), delivery.tenant().lucca().instance());
    }

    public void delivered(@Variable(Variables.DELIVERY) Delivery delivery) {
        journal.markDelivered(delivery.getHireId(), delivery.luccaUserId(), delivery.warnings());
        // from its last entry into the queue, or the end of its hold: a hire replayed a week after it died took seconds,
        // not a week, and a hire held two hours on purpose was not two hours late
        metrics.delivered(delivery.hire().tenant(), delivery.hire().waitingSince(), clock.instant());
    }

    /**
     * A former employee reported (LUCCA_REHIRE=report) is told to the team's chat, as a hire dead for a person is: the
     * tenant chose to decide on them, and nothing else tells it who decides. Told when recorded, so once per delivery:
     * a resend is a duplicate, never delivered again. So is someone employed whose contract ends before the hire's
     * would: they leave Lucca on its last day unless someone gives them the new one. Someone else still employed needs
     * nobody: the hire is theirs already.
     */
    public void alreadyInLucca(@Variable(Variables.DELIVERY) Delivery delivery) {
        if (journal.markAlreadyInLucca(delivery.getHireId(), delivery.luccaUserId(), delivery.warnings())) {
            boolean rehire = delivery.warnings().contains(DeliverySteps.REHIRE);
            metrics.hire(delivery.hire().tenant(), "already-in-lucca", rehire ? "rehire" : "employee");
            if (rehire) {
                alerts.rehireReported(delivery.hire().tenant(), delivery.getHireId(), delivery.luccaUserId());
            }
            delivery.warnings().stream().filter(warning -> warning.startsWith(Journal.CONTRACT_ENDS_SOONER)).findFirst()
                    .ifPresent(warning -> alerts.contractEndsSooner(delivery.hire().tenant(), delivery.getHireId(),
                            delivery.luccaUserId(), DeliverySteps.lastDayIn(warning)));
        }
    }

    public void dryRun(@Variable(Variables.DELIVERY) Delivery delivery, @Body ApiRequest create) {
        if (journal.markDryRun(delivery.getHireId(), create.body(), delivery.warnings())) {
            metrics.hire(delivery.hire().tenant(), "dry-run", "none");
        }
    }
}
