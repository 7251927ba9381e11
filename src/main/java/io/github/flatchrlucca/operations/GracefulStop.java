package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.journal.Instances;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.Reconciliations;
import io.github.flatchrlucca.journal.WriteBacks;
import java.time.Duration;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an instance stops (SIGTERM) without losing or doubling a hire: first it says it is not ready, and keeps
 * accepting webhooks while the load balancer notices; it takes no new hire from the journal; Camel then lets
 * the delivery in progress finish (camel.main.shutdown-timeout); whatever it still holds after that (hires,
 * write-backs, searches of Flatchr) is given back to the journal for another instance, but a hire a create of which may still be on its way to Lucca (the
 * timeout cut its delivery short, not its call), which waits for its lease as after a crash
 * ({@link Journal#releaseOwnClaims}); it says it is gone (an instance started next knows the connector was down), and
 * the journal's connections are closed last.
 */
public final class GracefulStop extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

    private final Journal journal;
    private final WriteBacks writeBacks;
    private final Reconciliations searches;
    private final Instances instances;
    private final Duration drain;
    private final AutoCloseable journalConnections;
    private volatile boolean stopping;

    /** @param journalConnections closed last, once nothing uses the journal any more */
    public GracefulStop(Journal journal, WriteBacks writeBacks, Reconciliations searches, Instances instances,
                        Duration drain, AutoCloseable journalConnections) {
        this.journal = journal;
        this.writeBacks = writeBacks;
        this.searches = searches;
        this.instances = instances;
        this.drain = drain;
        this.journalConnections = journalConnections;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event.getType() == CamelEvent.Type.CamelContextStopping
                || event.getType() == CamelEvent.Type.CamelContextStopped;
    }

    @Override
    public void notify(CamelEvent event) throws Exception {
        if (event.getType() == CamelEvent.Type.CamelContextStopping) {
            stopping = true;
            LOG.info("stopping: not ready any more; webhooks still accepted for {} s while traffic moves away",
                    drain.toSeconds());
            journal.stopClaiming();
            Thread.sleep(drain.toMillis());
        } else {
            try {
                journal.releaseOwnClaims();
                // neither waits for its lease (five minutes and more) before another instance takes it
                LOG.info("released {} write-back(s) and {} search(es) of Flatchr this instance held",
                        writeBacks.releaseOwnClaims(), searches.releaseOwnClaims());
                instances.gone();
            } finally {
                journalConnections.close();
            }
        }
    }

    /** Readiness: down from the moment the instance starts stopping. */
    public AbstractHealthCheck readiness() {
        return new ReadinessCheck("accepting", () -> !stopping, "This instance is stopping.");
    }
}
