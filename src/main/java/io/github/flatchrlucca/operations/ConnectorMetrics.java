package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.JournalReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The connector's own metrics, next to Camel's route metrics on /observe/metrics. Labels carry kinds of
 * outcome, Lucca call names and HTTP statuses only: never anything about a person.
 */
public final class ConnectorMetrics {

    // A scrape every few seconds must not become a journal query per status each time.
    private static final Duration QUEUE_COUNTS_TTL = Duration.ofSeconds(5);
    // A hire reaches Lucca in seconds when all is well, in minutes to hours through an outage.
    private static final Duration[] HIRE_TO_LUCCA_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1),
        Duration.ofHours(6), Duration.ofHours(24)};

    private final MeterRegistry registry;
    private final Timer hireToLucca;
    private final Timer limiterWait;
    private final QueueCounts queue;

    public ConnectorMetrics(MeterRegistry registry, JournalReader reader, Clock clock) {
        this.registry = registry;
        this.hireToLucca = Timer.builder("flatchr.hire.to.lucca")
                .description("Time from the webhook's 202 to the user in Lucca")
                .serviceLevelObjectives(HIRE_TO_LUCCA_BUCKETS).register(registry);
        this.limiterWait = Timer.builder("flatchr.lucca.rate.limiter.wait")
                .description("Time Lucca calls waited for the client-side rate limiter").register(registry);
        this.queue = new QueueCounts(reader, clock);
        for (HireStatus status : HireStatus.values()) {
            Gauge.builder("flatchr.hires.by.status", () -> queue.count(status))
                    .description("Hires in the journal by status (received and retrying are the queue)")
                    .tag("status", status.label()).register(registry);
        }
    }

    /** What the webhook answered: accepted, duplicate, ignored, rejected, invalid, unauthorized, unavailable. */
    public void webhook(String outcome) {
        counter("flatchr.webhooks", "Webhook calls by outcome", "outcome", outcome).increment();
    }

    public void delivered(Instant receivedAt, Instant now) {
        hireToLucca.record(Duration.between(receivedAt, now));
        hire("delivered", "none");
    }

    /** How a delivery attempt ended: delivered, already-in-lucca, dry-run, retried or dead, and why. */
    public void hire(String outcome, String reason) {
        Counter.builder("flatchr.hires").description("Delivery outcomes by kind and reason")
                .tags("outcome", outcome, "reason", reason).register(registry).increment();
    }

    public void luccaCall(String call, int status) {
        Counter.builder("flatchr.lucca.calls").description("Calls to Lucca by endpoint and status")
                .tags("call", call, "status", String.valueOf(status)).register(registry).increment();
    }

    public void limiterWaited(Duration wait) {
        limiterWait.record(wait);
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }

    /** Counts by status, read from the journal at most once per TTL. */
    private static final class QueueCounts {

        private final JournalReader reader;
        private final Clock clock;
        private Map<HireStatus, Long> counts = Map.of();
        private Instant readAt = Instant.MIN;

        QueueCounts(JournalReader reader, Clock clock) {
            this.reader = reader;
            this.clock = clock;
        }

        synchronized long count(HireStatus status) {
            if (clock.instant().isAfter(readAt.plus(QUEUE_COUNTS_TTL))) {
                counts = reader.countsByStatus();
                readAt = clock.instant();
            }
            return counts.getOrDefault(status, 0L);
        }
    }
}
