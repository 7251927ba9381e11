package io.github.flatchrlucca.bench;

import java.time.Duration;
import java.util.List;

/** Nearest-rank percentiles: the value reported is one that was measured, never an interpolation. */
final class Percentiles {

    private Percentiles() {
    }

    static Duration of(List<Duration> values, double percent) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no value to take a percentile of");
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
