package io.github.flatchrlucca.journal;

import static io.github.flatchrlucca.journal.Jdbc.at;
import static io.github.flatchrlucca.journal.Jdbc.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The operator's questions to the journal. It only reads: every change goes through {@link Journal}. */
public final class JournalReader {

    private static final String QUEUED = "status IN ('RECEIVED', 'RETRYING')";
    /**
     * A hire waiting for a person's decision: its mark's date is set with the mark, and read as a range through
     * hire_decision_needed (V26). "decision_needed IS NOT NULL" read every hire's row (1.2 to 4.9 s at 200,000 hires,
     * on H2), and H2 walks the whole index for an IS NOT NULL, where a range starts at the first marked hire.
     */
    static final String NEEDS_DECISION = "decision_needed_at >= TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'";
    // An event larger than this is left out of a list (its hire is listed without a name). Flatchr's events are a
    // few KiB, a long vacancy description included.
    static final int LISTED_EVENT_CHARS = 65_536;
    private static final String LISTED_COLUMNS = "hire_id, tenant, status, received_at, queued_at, held_until, "
            + "updated_at, attempts, next_attempt_at, lucca_user_id, last_lucca_status, NULL AS last_lucca_body, "
            + "last_error, warnings, NULL AS lucca_request, "
            + "CASE WHEN LENGTH(payload) <= ? THEN payload END AS payload, origin, writeback_status, flatchr_applicant, "
            + "writeback_attempts, writeback_since, decision_needed, decision_needed_at, create_attempted_at, erased_at, "
            + "dedupe_key";
    /**
     * What marks the dedupe key of a hire another Flatchr company sent to a tenant's URL: the tenant, then this, then
     * the company's id and the applicant's (the intake's HireVerdict#dedupeKey). Tenant ids hold no ':'.
     */
    public static final String OTHER_COMPANY = ":other-company:";

    /** When a queued hire's wait for Lucca began, as {@link HireView#waitingSince} reckons it. */
    private static final String WAITING_SINCE = "GREATEST(queued_at, COALESCE(held_until, queued_at))";
    /**
     * Each tenant's longest-waiting hire is found once, by grouping, then looked up: a subquery per queued hire read
     * the queue once per hire (7 minutes for 21,000 queued hires, when an alert is needed most), and so did a join with
     * the grouping, which H2 ran again for each hire of the table (16 s for 2,000 queued among 200,000 hires, 53 s for
     * 20,000). Both read the queued hires only, through hire_queued_by_tenant (V19; V27 added the hold's end, so that
     * the grouping reads the index alone): 2 ms, and 8 ms.
     */
    static final String OLDEST_QUEUED_OF_EACH_TENANT = "SELECT * FROM hire WHERE " + QUEUED + " AND (tenant, "
            + WAITING_SINCE + ") IN (SELECT tenant, MIN(" + WAITING_SINCE + ") FROM hire WHERE " + QUEUED
            + " GROUP BY tenant) ORDER BY tenant, hire_id";

    /** Any one hire of a tenant, the first a tenant-led index gives: not a count of all its hires. */
    static final String A_HIRE_OF_TENANT = "SELECT hire_id FROM hire WHERE tenant = ? FETCH FIRST 1 ROWS ONLY";

    private final Jdbc jdbc;

    public JournalReader(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * The journal's own time: its answer says it is reachable, and with several instances, whose clocks reckon every
     * lease and rate-limit window (the journal's never does), how far this one's is off. Throws {@link
     * JournalUnavailable} when the journal does not answer.
     */
    public Instant time() {
        return jdbc.query("reach the journal", "SELECT CURRENT_TIMESTAMP", row -> row.getObject(1,
                java.time.OffsetDateTime.class).toInstant()).get(0);
    }

    public Optional<HireView> find(String hireId) {
        return jdbc.query("read a hire", "SELECT * FROM hire WHERE hire_id = ?", JournalReader::record, hireId)
                .stream().findFirst();
    }

    /** Whether the journal holds any hire of the tenant: one taken out of the configuration is still looked at. */
    public boolean hasHires(String tenant) {
        return !jdbc.query("find a tenant's hires", A_HIRE_OF_TENANT, row -> row.getString(1), tenant).isEmpty();
    }

    public List<HireEvent> history(String hireId) {
        return jdbc.query("read a hire's history", "SELECT * FROM hire_event WHERE hire_id = ? ORDER BY event_id",
                row -> new HireEvent(instant(row, "at"), HireStatus.valueOf(row.getString("status")),
                        row.getString("lucca_call"), row.getObject("lucca_status", Integer.class),
                        row.getString("detail")), hireId);
    }

    /**
     * A page of hires as a list shows them: without the request sent to Lucca and Lucca's last answer, and with the
     * event only when it is small enough to read the candidate's name from. A page holds up to 200 hires, and an
     * event may be as large as FLATCHR_MAX_BODY_BYTES: 200 of 1 MiB would not fit in the heap the deployment files
     * give. {@link #find} reads a hire whole.
     */
    public List<HireView> list(HireFilter filter) {
        Where where = where(filter);
        List<Object> values = new ArrayList<>();
        values.add(LISTED_EVENT_CHARS);
        values.addAll(where.values());
        // The page's hires are chosen first, then read: a database that sorts the filtered rows computes the select
        // list before (PostgreSQL does), and would read every filtered hire's event to measure it.
        return jdbc.query("list hires", "SELECT " + LISTED_COLUMNS + " FROM hire WHERE hire_id IN (" + pageOf(filter)
                + ") ORDER BY received_at DESC, hire_id", JournalReader::record, values.toArray());
    }

    /**
     * The ids of the page's hires, newest first. One tenant's hires are ordered by the tenant first, which is the same
     * order, so that H2 reads them through hire_by_tenant_newest (V26) in that order and stops at the page: it takes an
     * index for a sort only when the sort begins with the index's first column, and otherwise sorted all the tenant's
     * hires at each refresh. Not when the filter also names a status or the hires waiting for a decision: a few among
     * the tenant's, found through their own index and then sorted, not looked for along all of them.
     */
    static String pageOf(HireFilter filter) {
        boolean newestOfTenant = filter.tenant() != null && filter.status() == null
                && !Boolean.TRUE.equals(filter.needsDecision());
        return "SELECT hire_id FROM hire" + where(filter).sql() + " ORDER BY " + (newestOfTenant ? "tenant, " : "")
                + "received_at DESC, hire_id OFFSET " + (long) filter.page() * filter.size() + " ROWS FETCH NEXT "
                + filter.size() + " ROWS ONLY";
    }

    public long count(HireFilter filter) {
        Where where = where(filter);
        return jdbc.query("count hires", "SELECT COUNT(*) FROM hire" + where.sql(), row -> row.getLong(1),
                where.values().toArray()).get(0);
    }

    public Map<String, Map<HireStatus, Long>> countsByTenantAndStatus() {
        Map<String, Map<HireStatus, Long>> counts = new HashMap<>();
        jdbc.query("count hires", "SELECT tenant, status, COUNT(*) FROM hire GROUP BY tenant, status",
                row -> counts.computeIfAbsent(row.getString(1), tenant -> new EnumMap<>(HireStatus.class))
                        .put(HireStatus.valueOf(row.getString(2)), row.getLong(3)));
        return counts;
    }

    /**
     * Each tenant's searches of Flatchr as the journal holds them (Reconciliations), the same for every instance,
     * whichever made the searches: the searches of moves out of hired that failed in a row since the last that
     * succeeded, and how many days no search covers (those the first search left out, until a backfill covers them).
     */
    public Map<String, TenantSearches> searchesByTenant() {
        Map<String, TenantSearches> searches = new HashMap<>();
        jdbc.query("read the state of the searches of Flatchr", "SELECT tenant, moves_failures, not_searched_from, "
                + "not_searched_before FROM reconciliation", row -> {
                    LocalDate from = row.getObject(3, LocalDate.class);
                    LocalDate before = row.getObject(4, LocalDate.class);
                    return searches.put(row.getString(1), new TenantSearches(row.getInt(2),
                            from == null || before == null ? 0 : ChronoUnit.DAYS.between(from, before)));
                });
        return searches;
    }

    /**
     * @param movesFailuresInARow searches of moves out of hired failed since the last that succeeded
     * @param daysNotSearched     days no search covers, 0 when none
     */
    public record TenantSearches(int movesFailuresInARow, long daysNotSearched) {
    }

    /**
     * How many hires of each tenant wait for a person's decision (a "needs a decision" mark, whatever their status: a
     * delivered hire moved out of hired, a cancelled one whose create's answer was lost): a count by status hides them.
     */
    public Map<String, Long> decisionsNeededByTenant() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("count the hires waiting for a decision", "SELECT tenant, COUNT(*) FROM hire WHERE " + NEEDS_DECISION
                + " GROUP BY tenant", row -> counts.put(row.getString(1), row.getLong(2)));
        return counts;
    }

    /**
     * Each tenant's longest-waiting queued hire, tenants no longer configured included: their hires wait too. A hire
     * waits from when it last entered the queue (queued_at), or from the end of its hold
     * ({@link HireView#waitingSince}): one dead on Monday and replayed on Tuesday has waited since Tuesday, not since
     * its first arrival, and one still held waits behind a replayed one retrying for an hour.
     */
    public List<HireView> oldestQueuedOfEachTenant() {
        return jdbc.query("find each tenant's oldest queued hire", OLDEST_QUEUED_OF_EACH_TENANT, JournalReader::record);
    }

    /**
     * The tenant's longest-waiting queued hire (null: of all tenants): how far behind delivery is. Of all tenants' oldest:
     * PostgreSQL read a tenant's by arrival through hire_received, from the first hire ever received to the first
     * queued one.
     */
    public Optional<HireView> oldestQueued(String tenant) {
        return oldestQueuedOfEachTenant().stream().filter(oldest -> tenant == null || tenant.equals(oldest.tenant()))
                .min(Comparator.comparing(HireView::waitingSince));
    }

    /** Builds the WHERE clause of a filter from fixed text and bound values only, never from input text. */
    private static Where where(HireFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (filter.tenant() != null) {
            conditions.add("tenant = ?");
            values.add(filter.tenant());
        }
        if (filter.status() != null) {
            conditions.add("status = ?");
            values.add(filter.status().name());
        }
        if (filter.needsDecision() != null) {
            conditions.add(filter.needsDecision() ? NEEDS_DECISION : "decision_needed_at IS NULL");
        }
        if (filter.from() != null) {
            conditions.add("received_at >= ?");
            values.add(at(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("received_at < ?");
            values.add(at(filter.to()));
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), values);
    }

    private record Where(String sql, List<Object> values) {
    }

    static HireView record(ResultSet row) throws SQLException {
        String warnings = row.getString("warnings");
        return new HireView(row.getString("hire_id"), row.getString("tenant"), HireStatus.valueOf(row.getString("status")),
                instant(row, "received_at"), instant(row, "queued_at"), instant(row, "held_until"),
                instant(row, "updated_at"), row.getInt("attempts"),
                instant(row, "next_attempt_at"), row.getObject("lucca_user_id", Long.class),
                row.getObject("last_lucca_status", Integer.class), row.getString("last_lucca_body"),
                row.getString("last_error"), warnings == null || warnings.isEmpty() ? List.of()
                : List.of(warnings.split("\n")), row.getString("lucca_request"), row.getString("payload"),
                Origin.ofLabel(row.getString("origin")), row.getString("writeback_status"),
                row.getString("flatchr_applicant"), row.getInt("writeback_attempts"), instant(row, "writeback_since"),
                row.getString("decision_needed"), instant(row, "decision_needed_at"),
                row.getObject("create_attempted_at") != null, row.getObject("erased_at") != null,
                otherCompany(row.getString("tenant"), row.getString("dedupe_key")));
    }

    /**
     * The company of a hire marked as another company's ({@link #OTHER_COMPANY}), or null. The mark is right after the
     * tenant, and only there: Flatchr's applicant id, further on, is free text that may read like it.
     */
    private static String otherCompany(String tenant, String dedupeKey) {
        String mark = tenant + OTHER_COMPANY;
        if (!dedupeKey.startsWith(mark)) {
            return null;
        }
        String rest = dedupeKey.substring(mark.length());
        int end = rest.indexOf(':');
        return end < 0 ? rest : rest.substring(0, end);
    }
}
