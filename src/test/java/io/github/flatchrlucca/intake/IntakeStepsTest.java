package io.github.flatchrlucca.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.IntakeResult;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.MoveOut;
import io.github.flatchrlucca.journal.TestJournal;
import io.github.flatchrlucca.routes.Variables;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
    private IntakeSteps steps;

    @BeforeEach
    void openJournal() {
        h2 = TestJournal.inFolder(dir);
        steps = new IntakeSteps(new FlatchrEventClassifier(), new VerdictRecorder(new Journal(h2.dataSource(),
                Clock.systemUTC(), Duration.ofMinutes(10), "instance-a")));
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

    /** An exchange as the route hands it to the classifier: the tenant found, the body parsed, its text kept. */
    private Exchange parsed(String body) throws Exception {
        Exchange exchange = ExchangeBuilder.anExchange(camel).withBody(JSON.readTree(body)).build();
        exchange.setVariable(Variables.RAW_BODY, body);
        exchange.setVariable(Variables.TENANT, new AnyCompanyRules("acme", Duration.ZERO));
        return exchange;
    }
}
