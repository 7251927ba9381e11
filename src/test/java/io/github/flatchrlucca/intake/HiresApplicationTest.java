package io.github.flatchrlucca.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flatchrlucca.intake.HiresApplication.Listed;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HiresApplicationTest {

    private static final Instant HIRED_AT = Instant.parse("2026-12-02T09:00:00.250Z");
    private static final Listed LAST_YEARS = new Listed("archived-1", true, false, Instant.parse("2025-11-20T10:00:00Z"));
    private static final Listed HIRED = new Listed("hired-1", false, true, null);
    private static final Listed OPEN = new Listed("open-1", false, false, null);
    // Flatchr's times are whole seconds: the second the hire came counts as since
    private static final Listed ARCHIVED_SINCE = new Listed("archived-2", true, false, Instant.parse("2026-12-02T09:00:00Z"));

    @Test
    void anArchivedApplicationIsPassedOverWhileAnotherIsListed() {
        assertThat(HiresApplication.among(List.of(LAST_YEARS, HIRED), HIRED_AT)).contains("hired-1");
        assertThat(HiresApplication.among(List.of(ARCHIVED_SINCE, OPEN), HIRED_AT)).contains("open-1");
    }

    @Test
    void oneInHiredComesBeforeTheOthersAndOfTwoLeftNeitherIs() {
        assertThat(HiresApplication.among(List.of(OPEN, HIRED), HIRED_AT)).contains("hired-1");
        assertThat(HiresApplication.among(List.of(OPEN, new Listed("open-2", false, false, null)), HIRED_AT)).isEmpty();
        assertThat(HiresApplication.among(List.of(HIRED, new Listed("hired-2", false, true, null)))).isEmpty();
    }

    @Test
    void aLoneApplicationArchivedSinceTheHireIsTheHiresAndOneArchivedBeforeOrUndatedIsNot() {
        assertThat(HiresApplication.among(List.of(ARCHIVED_SINCE), HIRED_AT)).contains("archived-2");
        assertThat(HiresApplication.among(List.of(LAST_YEARS, ARCHIVED_SINCE), HIRED_AT)).as("last year's is no rival")
                .contains("archived-2");
        assertThat(HiresApplication.among(List.of(LAST_YEARS), HIRED_AT)).as("last year's").isEmpty();
        assertThat(HiresApplication.among(List.of(new Listed("archived-3", true, false, null)), HIRED_AT))
                .as("undated").isEmpty();
        assertThat(HiresApplication.among(List.of(ARCHIVED_SINCE))).as("no hire's time known").isEmpty();
        assertThat(HiresApplication.among(List.of(ARCHIVED_SINCE, new Listed("archived-4", true, false,
                HIRED_AT.plusSeconds(60))), HIRED_AT)).as("two since").isEmpty();
    }

    @Test
    void theSameApplicationListedTwiceIsOneAndNoneListedIsNone() {
        assertThat(HiresApplication.among(List.of(HIRED, HIRED))).contains("hired-1");
        assertThat(HiresApplication.among(List.of(ARCHIVED_SINCE, ARCHIVED_SINCE), HIRED_AT)).contains("archived-2");
        assertThat(HiresApplication.among(List.of())).isEmpty();
    }
}
