package io.github.flatchrlucca.journal;

import io.github.flatchrlucca.intake.HireVerdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable record of every hire, and the queue delivery is driven from. Every state change is one
 * committed statement, so a crash at any point leaves each hire in a state a restart can resume from.
 * Plain JDBC rather than camel-sql: claiming and the state machine need conditional updates whose row
 * counts decide what happens next, which reads better as Java than as endpoint URIs.
 */
public final class Journal {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final String DUPLICATE_KEY = "23505";
    private static final String QUEUED = "status IN ('RECEIVED', 'RETRYING')";

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration lease;

    public Journal(DataSource dataSource, Clock clock, Duration lease) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.lease = lease;
    }

    /** Records a hire (or a rejected one) before anything is acknowledged to Flatchr. */
    public IntakeResult recordIntake(String payload, HireVerdict verdict) {
        HireStatus status = verdict.kind() == HireVerdict.Kind.HIRE ? HireStatus.RECEIVED : HireStatus.REJECTED;
        String hireId = UUID.randomUUID().toString();
        String error = status == HireStatus.REJECTED ? "candidate lacks " + String.join(", ", verdict.missingFields()) : null;
        try {
            insert(hireId, verdict.dedupeKey(), status, payload, error);
            LOG.info("hire {} {}", hireId, status.label());
            return new IntakeResult(hireId, status == HireStatus.RECEIVED
                    ? IntakeResult.Outcome.ACCEPTED : IntakeResult.Outcome.REJECTED);
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw new JournalUnavailable("record a hire", e);
            }
            return alreadyRecorded(verdict.dedupeKey(), status, payload);
        }
    }

    /**
     * Takes up to {@code max} due hires for this worker. A hire is claimed only if nobody holds it, so two
     * pollers (or instances) never deliver the same hire; a claim left by a dead worker expires.
     */
    public List<Hire> claimDue(int max) {
        Instant now = clock.instant();
        List<Hire> claimed = new ArrayList<>();
        for (String hireId : dueHireIds(now, max)) {
            int updated = update("UPDATE hire SET claimed_until = ?, attempts = attempts + 1, updated_at = ? "
                    + "WHERE hire_id = ? AND " + QUEUED + " AND (claimed_until IS NULL OR claimed_until < ?)",
                    at(now.plus(lease)), at(now), hireId, at(now));
            if (updated == 1) {
                find("SELECT hire_id, payload, received_at, attempts, lucca_user_id, create_attempted_at "
                        + "FROM hire WHERE hire_id = ?", hireId, Journal::hire).ifPresent(claimed::add);
            }
        }
        return claimed;
    }

    /** At the start of the only process using an embedded journal, every claim is stale. */
    public void releaseClaims() {
        update("UPDATE hire SET claimed_until = NULL WHERE claimed_until IS NOT NULL");
    }

    public void markCreateAttempted(String hireId, String luccaRequest) {
        update("UPDATE hire SET create_attempted_at = ?, lucca_request = ?, updated_at = ? WHERE hire_id = ?",
                at(clock.instant()), luccaRequest, at(clock.instant()), hireId);
    }

    public void recordLuccaUser(String hireId, long luccaUserId) {
        update("UPDATE hire SET lucca_user_id = ?, updated_at = ? WHERE hire_id = ?",
                luccaUserId, at(clock.instant()), hireId);
        LOG.info("hire {} user created in Lucca as {}", hireId, luccaUserId);
    }

    public void markDelivered(String hireId, long luccaUserId, List<String> warnings) {
        finish(hireId, HireStatus.DELIVERED, luccaUserId, warnings);
    }

    public void markAlreadyInLucca(String hireId, long luccaUserId, List<String> warnings) {
        finish(hireId, HireStatus.ALREADY_IN_LUCCA, luccaUserId, warnings);
    }

    public void markDryRun(String hireId, String luccaRequest, List<String> warnings) {
        update("UPDATE hire SET status = 'DRY_RUN', lucca_request = ?, warnings = ?, claimed_until = NULL, "
                + "updated_at = ? WHERE hire_id = ?", luccaRequest, joined(warnings), at(clock.instant()), hireId);
        LOG.info("hire {} {}: the Lucca requests were recorded, not sent", hireId, HireStatus.DRY_RUN.label());
    }

    public void retryLater(String hireId, Instant nextAttempt, LuccaFailure failure) {
        update("UPDATE hire SET status = 'RETRYING', next_attempt_at = ?, claimed_until = NULL, "
                + "last_lucca_status = ?, last_lucca_body = ?, last_error = ?, updated_at = ? WHERE hire_id = ?",
                at(nextAttempt), failure.status(), failure.body(), failure.error(), at(clock.instant()), hireId);
        LOG.info("hire {} {} at {}: {}", hireId, HireStatus.RETRYING.label(), nextAttempt, failure.error());
    }

    public void markDead(String hireId, LuccaFailure failure) {
        update("UPDATE hire SET status = 'DEAD', next_attempt_at = NULL, claimed_until = NULL, "
                + "last_lucca_status = ?, last_lucca_body = ?, last_error = ?, updated_at = ? WHERE hire_id = ?",
                failure.status(), failure.body(), failure.error(), at(clock.instant()), hireId);
        LOG.warn("hire {} {}: {}", hireId, HireStatus.DEAD.label(), failure.error());
    }

    public Optional<HireRecord> find(String hireId) {
        return find("SELECT * FROM hire WHERE hire_id = ?", hireId, Journal::record);
    }

    private void finish(String hireId, HireStatus status, long luccaUserId, List<String> warnings) {
        update("UPDATE hire SET status = ?, lucca_user_id = ?, warnings = ?, next_attempt_at = NULL, "
                + "claimed_until = NULL, last_error = NULL, updated_at = ? WHERE hire_id = ?",
                status.name(), luccaUserId, joined(warnings), at(clock.instant()), hireId);
        LOG.info("hire {} {} (Lucca user {}){}", hireId, status.label(), luccaUserId,
                warnings.isEmpty() ? "" : " with " + warnings.size() + " warning(s)");
    }

    private IntakeResult alreadyRecorded(String dedupeKey, HireStatus status, String payload) {
        String[] existing = find("SELECT hire_id, status FROM hire WHERE dedupe_key = ?", dedupeKey,
                rs -> new String[] {rs.getString(1), rs.getString(2)})
                .orElseThrow(() -> new JournalUnavailable("read a recorded hire", null));
        String hireId = existing[0];
        // A hire rejected for missing data and sent again complete is accepted: the recruiter fixed it.
        if (status == HireStatus.RECEIVED && HireStatus.REJECTED.name().equals(existing[1])
                && update("UPDATE hire SET status = 'RECEIVED', payload = ?, last_error = NULL, received_at = ?, "
                        + "next_attempt_at = ?, updated_at = ? WHERE hire_id = ? AND status = 'REJECTED'",
                        payload, at(clock.instant()), at(clock.instant()), at(clock.instant()), hireId) == 1) {
            LOG.info("hire {} {} after being rejected", hireId, HireStatus.RECEIVED.label());
            return new IntakeResult(hireId, IntakeResult.Outcome.ACCEPTED);
        }
        LOG.info("hire {} sent again: duplicate", hireId);
        return new IntakeResult(hireId, IntakeResult.Outcome.DUPLICATE);
    }

    private void insert(String hireId, String dedupeKey, HireStatus status, String payload, String error)
            throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("INSERT INTO hire (hire_id, dedupe_key, "
                     + "status, payload, received_at, updated_at, next_attempt_at, last_error) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(statement, hireId, dedupeKey, status.name(), payload, at(now), at(now),
                    status == HireStatus.RECEIVED ? at(now) : null, error);
            statement.executeUpdate();
        }
    }

    private List<String> dueHireIds(Instant now, int max) {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT hire_id FROM hire WHERE " + QUEUED
                     + " AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) "
                     + "ORDER BY next_attempt_at FETCH FIRST " + max + " ROWS ONLY")) {
            bind(statement, at(now), at(now));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new JournalUnavailable("list due hires", e);
        }
    }

    private int update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new JournalUnavailable("update a hire", e);
        }
    }

    private <T> Optional<T> find(String sql, String key, Row<T> row) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(row.read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new JournalUnavailable("read a hire", e);
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }

    private static Hire hire(ResultSet row) throws SQLException {
        return new Hire(row.getString("hire_id"), row.getString("payload"), instant(row, "received_at"),
                row.getInt("attempts"), row.getObject("lucca_user_id", Long.class),
                row.getObject("create_attempted_at") != null);
    }

    private static HireRecord record(ResultSet row) throws SQLException {
        String warnings = row.getString("warnings");
        return new HireRecord(row.getString("hire_id"), HireStatus.valueOf(row.getString("status")),
                instant(row, "received_at"), instant(row, "updated_at"), row.getInt("attempts"),
                instant(row, "next_attempt_at"), row.getObject("lucca_user_id", Long.class),
                row.getObject("last_lucca_status", Integer.class), row.getString("last_lucca_body"),
                row.getString("last_error"), warnings == null || warnings.isEmpty() ? List.of()
                : List.of(warnings.split("\n")), row.getString("lucca_request"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String joined(List<String> warnings) {
        return warnings.isEmpty() ? null : String.join("\n", warnings);
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }
}
