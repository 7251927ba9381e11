package io.github.flatchrlucca.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyStateTest {

    private final List<KeyState.State> told = new ArrayList<>();
    private final KeyState credentials = new KeyState(told::add);

    @Test
    void aSuccessSaysTheKeyWorksAndARejectionThatItDoesNotEachToldOnce() {
        credentials.answered(200);
        credentials.answered(201);
        credentials.answered(401);
        credentials.answered(403);
        credentials.answered(200);

        assertThat(told).containsExactly(KeyState.State.OK, KeyState.State.REJECTED,
                KeyState.State.OK);
    }

    @Test
    void anAnswerThatSaysNothingOfTheKeyChangesNothing() {
        for (int status : new int[] {404, 408, 429, 500, 503, 302, 0}) {
            credentials.answered(status);
        }
        assertThat(credentials.state()).isEqualTo(KeyState.State.UNKNOWN);

        credentials.answered(401);
        credentials.answered(503);
        assertThat(credentials.state()).isEqualTo(KeyState.State.REJECTED);
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
