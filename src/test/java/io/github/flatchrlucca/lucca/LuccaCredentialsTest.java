package io.github.flatchrlucca.lucca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LuccaCredentialsTest {

    private final List<LuccaCredentials.State> told = new ArrayList<>();
    private final LuccaCredentials credentials = new LuccaCredentials(told::add);

    @Test
    void aSuccessSaysTheKeyWorksAndARejectionThatItDoesNotEachToldOnce() {
        credentials.answered(200);
        credentials.answered(201);
        credentials.answered(401);
        credentials.answered(403);
        credentials.answered(200);

        assertThat(told).containsExactly(LuccaCredentials.State.OK, LuccaCredentials.State.REJECTED,
                LuccaCredentials.State.OK);
    }

    @Test
    void anAnswerThatSaysNothingOfTheKeyChangesNothing() {
        for (int status : new int[] {404, 408, 429, 500, 503, 302, 0}) {
            credentials.answered(status);
        }
        assertThat(credentials.state()).isEqualTo(LuccaCredentials.State.UNKNOWN);

        credentials.answered(401);
        credentials.answered(503);
        assertThat(credentials.state()).isEqualTo(LuccaCredentials.State.REJECTED);
    }

    @Test
    void aNewKeyIsTriedOnceWhateverThatTryCameTo() {
        assertThat(credentials.firstTry()).isTrue();
        credentials.answered(503);

        assertThat(credentials.firstTry()).as("an unreachable Lucca is not asked in a loop").isFalse();
    }

    @Test
    void aKeySomethingHasAlreadySaidSomethingOfIsNotTried() {
        credentials.answered(200);

        assertThat(credentials.firstTry()).isFalse();
    }
}
