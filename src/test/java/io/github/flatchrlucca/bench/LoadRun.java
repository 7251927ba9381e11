package io.github.flatchrlucca.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What one load run saw: every webhook sent, and how long the run took from first send to last answer. */
record LoadRun(List<Sample> samples, Duration elapsed) {

    static final int ACCEPTED = 202;
    /** The status of a webhook that got no HTTP answer (refused connection, timeout). */
    static final int NO_ANSWER = 0;

    /**
     * One webhook: the status answered, the latency counted from when it was meant to be sent (so a
     * server that stalls the sender is not flattered), and when its answer arrived, on the wall clock.
     */
    record Sample(String applicantId, int status, long latencyNanos, Instant answeredAt) {
    }

    long accepted() {
        return samples.stream().filter(sample -> sample.status() == ACCEPTED).count();
    }

    /** Webhooks that were not accepted: any other status, or no answer at all. */
    long failed() {
        return samples.size() - accepted();
    }

    double acceptedPerSecond() {
        return accepted() / (elapsed.toNanos() / 1e9);
    }

    /** The latency that {@code percent} % of the webhooks did not exceed, answered or not. */
    Duration latency(double percent) {
        return Percentiles.of(samples.stream().map(sample -> Duration.ofNanos(sample.latencyNanos())).toList(), percent);
    }

    List<Sample> acceptedSamples() {
        return samples.stream().filter(sample -> sample.status() == ACCEPTED).toList();
    }
}
