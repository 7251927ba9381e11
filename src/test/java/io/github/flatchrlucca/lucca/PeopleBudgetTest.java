package io.github.flatchrlucca.lucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PeopleBudgetTest {

    @Test
    void aQuarterOfTheHeapAtFiveHundredAndTwelveBytesAPerson() {
        assertThat(PeopleBudget.ofHeap(128L << 20).capacity()).isEqualTo(65_536);
        assertThat(PeopleBudget.ofHeap(512L << 20).capacity()).isEqualTo(262_144);
    }

    @Test
    void takesNoOneBeyondItsCapacityUntilSomeAreGivenBack() {
        PeopleBudget budget = new PeopleBudget(2);

        assertThat(budget.take()).isTrue();
        assertThat(budget.take()).isTrue();
        assertThat(budget.take()).isFalse();
        assertThat(budget.held()).isEqualTo(2);
        assertThat(budget.room()).isZero();

        budget.giveBack(2);
        assertThat(budget.room()).isEqualTo(2);
        assertThat(budget.take()).isTrue();
    }

    @Test
    void aBudgetOfNobodyIsRefused() {
        assertThatThrownBy(() -> new PeopleBudget(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
