package io.github.flatchrlucca.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyStateTest {

    private final List<KeyState.State> told = new ArrayList<>();
    private final KeyState credentials = new KeyState(told::add);

    @Test
    void aRejectionAndTheKeyAcceptedAfterItAreEachToldOnce() {
        credentials.answered("search-user", 200);
        credentials.answered("search-user", 201);
        assertThat(credentials.state()).isEqualTo(KeyState.State.OK);
        assertThat(told).as("a key nobody heard was wrong does not work 'again'").isEmpty();

        credentials.answered("search-user", 401);
        credentials.answered("search-user", 403);
        credentials.answered("search-user", 200);
        credentials.answered("search-user", 200);

        assertThat(told).containsExactly(KeyState.State.REJECTED, KeyState.State.OK);
    }

    @Test
    void aKeyRejectedAtItsFirstAnswerIsToldAndSoIsItsAcceptance() {
        credentials.answered("search-user", 401);
        credentials.answered("search-user", 204);

        assertThat(told).containsExactly(KeyState.State.REJECTED, KeyState.State.OK);
    }

    @Test
    void aKeyReplacingARejectedOneIsToldAcceptedAtItsFirstSuccessOnly() {
        credentials.answered("search-user", 401);
        KeyState untried = new KeyState(told::add, credentials);
        KeyState rotated = new KeyState(told::add, untried);
        KeyState fine = new KeyState(told::add, new KeyState(told::add));

        assertThat(rotated.state()).isEqualTo(KeyState.State.UNKNOWN);
        rotated.answered("search-user", 200);
        rotated.answered("search-user", 200);
        fine.answered("search-user", 200);

        assertThat(told).as("once, though the key between was never tried").containsExactly(KeyState.State.REJECTED,
                KeyState.State.OK);
    }

    @Test
    void anAnswerThatSaysNothingOfTheKeyChangesNothing() {
        for (int status : new int[] {404, 408, 429, 500, 503, 302, 0}) {
            credentials.answered("search-user", status);
        }
        assertThat(credentials.state()).isEqualTo(KeyState.State.UNKNOWN);

        credentials.answered("search-user", 401);
        credentials.answered("search-user", 503);
        assertThat(credentials.state()).isEqualTo(KeyState.State.REJECTED);
    }

    @Test
    void aNewKeyIsTriedOnceWhateverThatTryCameTo() {
        assertThat(credentials.firstTry()).isTrue();
        credentials.answered("search-user", 503);

        assertThat(credentials.firstTry()).as("an unreachable Lucca is not asked in a loop").isFalse();
    }

    @Test
    void aKeySomethingHasAlreadySaidSomethingOfIsNotTried() {
        credentials.answered("search-user", 200);

        assertThat(credentials.firstTry()).isFalse();
    }

    @Test
    void aCallRefusedAtEveryAttemptStaysRefusedThoughTheAttemptsOtherCallsSucceed() {
        for (int attempt = 0; attempt < 6; attempt++) {
            credentials.answered("find-person-by-mail", 200);
            credentials.answered("create-user", 403);
        }

        assertThat(credentials.state()).isEqualTo(KeyState.State.REJECTED);
        assertThat(told).as("told once, not at each attempt").containsExactly(KeyState.State.REJECTED);
    }

    @Test
    void aFirstTryRefusedStandsForTheKeyUntilAnyCallSucceeds() {
        // made once a process, refused before HR gave the key its rights: never made again to clear it
        credentials.answeredFirstTry(403);
        assertThat(credentials.state()).isEqualTo(KeyState.State.REJECTED);

        credentials.answered("find-person-by-mail", 200);

        assertThat(credentials.state()).isEqualTo(KeyState.State.OK);
        assertThat(told).containsExactly(KeyState.State.REJECTED, KeyState.State.OK);
    }

    @Test
    void aCallRefusedForSomeHiresBetweenOtherHiresSuccessesLeavesTheKeyAccepted() {
        // a role limited to some establishments: two hires' creates refused at each of their attempts, others created
        credentials.answered("create-user", "hire-b", 201);
        for (int attempt = 0; attempt < 4; attempt++) {
            credentials.answered("create-user", "hire-a", 403);
            credentials.answered("create-user", "hire-c", 403);
            credentials.answered("create-user", "hire-b" + attempt, 201);
        }

        assertThat(credentials.state()).isEqualTo(KeyState.State.OK);
        assertThat(told).as("no 'rejected' and 'accepted again' at each of their attempts").isEmpty();
    }

    @Test
    void aCallMadeBeforeAndRefusedTwiceForOneHireRefusesTheKey() {
        // the key's role cut for good: the first hire's second refusal, with no success between, is the key's state
        credentials.answered("create-user", "hire-b", 201);
        credentials.answered("create-user", "hire-a", 403);
        credentials.answered("create-user", "hire-c", 403);
        assertThat(credentials.state()).isEqualTo(KeyState.State.OK);

        credentials.answered("find-person-by-mail", "hire-a", 200);
        credentials.answered("create-user", "hire-a", 403);

        assertThat(credentials.state()).isEqualTo(KeyState.State.REJECTED);
        assertThat(told).containsExactly(KeyState.State.REJECTED);
    }

    @Test
    void aCallForNoHireMadeBeforeIsRefusedAtItsSecond403InARow() {
        credentials.answered("search-applications", 200);
        credentials.answered("search-applications", 403);
        assertThat(credentials.state()).isEqualTo(KeyState.State.OK);

        credentials.answered("search-applications", 403);

        assertThat(credentials.state()).isEqualTo(KeyState.State.REJECTED);
    }
}
