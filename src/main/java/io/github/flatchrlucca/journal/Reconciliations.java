package io.github.flatchrlucca.journal;

import static io.github.flatchrlucca.journal.Jdbc.at;
import static io.github.flatchrlucca.journal.Jdbc.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import javax.sql.DataSource;

/**
 * Each tenant's searches of Flatchr's API, kept in the journal so that instances sharing it search once per
 * interval between them: a run is claimed with one conditional update, as a hire is, and a claim left by an
 * instance that died expires with its lease and is taken over. The journal also keeps where the next search
 * starts (the day before the last one that succeeded) and what the last run came to, for the operators.
 */
public final class Reconciliations {

    private final Jdbc jdbc;
    private final Clock clock;
    private final Duration lease;
    private final String instanceId;

    public Reconciliations(DataSource dataSource, Clock clock, Duration lease, String instanceId) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        this.lease = lease;
        this.instanceId = instanceId;
    }

    /**
     * A run of one tenant's search, claimed by this instance.
     *
     * @param lastSuccessAt when the last search that succeeded began; empty before the first one
     * @param firstTriedAt  when the tenant's searches were first tried (its row made): until one succeeds, where
     *                      their window starts from, whatever failed since
     * @param movesSearchedAt when the last search of moves out of hired that succeeded began ({@link #movesSearched});
     *                        empty before the first one
     * @param movesNotBefore  after searches of moves that failed in a row ({@link #movesFailed}), the time before
     *                        which a scheduled run does not search them again; empty when the last one succeeded
     */
    public record Run(String tenant, Instant startedAt, Optional<Instant> lastSuccessAt, Instant firstTriedAt,
                      Optional<Instant> movesSearchedAt, Optional<Instant> movesNotBefore) {
    }

    /**
     * What a tenant's last run came to, for the admin API and the status page.
     *
     * @param notSearchedFrom   the first of the days no search covers ({@link #firstWindowLeavesOut}), or null
     * @param notSearchedBefore the first day after them, which a search covers, or null
     */
    public record LastRun(String tenant, Instant ranAt, String outcome, Instant windowFrom, Integer found,
                          Integer recorded, Integer failed, String error, Instant lastSuccessAt, Instant nextRunAt,
                          int failures, LocalDate notSearchedFrom, LocalDate notSearchedBefore) {
    }

    /**
     * Takes the tenant's run when it is due and no other run holds it (another instance's, or this one's); empty
     * otherwise. {@code now} ignores when it is due (an operator's backfill), never another run's claim.
     */
    public Optional<Run> claim(String tenant, boolean now) {
        Instant start = clock.instant();
        return now ? claim(tenant, start, "") : claim(tenant, start, " AND (next_run_at IS NULL OR next_run_at <= ?)",
                at(start));
    }

    /**
     * Takes the tenant's run when it is due, or when no search has begun since {@code since} (this instance's start,
     * after all instances were down: hires may have been made meanwhile); never another run's claim.
     */
    public Optional<Run> claimDueOrNotSearchedSince(String tenant, Instant since) {
        Instant start = clock.instant();
        return claim(tenant, start, " AND (next_run_at IS NULL OR next_run_at <= ? OR last_run_at IS NULL "
                + "OR last_run_at < ?)", at(start), at(since));
    }

    private Optional<Run> claim(String tenant, Instant start, String when, Object... whenValues) {
        ensureRow(tenant);
        Object[] values = new Object[4 + whenValues.length];
        values[0] = claimant(start);
        values[1] = at(start.plus(lease));
        values[2] = tenant;
        values[3] = at(start);
        System.arraycopy(whenValues, 0, values, 4, whenValues.length);
        return jdbc.inTransaction("claim a search of Flatchr", connection -> {
            // when it ran is stamped at its end, by succeeded or failed: a dry run, given back, leaves no trace
            int claimed = Jdbc.update(connection, "UPDATE reconciliation SET claimed_by = ?, claimed_until = ? "
                    + "WHERE tenant = ? AND (claimed_until IS NULL OR claimed_until < ?)" + when, values);
            if (claimed == 0) {
                return Optional.<Run>empty();
            }
            Instant[] times = Jdbc.query(connection, "SELECT last_success_at, first_tried_at, moves_searched_at, "
                    + "moves_not_before FROM reconciliation WHERE tenant = ?", row -> new Instant[] {
                    instant(row, "last_success_at"), instant(row, "first_tried_at"), instant(row, "moves_searched_at"),
                    instant(row, "moves_not_before")}, tenant).get(0);
            return Optional.of(new Run(tenant, start, Optional.ofNullable(times[0]),
                    times[1] == null ? start : times[1], Optional.ofNullable(times[2]), Optional.ofNullable(times[3])));
        });
    }

    /**
     * Who holds a claim: this instance's run begun at {@code startedAt}. The instance alone would not tell its run
     * whose lease ran out (a slow Flatchr) from the one it claimed the search for again (an operator's backfill
     * meanwhile): each would take the other's claim for its own, record next to it and give it back. No two runs of
     * an instance begin in the same millisecond while one holds the claim, which is taken only when none holds it or
     * its lease is over. An instance's id (a UUID) and the milliseconds fit in the column's 64 characters.
     */
    private String claimant(Instant startedAt) {
        return instanceId + "@" + startedAt.toEpochMilli();
    }

    private String claimant(Run run) {
        return claimant(run.startedAt());
    }

    /**
     * A long run keeps its claim: called as it goes, so that no other run takes it over meanwhile, and before the
     * run changes the journal, so that one whose lease ran out (a slow Flatchr) and that another run took over
     * (another instance's, or an operator's on this one) changes nothing more.
     *
     * @throws ClaimLost when this run no longer holds it
     */
    public void renew(Run run) {
        held(run, jdbc.update("renew a search's claim", "UPDATE reconciliation SET claimed_until = ? WHERE tenant = ? "
                + "AND claimed_by = ?", at(clock.instant().plus(lease)), run.tenant(), claimant(run)));
    }

    /**
     * Gives the run back without recording anything of it (a dry run). One that no longer holds its claim gives
     * back nothing: the claim is the run's that took it over.
     */
    public void release(Run run) {
        jdbc.update("give back a search's claim", "UPDATE reconciliation SET claimed_by = NULL, claimed_until = NULL "
                + "WHERE tenant = ? AND claimed_by = ?", run.tenant(), claimant(run));
    }

    /**
     * A stopping instance gives back the searches it still holds (a run the stop's timeout cut short), recording
     * nothing of them, rather than leaving them to their lease: another instance searches now. A run still going
     * changes nothing more, its next renewal refused ({@link #renew}).
     *
     * @return how many were given back
     */
    public int releaseOwnClaims() {
        return jdbc.update("release this instance's searches", "UPDATE reconciliation SET claimed_by = NULL, "
                + "claimed_until = NULL WHERE claimed_by LIKE ?", instanceId + "@%");
    }

    /**
     * The run searched from {@code windowFrom} and came to these counts; the next one is due at {@code next}.
     *
     * @throws ClaimLost when this run no longer holds its claim: the run that does records what it comes to
     */
    public void succeeded(Run run, Instant windowFrom, int found, int recorded, int failed, Instant next) {
        held(run, jdbc.update("record a search of Flatchr", "UPDATE reconciliation SET claimed_by = NULL, "
                + "claimed_until = NULL, next_run_at = ?, last_run_at = ?, last_success_at = ?, last_window_from = ?, "
                + "last_outcome = 'succeeded', last_error = NULL, last_found = ?, last_recorded = ?, last_failed = ?, "
                + "failures = 0 WHERE tenant = ? AND claimed_by = ?", at(next), at(run.startedAt()),
                at(run.startedAt()), at(windowFrom), found, recorded, failed, run.tenant(), claimant(run)));
    }

    /**
     * The run's search of moves out of hired, asked for at {@code askedAt}, went through from where the next one
     * would have started: the next starts the day before, whether the run itself succeeds or not, and at the next
     * run: the failures in a row before it are over.
     */
    public void movesSearched(Run run, Instant askedAt) {
        held(run, jdbc.update("record a search of moves in Flatchr", "UPDATE reconciliation SET moves_searched_at = ?, "
                + "moves_failures = 0, moves_not_before = NULL WHERE tenant = ? AND claimed_by = ?", at(askedAt),
                run.tenant(), claimant(run)));
    }

    /**
     * The run's search of moves out of hired, made day by day, read the days before a day that failed: the next one
     * starts the day before {@code searchedAt}, which the caller puts no later than the day after the day that failed.
     */
    public void movesSearchedUpTo(Run run, Instant searchedAt) {
        held(run, jdbc.update("record a search of moves in Flatchr up to a day", "UPDATE reconciliation SET "
                + "moves_searched_at = ? WHERE tenant = ? AND claimed_by = ?", at(searchedAt), run.tenant(),
                claimant(run)));
    }

    /**
     * The run's search of moves out of hired failed: no scheduled run searches them again before what
     * {@code notBefore} makes of the failures in a row so far, the one counted now included; that time is returned.
     */
    public Instant movesFailed(Run run, IntFunction<Instant> notBefore) {
        return jdbc.inTransaction("record a failed search of moves in Flatchr", connection -> {
            int failures = Jdbc.query(connection, "SELECT moves_failures FROM reconciliation WHERE tenant = ?",
                    row -> row.getInt(1), run.tenant()).get(0) + 1;
            Instant until = notBefore.apply(failures);
            held(run, Jdbc.update(connection, "UPDATE reconciliation SET moves_failures = ?, moves_not_before = ? "
                    + "WHERE tenant = ? AND claimed_by = ?", failures, at(until), run.tenant(), claimant(run)));
            return until;
        });
    }

    /**
     * The run's update changed its row: the run still holds the claim. A run whose lease ran out (a slow Flatchr over
     * several days) and that another run took over records nothing more, and says so rather than a put-off, a
     * progress or an outcome the journal does not hold.
     *
     * @throws ClaimLost when it changed none
     */
    private static void held(Run run, int updated) {
        if (updated == 0) {
            throw ClaimLost.reconciliation(run.tenant());
        }
    }

    /**
     * The run failed ({@code outcome}: "key-rejected", "unavailable"...); the next one is due at what
     * {@code next} makes of the failures so far, the one counted now included.
     *
     * @throws ClaimLost when this run no longer holds its claim: the run that does records what it comes to
     */
    public void failed(Run run, String outcome, String error, IntFunction<Instant> next) {
        jdbc.inTransaction("record a failed search of Flatchr", connection -> {
            int failures = Jdbc.query(connection, "SELECT failures FROM reconciliation WHERE tenant = ?",
                    row -> row.getInt(1), run.tenant()).get(0) + 1;
            held(run, Jdbc.update(connection, "UPDATE reconciliation SET claimed_by = NULL, claimed_until = NULL, "
                    + "next_run_at = ?, last_run_at = ?, last_outcome = ?, last_error = ?, failures = ? "
                    + "WHERE tenant = ? AND claimed_by = ?",
                    at(next.apply(failures)), at(run.startedAt()), outcome, error, failures, run.tenant(),
                    claimant(run)));
            return failures;
        });
    }

    /**
     * Before the tenant's first search succeeded: the days its window leaves out, cut at the longest look-back (from
     * {@code from}, before {@code before}), or none (both null). True when the journal did not have such days yet:
     * the operators are then told, once for the tenant, by the instance whose run recorded them, and not again at
     * every run that finds the window cut (each, until one succeeds, leaves a day more out).
     */
    public boolean firstWindowLeavesOut(Run run, LocalDate from, LocalDate before) {
        return jdbc.inTransaction("record the days no search of Flatchr covers", connection -> {
            boolean known = Jdbc.query(connection, "SELECT not_searched_from FROM reconciliation WHERE tenant = ?",
                    row -> row.getObject(1, LocalDate.class) != null, run.tenant()).get(0);
            int recorded = Jdbc.update(connection, "UPDATE reconciliation SET not_searched_from = ?, "
                    + "not_searched_before = ? WHERE tenant = ? AND claimed_by = ?", from, before, run.tenant(),
                    claimant(run));
            return recorded == 1 && from != null && !known;
        });
    }

    /**
     * A search went through from {@code from} to now (a scheduled one, or an operator's backfill, dry runs aside):
     * the days left out that it covers are no longer said to be; those before {@code from} still are.
     */
    public void searchedFrom(String tenant, LocalDate from) {
        jdbc.inTransaction("record the days a search of Flatchr covered", connection -> {
            Jdbc.update(connection, "UPDATE reconciliation SET not_searched_from = NULL, not_searched_before = NULL "
                    + "WHERE tenant = ? AND not_searched_from >= ?", tenant, from);
            return Jdbc.update(connection, "UPDATE reconciliation SET not_searched_before = ? WHERE tenant = ? AND "
                    + "not_searched_before > ?", from, tenant, from);
        });
    }

    /** Every tenant's last run, tenants never searched left out. */
    public List<LastRun> lastRuns() {
        return jdbc.query("read the searches of Flatchr", "SELECT * FROM reconciliation WHERE last_run_at IS NOT NULL "
                + "ORDER BY tenant", Reconciliations::lastRun);
    }

    private static LastRun lastRun(ResultSet row) throws SQLException {
        return new LastRun(row.getString("tenant"), instant(row, "last_run_at"), row.getString("last_outcome"),
                instant(row, "last_window_from"), row.getObject("last_found", Integer.class),
                row.getObject("last_recorded", Integer.class), row.getObject("last_failed", Integer.class),
                row.getString("last_error"), instant(row, "last_success_at"), instant(row, "next_run_at"),
                row.getInt("failures"), row.getObject("not_searched_from", LocalDate.class),
                row.getObject("not_searched_before", LocalDate.class));
    }

    /**
     * The tenant's row, created the first time, which says when its searches were first tried; two instances may
     * both try, and the second finds it there.
     */
    private void ensureRow(String tenant) {
        if (jdbc.query("find a tenant's searches", "SELECT tenant FROM reconciliation WHERE tenant = ?",
                row -> row.getString(1), tenant).isEmpty()) {
            try {
                jdbc.update("start a tenant's searches", "INSERT INTO reconciliation (tenant, first_tried_at) VALUES "
                        + "(?, ?)", tenant, at(clock.instant()));
            } catch (JournalUnavailable e) {
                if (!(e.getCause() instanceof SQLException sql && Jdbc.DUPLICATE_KEY.equals(sql.getSQLState()))) {
                    throw e;
                }
            }
        }
    }
}
