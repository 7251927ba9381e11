package io.github.flatchrlucca.journal;

import static io.github.flatchrlucca.journal.Jdbc.at;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The connector instances that share the journal, as far as each says it is up. An instance that starts while
 * another is up has missed no webhook; one that starts alone may have, and searches Flatchr at once.
 */
public final class Instances {

    // an instance gone without a word (killed) is forgotten after this
    private static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    private final Jdbc jdbc;
    private final Clock clock;
    private final String instanceId;

    public Instances(DataSource dataSource, Clock clock, String instanceId) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        this.instanceId = instanceId;
    }

    /** This instance is up: said every few seconds. Instances gone for a day are removed at the same time. */
    public void seen() {
        Instant now = clock.instant();
        // unsynced: said again in a few seconds; lost at a power cut, it was about a process gone with it
        jdbc.inTransactionUnsynced("say this instance is up", connection -> {
            if (Jdbc.update(connection, "UPDATE connector_instance SET seen_at = ? WHERE instance_id = ?", at(now),
                    instanceId) == 0) {
                Jdbc.update(connection, "INSERT INTO connector_instance (instance_id, seen_at) VALUES (?, ?)",
                        instanceId, at(now));
            }
            return Jdbc.update(connection, "DELETE FROM connector_instance WHERE seen_at < ?",
                    at(now.minus(FORGOTTEN_AFTER)));
        });
    }

    /** Whether another instance was seen up within {@code within}. */
    public boolean othersSeenWithin(Duration within) {
        return !jdbc.query("find the instances up", "SELECT instance_id FROM connector_instance WHERE "
                + "instance_id <> ? AND seen_at >= ?", row -> row.getString(1), instanceId,
                at(clock.instant().minus(within))).isEmpty();
    }

    /**
     * At the start of the only process using an embedded journal (its file is locked to it), no other instance is up:
     * what an earlier process left (one killed, or crashed, never said it was gone) is forgotten, so that a restart
     * within seconds of a crash still finds the connector was down, and searches Flatchr at once.
     */
    public void forgetOthers() {
        jdbc.update("forget the instances of earlier processes", "DELETE FROM connector_instance WHERE instance_id <> ?",
                instanceId);
    }

    /** A stopping instance says it is gone, so that one started right after it knows the connector was down. */
    public void gone() {
        jdbc.update("say this instance is gone", "DELETE FROM connector_instance WHERE instance_id = ?", instanceId);
    }
}
