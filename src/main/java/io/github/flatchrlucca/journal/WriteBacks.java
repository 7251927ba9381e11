package io.github.flatchrlucca.journal;

import static io.github.flatchrlucca.journal.Jdbc.at;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The write-back of each hire's outcome to its candidate in Flatchr, a step of its own in the journal: claimed
 * one at a time across instances (as a delivery is), tried again later after a failure, and in the hire's history
 * at every turn. It never changes the hire's own status: what Lucca holds stays what it is.
 */
public final class WriteBacks {

    private static final String DUE = "writeback_status = 'PENDING' AND status NOT IN ('RECEIVED', 'RETRYING') "
            + "AND writeback_next_at <= ? AND (writeback_claimed_until IS NULL OR writeback_claimed_until < ?)";
    // Never tried, and known since before the window: the write-back was off (no result tag, or an unusable one) or
    // could not run when it came, and no attempt of it failed.
    private static final String UNTRIED_BEFORE = DUE + " AND writeback_attempts = 0 AND writeback_since < ?";
    // Outcomes ended together, a transaction each: a tenant that turns the write-back on after months has thousands.
    private static final int ENDED_TOGETHER = 500;
    private static final String TOO_OLD = "outcome not written to Flatchr: older than the write-back window "
            + "(RETRY_MAX_AGE_HOURS) when it could first be written";

    private final Jdbc jdbc;
    private final Clock clock;
    private final Duration lease;
    private final String instanceId;

    public WriteBacks(DataSource dataSource, Clock clock, Duration lease, String instanceId) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        this.lease = lease;
        this.instanceId = instanceId;
    }

    /**
     * Up to {@code max} of the tenant's due write-backs, the longest waiting first (those older than the write-back
     * window were ended before, {@link #endUntriedBefore}). Only their ids: a turn claims each when its turn comes
     * ({@link #claim}), so it holds one hire, and its event of up to FLATCHR_MAX_BODY_BYTES, at a time.
     */
    public List<String> dueHireIds(String tenant, int max) {
        Instant now = clock.instant();
        return jdbc.query("list due write-backs", "SELECT hire_id FROM hire WHERE tenant = ? AND " + DUE
                // ordered as hire_writeback_due is, so the read stops at the first rows instead of sorting them all
                + " ORDER BY tenant, writeback_status, writeback_next_at FETCH FIRST " + max + " ROWS ONLY",
                row -> row.getString(1), tenant, at(now), at(now));
    }

    /**
     * Takes one due write-back for this instance, just before its calls, or null when another instance took it first
     * or it is no longer due (written meanwhile, or a new outcome of the hire put off).
     */
    public HireView claim(String hireId) {
        Instant now = clock.instant();
        return jdbc.inTransaction("claim a write-back", connection -> Jdbc.update(connection, "UPDATE hire SET "
                + "writeback_claimed_until = ?, writeback_claimed_by = ?, writeback_attempts = writeback_attempts + 1 "
                + "WHERE hire_id = ? AND " + DUE, at(now.plus(lease)), instanceId, hireId, at(now), at(now)) == 0 ? null
                : Jdbc.query(connection, "SELECT * FROM hire WHERE hire_id = ?", JournalReader::record, hireId).get(0));
    }

    /**
     * Ends, untried, the tenant's due outcomes that no attempt was ever made to write and that became known before
     * {@code windowStart} (RETRY_MAX_AGE_HOURS ago): a tenant that turns its result tag on, or fixes it, has the
     * outcomes of the window written, its newest first among them, not months of old ones written on candidates HR has
     * long dealt with (and those past RETENTION_DAYS, whose candidate can no longer be found, given up and alerted
     * one by one). Said in each hire's history; no failure: none was tried.
     *
     * @return how many were ended
     */
    public int endUntriedBefore(String tenant, Instant windowStart) {
        int ended = 0;
        while (true) {
            Instant now = clock.instant();
            List<String> old = jdbc.query("list write-backs older than their window", "SELECT hire_id FROM hire "
                    + "WHERE tenant = ? AND " + UNTRIED_BEFORE + " FETCH FIRST " + ENDED_TOGETHER + " ROWS ONLY",
                    row -> row.getString(1), tenant, at(now), at(now), at(windowStart));
            if (old.isEmpty()) {
                // the usual turn: no transaction, no sync
                return ended;
            }
            int chunk = jdbc.inTransaction("end write-backs older than their window", connection -> {
                int count = 0;
                for (String hireId : old) {
                    // still untried and unclaimed: another instance may have claimed it since the list was read
                    if (Jdbc.update(connection, "UPDATE hire SET writeback_status = 'SKIPPED', writeback_next_at = "
                            + "NULL WHERE hire_id = ? AND " + UNTRIED_BEFORE, hireId, at(now), at(now),
                            at(windowStart)) == 1) {
                        Journal.event(connection, now, hireId, "write-tag", null, TOO_OLD);
                        count++;
                    }
                }
                return count;
            });
            ended += chunk;
            if (old.size() < ENDED_TOGETHER || chunk == 0) {
                return ended;
            }
        }
    }

    /**
     * Before an outcome's last call: this instance still holds its write-back, for one more lease. With a slow Flatchr
     * the lease runs out during the search of the candidate, and another instance may have claimed it since (or a new
     * outcome of the hire replaced the one claimed), which writes it itself.
     *
     * The lease is twice what the company's turn and the call need (FlatchrTurns.leaseCovering): a renewal whose commit
     * left less than half of it, counted from its clock read, lets the call go no further, since the claim could end
     * during it and another instance write the outcome again.
     *
     * @throws ClaimLost     when this instance no longer holds it: this turn must send nothing for it
     * @throws CallHeldBack  when its renewal came too late: nothing is sent, and the turn fails as any other does
     */
    public void renewClaim(String hireId) {
        Instant claimEnds = clock.instant().plus(lease);
        // unsynced: a claim matters only while this instance lives, as a delivery's does
        jdbc.inTransactionUnsynced("renew a write-back's claim", connection -> {
            if (Jdbc.update(connection, "UPDATE hire SET writeback_claimed_until = ? WHERE hire_id = ? AND "
                    + "writeback_claimed_by = ? AND writeback_status = 'PENDING'", at(claimEnds), hireId,
                    instanceId) == 0) {
                throw ClaimLost.writeBack(hireId);
            }
            return null;
        });
        if (clock.instant().isAfter(claimEnds.minus(lease.dividedBy(2)))) {
            throw new CallHeldBack("the write-back of hire " + hireId);
        }
    }

    /**
     * Flatchr's id of the application, found by e-mail for a webhook's hire: kept, the search is not made again. Not
     * over an id the hire has: a search of Flatchr may have kept one since the write-back claimed the hire, and an id
     * names the hire for good (the search and the write-back take it by the same rule).
     *
     * @return the id that names the hire now, on whose application its outcome is written: this one, or the one a
     *         search kept meanwhile
     */
    public String applicantFound(String hireId, String applicant) {
        return jdbc.inTransaction("keep Flatchr's id of an application", connection -> {
            Jdbc.update(connection, "UPDATE hire SET flatchr_applicant = ? WHERE hire_id = ? AND flatchr_applicant IS "
                    + "NULL", applicant, hireId);
            return Jdbc.query(connection, "SELECT flatchr_applicant FROM hire WHERE hire_id = ?", row -> row.getString(1),
                    hireId).stream().filter(Objects::nonNull).findFirst().orElse(applicant);
        });
    }

    /** Flatchr took the line: the candidate shows it. */
    public void written(String hireId, String line) {
        end(hireId, "WRITTEN", "outcome written to the candidate in Flatchr: " + line);
    }

    /** Past the write-back's maximum age: given up, said in the hire's history. */
    public void gaveUp(String hireId, String why) {
        end(hireId, "FAILED", "outcome not written to Flatchr, given up: " + why);
    }

    /** This attempt failed: the next is due at {@code next}. */
    public void retryLater(String hireId, Instant next, String why) {
        jdbc.inTransaction("put off a write-back", connection -> {
            if (Jdbc.update(connection, "UPDATE hire SET writeback_next_at = ?, writeback_claimed_until = NULL, "
                    + "writeback_claimed_by = NULL WHERE hire_id = ? AND writeback_claimed_by = ?", at(next), hireId,
                    instanceId) == 1) {
                line(connection, hireId, "outcome not written to Flatchr yet (" + why + "); tried again at " + next);
            }
            return null;
        });
    }

    /**
     * The attempt is no attempt of the outcome's (its tenant went away or got another Flatchr during the turn): given
     * back, due at once, its attempt not counted, nothing in the history.
     */
    public void putBack(String hireId) {
        jdbc.update("give back an untried write-back", "UPDATE hire SET writeback_next_at = ?, "
                + "writeback_attempts = writeback_attempts - 1, writeback_claimed_until = NULL, "
                + "writeback_claimed_by = NULL WHERE hire_id = ? AND writeback_claimed_by = ?", at(clock.instant()),
                hireId, instanceId);
    }

    /**
     * A stopping instance gives back the write-backs it still holds (a turn the stop's timeout cut short), due at once,
     * rather than leaving them to their lease: another instance writes them now. A turn still running is refused its
     * next call ({@link #renewClaim}); a tag it is already sending sets the same value another instance sets again.
     *
     * @return how many were given back
     */
    public int releaseOwnClaims() {
        return jdbc.update("release this instance's write-backs", "UPDATE hire SET writeback_claimed_until = NULL, "
                + "writeback_claimed_by = NULL WHERE writeback_claimed_by = ?", instanceId);
    }

    private void end(String hireId, String status, String detail) {
        jdbc.inTransaction("end a write-back", connection -> {
            if (Jdbc.update(connection, "UPDATE hire SET writeback_status = ?, writeback_next_at = NULL, "
                    + "writeback_claimed_until = NULL, writeback_claimed_by = NULL WHERE hire_id = ? AND "
                    + "writeback_claimed_by = ?", status, hireId, instanceId) == 1) {
                line(connection, hireId, detail);
            }
            return null;
        });
    }

    /**
     * A line of the claimed attempt in the hire's history. Of a hire retention erased while the attempt ran (which
     * read it whole before: its line names the login), without its detail, as retention left every other line: an
     * erased hire stays erased, and nothing of it changes for retention to erase this line later. Read after the
     * update above, which holds the hire's row: an erasure waiting for it erases this line with the others.
     */
    private void line(Connection connection, String hireId, String detail) throws SQLException {
        boolean erased = Jdbc.query(connection, "SELECT hire_id FROM hire WHERE hire_id = ? AND erased_at IS NOT NULL",
                row -> row.getString(1), hireId).size() == 1;
        Journal.event(connection, clock.instant(), hireId, "write-tag", null, erased ? null : detail);
    }
}
