package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.intake.UnusableField;
import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.journal.EventDetail;
import io.github.flatchrlucca.journal.HireEvent;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.Origin;
import io.github.flatchrlucca.mapping.HireWarning;
import io.github.flatchrlucca.mapping.LuccaUserDraft;
import io.github.flatchrlucca.mapping.MappedHire;
import io.github.flatchrlucca.reconciliation.FoundApplication;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The records that carry a candidate's personal data say what they are without it. */
class PersonalDataRecordsTest {

    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");
    private static final String PAYLOAD = "{\"data\":{\"candidate\":{\"firstname\":\"Ada\",\"lastname\":\"Lovelace\","
            + "\"email\":\"ada@example.org\",\"phone\":\"+33612345678\"}}}";
    private static final LuccaUserDraft DRAFT = new LuccaUserDraft("Ada", "Lovelace", "ada.lovelace@acme.fr",
            "ada@example.org", "+33612345678", "Analyst", LocalDate.of(2027, 1, 4), "alovelace", 1, 2, 3);

    static Stream<Object> records() {
        return Stream.of(
                new ClaimedHire("hire-1", "acme", PAYLOAD, AT, AT, null, 2, 1001L, "{}", null),
                new EventDetail("create-user", 400, "{\"error\":\"ada@example.org is taken by Ada Lovelace\"}",
                        "Lucca refused alovelace"),
                new HireEvent(AT, HireStatus.DEAD, "create-user", 400, "Lucca: ada@example.org is taken by Ada Lovelace"),
                new HireView("hire-1", "acme", HireStatus.RETRYING, AT, AT, null, AT, 2, AT, null, 503, "{\"mail\":"
                        + "\"ada@example.org\"}", "Lovelace's create failed", List.of("Ada: no department"),
                        "{\"login\":\"alovelace\"}", PAYLOAD, Origin.WEBHOOK, null, null, 0, null, null, null, false, false, null),
                new FoundApplication("app-9", "vac-3", "Analyst", "Hired", true, false, "Ada", "Lovelace",
                        "ada@example.org", "+33612345678", AT),
                DRAFT,
                new MappedHire(DRAFT, List.of(HireWarning.ofNewUser("Ada Lovelace: no department")), "alovelace", List.of("IT"), "1", "app-9"),
                new HireVerdict(HireVerdict.Kind.INCOMPLETE, "Ada Lovelace has no start date", "42", "app-9",
                        List.of(new UnusableField("data.candidate.email", "is not an e-mail address")),
                        "ada@example.org|vac-3"));
    }

    @ParameterizedTest
    @MethodSource("records")
    void toStringNamesTheRecordButNotThePerson(Object record) {
        assertThat(record.toString()).startsWith(record.getClass().getSimpleName() + "[")
                .doesNotContain("Ada", "Lovelace", "ada@example.org", "ada.lovelace", "+33612345678", "alovelace");
    }
}
