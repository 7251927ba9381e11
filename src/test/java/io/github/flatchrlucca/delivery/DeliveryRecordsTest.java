package io.github.flatchrlucca.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.journal.Intakes;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.TestJournal;
import io.github.flatchrlucca.operations.Alerts;
import io.github.flatchrlucca.signals.DeliveryCounts;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.TestTenants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What delivery writes down as each turn ends, and counts. */
class DeliveryRecordsTest {

    private static final Instant DIED_ON_MONDAY = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant REPLAYED_ON_TUESDAY = Instant.parse("2026-01-06T10:00:00Z");
    private static final String PAYLOAD = """
            { "event": "drag_applicant", "company_id": 4242,
              "data": {
                "candidate": {"id": 77, "firstname": "Éloïse", "lastname": "Müller", "email": "eloise@example.org"},
                "applicant": {"id": 1234},
                "column": {"id": 9, "title": "Recruté", "hired": true},
                "vacancy": {"id": 5, "title": "Développeuse Java", "start_date": "2026-02-02"}
              } }
            """;

    @RegisterExtension
    final TestJournal h2 = TestJournal.inMemory();
    private final Clock clock = Clock.fixed(REPLAYED_ON_TUESDAY.plusSeconds(30), ZoneOffset.UTC);
    private final List<Duration> hireToLucca = new ArrayList<>();
    private final List<String> chat = new ArrayList<>();
    private final Journal journal = new Journal(h2.dataSource(), clock, Duration.ofMinutes(10), "instance-a");
    private final DeliveryRecords records = new DeliveryRecords(journal, new DeliveryCounts() {
                @Override
                public void delivered(String tenant, Instant waitingSince, Instant now) {
                    hireToLucca.add(Duration.between(waitingSince, now));
                }

                @Override
                public void hire(String tenant, String outcome, String reason) {
                }
            }, new Alerts(chat::add, "https://flatchr-lucca.acme.example", null, Duration.ofHours(1), clock), clock);

    @Test
    void aReplayedHireReachesLuccaInTheTimeSinceItsReplayNotSinceItsFirstArrival() throws Exception {
        records.delivered(delivery(new ClaimedHire("hire-1", "acme", PAYLOAD, DIED_ON_MONDAY, REPLAYED_ON_TUESDAY, null,
                1, 416L, null, null)));

        assertThat(hireToLucca).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void aHeldHireReachesLuccaInTheTimeSinceItsHoldEndedNotSinceItEnteredTheQueue() throws Exception {
        Instant received = REPLAYED_ON_TUESDAY.minus(Duration.ofHours(2));

        records.delivered(delivery(new ClaimedHire("hire-1", "acme", PAYLOAD, received, received, REPLAYED_ON_TUESDAY,
                1, 416L, null, null)));

        assertThat(hireToLucca).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void anEmployeeWhoseContractEndsBeforeTheHiresIsToldToTheTeamWithTheirLastDay() throws Exception {
        Delivery delivery = employeeFoundInLucca();
        delivery.warn(Journal.CONTRACT_ENDS_SOONER + "2026-06-30, before this hire's (open-ended): no new contract was "
                + "made; give them theirs in Lucca by hand");

        records.alreadyInLucca(delivery);

        assertThat(chat).singleElement().asString().contains("Hire " + delivery.getHireId() + " of tenant acme",
                "user #77",
                "ends on 2026-06-30", "by hand").doesNotContain("eloise");
    }

    @Test
    void anEmployeeStayingLongerThanTheHireNeedsNobody() throws Exception {
        records.alreadyInLucca(employeeFoundInLucca());

        assertThat(chat).isEmpty();
    }

    /** A hire recorded and claimed, whose person delivery found employed in Lucca as user 77. */
    private Delivery employeeFoundInLucca() throws Exception {
        String hireId = Intakes.recordIntake(journal, PAYLOAD, new HireVerdict(HireVerdict.Kind.HIRE, null, "4242",
                "1234", List.of()), "acme", Duration.ZERO).hireId();
        Delivery delivery = delivery(journal.claim(hireId));
        delivery.foundInLucca(77);
        delivery.warn(DeliverySteps.ALREADY_EMPLOYED);
        return delivery;
    }

    private static Delivery delivery(ClaimedHire hire) throws Exception {
        Tenant tenant = TestTenants.inForce(TestTenants.tenant("acme", "acme-token-0123456789", "4242"))
                .current("acme");
        return new Delivery(hire, tenant, tenant.mapper().map(new ObjectMapper().readTree(PAYLOAD), hire.receivedAt(),
                hire.receivedAt()), null, null);
    }
}
