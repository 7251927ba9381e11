package io.github.flatchrlucca.flatchr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flatchrlucca.http.KeyState;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One call at a time to each Flatchr company, whoever makes it: the search, the write-back, a backfill. */
class FlatchrTurnsTest {

    // no wait at all: a turn that is taken is refused at once, and the test needs no clock
    private final FlatchrTurns turns = new FlatchrTurns(Duration.ZERO);
    private final FlatchrConnection acme = connection("acme", "Wy3EOp2NP3p1KMq8");
    // another tenant naming the same company at the same Flatchr
    private final FlatchrConnection acmeAgain = connection("acme-bis", "Wy3EOp2NP3p1KMq8");
    private final FlatchrConnection globex = connection("globex", "Qa7RTe5KMw2ZXc1V");

    @Test
    void aCompanysSecondCallWaitsForTheFirstWhoeverMakesItAndOtherCompaniesDoNot() throws Exception {
        turns.take(acme, "search-applicants");

        assertThatThrownBy(() -> turns.take(acmeAgain, "write-tag")).isInstanceOf(FlatchrCallFailed.Busy.class)
                .hasMessageStartingWith("write-tag not sent");
        assertThatCode(() -> turns.take(globex, "write-tag")).doesNotThrowAnyException();

        turns.giveBack(acme);
        assertThatCode(() -> turns.take(acmeAgain, "write-tag")).as("its turn, once the first gave it back")
                .doesNotThrowAnyException();
    }

    private static FlatchrConnection connection(String tenant, String companyKey) {
        return new FlatchrConnection(tenant, URI.create("https://api.flatchr.io"), "flatchr-key", companyKey,
                new KeyState(state -> { }));
    }

    @Test
    void aClaimRenewedBeforeACallOutlastsItsWaitForItsTurnAndTheCallTwiceOver() {
        FlatchrTurns slow = new FlatchrTurns(Duration.ofMinutes(12));

        assertThat(slow.leaseCovering(Duration.ofMinutes(4), Duration.ofMinutes(5)))
                .as("a long LUCCA_TIMEOUT_MS").isEqualTo(Duration.ofMinutes(32));
        assertThat(new FlatchrTurns(Duration.ofMinutes(1)).leaseCovering(Duration.ofSeconds(20),
                Duration.ofMinutes(5))).as("never less than the floor").isEqualTo(Duration.ofMinutes(5));
    }
}
