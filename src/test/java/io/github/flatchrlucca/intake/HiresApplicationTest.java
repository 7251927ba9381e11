package io.github.flatchrlucca.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flatchrlucca.intake.HiresApplication.Listed;
import java.util.List;
import org.junit.jupiter.api.Test;

class HiresApplicationTest {

    private static final Listed LAST_YEARS = new Listed("archived-1", true, false);
    private static final Listed HIRED = new Listed("hired-1", false, true);
    private static final Listed OPEN = new Listed("open-1", false, false);

    @Test
    void anArchivedApplicationIsPassedOverWhileAnotherIsListed() {
        assertThat(HiresApplication.among(List.of(LAST_YEARS, HIRED))).contains("hired-1");
        assertThat(HiresApplication.among(List.of(LAST_YEARS, OPEN))).contains("open-1");
    }

    @Test
    void oneInHiredComesBeforeTheOthersAndOfTwoLeftNeitherIs() {
        assertThat(HiresApplication.among(List.of(OPEN, HIRED))).contains("hired-1");
        assertThat(HiresApplication.among(List.of(OPEN, new Listed("open-2", false, false)))).isEmpty();
        assertThat(HiresApplication.among(List.of(HIRED, new Listed("hired-2", false, true)))).isEmpty();
    }

    @Test
    void aLoneArchivedApplicationIsTheHiresArchivedSinceAndTwoArchivedAreNeither() {
        assertThat(HiresApplication.among(List.of(LAST_YEARS))).contains("archived-1");
        assertThat(HiresApplication.among(List.of(LAST_YEARS, new Listed("archived-2", true, false)))).isEmpty();
    }

    @Test
    void theSameApplicationListedTwiceIsOneAndNoneListedIsNone() {
        assertThat(HiresApplication.among(List.of(HIRED, HIRED))).contains("hired-1");
        assertThat(HiresApplication.among(List.of(LAST_YEARS, LAST_YEARS))).contains("archived-1");
        assertThat(HiresApplication.among(List.of())).isEmpty();
    }
}
