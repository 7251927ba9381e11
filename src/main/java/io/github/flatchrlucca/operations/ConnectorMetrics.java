package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.JournalUnavailable;
import io.github.flatchrlucca.signals.DeliveryCounts;
import io.github.flatchrlucca.signals.SearchCounts;
import io.github.flatchrlucca.signals.WebhookCounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The connector's own metrics, next to Camel's route metrics on /observe/metrics. Labels carry the tenant id,
 * kinds of outcome, Lucca call names and HTTP statuses only: never anything about a person. Summing over the
 * tenant label gives the all-tenants view.
 */
public final class ConnectorMetrics implements WebhookCounts, DeliveryCounts, SearchCounts {

    // A scrape every few seconds must not become a journal query per gauge each time.
    private static final Duration JOURNAL_READ_TTL = Duration.ofSeconds(5);
    // A hire reaches Lucca in seconds when all is well, in minutes to hours through an outage.
    private static final Duration[] HIRE_TO_LUCCA_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1),
        Duration.ofHours(6), Duration.ofHours(24)};

    private final MeterRegistry registry;
    private final JournalRead<Map<String, Map<HireStatus, Long>>> queue;
    private final JournalRead<Map<String, JournalReader.TenantSearches>> searches;
    private final JournalRead<Map<String, HireView>> oldestQueued;
    private final QueueWait queueWait;
    private final Set<String> tenantsWithGauges = ConcurrentHashMap.newKeySet();

    /** @param queueAgeLimit ALERT_QUEUE_AGE_SECONDS, exported for the queue's Prometheus rule to compare with */
    public ConnectorMetrics(MeterRegistry registry, JournalReader reader, Duration queueAgeLimit, Clock clock) {
        this.registry = registry;
        // lambdas, not method references: the reader is asked at the first scrape, and may be absent until then
        this.queue = new JournalRead<>(() -> reader.countsByTenantAndStatus(), clock);
        this.searches = new JournalRead<>(() -> reader.searchesByTenant(), clock);
        this.oldestQueued = new JournalRead<>(() -> reader.oldestQueuedOfEachTenant().stream()
                .collect(Collectors.toMap(HireView::tenant, hire -> hire, (one, same) -> one)), clock);
        this.queueWait = new QueueWait(queueAgeLimit, clock);
        Gauge.builder("flatchr.hires.queue.age.limit.seconds", () -> queueWait.limit().toSeconds())
                .description("ALERT_QUEUE_AGE_SECONDS: how long a tenant's oldest queued hire may wait for Lucca")
                .register(registry);
    }

    /**
     * Each tenant's hires by status, and how long its oldest queued hire has waited; a tenant that leaves keeps its
     * gauges, its hires are still counted. Its failed searches of moves are counted from 0 at once (a counter first
     * seen at 1 shows Prometheus no increase), and the failures in a row the journal holds are its alert's measure: put
     * off up to hours apart, and shared by every instance, failures would escape a window of the counter's increase,
     * or keep it on long after a success. They and the days no search covers are 0 for a tenant whose Flatchr is not
     * searched now (its key removed, or the tenant by a reload): no search can set them back, and they would tell a
     * failure for ever.
     *
     * @param searched whether a tenant's Flatchr is searched now, asked at each scrape
     */
    public void tenantsAre(Collection<String> tenants, Predicate<String> searched) {
        for (String tenant : tenants) {
            if (tenantsWithGauges.add(tenant)) {
                for (HireStatus status : HireStatus.values()) {
                    Gauge.builder("flatchr.hires.by.status", () -> known(queue.value(),
                                    counts -> counts.getOrDefault(tenant, Map.of()).getOrDefault(status, 0L)))
                            .description("Hires in the journal by tenant and status (received and retrying are the queue)")
                            .tags("tenant", tenant, "status", status.label()).register(registry);
                }
                MOVES_FAILURES.forEach(outcome -> movesFailed(tenant, outcome));
                Gauge.builder("flatchr.reconciliations.moves.failures.in.a.row", () -> searched.test(tenant)
                                ? known(searches.value(), all -> searchesOf(all, tenant).movesFailuresInARow()) : 0)
                        .description("Searches of Flatchr's API for moves out of hired that failed in a row since the "
                                + "last that succeeded, as the journal holds them (every instance tells the same)")
                        .tag("tenant", tenant).register(registry);
                Gauge.builder("flatchr.reconciliations.days.not.searched", () -> searched.test(tenant)
                                ? known(searches.value(), all -> searchesOf(all, tenant).daysNotSearched()) : 0)
                        .description("Days no search of Flatchr's API covers (the first search left them out): a "
                                + "backfill from their first day searches them")
                        .tag("tenant", tenant).register(registry);
                Gauge.builder("flatchr.hires.oldest.queued.seconds", () -> known(oldestQueued.value(),
                                oldest -> oldest.containsKey(tenant) ? waited(oldest.get(tenant)) : 0))
                        .description("How long the tenant's oldest queued hire has waited for Lucca (0: none queued, "
                                + "or held on purpose), as the queue-age alert and the status page reckon it")
                        .tag("tenant", tenant).register(registry);
            }
        }
    }

    private static JournalReader.TenantSearches searchesOf(Map<String, JournalReader.TenantSearches> all,
                                                           String tenant) {
        return all.getOrDefault(tenant, new JournalReader.TenantSearches(0, 0));
    }

    /** Seconds, reckoned at the scrape from the hire read a few seconds before: a queue that stopped keeps growing. */
    private double waited(HireView oldest) {
        return Math.max(0, queueWait.of(oldest).toSeconds());
    }

    /**
     * How far this instance's clock is ahead of the journal's, as its watch last read it (JournalWatch): instances
     * sharing a journal reckon leases and Lucca's rate limit on their own clocks.
     */
    public void journalClock(DoubleSupplier aheadSeconds) {
        Gauge.builder("flatchr.journal.clock.ahead.seconds", aheadSeconds::getAsDouble)
                .description("How far this instance's clock is ahead of the journal's (negative: behind), in seconds")
                .register(registry);
    }

    /**
     * Whether TENANTS_FILE as it is now was refused, the previous configuration in force (1), or not (0): each
     * instance reads the file for itself.
     */
    public void tenantsFile(BooleanSupplier refused) {
        Gauge.builder("flatchr.tenants.file.refused", () -> refused.getAsBoolean() ? 1 : 0)
                .description("1 while TENANTS_FILE, changed, is refused and the previous configuration stays in force")
                .register(registry);
    }

    /** A figure of what the journal holds, or NaN (Prometheus' "no value") while it cannot be read. */
    private static <T> double known(T read, ToDoubleFunction<T> figure) {
        return read == null ? Double.NaN : figure.applyAsDouble(read);
    }

    /**
     * The people directories' memory, every Lucca together: the people held, the most they may hold (a share of the
     * heap), and how many Luccas' directories were dropped for going past it, whose hires are looked up one by one.
     */
    public void peopleDirectories(LongSupplier held, long budget, LongSupplier overBudget) {
        Gauge.builder("flatchr.lucca.people.held", held::getAsLong)
                .description("People the people directories hold, every Lucca together").register(registry);
        Gauge.builder("flatchr.lucca.people.budget", () -> budget)
                .description("The most people the people directories may hold together, a share of the heap")
                .register(registry);
        Gauge.builder("flatchr.lucca.people.directories.over.budget", overBudget::getAsLong)
                .description("People directories (one per Lucca and key) that went past the budget and were dropped: "
                        + "their hires are looked up in Lucca one by one").register(registry);
    }

    @Override
    public void webhook(String tenant, String outcome) {
        Counter.builder("flatchr.webhooks").description("Webhook calls by tenant and outcome")
                .tags("tenant", tenant, "outcome", outcome).register(registry).increment();
    }

    @Override
    public void delivered(String tenant, Instant waitingSince, Instant now) {
        Timer.builder("flatchr.hire.to.lucca")
                .description("Time from the webhook's 202 (or the hire's replay, or the end of its hold) to the user in "
                        + "Lucca")
                .serviceLevelObjectives(HIRE_TO_LUCCA_BUCKETS).tag("tenant", tenant).register(registry)
                .record(Duration.between(waitingSince, now));
        hire(tenant, "delivered", "none");
    }

    @Override
    public void hire(String tenant, String outcome, String reason) {
        Counter.builder("flatchr.hires").description("Delivery outcomes by tenant, kind and reason")
                .tags("tenant", tenant, "outcome", outcome, "reason", reason).register(registry).increment();
    }

    @Override
    public void reconciliation(String tenant, String outcome) {
        Counter.builder("flatchr.reconciliations").description("Searches of Flatchr's API for missed hires, by tenant "
                + "and outcome").tags("tenant", tenant, "outcome", outcome).register(registry).increment();
    }

    @Override
    public void movesSearchFailed(String tenant, String outcome) {
        movesFailed(tenant, outcome).increment();
    }

    private Counter movesFailed(String tenant, String outcome) {
        return Counter.builder("flatchr.reconciliations.moves.failed").description("Searches of Flatchr's API for "
                + "moves out of hired that failed, by tenant and outcome").tags("tenant", tenant, "outcome", outcome)
                .register(registry);
    }

    @Override
    public void hireFound(String tenant, String outcome) {
        Counter.builder("flatchr.hires.found").description("Hires recorded from a search of Flatchr's API, by tenant "
                + "and outcome").tags("tenant", tenant, "outcome", outcome).register(registry).increment();
    }

    /** An outcome's write-back to Flatchr: written, retried, given-up. */
    public void writeBack(String tenant, String outcome) {
        writeBacks(tenant, outcome, 1);
    }

    /** Outcomes' write-backs ended together: too-old (never tried, older than the window). */
    public void writeBacks(String tenant, String outcome, int count) {
        Counter.builder("flatchr.writebacks").description("Outcomes written back to candidates in Flatchr, by tenant "
                + "and outcome").tags("tenant", tenant, "outcome", outcome).register(registry).increment(count);
    }

    /** A client went away before its request was answered (an upload cut short): counted, it is no error of ours. */
    public void requestAbandoned() {
        Counter.builder("flatchr.http.requests.abandoned").description("HTTP requests whose client went away before "
                + "they were answered").register(registry).increment();
    }

    public void flatchrCall(String tenant, String call, int status) {
        Counter.builder("flatchr.api.calls").description("Calls to Flatchr's API by tenant, endpoint and status")
                .tags("tenant", tenant, "call", call, "status", String.valueOf(status)).register(registry).increment();
    }

    public void luccaCall(String tenant, String call, int status) {
        Counter.builder("flatchr.lucca.calls").description("Calls to Lucca by tenant, endpoint and status")
                .tags("tenant", tenant, "call", call, "status", String.valueOf(status)).register(registry).increment();
    }

    public void limiterWaited(String tenant, Duration wait) {
        Timer.builder("flatchr.lucca.rate.limiter.wait").description("Time Lucca calls waited for the client-side "
                + "rate limiter, by tenant").tag("tenant", tenant).register(registry).record(wait);
    }

    /**
     * What the journal holds, read at most once per TTL, a failed read too: each of a scrape's gauges (ten per tenant)
     * asked again a journal that is down, and waited for it (3 s, the pool's connection timeout), so that Prometheus
     * gave up on the scrape, and no metric was collected during the outage.
     */
    private static final class JournalRead<T> {

        private final Supplier<T> read;
        private final Clock clock;
        // null while the journal could not be read: unknown
        private T value;
        private Instant readAt = Instant.MIN;

        JournalRead(Supplier<T> read, Clock clock) {
            this.read = read;
            this.clock = clock;
        }

        /**
         * Null while the journal cannot be read, which the gauges give as NaN (Prometheus' "no value") rather than the
         * last value: the queue may move meanwhile (another instance may still reach the journal), and counts frozen at
         * their last values would pass for a queue that stopped moving, or one that emptied; the outage itself is told
         * by the readiness check and by the webhooks refused (flatchr_webhooks_total{outcome="unavailable"}).
         */
        synchronized T value() {
            if (clock.instant().isAfter(readAt.plus(JOURNAL_READ_TTL))) {
                try {
                    value = read.get();
                } catch (JournalUnavailable e) {
                    value = null;
                }
                readAt = clock.instant();
            }
            return value;
        }
    }
}
