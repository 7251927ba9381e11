package io.github.flatchrlucca.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {

    private final List<String> granted = new ArrayList<>();
    private final BodyBudget budget = new BodyBudget(10);

    @Test
    void bodiesWithinTheBudgetGoOnAtOnceAndTheirCallbacksNeverRun() {
        BodyBudget.Share first = budget.take(4, () -> granted.add("first"));
        BodyBudget.Share second = budget.take(6, () -> granted.add("second"));

        assertThat(first.grantedAtOnce()).isTrue();
        assertThat(second.grantedAtOnce()).isTrue();
        assertThat(budget.inUse()).isEqualTo(10);
        budget.end(first);
        budget.end(second);
        assertThat(granted).isEmpty();
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void aBodyBeyondTheBudgetWaitsUntilEnoughIsGivenBackThenRunsOnce() {
        BodyBudget.Share first = budget.take(6, () -> granted.add("first"));
        BodyBudget.Share second = budget.take(6, () -> granted.add("second"));

        assertThat(second.grantedAtOnce()).isFalse();
        assertThat(budget.waiting()).isEqualTo(1);
        budget.end(first);
        budget.end(first);

        assertThat(granted).containsExactly("second");
        assertThat(budget.inUse()).isEqualTo(6);
        assertThat(budget.waiting()).isZero();
    }

    @Test
    void waitingBodiesGoInTheOrderTheyCameASmallOneDoesNotPassALargeOne() {
        BodyBudget.Share held = budget.take(8, () -> granted.add("held"));
        BodyBudget.Share large = budget.take(9, () -> granted.add("large"));
        BodyBudget.Share small = budget.take(1, () -> granted.add("small"));

        assertThat(small.grantedAtOnce()).isFalse();
        budget.end(held);
        assertThat(granted).containsExactly("large", "small");
        budget.end(large);
        budget.end(small);
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void aClientGoneWhileWaitingLeavesTheLineAndIsNeverGranted() {
        BodyBudget.Share held = budget.take(10, () -> granted.add("held"));
        BodyBudget.Share gone = budget.take(5, () -> granted.add("gone"));
        BodyBudget.Share next = budget.take(5, () -> granted.add("next"));

        budget.end(gone);
        budget.end(held);

        assertThat(granted).containsExactly("next");
        assertThat(budget.inUse()).isEqualTo(5);
        budget.end(next);
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void aBodyLargerThanTheWholeBudgetHasItAllToItselfRatherThanWaitForever() {
        BodyBudget.Share huge = budget.take(50, () -> granted.add("huge"));
        BodyBudget.Share after = budget.take(1, () -> granted.add("after"));

        assertThat(huge.grantedAtOnce()).isTrue();
        assertThat(budget.inUse()).isEqualTo(10);
        budget.end(huge);
        assertThat(granted).containsExactly("after");
    }

    @Test
    void aBodyGrantedLaterMayEndItsShareFromItsOwnCallback() {
        BodyBudget.Share held = budget.take(10, () -> granted.add("held"));
        List<BodyBudget.Share> shares = new ArrayList<>();
        shares.add(budget.take(10, () -> {
            granted.add("refused at once");
            budget.end(shares.get(0));
        }));
        BodyBudget.Share last = budget.take(10, () -> granted.add("last"));

        budget.end(held);

        assertThat(granted).containsExactly("refused at once", "last");
        budget.end(last);
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void theBudgetIsASixteenthOfTheHeapAndNeverLessThanOneLargestBody() {
        BodyBudget ofHeap = BodyBudget.ofHeap(128L << 20, 1 << 20);
        ofHeap.take(8L << 20, () -> granted.add("eight MiB"));
        assertThat(ofHeap.inUse()).isEqualTo(8L << 20);
        assertThat(ofHeap.take(1, () -> granted.add("one byte more")).grantedAtOnce()).isFalse();

        BodyBudget small = BodyBudget.ofHeap(8L << 20, 1 << 20);
        assertThat(small.take(1 << 20, () -> granted.add("one body")).grantedAtOnce()).isTrue();
        assertThat(granted).isEmpty();
        assertThatThrownBy(() -> new BodyBudget(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
