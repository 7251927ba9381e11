package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HireIdsTest {

    private static final long NOW = 1_796_272_000_000L; // 2026-12-03

    @Test
    void anIdIsAUuidOfVersion7WhoseFirstBitsAreTheTimeInMilliseconds() {
        UUID id = UUID.fromString(HireIds.at(NOW));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW);
    }

    @Test
    void idsMadeLaterSortAfterAsTextAsTheJournalsIndexesCompareThem() {
        List<String> ids = new ArrayList<>();
        for (long millis = NOW; millis < NOW + 1_000; millis += 7) {
            ids.add(HireIds.at(millis));
        }

        assertThat(ids).isSorted();
    }

    @Test
    void idsMadeInTheSameMillisecondDifferByTheirRandomBits() {
        HashSet<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(HireIds.at(NOW));
        }

        assertThat(ids).hasSize(10_000);
        assertThat(ids).allSatisfy(id -> assertThat(id).startsWith(HireIds.at(NOW).substring(0, 13)));
    }
}
