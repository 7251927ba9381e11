package io.github.flatchrlucca.journal;

import static io.github.flatchrlucca.journal.Jdbc.at;
import static io.github.flatchrlucca.journal.Jdbc.instant;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable record of every hire, and the queue delivery is driven from. Every state change is one
 * transaction (the change and its history event), so a crash at any point leaves each hire in a state a
 * restart resumes from. Plain JDBC rather than camel-sql: claiming and the state machine need conditional
 * updates whose row counts decide what happens next, which reads better as Java than as endpoint URIs.
 */
public final class Journal {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final String QUEUED = "status IN ('RECEIVED', 'RETRYING')";
    private static final String STATUS = "SELECT status FROM hire WHERE hire_id = ?";
    private static final String FINISHED = "status NOT IN ('RECEIVED', 'RETRYING')";
    // Queued (waiting or being delivered), or stopped for a person's look: dead, or rejected as it came.
    private static final String CANCELLABLE = "status IN ('RECEIVED', 'RETRYING', 'DEAD', 'REJECTED')";
    private static final String UNCLAIMED = "(claimed_until IS NULL OR claimed_until < ?)";
    // A hire another Flatchr company sent to the tenant's URL: its mark is right after the tenant in the dedupe key
    // (JournalReader.OTHER_COMPANY), and only there: Flatchr's applicant id, further on, is free text. A prefix
    // compared by POSITION, not LIKE, in which a '_' of a tenant id would match any character.
    private static final String OTHER_COMPANYS = "POSITION(tenant || '" + JournalReader.OTHER_COMPANY
            + "' IN dedupe_key) = 1";
    // History keeps Lucca's answer for a person to read, not whole pages of it.
    private static final int EVENT_DETAIL_CHARS = 1000;
    // Bound parameters per query when looking for known applications: far below every database's limit.
    private static final int KNOWN_CHUNK = 500;
    // Hires read and erased in one transaction: as few bound parameters, and a first pass over a long backlog holds and
    // locks a few hundred hires at a time, not all of them.
    private static final int ERASED_TOGETHER = 500;
    // How the history of a hire says each move out, and a move back in that leaves it withdrawn (refusedWhileWithdrawn)
    private static final String MOVED_OUT = "moved out of hired in Flatchr";
    private static final String BACK_INCOMPLETE = "moved back into hired in Flatchr with data it cannot be sent with";
    /** Why a hire waits for a person: said on the status page and in the alert. */
    public static final String MOVED_OUT_AFTER_LUCCA = "moved out of hired in Flatchr after the Lucca account was made";
    // A create was sent and its answer never came (a timeout, a reset, a 5xx): Lucca may hold the account. The hire
    // stops like any other, and a person looks the candidate up in Lucca rather than being told nothing was made.
    public static final String MOVED_OUT_CREATE_UNKNOWN = "moved out of hired in Flatchr while Lucca's answer to its "
            + "create was unknown: the account may exist, look the person up in Lucca";
    public static final String CANCELLED_CREATE_UNKNOWN = "cancelled while Lucca's answer to its create was unknown: "
            + "the account may exist, look the person up in Lucca";
    // Such a hire replayed into another Lucca (its tenant's changed): the replay forgets the earlier Lucca's create, and
    // no attempt in this one looks for, nor settles, the account it may have made there. A person still does.
    public static final String CREATE_UNKNOWN_IN_EARLIER_LUCCA = "stopped while Lucca's answer to its create was "
            + "unknown, then replayed into its tenant's Lucca of now: the account may exist in the Lucca the tenant had "
            + "before, look the person up there";
    // Lucca's answer to the create came after the cancel, and it made the account: no longer a "may exist".
    public static final String CANCELLED_AFTER_LUCCA = "cancelled while its create was on its way, and Lucca made the "
            + "account: a person decides";
    // Cancelled once its Lucca user was made, its contract still to be set: no create was on its way.
    public static final String CANCELLED_WITH_ACCOUNT = "cancelled after its Lucca account was made: a person decides";
    /** How a rehire's warning begins (a former employee given a new contract, or reported to HR): delivery's texts. */
    public static final String REHIRE_WARNING = "rehire:";
    /** How the warning of someone already in Lucca whose contract ends before the hire's would begins: delivery's. */
    public static final String CONTRACT_ENDS_SOONER = "their contract in Lucca ends on ";
    // Found in Lucca and nothing written, HR asked to give the new contract by hand (a former employee reported under
    // LUCCA_REHIRE=report, or someone whose contract ends before the hire's): a contract HR gave for an offer withdrawn
    // since is theirs to end, and nobody else tells them.
    public static final String MOVED_OUT_AFTER_HR_ASKED = "moved out of hired in Flatchr after HR was asked to give "
            + "them their new contract in Lucca by hand: end that contract if it was given";
    // A rehire's new contract was made on the former employee's own Lucca record, which holds their former contracts
    // too: what a person undoes is that contract, not the person.
    public static final String MOVED_OUT_AFTER_REHIRE = "moved out of hired in Flatchr after their new work contract "
            + "was made on their existing Lucca record: end that contract, not the person";
    /** Every mark a hire may wait for a person with: what a decision may name as the one it was made on. */
    public static final Set<String> DECISION_MARKS = Set.of(MOVED_OUT_AFTER_LUCCA, MOVED_OUT_CREATE_UNKNOWN,
            CANCELLED_CREATE_UNKNOWN, CREATE_UNKNOWN_IN_EARLIER_LUCCA, CANCELLED_AFTER_LUCCA, CANCELLED_WITH_ACCOUNT,
            MOVED_OUT_AFTER_HR_ASKED, MOVED_OUT_AFTER_REHIRE);
    // One of a hire's warnings (kept joined by new lines) begins with the text bound twice, the second time after "\n"
    private static final String A_WARNING_BEGINS = "(POSITION(? IN warnings) = 1 OR POSITION(? IN warnings) > 0)";
    // A hire found in Lucca whose warnings asked HR to give the contract by hand: HR_ASKED_VALUES are its values
    private static final String HR_ASKED = "(" + A_WARNING_BEGINS + " OR " + A_WARNING_BEGINS + ")";
    private static final Object[] HR_ASKED_VALUES = {REHIRE_WARNING, "\n" + REHIRE_WARNING, CONTRACT_ENDS_SOONER,
        "\n" + CONTRACT_ENDS_SOONER};
    private static final String CREATE_UNKNOWN = "create_attempted_at IS NOT NULL AND lucca_user_id IS NULL";
    // Lucca answered the create, and made nothing: refused (4xx), the key refused, the rate limit. The create is then
    // no longer one whose answer was lost: neither the next attempt nor a person need look for what it made.
    private static final String CREATE_ANSWERED = "create_attempted_at = CASE WHEN ? THEN NULL ELSE create_attempted_at "
            + "END";
    // Against the Lucca of now, and its spelling as the hire kept it when that is the same Lucca (LuccaKey.same).
    // Null (a tenant not in force, a hire from before V15) compares as unknown: nothing is forgotten.
    private static final String MADE_ELSEWHERE = "lucca_instance NOT IN (?, ?)";
    private static final Set<String> CREATE_CALLS = Set.of("create-user", "create-work-contract");
    // A Lucca user recorded, or a hire delivered, after the candidate was moved out of hired (the create was on its
    // way): the account exists, so the hire waits for a person as if the move had come after it. After a cancel that
    // took the create for one whose answer was unknown, the mark says the account is made, no longer that it may be;
    // a cancelled hire left without a mark by anything before gets one too, from the cancel's time, rather than reading
    // as delivered as asked (a cancel after the user was recorded marks the hire itself: see cancel). Its one value is
    // the withdrawn hire's mark: MOVED_OUT_AFTER_LUCCA, or a rehire's (afterMoveOut).
    private static final String DECIDE_IF_STOPPED = "decision_needed = CASE WHEN status = 'WITHDRAWN' THEN ? WHEN status = 'CANCELLED' AND (decision_needed IS NULL OR decision_needed = '"
            + CANCELLED_CREATE_UNKNOWN.replace("'", "''") + "') THEN '" + CANCELLED_AFTER_LUCCA + "' ELSE "
            + "decision_needed END, decision_needed_at = CASE WHEN status = 'WITHDRAWN' THEN updated_at WHEN status = "
            + "'CANCELLED' AND decision_needed IS NULL THEN updated_at ELSE decision_needed_at END";
    // A "needs a decision" mark left by an earlier attempt's create whose answer was lost (the account may exist, a
    // person looks it up): an attempt since (a replay) that made or found the person in Lucca has looked, and settles
    // it. Only while the hire is queued: one withdrawn or cancelled meanwhile keeps (or gets, DECIDE_IF_STOPPED) a
    // mark, as an account made for a candidate no longer to be hired is what a person must decide about.
    private static final String SETTLE_UNKNOWN_CREATE = "UPDATE hire SET decision_needed = NULL, decision_needed_at = "
            + "NULL WHERE hire_id = ? AND " + QUEUED + " AND decision_needed IN (?, ?)";

    private final Jdbc jdbc;
    private final Clock clock;
    private final Duration lease;
    private final String instanceId;
    private volatile boolean claiming = true;

    /** @param instanceId this process, among the instances that share the journal */
    public Journal(DataSource dataSource, Clock clock, Duration lease, String instanceId) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        this.lease = lease;
        this.instanceId = instanceId;
    }

    /**
     * Records a hire Flatchr's webhook sent: see {@link #record}.
     *
     * @param plainHireKey the hire within its tenant by Flatchr's plain id of the application, when {@code hireKey} is
     *                     by another of its ids (Flatchr's encoded one), else null: kept for a move out of hired whose
     *                     event names the application by the plain id only ({@link #movedOutOfHired})
     */
    public IntakeResult recordIntake(String payload, String tenant, String hireKey, String plainHireKey,
                                     String sameApplication, String rejection, Duration hold) {
        return record(payload, tenant, Origin.WEBHOOK, hireKey, plainHireKey, sameApplication, null, rejection,
                List.of(), hold, null);
    }

    /**
     * Records a hire of a tenant (or a rejected one) before anything is acknowledged. A hire is unique within its
     * tenant: the same hire sent to two tenants' URLs is two records, and a resend never moves a hire from one
     * tenant to another. Within the tenant it is unique both by Flatchr's id of the application and by the
     * candidate's e-mail and vacancy, so that the webhook's report and the API's are one hire, whichever comes
     * first, on one instance or several: the database's unique keys decide. The intake decides what a hire is and
     * passes it as plain values; the journal knows nothing of its verdicts.
     *
     * @param hireKey         the hire within its tenant (Flatchr's company and applicant), however often it is sent
     * @param sameApplication the candidate's e-mail and vacancy, by which the webhook's report and the API's are one
     *                        hire; null when there is none, or when the hire must never stand for another (one of
     *                        another company)
     * @param applicantId     Flatchr's API's own id of the application, kept for a hire the API found (the
     *                        write-back needs it)
     * @param rejection       why the hire cannot be delivered, or null for a hire to deliver
     * @param notes           what the hire's history should say of its arrival besides its origin (what was missing)
     * @param hold            how long the hire waits before its first attempt (HIRE_HOLD_SECONDS), so that a drag into
     *                        hired undone within it never reaches Lucca
     * @param seenInHiredAt   for a hire a search of Flatchr's API found, when its answer showed it in hired: a move
     *                        out seen after it is the candidate's ({@link #movedOutSeenInFlatchr}), however long the
     *                        search took to record it; null for the webhook's, in hired as it is recorded
     */
    public IntakeResult record(String payload, String tenant, Origin origin, String hireKey, String sameApplication,
                               String applicantId, String rejection, List<String> notes, Duration hold,
                               Instant seenInHiredAt) {
        return record(payload, tenant, origin, hireKey, null, sameApplication, applicantId, rejection, notes, hold,
                seenInHiredAt);
    }

    private IntakeResult record(String payload, String tenant, Origin origin, String hireKey, String plainHireKey,
                                String sameApplication, String applicantId, String rejection, List<String> notes,
                                Duration hold, Instant seenInHiredAt) {
        HireStatus status = rejection == null ? HireStatus.RECEIVED : HireStatus.REJECTED;
        String error = rejection;
        String hireId = HireIds.at(clock.millis());
        String dedupeKey = ofTenant(tenant, hireKey);
        String plainDedupeKey = ofTenant(tenant, plainHireKey);
        String matchKey = ApplicationKey.of(tenant, sameApplication);
        try {
            jdbc.inTransaction("record a hire", connection -> {
                // a hire Flatchr's API found is named by the API's own id of the application, which the write-back needs
                insert(connection, hireId, tenant, dedupeKey, plainDedupeKey, matchKey, origin,
                        origin == Origin.FLATCHR_API ? applicantId : null, status, payload, error, hold, seenInHiredAt);
                event(connection, hireId, null, null, arrival(origin, error, notes, status == HireStatus.RECEIVED
                        ? hold : Duration.ZERO));
                // a hire to deliver has no outcome yet: one statement less on every webhook
                if (status != HireStatus.RECEIVED) {
                    outcomeToWriteBack(connection, hireId);
                }
                return null;
            });
        } catch (JournalUnavailable e) {
            if (isDuplicateKey(e)) {
                keepPlainKey(dedupeKey, plainDedupeKey);
                return alreadyRecorded(dedupeKey, matchKey, status, payload, error, hold, origin);
            }
            throw e;
        }
        LOG.info("hire {} of tenant {} {}{}", hireId, tenant, status.label(),
                origin == Origin.WEBHOOK ? "" : " (" + origin.label() + ")");
        return status == HireStatus.RECEIVED ? new IntakeResult(hireId, IntakeResult.Outcome.ACCEPTED)
                : new IntakeResult(hireId, IntakeResult.Outcome.REJECTED, true);
    }

    /** A hire's key (by one of Flatchr's ids of the application) within its tenant, as the journal keeps it; or null. */
    private static String ofTenant(String tenant, String hireKey) {
        return hireKey == null ? null : tenant + ":" + hireKey;
    }

    /** Up to {@code max} hires of a tenant due for an attempt that nobody holds, the longest waiting first. */
    public List<String> dueHireIds(String tenant, int max) {
        Instant now = clock.instant();
        // One status at a time, each ordered as hire_due_by_tenant is (tenant, status, next_attempt_at): the index
        // then hands over the first rows in order and the read stops there. "status IN (...)" read and sorted the
        // whole queue at every round, and a round is asked for at every webhook (33 ms a round for 21,000 queued).
        String dueOfOneStatus = "(SELECT hire_id, next_attempt_at FROM hire WHERE tenant = ? AND status = ? "
                + "AND next_attempt_at <= ? AND " + UNCLAIMED + " ORDER BY tenant, status, next_attempt_at FETCH FIRST "
                + max + " ROWS ONLY)";
        return jdbc.query("list due hires", "SELECT hire_id FROM (" + dueOfOneStatus + " UNION ALL " + dueOfOneStatus
                + ") due ORDER BY next_attempt_at FETCH FIRST " + max + " ROWS ONLY", row -> row.getString(1),
                tenant, HireStatus.RECEIVED.name(), at(now), at(now), tenant, HireStatus.RETRYING.name(), at(now), at(now));
    }

    /**
     * Takes one due hire for this instance, just before delivering it, or null when another worker (a thread
     * or another instance) took it first, or when this instance is stopping. One conditional update decides,
     * so two workers never deliver the same hire; a claim left by a dead instance expires with its lease.
     */
    public ClaimedHire claim(String hireId) {
        if (!claiming) {
            return null;
        }
        Instant now = clock.instant();
        // unsynced: a claim matters only while this instance lives (an embedded journal drops them all at start),
        // and the attempt's first state that does matter (the create attempted) is synced before that call
        return jdbc.inTransactionUnsynced("claim a hire", connection -> {
            int updated = Jdbc.update(connection, "UPDATE hire SET claimed_until = ?, claimed_by = ?, "
                    + "attempts = attempts + 1, updated_at = ? WHERE hire_id = ? AND " + QUEUED + " AND "
                    + "next_attempt_at <= ? AND " + UNCLAIMED, at(now.plus(lease)), instanceId, at(now), hireId,
                    at(now), at(now));
            return updated == 0 ? null : Jdbc.query(connection, "SELECT hire_id, tenant, payload, received_at, "
                    + "queued_at, held_until, attempts, lucca_user_id, create_attempted_at, lucca_request, lucca_instance "
                    + "FROM hire WHERE hire_id = ?",
                    Journal::hire, hireId)
                    .get(0);
        });
    }

    /**
     * Before each Lucca call: this instance still holds the hire, for one more lease. If its lease ran out
     * (a long wait for Lucca) and another instance took the hire over, or an operator cancelled it, or the
     * recruiter moved the candidate out of hired, this attempt must stop here. A step of the transaction that takes
     * the call's slot in the Lucca budget: one commit for both, and no slot is taken for a call that must not be made
     * (the transaction is rolled back). The claim then holds until the renewed lease ends, counted from this one
     * clock read: once the commit is done, a call that could outlast it is not sent ({@link CallHeldBack}), since
     * another instance may take the hire over from then on and make the same person while this call is on its way. The
     * attempt then fails as any other does, and the hire is put off with its backoff (still this instance's to give
     * back: the claim has not ended).
     */
    public RateLimitStore.Precondition stillHolding(String hireId) {
        return connection -> {
            Instant claimEnds = clock.instant().plus(lease);
            if (Jdbc.update(connection, "UPDATE hire SET claimed_until = ? WHERE hire_id = ? AND claimed_by = ? AND "
                    + QUEUED, at(claimEnds), hireId, instanceId) == 0) {
                throw notHeld(hireId, Jdbc.query(connection, STATUS, row -> HireStatus.valueOf(row.getString(1)),
                        hireId));
            }
            return longestCall -> {
                if (clock.instant().plus(longestCall).plus(JournalClock.DISAGREEMENT).isAfter(claimEnds)) {
                    throw new CallHeldBack("the next Lucca call of hire " + hireId);
                }
            };
        };
    }

    /** Gives back one hire this instance holds but could not finish, so that it is due again at once. */
    public void releaseClaim(String hireId) {
        jdbc.update("release a claim", "UPDATE hire SET claimed_until = NULL, claimed_by = NULL WHERE hire_id = ? "
                + "AND claimed_by = ?", hireId, instanceId);
    }

    /**
     * Gives back a hire whose attempt stopped for no fault of its own (its tenant's configuration changed under it) as
     * it was before this instance claimed it: due as it was, this attempt not counted, and why in its history.
     *
     * @param createUnsent  this attempt's create was recorded ({@link #markCreateAttempted}) but never sent
     * @param earlierCreate what an earlier attempt sent, put back in its place; null when none did
     * @return as {@link #giveBackStopped}, when a cancel or a move out came during the attempt
     */
    public Optional<String> handBack(String hireId, EventDetail why, boolean createUnsent, String earlierCreate) {
        String create = createUnsent ? forgetUnsentCreate(earlierCreate) : "";
        Object[] parameters = createUnsent && earlierCreate != null ? new Object[] {earlierCreate, hireId, instanceId}
                : new Object[] {hireId, instanceId};
        // attempts never below none: a move back into hired during the attempt set them to none
        if (change(hireId, "UPDATE hire SET claimed_until = NULL, claimed_by = NULL, attempts = GREATEST(attempts - 1, 0)"
                + create + " WHERE hire_id = ? AND claimed_by = ? AND " + QUEUED, parameters, why)) {
            LOG.info("hire {}: {}", hireId, why.error());
        } else if (createUnsent) {
            // cancelled or withdrawn meanwhile, its create still unsent: stopped like any other
            return giveBackStopped(hireId, earlierCreate);
        } else {
            // cancelled or withdrawn meanwhile: only the claim is left to give back
            releaseClaim(hireId);
        }
        return Optional.empty();
    }

    /**
     * Gives back a hire an operator cancelled, or the recruiter moved out of hired, while this attempt's create,
     * recorded ({@link #markCreateAttempted}), waited for its turn in Lucca's rate limit: the stop came before it
     * was sent. The cancel or the move out took it for a create whose answer was unknown, as the journal cannot tell a
     * recorded create from a sent one; it is forgotten here as {@link #handBack} forgets it. With no earlier create
     * sent, nothing can be in Lucca: the hire waits for no person, its history says why, and its outcome is written
     * back again ("not created" rather than "perhaps created").
     *
     * @param earlierCreate what an earlier attempt sent, put back in its place (its answer is still unknown, and a
     *                      person still looks for the account); null when none did
     * @return the "needs a decision" mark taken back ({@link #MOVED_OUT_CREATE_UNKNOWN} or
     *         {@link #CANCELLED_CREATE_UNKNOWN}), so that whoever was told of it can be told it is gone; empty if none
     */
    public Optional<String> giveBackStopped(String hireId, String earlierCreate) {
        return forgetCreateNeverSent(hireId, earlierCreate, true);
    }

    /**
     * Forgets this attempt's create, recorded ({@link #markCreateAttempted}) then held back ({@link CallHeldBack}): Lucca
     * never saw it. As {@link #giveBackStopped} forgets it, a stop's mark included, but the claim is kept for the
     * attempt's outcome ({@link #retryLater}, {@link #markDead}): otherwise the next attempt, a cancel, a move out and
     * the outcome written back would all take it for a create whose answer was lost ("perhaps created").
     *
     * @return as {@link #giveBackStopped}
     */
    public Optional<String> forgetHeldBackCreate(String hireId, String earlierCreate) {
        return forgetCreateNeverSent(hireId, earlierCreate, false);
    }

    private Optional<String> forgetCreateNeverSent(String hireId, String earlierCreate, boolean giveBack) {
        Instant now = clock.instant();
        Optional<String> takenBack = jdbc.inTransaction("forget a create the stop came before", connection -> {
            Optional<String> mark = Optional.empty();
            if (earlierCreate == null) {
                for (String undecided : List.of(MOVED_OUT_CREATE_UNKNOWN, CANCELLED_CREATE_UNKNOWN)) {
                    if (Jdbc.update(connection, "UPDATE hire SET decision_needed = NULL, decision_needed_at = NULL, "
                            + "updated_at = ? WHERE hire_id = ? AND claimed_by = ? AND lucca_user_id IS NULL AND "
                            + "decision_needed = ?", at(now), hireId, instanceId, undecided) == 1) {
                        mark = Optional.of(undecided);
                        break;
                    }
                }
            }
            String forget = forgetUnsentCreate(earlierCreate);
            Jdbc.update(connection, "UPDATE hire SET " + (giveBack ? "claimed_until = NULL, claimed_by = NULL" + forget
                    : forget.substring(", ".length())) + " WHERE hire_id = ? AND claimed_by = ?", earlierCreate == null
                    ? new Object[] {hireId, instanceId} : new Object[] {earlierCreate, hireId, instanceId});
            if (mark.isPresent()) {
                event(connection, hireId, null, null, "its create was stopped before it was sent: nothing was made "
                        + "in Lucca, no person need look for the account");
                outcomeToWriteBack(connection, hireId);
            }
            return mark;
        });
        if (takenBack.isPresent()) {
            LOG.info("hire {} stopped before its create was sent: nothing to look for in Lucca", hireId);
        }
        return takenBack;
    }

    /**
     * What forgets a create recorded before it was sent, and never sent: with no earlier create, the Lucca it was
     * recorded for goes too, unless the user it belongs to is known; otherwise the earlier create (a parameter) is put
     * back as what was sent.
     */
    private static String forgetUnsentCreate(String earlierCreate) {
        return earlierCreate == null ? ", create_attempted_at = NULL, lucca_request = NULL, "
                + "lucca_instance = CASE WHEN lucca_user_id IS NULL THEN NULL ELSE lucca_instance END"
                : ", lucca_request = ?";
    }

    /** At the start of the only process using an embedded journal, every claim is stale. */
    public void releaseClaims() {
        jdbc.update("release claims", "UPDATE hire SET claimed_until = NULL, claimed_by = NULL "
                + "WHERE claimed_until IS NOT NULL");
    }

    /**
     * Logins starting with {@code base} that this connector has given, or is giving, to other hires of the
     * tenant: logins are unique within one customer's Lucca, not across customers.
     */
    public List<String> loginsReservedByOthers(String tenant, String hireId, String base) {
        return jdbc.query("read the reserved logins", "SELECT login FROM tenant_login_reservation WHERE tenant = ? AND "
                + "login LIKE ? AND hire_id <> ?", row -> row.getString(1), tenant,
                base.replace("%", "").replace("_", "") + "%", hireId);
    }

    /** True when the login is now this hire's (or already was); false when another hire of the tenant holds it. */
    public boolean reserveLogin(String tenant, String hireId, String login) {
        // Read first rather than let the unique key refuse the insert: PostgreSQL's log writes a refused key's
        // values, and a login is made of the person's names. Only two instances racing for one login reach the catch.
        List<String> holders = jdbc.query("read a login reservation", "SELECT hire_id FROM tenant_login_reservation "
                + "WHERE tenant = ? AND login = ?", row -> row.getString(1), tenant, login);
        if (!holders.isEmpty()) {
            return holders.contains(hireId);
        }
        try {
            jdbc.update("reserve the login", "INSERT INTO tenant_login_reservation (tenant, login, hire_id, reserved_at) "
                    + "VALUES (?, ?, ?, ?)", tenant, login, hireId, at(clock.instant()));
            return true;
        } catch (JournalUnavailable e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.DUPLICATE_KEY.equals(sql.getSQLState())) {
                return jdbc.query("read a login reservation", "SELECT hire_id FROM tenant_login_reservation WHERE "
                        + "tenant = ? AND login = ?", row -> row.getString(1), tenant, login).contains(hireId);
            }
            throw e;
        }
    }

    /**
     * Makes the login this hire's, whichever hire of the tenant held it. Under {@code LUCCA_LOGIN_RULE=email} the login
     * is the hire's address, and the hire holds that address ({@link AddressReservations}): another hire that reserved
     * it, a hire of the same address, is not making an account with it.
     */
    public void takeOverLogin(String tenant, String hireId, String login) {
        if (!reserveLogin(tenant, hireId, login)) {
            jdbc.update("take over a login", "UPDATE tenant_login_reservation SET hire_id = ?, reserved_at = ? WHERE "
                    + "tenant = ? AND login = ?", hireId, at(clock.instant()), tenant, login);
            LOG.info("hire {} of tenant {} took over the login another hire of its address had reserved", hireId,
                    tenant);
        }
    }

    /** A stopping instance takes no new hire; the ones in progress go on. */
    public void stopClaiming() {
        claiming = false;
    }

    /**
     * Once its deliveries are over, a stopping instance gives back what it still holds, so that another
     * instance delivers it at once instead of waiting for the lease to run out: each hire no create of which can be
     * on its way to Lucca. A delivery the stop's timeout cut short still runs, and so does the Lucca call it was
     * making: given back, the hire would be looked up by another instance before that call landed, and the person
     * made twice (a user, a returning employee's contract, a new user's contract). A user's create and a returning
     * employee's contract are recorded before they are sent ({@link #markCreateAttempted}); a new user's contract is
     * not, but comes after its user is recorded ({@link #recordLuccaUser}): a hire with either stays claimed until its
     * lease ends, as after a crash. One with neither has made only look-ups, harmless to make again, and once given
     * back its next call is refused ({@link #stillHolding}).
     */
    public int releaseOwnClaims() {
        int released = jdbc.update("release this instance's claims", "UPDATE hire SET claimed_until = NULL, "
                + "claimed_by = NULL WHERE claimed_by = ? AND create_attempted_at IS NULL AND lucca_user_id IS NULL",
                instanceId);
        if (released > 0) {
            LOG.info("released {} hire(s) this instance was delivering", released);
        }
        return released;
    }

    /**
     * Records the create this instance is about to send for the hire it holds. Its lease may have run out since its
     * last call (a read of Lucca's people renews no claim): the create of another instance that took the hire over, or
     * of one that delivered it, is then left as it is, and this attempt stops before it sends its own.
     *
     * @param luccaInstance the Lucca the create is sent to ({@code LuccaConnection.instance})
     * @throws ClaimLost   when another instance holds the hire, or it is no longer queued (delivered, dead)
     * @throws HireStopped when it was cancelled or withdrawn during the attempt
     */
    public void markCreateAttempted(String hireId, String luccaRequest, String luccaInstance) {
        if (jdbc.update("record the create request", "UPDATE hire SET create_attempted_at = ?, lucca_request = ?, "
                + "lucca_instance = ?, updated_at = ? WHERE hire_id = ? AND claimed_by = ? AND " + QUEUED,
                at(clock.instant()), luccaRequest, luccaInstance, at(clock.instant()), hireId, instanceId) == 0) {
            throw notHeld(hireId, jdbc.query("read a hire's status", STATUS,
                    row -> HireStatus.valueOf(row.getString(1)), hireId));
        }
    }

    /** Why this instance no longer holds a hire it was delivering, given the hire's status (none: it is gone). */
    private static RuntimeException notHeld(String hireId, List<HireStatus> status) {
        HireStatus now = status.stream().findFirst().orElse(null);
        // rejected: withdrawn during the attempt, then shown back in hired with data it cannot be sent with
        return now == HireStatus.CANCELLED || now == HireStatus.WITHDRAWN || now == HireStatus.REJECTED
                ? new HireStopped(hireId, now) : ClaimLost.delivery(hireId);
    }

    /**
     * Lucca refused the create this instance sent for the hire it holds: nothing was made, as {@link #retryLater} and
     * {@link #markDead} record it for a refusal that ends the attempt, here for one the attempt goes on from.
     */
    public void markCreateRefused(String hireId) {
        jdbc.update("record the create's refusal", "UPDATE hire SET create_attempted_at = NULL, updated_at = ? WHERE "
                + "hire_id = ? AND claimed_by = ?", at(clock.instant()), hireId, instanceId);
    }

    /**
     * Lucca answered, and made nothing ({@link #createRefused}: refused, the key refused, the rate limit), the create
     * this instance sent for a hire an operator cancelled, or the recruiter moved out of hired, while it was on its
     * way: the stop took it for a create whose answer was unknown, and marked the hire for a person to look the account
     * up. Now known, as {@link #giveBackStopped} does for a create never sent: the mark is taken back, the history says
     * what Lucca answered, and the outcome is written back again ("not created" rather than "perhaps created"). A hire
     * still queued is left to {@link #markCreateRefused}, {@link #retryLater} and {@link #markDead}; one whose user is
     * known keeps its mark.
     *
     * @return the mark taken back ({@link #MOVED_OUT_CREATE_UNKNOWN} or {@link #CANCELLED_CREATE_UNKNOWN}), so that
     *         whoever was told of it can be told it is gone; empty if none
     */
    public Optional<String> createAnsweredAfterStop(String hireId, EventDetail answer) {
        if (!createRefused(answer)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<String> takenBack = jdbc.inTransaction("forget a create Lucca answered after a stop", connection -> {
            for (String undecided : List.of(MOVED_OUT_CREATE_UNKNOWN, CANCELLED_CREATE_UNKNOWN)) {
                // still claimed by this instance: the stop came during this attempt, whose create Lucca answered
                if (Jdbc.update(connection, "UPDATE hire SET decision_needed = NULL, decision_needed_at = NULL, "
                        + "create_attempted_at = NULL, updated_at = ? WHERE hire_id = ? AND claimed_by = ? AND status IN "
                        + "('CANCELLED', 'WITHDRAWN') AND lucca_user_id IS NULL AND decision_needed = ?", at(now),
                        hireId, instanceId, undecided) == 1) {
                    event(connection, hireId, answer.call(), answer.status(), detail(new EventDetail(answer.call(),
                            answer.status(), answer.body(), "Lucca answered " + answer.status() + " to its create, "
                            + "sent before the stop: nothing was made in Lucca, no person need look for the account")));
                    outcomeToWriteBack(connection, hireId);
                    return Optional.of(undecided);
                }
            }
            return Optional.<String>empty();
        });
        if (takenBack.isPresent()) {
            LOG.info("hire {}: Lucca made nothing of the create the stop came after: nothing to look for in Lucca",
                    hireId);
        }
        return takenBack;
    }

    /** @param luccaInstance the Lucca the user was made in ({@code LuccaConnection.instance}) */
    public void recordLuccaUser(String hireId, long luccaUserId, String luccaInstance) {
        change(hireId, "UPDATE hire SET lucca_user_id = ?, lucca_instance = ?, " + DECIDE_IF_STOPPED + ", updated_at = ? "
                + "WHERE hire_id = ?", new Object[] {luccaUserId, luccaInstance, MOVED_OUT_AFTER_LUCCA,
                    at(clock.instant()), hireId},
                new EventDetail("create-user", 200, null, "user " + luccaUserId + " created in Lucca"), true);
        LOG.info("hire {} user created in Lucca as {}", hireId, luccaUserId);
    }

    /**
     * The user is in Lucca with its contract. Recorded even if an operator cancelled the hire during the attempt
     * that created the user: the journal says what Lucca holds.
     */
    public void markDelivered(String hireId, long luccaUserId, List<String> warnings) {
        finish(hireId, HireStatus.DELIVERED, luccaUserId, warnings, "");
    }

    /** Someone with this e-mail is in Lucca; nothing was written there. False when the hire was cancelled meanwhile. */
    public boolean markAlreadyInLucca(String hireId, long luccaUserId, List<String> warnings) {
        return finish(hireId, HireStatus.ALREADY_IN_LUCCA, luccaUserId, warnings, " AND " + QUEUED);
    }

    /** The Lucca requests were recorded, not sent. False when the hire was cancelled meanwhile: the cancel wins. */
    public boolean markDryRun(String hireId, String luccaRequest, List<String> warnings) {
        boolean recorded = change(hireId, "UPDATE hire SET status = 'DRY_RUN', lucca_request = ?, warnings = ?, "
                + "claimed_until = NULL, claimed_by = NULL, updated_at = ? WHERE hire_id = ? AND " + QUEUED,
                new Object[] {luccaRequest, joined(warnings), at(clock.instant()), hireId},
                new EventDetail(null, null, null, "the Lucca requests were recorded, not sent"));
        if (recorded) {
            LOG.info("hire {} {}: the Lucca requests were recorded, not sent", hireId, HireStatus.DRY_RUN.label());
        } else {
            releaseClaim(hireId);
        }
        return recorded;
    }

    /**
     * The attempt this instance made failed for a passing reason: the hire waits until {@code nextAttempt}. False
     * when an operator cancelled it meanwhile (the cancel wins, and the hire is only given back) or another instance
     * took it over (its attempt is the one that counts now).
     */
    public boolean retryLater(String hireId, Instant nextAttempt, EventDetail failure) {
        boolean retrying = change(hireId, "UPDATE hire SET status = 'RETRYING', next_attempt_at = ?, claimed_until = NULL, "
                + "claimed_by = NULL, last_lucca_status = ?, last_lucca_body = ?, last_error = ?, updated_at = ?, "
                + CREATE_ANSWERED + " WHERE hire_id = ? AND claimed_by = ? AND " + QUEUED, new Object[] {at(nextAttempt),
                failure.status(), failure.body(), failure.error(), at(clock.instant()), createRefused(failure), hireId,
                instanceId}, failure);
        if (retrying) {
            LOG.info("hire {} {} at {}: {}", hireId, HireStatus.RETRYING.label(), nextAttempt, failure.error());
        } else {
            releaseClaim(hireId);
        }
        return retrying;
    }

    /** The hire will not reach Lucca by itself; false when it was cancelled or taken over meanwhile. */
    public boolean markDead(String hireId, EventDetail failure) {
        boolean dead = change(hireId, "UPDATE hire SET status = 'DEAD', next_attempt_at = NULL, claimed_until = NULL, "
                + "claimed_by = NULL, last_lucca_status = ?, last_lucca_body = ?, last_error = ?, updated_at = ?, "
                + CREATE_ANSWERED + " WHERE hire_id = ? AND claimed_by = ? AND " + QUEUED, new Object[] {failure.status(),
                failure.body(), failure.error(), at(clock.instant()), createRefused(failure), hireId, instanceId}, failure);
        if (dead) {
            LOG.warn("hire {} {}: {}", hireId, HireStatus.DEAD.label(), failure.error());
        } else {
            releaseClaim(hireId);
        }
        return dead;
    }

    /**
     * An operator sends a finished hire through delivery again, with the current configuration. A hire that
     * was already in Lucca forgets that user, so the lookup is made afresh; one whose user was created keeps
     * it, so only what failed after the create is done again. A user or a create made in another Lucca than its
     * tenant's of now is forgotten too: kept, it would only make the hire die again ({@code HireNeedsAPerson}); the
     * operator who replays it asks for it to be made in this one.
     *
     * @param luccaNow the Lucca the hire's tenant has now ({@code LuccaConnection.instance}); null when the tenant is
     *                 not in force (what was made is kept, for the attempt to check once the tenant is back)
     */
    public boolean replay(String hireId, String payload, String luccaNow) {
        return replay(hireId, payload, luccaNow, null, null, null, null);
    }

    /**
     * The replay ({@link #replay(String, String, String)}) of a hire another Flatchr company sent to its tenant's URL
     * ({@link #OTHER_COMPANYS}), now that the tenant names that company (its company ids were wrong): it becomes the
     * tenant's own hire, keyed as its webhook is today ({@link #recordIntake}'s keys, in the same transaction), so that
     * its outcome is written back, a webhook of it is its duplicate, and a move out of hired or a search finds it. A
     * hire without the mark keeps its keys. Nothing changes when another hire of the tenant holds one of them already
     * (the application's webhook came once the company ids were corrected, or a search found it): that one is the
     * application's hire, and this one would be its second ({@link HeldByAnotherHire}).
     *
     * @param tenant the hire's tenant, as the caller read it with the hire (a hire never moves from one tenant to
     *               another); keys of another tenant's are never given to it
     * @throws HeldByAnotherHire naming the hire that holds the key
     */
    public boolean replayAsTenantsOwn(String hireId, String tenant, String payload, String luccaNow, String hireKey,
                                      String plainHireKey, String sameApplication) {
        try {
            return replay(hireId, payload, luccaNow, tenant, hireKey, plainHireKey, sameApplication);
        } catch (JournalUnavailable e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            throw new HeldByAnotherHire(jdbc.query("read a recorded hire", hireOfApplication("hire_id",
                    " AND hire_id <> ?"), row -> row.getString(1), ofTenant(tenant, hireKey), hireId,
                    ApplicationKey.of(tenant, sameApplication), hireId).stream().findFirst().orElseThrow(() -> e));
        }
    }

    /**
     * @param hireKey the key the hire takes in {@code tenant} if it is another company's ({@link #ownKeys}); null: it
     *                keeps its own
     */
    private boolean replay(String hireId, String payload, String luccaNow, String tenant, String hireKey,
                           String plainHireKey, String sameApplication) {
        Instant now = clock.instant();
        // The Lucca of now as the hire kept it, when it kept it in another spelling (before keys were written one
        // way, LuccaKey): that user was made in this Lucca, and is kept. Whatever an attempt writes meanwhile is
        // written as luccaNow, which the update compares too.
        String kept = luccaNow == null ? null : jdbc.query("read the Lucca of a hire", "SELECT lucca_instance FROM hire "
                + "WHERE hire_id = ? AND lucca_instance IS NOT NULL", row -> row.getString(1), hireId).stream()
                .filter(instance -> LuccaKey.same(instance, luccaNow)).findFirst().orElse(luccaNow);
        boolean replayed = jdbc.inTransaction("replay a hire", connection -> {
            // A person was to look for the account a lost create may have made (a stop came meanwhile), in a Lucca the
            // tenant has left: the create is forgotten below, and an attempt that makes or finds the person in this
            // Lucca would settle that look-up (SETTLE_UNKNOWN_CREATE), which it never made. The mark stays, saying where.
            boolean lookUpElsewhere = Jdbc.update(connection, "UPDATE hire SET decision_needed = ? WHERE hire_id = ? "
                    + "AND decision_needed IN (?, ?) AND " + CREATE_UNKNOWN + " AND " + MADE_ELSEWHERE,
                    CREATE_UNKNOWN_IN_EARLIER_LUCCA, hireId, MOVED_OUT_CREATE_UNKNOWN, CANCELLED_CREATE_UNKNOWN, luccaNow,
                    kept) == 1;
            // Stopped (withdrawn, cancelled) after its Lucca account was made, the hire waited for a person to decide
            // what becomes of that account: the operator who replays it has decided, to go on with it (the candidate is
            // hired after all). Kept, the mark would outlive the delivery, and the line written back to Flatchr would
            // still say HR decides. Read before the replay sets the status, each mark with the stop that set it: a dead
            // hire moved out once its account was made keeps its mark (the operator replays it for the call that
            // failed, and the candidate is still out of hired). Only of an account made in the tenant's Lucca of now: one
            // in a Lucca its tenant has left (forgotten below), or whose Lucca is unknown (a replay of a tenant not in
            // force, luccaNow null; a hire from before V15), is still a person's to decide about. A stop during this
            // delivery marks it again; should the replay not be made, the transaction is rolled back, the mark with it.
            boolean decidedByReplay = Jdbc.update(connection, "UPDATE hire SET decision_needed = NULL, "
                    + "decision_needed_at = NULL WHERE hire_id = ? AND lucca_user_id IS NOT NULL AND lucca_instance IN "
                    + "(?, ?) AND (status = 'WITHDRAWN' AND decision_needed = ? OR status = "
                    + "'CANCELLED' AND decision_needed IN (?, ?))", hireId, luccaNow, kept, MOVED_OUT_AFTER_LUCCA,
                    CANCELLED_AFTER_LUCCA, CANCELLED_WITH_ACCOUNT) == 1;
            // Unclaimed only: a hire cancelled during an attempt is replayed once that attempt has stopped, never while
            // it still runs next to the new one. Not held: an operator asks for it now.
            if (Jdbc.update(connection, "UPDATE hire SET status = 'RECEIVED', payload = ?, attempts = 0, "
                    + "queued_at = ?, seen_in_hired_at = NULL, next_attempt_at = ?, held_until = NULL, "
                    + "claimed_until = NULL, claimed_by = NULL, last_error = NULL, updated_at = ?, "
                    + "lucca_user_id = CASE WHEN status = 'ALREADY_IN_LUCCA' OR " + MADE_ELSEWHERE + " THEN NULL ELSE "
                    + "lucca_user_id END, create_attempted_at = CASE WHEN " + MADE_ELSEWHERE + " THEN NULL ELSE "
                    + "create_attempted_at END, lucca_instance = CASE WHEN " + MADE_ELSEWHERE + " THEN NULL ELSE "
                    + "lucca_instance END "
                    + "WHERE hire_id = ? AND status IN ('DEAD', 'REJECTED', 'ALREADY_IN_LUCCA', 'DRY_RUN', 'CANCELLED', "
                    + "'WITHDRAWN') AND "
                    // erased meanwhile: the payload the caller read would be put back, and never erased again
                    + "erased_at IS NULL AND " + UNCLAIMED, payload, at(now), at(now), at(now), luccaNow, kept,
                    luccaNow, kept, luccaNow, kept, hireId, at(now)) == 0) {
                connection.rollback();
                return false;
            }
            // The unique keys decide (dedupe_key, match_key): another hire holding one fails this statement, and the
            // whole replay is rolled back, nothing changed.
            boolean madeOwn = hireKey != null && ownKeys(connection, hireId, tenant, hireKey, plainHireKey,
                    sameApplication);
            event(connection, hireId, null, null, "replayed by an operator");
            if (madeOwn) {
                event(connection, hireId, null, null, "its Flatchr company is now one of its tenant's: it is the "
                        + "tenant's own hire, known by the keys its webhook gets today");
            }
            if (decidedByReplay) {
                event(connection, hireId, null, null, "its Lucca account is kept and its delivery goes on: the "
                        + "decision its stop asked for is the operator's replay");
            }
            if (lookUpElsewhere) {
                event(connection, hireId, null, null, "its create in the Lucca its tenant had before got no answer: "
                        + "the account may exist there, which no attempt in this Lucca looks for; the mark stays until "
                        + "a person has looked");
            }
            return true;
        });
        if (replayed) {
            LOG.info("hire {} replayed by an operator", hireId);
        }
        return replayed;
    }

    /**
     * A hire of another company ({@link #OTHER_COMPANYS}) takes the keys of the tenant's own hire: its key, the key by
     * Flatchr's plain id beside it, and the e-mail-and-vacancy key, built as {@link #record} builds them. False for a
     * hire without the mark (its keys stay).
     */
    private static boolean ownKeys(Connection connection, String hireId, String tenant, String hireKey,
                                   String plainHireKey, String sameApplication) throws SQLException {
        return Jdbc.update(connection, "UPDATE hire SET dedupe_key = ?, plain_dedupe_key = ?, match_key = ? WHERE "
                + "hire_id = ? AND tenant = ? AND " + OTHER_COMPANYS, ofTenant(tenant, hireKey),
                ofTenant(tenant, plainHireKey), ApplicationKey.of(tenant, sameApplication), hireId, tenant) == 1;
    }

    /**
     * An operator stops a queued hire, waiting or being delivered: the cancel wins over any retry, a dry-run and an
     * "already in Lucca". An attempt in progress stops before its next Lucca call ({@link #stillHolding}), so no user
     * is created after the cancel. One whose create Lucca had already received when the cancel came keeps that
     * user, and a "needs a decision" mark (an account made for a hire stopped is a person's to decide about): the hire
     * is delivered when its last call was on its way, and stays cancelled, with the user's id, when its contract was
     * still to be set. An operator also closes a dead or rejected hire that will not be
     * replayed (HR made the person by hand, or its data is erased and a replay is refused): it no longer counts among
     * the hires waiting for a person, and stays replayable while its data is kept.
     */
    public boolean cancel(String hireId) {
        return cancel(hireId, Optional.empty());
    }

    /**
     * As {@link #cancel(String)}, of a hire a search held as the namesake of a webhook's hire ({@code sameCandidateAs})
     * under another e-mail: cancelled, it is that hire's candidate, whose e-mail was corrected in Flatchr. That hire,
     * whose webhook's ids cannot be compared with Flatchr's API's, is then known by this one's Flatchr id too, unless
     * a search already named its own: a later move out of hired that only a search sees is applied to it, and its
     * write-back finds the candidate by that id rather than by the e-mail Flatchr no longer has.
     */
    public boolean cancel(String hireId, Optional<String> sameCandidateAs) {
        Instant now = clock.instant();
        String cancel = "UPDATE hire SET status = 'CANCELLED', next_attempt_at = NULL, updated_at = ?";
        boolean cancelled = jdbc.inTransaction("cancel a hire", connection -> {
            if (Jdbc.update(connection, cancel + " WHERE hire_id = ? AND " + CANCELLABLE + " AND create_attempted_at IS "
                    + "NULL AND lucca_user_id IS NULL", at(now), hireId) == 1) {
                event(connection, hireId, null, null, "cancelled by an operator");
            } else if (Jdbc.update(connection, cancel + ", decision_needed = COALESCE(decision_needed, ?), "
                    + "decision_needed_at = COALESCE(decision_needed_at, ?) WHERE hire_id = ? AND " + CANCELLABLE
                    + " AND lucca_user_id IS NOT NULL", at(now), CANCELLED_WITH_ACCOUNT, at(now), hireId) == 1) {
                // its contract still to be set: the account stays in Lucca, which a person decides about, as after a
                // move out of hired (and as the candidate's line in Flatchr says)
                event(connection, hireId, null, null, "cancelled by an operator after its Lucca account was made: a "
                        + "person decides what becomes of it");
            } else if (Jdbc.update(connection, cancel + ", decision_needed = COALESCE(decision_needed, ?), "
                    + "decision_needed_at = COALESCE(decision_needed_at, ?) WHERE hire_id = ? AND " + CANCELLABLE + " AND "
                    + CREATE_UNKNOWN, at(now), CANCELLED_CREATE_UNKNOWN, at(now), hireId) == 1) {
                event(connection, hireId, null, null, "cancelled by an operator while Lucca's answer to its create was "
                        + "unknown: the account may exist, a person checks");
            } else {
                return false;
            }
            outcomeToWriteBack(connection, hireId);
            if (sameCandidateAs.isPresent() && Jdbc.update(connection, "UPDATE hire SET flatchr_applicant = (SELECT "
                    + "held.flatchr_applicant FROM hire held WHERE held.hire_id = ?) WHERE hire_id = ? AND "
                    + "flatchr_applicant IS NULL AND tenant = (SELECT held.tenant FROM hire held WHERE held.hire_id = ? "
                    + "AND held.flatchr_applicant IS NOT NULL)", hireId, sameCandidateAs.get(), hireId) == 1) {
                event(connection, sameCandidateAs.get(), null, null, "known by Flatchr's id of the application of hire "
                        + hireId + ", cancelled by an operator as this hire's candidate under a corrected e-mail");
            }
            return true;
        });
        if (cancelled) {
            LOG.info("hire {} {} by an operator", hireId, HireStatus.CANCELLED.label());
        }
        return cancelled;
    }

    /**
     * Flatchr says a candidate was moved out of hired (a drag into a column that does not trigger). Each of the
     * tenant's hires of that application that has not reached Lucca is withdrawn: nothing more is sent, an attempt in
     * progress stops before its next call ({@link #stillHolding}), and an operator may replay it. One whose person is
     * in Lucca is left as it is there, and waits for a person's decision; so does one whose create was sent without
     * an answer (it is withdrawn too: the person may be in Lucca). What the move meant to each hire, oldest first;
     * none when the journal holds no hire of this application: the move concerns a candidate who was never hired.
     * A hire whose candidate is out of hired already (the move sent again, a drag on between columns that do not
     * trigger) is only noted in its history, until a webhook shows it back in hired. Each change is conditional, so a delivery recording its user at the same moment is never overwritten:
     * whichever comes second sees the other.
     *
     * @param hireKey         the hire within its tenant, as {@link #record} keeps it
     * @param plainHireKey    the same by Flatchr's plain id of the application, when the event names it by another as
     *                        well ({@link #recordIntake}), else null: a hire keyed by either id is the application's,
     *                        and so is one that kept the plain one beside a key by Flatchr's encoded id
     * @param sameApplication the candidate's e-mail and vacancy, or null when the event lacks either
     * @param how             who moved the candidate and where to, for the history: "by Marie Curie, to Refused"
     */
    public List<MoveOut> movedOutOfHired(String tenant, String hireKey, String plainHireKey, String sameApplication,
                                         String how) {
        return moveOut(tenant, hireKey, plainHireKey, sameApplication, null, how, clock.instant(), null, "");
    }

    /**
     * A search of Flatchr's API shows a candidate the journal holds as a hire archived or out of hired, changed at
     * {@code changedAt}: a move whose webhook never came, taken as {@link #movedOutOfHired} takes one. Only a move
     * after the hire was last known in hired (recorded, moved back into hired, replayed; for a hire a search
     * recorded, its answer, which came before the calls that completed the hire), and seen for the first time: the
     * searches overlap, and a move already known (from its webhook, or an earlier search) must not withdraw a
     * replayed hire or ask again for a decision a person took. And only to a hire the journal has learnt nothing of
     * since the answer was asked for ({@code askedAt}): the answer is minutes old when it is applied, and a webhook
     * meanwhile (the candidate moved back into hired, the move undone) is newer than what it shows. A hire is found
     * by Flatchr's API's id of the application too ({@code applicant}): a webhook's hire whose candidate's e-mail was
     * corrected in Flatchr since a search found it is known by that id only ({@link #applicationsFoundBySearch}); and
     * by e-mail and vacancy only while it has no id of another application (the candidate's other application on the
     * vacancy, archived after the hire, is not the hire's).
     */
    public List<MoveOut> movedOutSeenInFlatchr(String tenant, String hireKey, String sameApplication, String applicant,
                                               String how, Instant changedAt, Instant askedAt) {
        // Flatchr counts whole seconds: a hire recorded within the second of the change was hired before it
        return moveOut(tenant, hireKey, null, sameApplication, applicant, how, changedAt, askedAt, " AND moved_out_at "
                + "IS NULL AND COALESCE(seen_in_hired_at, queued_at) < ? AND " + LEARNT_NOTHING_SINCE,
                at(changedAt.plusSeconds(1)), at(askedAt));
    }

    /**
     * A hire the journal has learnt nothing of since the moment bound to it: what a search's answer asked for then
     * says of its candidate is not older than what the journal knows ({@code column_learnt_at}).
     */
    private static final String LEARNT_NOTHING_SINCE = "(column_learnt_at IS NULL OR column_learnt_at < ?)";

    /**
     * @param plainHireKey for a webhook's move, its hire key by Flatchr's plain id when it is not {@code hireKey}
     * @param applicant    Flatchr's API's id of the application, for a move a search's answer shows; null for a
     *                     webhook's, which names the application by its own ids (the hire keys)
     * @param askedAt      for a move a search's answer shows, when that answer was asked for; null for a webhook's,
     *                     which the journal learns now
     */
    private List<MoveOut> moveOut(String tenant, String hireKey, String plainHireKey, String sameApplication,
                                  String applicant, String how, Instant movedAt, Instant askedAt, String onlyIf,
                                  Object... onlyIfValues) {
        String dedupeKey = tenant + ":" + hireKey;
        String matchKey = ApplicationKey.of(tenant, sameApplication);
        Instant now = clock.instant();
        String moved = MOVED_OUT + " " + how;
        List<Object> values = new java.util.ArrayList<>(List.of(dedupeKey));
        values.addAll(List.of(onlyIfValues));
        values.add(matchKey == null ? "" : matchKey);
        if (applicant != null) {
            values.add(applicant);
        }
        values.addAll(List.of(onlyIfValues));
        if (applicant != null) {
            values.addAll(List.of(tenant, applicant));
        } else {
            // the webhook's: by its key from the plain id too, and as the plain id a hire kept beside its key
            String plainDedupeKey = plainHireKey == null ? dedupeKey : tenant + ":" + plainHireKey;
            values.add(plainDedupeKey);
            values.addAll(List.of(onlyIfValues));
            values.addAll(List.of(dedupeKey, plainDedupeKey));
        }
        values.addAll(List.of(onlyIfValues));
        return jdbc.inTransaction("record a move out of hired", connection -> {
            List<MoveOut> moveOuts = new java.util.ArrayList<>();
            // Each hire of the application, though there should be one: a webhook's and a search's of one candidate
            // whose e-mail changed between them are two, and a move out that stopped one would let the other reach
            // Lucca.
            for (String hireId : Jdbc.query(connection, hireMovedOut(onlyIf, applicant != null),
                    row -> row.getString(1), values.toArray())) {
                MoveOut moveOut = moveOut(connection, hireId, tenant, moved, movedAt, askedAt, now);
                if (moveOut == null) {
                    continue;
                }
                moveOuts.add(moveOut);
                // Its history now names the recruiter: a hire erased already is changed since, and erased again once
                // that change is RETENTION_DAYS old (erasePersonalData).
                Jdbc.update(connection, "UPDATE hire SET updated_at = ? WHERE hire_id = ? AND erased_at IS NOT NULL",
                        at(now), hireId);
            }
            return List.copyOf(moveOuts);
        });
    }

    /** What the move meant to the hire; null when a search's answer is older than what the journal learnt since. */
    private MoveOut moveOut(Connection connection, String hireId, String tenant, String moved, Instant movedAt,
                            Instant askedAt, Instant now) throws SQLException {
        // Once per move: the same move sent again (Flatchr may resend), or a later drag between two columns that do
        // not trigger, finds the candidate out of hired already, and must not ask again for a decision a person took.
        // A move back into hired clears the mark (queuedAgain, movedBackIn), so the next move out counts.
        String mark = "UPDATE hire SET moved_out_at = ?, column_learnt_at = ? WHERE hire_id = ? AND moved_out_at IS NULL";
        if (askedAt != null) {
            // a search's, checked again as it is marked: a webhook may have come since the hire was looked up
            if (Jdbc.update(connection, mark + " AND " + LEARNT_NOTHING_SINCE, at(movedAt), at(askedAt), hireId,
                    at(askedAt)) == 0) {
                return null;
            }
        } else if (Jdbc.update(connection, mark, at(movedAt), at(now), hireId) == 0) {
            // known already, and told again now: a search's answer asked for before says nothing newer
            Jdbc.update(connection, "UPDATE hire SET column_learnt_at = ? WHERE hire_id = ?", at(now), hireId);
            event(connection, hireId, null, null, moved + ": already moved out, nothing changes");
            LOG.info("hire {} of tenant {} moved out of hired in Flatchr: already moved out", hireId, tenant);
            return new MoveOut(hireId, MoveOut.Outcome.ALREADY_MOVED_OUT);
        }
        MoveOut.Outcome outcome;
        String decision = null;
        String withdraw = "UPDATE hire SET status = 'WITHDRAWN', next_attempt_at = NULL, updated_at = ?";
        String notStopped = " AND status NOT IN ('CANCELLED', 'WITHDRAWN')";
        // A rejected hire stays rejected: nothing of it was to reach Lucca, and what it lacked stays to be read (moved
        // back into hired, it is sent again as it is then, by its webhook)
        if (Jdbc.update(connection, withdraw + " WHERE hire_id = ? AND lucca_user_id IS NULL AND create_attempted_at "
                + "IS NULL AND status <> 'REJECTED'" + notStopped, at(now), hireId) == 1) {
            outcome = MoveOut.Outcome.WITHDRAWN;
            event(connection, hireId, null, null, moved + ": withdrawn, nothing more is sent to Lucca");
            outcomeToWriteBack(connection, hireId);
        } else if (Jdbc.update(connection, withdraw + ", decision_needed = ?, decision_needed_at = ? WHERE hire_id = ? "
                + "AND " + CREATE_UNKNOWN + notStopped, at(now), MOVED_OUT_CREATE_UNKNOWN, at(now), hireId) == 1) {
            outcome = MoveOut.Outcome.NEEDS_DECISION;
            decision = MOVED_OUT_CREATE_UNKNOWN;
            event(connection, hireId, null, null, moved + " while Lucca's answer to its create was unknown: "
                    + "withdrawn, nothing more is sent to Lucca; the account may exist, a person checks");
            outcomeToWriteBack(connection, hireId);
        } else if (Jdbc.update(connection, withdraw + ", decision_needed = ?, decision_needed_at = ? WHERE hire_id = ? "
                + "AND lucca_user_id IS NOT NULL AND " + QUEUED, at(now), MOVED_OUT_AFTER_LUCCA, at(now), hireId) == 1) {
            // made, its work contract still to come (its call failed, and waits for its retry): no contract is
            // sent for a candidate no longer hired, as none is after the account was made
            outcome = MoveOut.Outcome.NEEDS_DECISION;
            decision = MOVED_OUT_AFTER_LUCCA;
            event(connection, hireId, null, null, moved + " after the Lucca account was made, before the rest of "
                    + "its delivery: withdrawn, nothing more is sent to Lucca; a person decides");
            outcomeToWriteBack(connection, hireId);
        } else if (Jdbc.update(connection, "UPDATE hire SET decision_needed = ?, decision_needed_at = ?, updated_at = ? "
                + "WHERE hire_id = ? AND lucca_user_id IS NOT NULL AND status = 'DELIVERED' AND " + A_WARNING_BEGINS,
                MOVED_OUT_AFTER_REHIRE, at(now), at(now), hireId, REHIRE_WARNING, "\n" + REHIRE_WARNING) == 1) {
            outcome = MoveOut.Outcome.NEEDS_DECISION;
            decision = MOVED_OUT_AFTER_REHIRE;
            event(connection, hireId, null, null, moved + " after the rehire's new contract was made: nothing was "
                    + "changed in Lucca, a person decides");
        } else if (Jdbc.update(connection, "UPDATE hire SET decision_needed = ?, decision_needed_at = ?, "
                + "updated_at = ? WHERE hire_id = ? AND lucca_user_id IS NOT NULL AND status <> 'ALREADY_IN_LUCCA'",
                MOVED_OUT_AFTER_LUCCA, at(now), at(now), hireId) == 1) {
            // found in Lucca already (someone else made the account): the connector made nothing to undo
            outcome = MoveOut.Outcome.NEEDS_DECISION;
            decision = MOVED_OUT_AFTER_LUCCA;
            event(connection, hireId, null, null, moved + " after the Lucca account was made: nothing was changed "
                    + "in Lucca, a person decides");
        } else if (Jdbc.update(connection, "UPDATE hire SET decision_needed = ?, decision_needed_at = ?, updated_at = ? "
                + "WHERE hire_id = ? AND status = 'ALREADY_IN_LUCCA' AND (decision_needed IS NULL OR decision_needed = ?) "
                + "AND " + HR_ASKED, MOVED_OUT_AFTER_HR_ASKED, at(now), at(now), hireId, MOVED_OUT_AFTER_HR_ASKED,
                HR_ASKED_VALUES[0], HR_ASKED_VALUES[1], HR_ASKED_VALUES[2], HR_ASKED_VALUES[3]) == 1) {
            // marked so already (moved back into hired, then out again before anyone decided): asked again
            // nothing was written in Lucca, but HR was asked to write the contract: whether they did is theirs to say
            outcome = MoveOut.Outcome.NEEDS_DECISION;
            decision = MOVED_OUT_AFTER_HR_ASKED;
            event(connection, hireId, null, null, moved + " after HR was asked to give the new contract by hand: "
                    + "nothing was changed in Lucca by the connector, a person decides");
        } else {
            outcome = MoveOut.Outcome.ALREADY_STOPPED;
            event(connection, hireId, null, null, moved);
        }
        LOG.info("hire {} of tenant {} moved out of hired in Flatchr: {}", hireId, tenant,
                outcome.name().toLowerCase(Locale.ROOT));
        return new MoveOut(hireId, outcome, decision);
    }

    /**
     * A person decided what to do with a hire that waited for them; their note goes in its history.
     *
     * @param markRead the mark they decided on, as they read it; null: whichever is there. A mark changed since
     *                 (Lucca's late answer turned "the account may exist" into "Lucca made it") is not cleared by a
     *                 decision on the one before: the account it tells of would stay, nobody asked again
     * @return false when the hire waits for no decision, or for another than {@code markRead}
     */
    public boolean decided(String hireId, String markRead, String note) {
        // not a change of outcome: nothing new to write back to Flatchr
        String clear = "UPDATE hire SET decision_needed = NULL, decision_needed_at = NULL, updated_at = ? WHERE hire_id "
                + "= ? AND decision_needed ";
        Object[] values = markRead == null ? new Object[] {at(clock.instant()), hireId}
                : new Object[] {at(clock.instant()), hireId, markRead};
        boolean decided = jdbc.inTransaction("record a decision", connection -> {
            if (Jdbc.update(connection, clear + (markRead == null ? "IS NOT NULL" : "= ?"), values) == 0) {
                return false;
            }
            event(connection, hireId, null, null, "decided: " + note);
            return true;
        });
        if (decided) {
            LOG.info("hire {} decided by an operator", hireId);
        }
        return decided;
    }

    /** An operator's "deliver now": a queued hire waiting out its hold or a retry's backoff is due at once. */
    public boolean deliverNow(String hireId) {
        Instant now = clock.instant();
        // a hold it cut short ends now, and its wait for Lucca counts from now
        boolean due = change(hireId, "UPDATE hire SET next_attempt_at = ?, held_until = CASE WHEN held_until > ? "
                + "THEN ? ELSE held_until END, updated_at = ? WHERE hire_id = ? AND " + QUEUED
                + " AND next_attempt_at > ?", new Object[] {at(now), at(now), at(now), at(now), hireId, at(now)},
                new EventDetail(null, null, null, "to be delivered now, asked by an operator"));
        if (due) {
            LOG.info("hire {} to be delivered now, asked by an operator", hireId);
        }
        return due;
    }

    /**
     * Erases the personal data of hires finished before {@code finishedBefore}; queued hires keep theirs, as
     * delivery needs it, and so do hires of {@code tenantsWritingBack} whose outcome is still being written back to
     * Flatchr since {@code writeBacksTriedSince} (the write-back finds the candidate by it; other tenants' outcomes
     * wait for no write-back), and so do hires waiting for a person's decision, until it is made. A login is made of the person's names: its reservation goes too (Lucca's own list of
     * logins is what later hires are checked against), and so does its address's. A hire erased already whose history
     * has grown since (a person's decision, a move out in Flatchr: each moves {@code updated_at}) is erased again, once
     * that change is as old. Returns how many hires were erased.
     */
    public int erasePersonalData(Instant finishedBefore, Instant writeBacksTriedSince,
                                 Collection<String> tenantsWritingBack) {
        // as the database keeps it (to the microsecond at most): the hires this pass erased are found by it
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<Object> values = new java.util.ArrayList<>(List.of(at(finishedBefore), at(now)));
        String writingBack = "";
        if (!tenantsWritingBack.isEmpty()) {
            // a write-back pending for longer has given up
            writingBack = " AND (writeback_status IS NULL OR writeback_status <> 'PENDING' OR writeback_since < ? OR "
                    + "tenant NOT IN (" + String.join(", ", java.util.Collections.nCopies(tenantsWritingBack.size(), "?"))
                    + "))";
            values.add(at(writeBacksTriedSince));
            values.addAll(tenantsWritingBack);
        }
        // Not one an attempt still holds (a hire cancelled or withdrawn while its create was on its way: finished, yet
        // "being delivered" until its lease ends): its login's and address's reservations keep another hire of the
        // same person from making a second account meanwhile (AddressReservations). A RETENTION_DAYS of 0 reached it.
        // Nor one waiting for a person's decision, whichever its mark: a "may exist" one is looked up in Lucca by the
        // name, e-mail and login sent (its Lucca user id, if any, may be of the Lucca the tenant had before), and an
        // account made for a candidate no longer hired is told to HR by whom it is for. Decided, it is erased
        // RETENTION_DAYS later (the decision moves updated_at).
        String done = FINISHED + " AND updated_at < ? AND (claimed_by IS NULL OR claimed_until < ?) AND (erased_at IS "
                + "NULL OR erased_at < updated_at) AND decision_needed IS NULL" + writingBack;
        int erased = 0;
        while (true) {
            // A page at a time: once RETENTION_DAYS is lowered, the first pass finds the hires of years, whose ids
            // would all be held at once. Each page is read once, its hires erased by one transaction: each statement
            // re-reading which hires are due could find one that came due meanwhile (a write-back ended, a replay) and
            // erase part of it. A hire erased no longer matches, so the next page is the next hires.
            List<String> page = jdbc.query("find the hires to erase", "SELECT hire_id FROM hire WHERE " + done
                    + " FETCH FIRST " + ERASED_TOGETHER + " ROWS ONLY", row -> row.getString(1), values.toArray());
            int erasedNow = page.isEmpty() ? 0
                    : jdbc.inTransaction("erase personal data", connection -> erase(connection, page, done, values, now));
            erased += erasedNow;
            // none of a page erased: each changed since it was read, and is left to the next pass
            if (page.size() < ERASED_TOGETHER || erasedNow == 0) {
                return erased;
            }
        }
    }

    /**
     * Erases the hires of {@code chunk} still expired, then their history's details and reservations: only of those.
     * The hire's row first, which it locks until the commit: a change that comes meanwhile (a replay, a move out)
     * waits, and finds it erased; one that came since the hires were listed made it no longer expired, and it is left
     * whole.
     */
    private static int erase(Connection connection, List<String> chunk, String done, List<Object> expired,
                             Instant now) throws SQLException {
        String ids = "hire_id IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
        List<Object> values = new java.util.ArrayList<>();
        values.add(at(now));
        values.addAll(chunk);
        values.addAll(expired);
        // the match key too: a digest of the candidate's e-mail, which anyone holding a guess could check
        int count = Jdbc.update(connection, "UPDATE hire SET payload = NULL, lucca_request = NULL, last_lucca_body = NULL, "
                + "last_error = NULL, match_key = NULL, erased_at = ? WHERE " + ids + " AND " + done, values.toArray());
        if (count == 0) {
            return 0;
        }
        List<Object> chunkNow = new java.util.ArrayList<>(chunk);
        chunkNow.add(at(now));
        Object[] erasedNow = Jdbc.query(connection, "SELECT hire_id FROM hire WHERE " + ids + " AND erased_at = ?",
                row -> row.getString(1), chunkNow.toArray()).toArray();
        String erasedIds = "hire_id IN (" + String.join(", ", java.util.Collections.nCopies(erasedNow.length, "?")) + ")";
        Jdbc.update(connection, "UPDATE hire_event SET detail = NULL WHERE " + erasedIds, erasedNow);
        Jdbc.update(connection, "DELETE FROM tenant_login_reservation WHERE " + erasedIds, erasedNow);
        Jdbc.update(connection, "DELETE FROM lucca_address_reservation WHERE " + erasedIds, erasedNow);
        return count;
    }

    /**
     * The mark of a hire withdrawn while its last call was on its way, which Lucca then answered: a rehire's new
     * contract is on the former employee's own record, which a person must not end with it.
     */
    private static String afterMoveOut(List<String> warnings) {
        return warnings.stream().anyMatch(warning -> warning.startsWith(REHIRE_WARNING)) ? MOVED_OUT_AFTER_REHIRE
                : MOVED_OUT_AFTER_LUCCA;
    }

    private boolean finish(String hireId, HireStatus status, long luccaUserId, List<String> warnings, String guard) {
        boolean finished = change(hireId, "UPDATE hire SET " + DECIDE_IF_STOPPED + ", status = ?, lucca_user_id = ?, "
                + "warnings = ?, next_attempt_at = NULL, "
                + "claimed_until = NULL, claimed_by = NULL, last_error = NULL, updated_at = ? WHERE hire_id = ?" + guard,
                new Object[] {afterMoveOut(warnings), status.name(), luccaUserId, joined(warnings), at(clock.instant()),
                    hireId},
                new EventDetail(null, null, null, "Lucca user " + luccaUserId), true);
        if (finished) {
            LOG.info("hire {} {} (Lucca user {}){}", hireId, status.label(), luccaUserId,
                    warnings.isEmpty() ? "" : " with " + warnings.size() + " warning(s)");
        } else {
            releaseClaim(hireId);
        }
        return finished;
    }

    /** One state change and its history event, together; false when the hire was not in a state to change. */
    private boolean change(String hireId, String sql, Object[] values, EventDetail what) {
        return change(hireId, sql, values, what, false);
    }

    /**
     * @param personInLucca the change records the person in Lucca (made or found): it settles the mark of an earlier
     *                      create whose answer was lost ({@link #SETTLE_UNKNOWN_CREATE}), in the same transaction
     */
    private boolean change(String hireId, String sql, Object[] values, EventDetail what, boolean personInLucca) {
        // empty when the hire was not in a state to change; else whether the change settled a mark
        Optional<Boolean> changed = jdbc.inTransaction("update a hire", connection -> {
            // before the change, which may finish the hire: the mark is settled only by an attempt of a queued hire
            boolean settles = personInLucca && Jdbc.update(connection, SETTLE_UNKNOWN_CREATE, hireId,
                    MOVED_OUT_CREATE_UNKNOWN, CANCELLED_CREATE_UNKNOWN) == 1;
            if (Jdbc.update(connection, sql, values) == 0) {
                connection.rollback();
                return Optional.empty();
            }
            event(connection, hireId, what.call(), what.status(), detail(what));
            if (settles) {
                event(connection, hireId, null, null, "the person is in Lucca, made or found by this attempt: the "
                        + "account an earlier create may have made is known, no person need look for it");
            }
            outcomeToWriteBack(connection, hireId);
            return Optional.of(settles);
        });
        if (changed.orElse(false)) {
            LOG.info("hire {}: the person is in Lucca, its 'needs a decision' mark is settled", hireId);
        }
        return changed.isPresent();
    }

    /**
     * A hire whose outcome is now known (finished, in whatever way) has it to write back to its candidate in
     * Flatchr, in the same transaction: a crash never loses the write-back of an outcome. A hire of another company
     * ({@link #OTHER_COMPANYS}) is not this tenant's candidate: nothing is written for it.
     */
    private void outcomeToWriteBack(Connection connection, String hireId) throws SQLException {
        Instant now = clock.instant();
        Jdbc.update(connection, "UPDATE hire SET writeback_status = 'PENDING', writeback_since = ?, "
                + "writeback_attempts = 0, writeback_next_at = ?, writeback_claimed_until = NULL, "
                + "writeback_claimed_by = NULL WHERE hire_id = ? AND " + FINISHED + " AND NOT " + OTHER_COMPANYS,
                at(now), at(now), hireId);
    }

    /**
     * Which of the given {@link io.github.flatchrlucca.intake.SameApplication}s the tenant's journal already has:
     * one query per few hundred, so that a search of Flatchr answering with thousands costs no more.
     */
    public Set<String> knownApplications(String tenant, Collection<String> sameApplications) {
        Map<String, String> byKey = new HashMap<>();
        sameApplications.forEach(same -> byKey.put(ApplicationKey.of(tenant, same), same));
        Set<String> known = new HashSet<>();
        inChunks(byKey.keySet(), "SELECT match_key FROM hire WHERE match_key IN", List.of(),
                key -> known.add(byKey.get(key)));
        return known;
    }

    /**
     * Which of Flatchr's application ids the tenant's journal already holds: a webhook's hire has its id once a search
     * found its application by e-mail and vacancy ({@link #applicationsFoundBySearch}) or the write-back looked it
     * up, whatever the candidate's e-mail has become since.
     */
    public Set<String> knownApplicants(String tenant, Collection<String> applicants) {
        Set<String> known = new HashSet<>();
        inChunks(Set.copyOf(applicants), "SELECT flatchr_applicant FROM hire WHERE tenant = ? AND flatchr_applicant IN",
                List.of(tenant), known::add);
        return known;
    }

    /**
     * A search of Flatchr's API found applications of hires the journal holds by their e-mail and vacancy
     * ({@code applicantBySameApplication}: Flatchr's API's id of each, by its {@link
     * io.github.flatchrlucca.intake.SameApplication}): each such hire without Flatchr's id keeps it. The webhook names
     * an application by ids the API does not know, and its e-mail and vacancy stop matching once a recruiter corrects
     * the candidate's e-mail in Flatchr (no webhook tells of it): from now on the id does, so that a later search
     * neither records the application as a new hire, made a second time in Lucca, nor misses its move out of hired.
     * A few hundred at a time, each in one transaction; a hire that has an id keeps it, so instances running the
     * same search, or a search and the write-back, agree.
     */
    public void applicationsFoundBySearch(String tenant, Map<String, String> applicantBySameApplication) {
        List<Object[]> rows = applicantBySameApplication.entrySet().stream()
                .map(found -> new Object[] {found.getValue(), ApplicationKey.of(tenant, found.getKey())}).toList();
        for (int from = 0; from < rows.size(); from += KNOWN_CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + KNOWN_CHUNK));
            jdbc.inTransaction("keep Flatchr's ids of applications", connection -> {
                Jdbc.batch(connection, "UPDATE hire SET flatchr_applicant = ? WHERE match_key = ? AND "
                        + "flatchr_applicant IS NULL", chunk);
                return null;
            });
        }
    }

    /**
     * A search of Flatchr's API found again the application of a hire the journal holds: Flatchr's API's id of it is
     * kept, unless the hire has one (the write-back learns the same id the same way, by the candidate's e-mail and
     * vacancy).
     */
    public void applicantFoundBySearch(String hireId, String applicant) {
        jdbc.update("keep Flatchr's id of an application", "UPDATE hire SET flatchr_applicant = ? WHERE hire_id = ? "
                + "AND flatchr_applicant IS NULL", applicant, hireId);
    }

    /**
     * The tenant's hires sent by the webhook whose application Flatchr's API has not named yet, newest first, at most
     * {@code max}: a search about to record an application it cannot match checks that none of them is that
     * application under a corrected e-mail. Whenever they came: one from before the tenant's searches began (its API
     * key added later, an upgrade), which no search's window held, may have its e-mail replaced by the work one weeks
     * after. One query through those hires alone ({@link #webhookHiresWithoutApplicant(int)}); not those erased, which have nothing left to compare, nor those rejected, which made nobody in Lucca
     * (another company's, with a wrong company id, or one without an e-mail that the recruiter then completed: the
     * search's application is that hire, and to deliver). Those that ended with nobody made in Lucca (withdrawn during
     * their hold, dead, a dry run, cancelled) stay: each can be replayed, and would then make a second employee under
     * the mistyped e-mail next to the application delivered ({@link #madeNobodyInLucca} says which they are). Their ids
     * only: their events, of up to FLATCHR_MAX_BODY_BYTES each, are read one at a time ({@link #payload}), never
     * hundreds of them together.
     */
    public List<String> webhookHiresWithoutApplicant(String tenant, int max) {
        return jdbc.query("look for the webhook's hires a search has not found", webhookHiresWithoutApplicant(max),
                row -> row.getString(1), tenant, Origin.WEBHOOK.label());
    }

    /**
     * The hire is over and made nobody in Lucca: no user recorded, no create sent whose answer may have been lost, and
     * no attempt to come. False for an unknown hire.
     */
    public boolean madeNobodyInLucca(String hireId) {
        return !jdbc.query("tell whether a hire made anybody in Lucca", "SELECT 1 FROM hire WHERE hire_id = ? AND NOT "
                + QUEUED + " AND lucca_user_id IS NULL AND create_attempted_at IS NULL", row -> row.getInt(1), hireId)
                .isEmpty();
    }

    /**
     * Its query: along the index of the tenant's webhook hires without Flatchr's id and not erased (V30), newest
     * first, up to {@code max} of them. Ordered as that index is (by its columns of a single value here first, as H2
     * takes an index for a sort only when the sort begins with the index's first column), so that the database reads
     * the index in order and stops there, where by received_at alone it would read and sort every one first.
     */
    static String webhookHiresWithoutApplicant(int max) {
        return "SELECT hire_id FROM hire WHERE tenant = ? AND origin = ? AND flatchr_applicant IS NULL "
                + "AND erased_at IS NULL AND status <> 'REJECTED' AND payload IS NOT NULL "
                + "ORDER BY tenant, origin, flatchr_applicant, erased_at, received_at DESC FETCH FIRST " + max
                + " ROWS ONLY";
    }

    /**
     * The tenant's withdrawn hires, for a search of Flatchr's API to find those moved back into hired: one query,
     * as hires withdrawn are few (moves out of hired are). Not those erased: nothing is left of them to deliver.
     */
    public List<WithdrawnHire> withdrawnHires(String tenant) {
        return jdbc.query("look for withdrawn hires", "SELECT hire_id, match_key, flatchr_applicant, moved_out_at "
                + "FROM hire WHERE tenant = ? AND status = 'WITHDRAWN' AND moved_out_at IS NOT NULL AND erased_at IS "
                + "NULL", row -> new WithdrawnHire(row.getString(1), tenant, row.getString(2), row.getString(3),
                instant(row, "moved_out_at")), tenant);
    }

    /** The event a hire is to be delivered with (as recorded, or as last queued again); empty once erased. */
    public Optional<String> payload(String hireId) {
        return jdbc.query("read a hire's event", "SELECT payload FROM hire WHERE hire_id = ?", row -> row.getString(1),
                hireId).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * A search of Flatchr's API shows in hired, by a change at {@code changedAt}, the candidate of a withdrawn hire
     * ({@link WithdrawnHire#movedBackIn}): moved back into hired while its webhook was lost. Queued again as the
     * webhook's would have been (held like a new hire, with the event and e-mail-and-vacancy key of now, {@code
     * event}), unless a move out came after that change meanwhile, or the journal learnt anything of the candidate
     * since the answer was asked for (a webhook's move out, even one it knew: newer than the answer); false then.
     *
     * @param seenInHiredAt when the answer came: the last moment the candidate is known in hired, as for a hire a
     *                      search records ({@link #record}), not the later moment it is queued again
     * @param askedAt       when the answer was asked for
     */
    public boolean movedBackIntoHiredSeenInFlatchr(WithdrawnHire hire, Instant changedAt, Duration hold,
                                                   Instant seenInHiredAt, Instant askedAt, CurrentEvent event) {
        String matchKey = ApplicationKey.of(hire.tenant(), event.sameApplication());
        try {
            return movedBackIntoHired(hire, changedAt, hold, seenInHiredAt, askedAt, event, matchKey);
        } catch (JournalUnavailable e) {
            if (matchKey == null || !isDuplicateKey(e)) {
                throw e;
            }
            // Another withdrawn hire is kept under the e-mail and vacancy of now (a webhook's and a search's of one
            // application, recorded under two e-mails): it keeps the key, and this one its own.
            return movedBackIntoHired(hire, changedAt, hold, seenInHiredAt, askedAt, event, null);
        }
    }

    private boolean movedBackIntoHired(WithdrawnHire hire, Instant changedAt, Duration hold, Instant seenInHiredAt,
                                       Instant askedAt, CurrentEvent event, String newMatchKey) {
        String why = "moved back into hired in Flatchr, as a search of its API shows"
                + (event.note() == null ? "" : "; " + event.note());
        // Not while another hire of the application stands: one a webhook or an earlier search queued again (the one
        // of the candidate's e-mail now), which two would make two accounts of. Neither a withdrawn one nor one
        // cancelled with nothing sent to Lucca stands: such as a search's namesake an operator cancelled as this
        // hire's candidate, whose Flatchr id this hire shares since (cancel).
        return queuedAgain(hire.hireId(), HireStatus.WITHDRAWN.name(), event.payload(), newMatchKey, hold,
                seenInHiredAt, askedAt, why, " AND moved_out_at < ? AND " + LEARNT_NOTHING_SINCE + " AND erased_at IS "
                + "NULL AND NOT EXISTS (SELECT 1 FROM hire other WHERE other.tenant = hire.tenant AND other.hire_id <> "
                + "hire.hire_id AND other.status <> 'WITHDRAWN' AND NOT (other.status = 'CANCELLED' AND "
                + "other.lucca_user_id IS NULL AND other.create_attempted_at IS NULL) AND (other.match_key = "
                + "hire.match_key OR "
                + "other.match_key = COALESCE(?, hire.match_key) OR other.flatchr_applicant = hire.flatchr_applicant))",
                at(changedAt),
                at(askedAt), ApplicationKey.of(hire.tenant(), event.sameApplication()));
    }

    /** One query per few hundred values, so that a search of Flatchr answering with thousands costs no more. */
    private void inChunks(Collection<String> values, String select, List<Object> before,
                          java.util.function.Consumer<String> found) {
        List<String> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += KNOWN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + KNOWN_CHUNK));
            List<Object> parameters = new java.util.ArrayList<>(before);
            parameters.addAll(chunk);
            jdbc.query("look for known applications", select + " ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    row -> row.getString(1), parameters.toArray()).forEach(found);
        }
    }

    /**
     * A hire recorded keyed by Flatchr's encoded id without the plain one beside it (by a version before migration 31,
     * or with an event that lacked it) keeps the plain one its event sent again carries: a move out of hired naming the
     * application by that id only finds it ({@link #movedOutOfHired}). Never replaced once kept.
     */
    private void keepPlainKey(String dedupeKey, String plainDedupeKey) {
        if (plainDedupeKey != null) {
            jdbc.update("record a hire's plain id", "UPDATE hire SET plain_dedupe_key = ? WHERE dedupe_key = ? AND "
                    + "plain_dedupe_key IS NULL", plainDedupeKey, dedupeKey);
        }
    }

    private IntakeResult alreadyRecorded(String dedupeKey, String matchKey, HireStatus status, String payload,
                                         String error, Duration hold, Origin origin) {
        List<String[]> existing = jdbc.query("read a recorded hire", hireOfApplication("hire_id, status, last_error",
                ""), row -> new String[] {row.getString(1), row.getString(2), row.getString(3)}, dedupeKey, matchKey);
        if (existing.isEmpty()) {
            throw new JournalUnavailable("read a recorded hire", null);
        }
        String hireId = existing.get(0)[0];
        String was = existing.get(0)[1];
        // read before the move back clears the mark of the move out
        boolean decisionAsked = origin == Origin.WEBHOOK && decisionAskedAtMoveOut(hireId);
        // back in hired with data it cannot be sent with, so still withdrawn: told as a move back that clears the mark
        boolean backIncomplete = false;
        try {
            if (mayQueueAgain(status, was, origin)
                    && queuedAgain(hireId, was, payload, matchKey, hold, null, clock.instant(), whyQueuedAgain(was), "")) {
                return new IntakeResult(hireId, IntakeResult.Outcome.ACCEPTED, false, decisionAsked);
            }
            // Sent again still incomplete (the recruiter fixed one field, another is missing): refused as the first
            // was, for what it lacks now, which the hire keeps; its write-back tells the recruiter again, and the
            // team hears of it again only if the reason changed (a resend is no news).
            if (status == HireStatus.REJECTED && HireStatus.REJECTED.name().equals(was) && change(hireId,
                    "UPDATE hire SET payload = ?, last_error = ?, match_key = COALESCE(?, match_key), erased_at = NULL, "
                    + "updated_at = ? WHERE hire_id = ? AND status = 'REJECTED'", new Object[] {payload, error, matchKey,
                            at(clock.instant()), hireId}, new EventDetail(null, null, null, "sent again: " + error))) {
                if (origin == Origin.WEBHOOK) {
                    movedBackIn(hireId);
                }
                LOG.info("hire {} sent again: {}", hireId, HireStatus.REJECTED.label());
                return new IntakeResult(hireId, IntakeResult.Outcome.REJECTED, !error.equals(existing.get(0)[2]));
            }
            if (status == HireStatus.REJECTED && mayRejectAgain(was, origin)) {
                if (rejectedAgain(hireId, payload, error, matchKey)) {
                    return new IntakeResult(hireId, IntakeResult.Outcome.REJECTED, true);
                }
                backIncomplete = refusedWhileWithdrawn(hireId, error);
            }
        } catch (JournalUnavailable e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // Its e-mail and vacancy, now given, are another hire's: one a search of Flatchr's API recorded while
            // this one lacked them (or after the candidate's e-mail changed). That hire is the application's, and this
            // one stays as it was; it is queued again in its place if it was to be (moved back into hired).
            String[] holder = jdbc.query("read a recorded hire", "SELECT hire_id, status FROM hire WHERE match_key = ?",
                    row -> new String[] {row.getString(1), row.getString(2)}, matchKey).stream().findFirst()
                    .orElseThrow(() -> new JournalUnavailable("read a recorded hire", null));
            hireId = holder[0];
            if (mayQueueAgain(status, holder[1], origin) && queuedAgain(hireId, holder[1], payload, null, hold, null,
                    clock.instant(), whyQueuedAgain(holder[1]), "")) {
                return new IntakeResult(hireId, IntakeResult.Outcome.ACCEPTED);
            }
        }
        // of the hire read first (not one another hire's e-mail and vacancy led to), and only once it is back in hired
        boolean backAfterDecision = origin == Origin.WEBHOOK && (movedBackIn(hireId) || backIncomplete)
                && decisionAsked && hireId.equals(existing.get(0)[0]);
        // the first may still wait for its sync: the duplicate's answer says it is kept, so it must be on disk first
        jdbc.synced();
        LOG.info("hire {} sent again: duplicate", hireId);
        return new IntakeResult(hireId, IntakeResult.Outcome.DUPLICATE, false, backAfterDecision);
    }

    /**
     * The candidate is out of hired, and their move out asked a person what to do with the hire's Lucca account ({@link
     * #moveOut}: made, or its create sent without an answer) or with the contract HR was asked to give by hand,
     * whatever the person decided since. Not once the lost create turned out to have made nothing ({@link
     * #createAnsweredAfterStop}): nobody was left to look. Read before the move back is recorded, which clears the mark
     * of the move out.
     */
    public boolean decisionAskedAtMoveOut(String hireId) {
        return !jdbc.query("read a move out", "SELECT 1 FROM hire WHERE hire_id = ? AND moved_out_at IS NOT NULL AND "
                + "(lucca_user_id IS NOT NULL AND (status <> 'ALREADY_IN_LUCCA' OR " + HR_ASKED + ") OR "
                + "create_attempted_at IS NOT NULL)", row -> row.getInt(1), hireId, HR_ASKED_VALUES[0],
                HR_ASKED_VALUES[1], HR_ASKED_VALUES[2], HR_ASKED_VALUES[3]).isEmpty();
    }

    /**
     * A webhook into hired of a hire it does not queue again (delivered, found in Lucca, queued after a replay, still
     * rejected): if the candidate was moved out, they are back in hired, and their next move out counts again
     * ({@link #moveOut}). Nothing else changes: a decision asked of a person stays theirs. A withdrawn hire is queued
     * again instead, or stays withdrawn for the search to bring back ({@link #withdrawnHires}). Not by a search: its
     * answer may have been read before the move out. Learnt now, whatever it changes: a search's answer asked for
     * before (that shows the candidate out of hired, the move this webhook undoes) says nothing newer.
     *
     * @return whether the candidate was out of hired: false for a resend, the candidate in hired already
     */
    private boolean movedBackIn(String hireId) {
        Instant now = clock.instant();
        // no outcome changes: nothing to write back to Flatchr
        return jdbc.inTransaction("record a move back into hired", connection -> {
            Jdbc.update(connection, "UPDATE hire SET column_learnt_at = ? WHERE hire_id = ?", at(now), hireId);
            if (Jdbc.update(connection, "UPDATE hire SET moved_out_at = NULL, updated_at = ? WHERE hire_id = ? AND "
                    + "moved_out_at IS NOT NULL AND status <> 'WITHDRAWN'", at(now), hireId) == 1) {
                event(connection, hireId, null, null, "moved back into hired in Flatchr");
                LOG.info("hire {} moved back into hired in Flatchr", hireId);
                return true;
            }
            return false;
        });
    }

    /**
     * A hire rejected for missing data and sent again complete is accepted: the recruiter fixed it. One withdrawn and
     * moved back into hired is a hire again. Only the webhook says so here: a search's answer may have been read
     * before the move out, so a search says so by the time of the change it shows (movedBackIntoHiredSeenInFlatchr).
     */
    private static boolean mayQueueAgain(HireStatus sent, String was, Origin origin) {
        return sent == HireStatus.RECEIVED && (HireStatus.REJECTED.name().equals(was)
                || HireStatus.WITHDRAWN.name().equals(was) && origin == Origin.WEBHOOK);
    }

    /**
     * A withdrawn hire the webhook shows back in hired, but with data it cannot be delivered with (its e-mail edited
     * into one that is none while the candidate was out): rejected as a new hire so sent would be, rather than
     * answered a duplicate and left withdrawn with no trace. Only the webhook says so: a search says so by the time of
     * the change it shows ({@link #movedBackIntoHiredSeenInFlatchr}).
     */
    private static boolean mayRejectAgain(String was, Origin origin) {
        return HireStatus.WITHDRAWN.name().equals(was) && origin == Origin.WEBHOOK;
    }

    /**
     * Records the withdrawn hire rejected, with the payload, reason and e-mail-and-vacancy key it has now, as a
     * rejected one sent again keeps them: the recruiter reads why in Flatchr (its write-back), the team in its chat,
     * and the hire is accepted once sent complete. Back in hired: the next move out counts again. An
     * attempt still holding it stops before its next call ({@link #stillHolding}). Only a hire of which nothing may be
     * in Lucca: one whose account was made, or may have been (its create's answer was lost), or that waits for a
     * person's decision, stays withdrawn ({@link #refusedWhileWithdrawn}), for "not created" would have HR make a twin.
     * Throws a duplicate key when another hire has that e-mail and vacancy.
     */
    private boolean rejectedAgain(String hireId, String payload, String error, String matchKey) {
        Instant now = clock.instant();
        boolean rejected = change(hireId, "UPDATE hire SET status = 'REJECTED', payload = ?, last_error = ?, "
                + "match_key = COALESCE(?, match_key), erased_at = NULL, moved_out_at = NULL, next_attempt_at = NULL, "
                + "column_learnt_at = ?, updated_at = ? WHERE hire_id = ? AND status = 'WITHDRAWN' AND lucca_user_id "
                + "IS NULL AND create_attempted_at IS NULL AND decision_needed IS NULL", new Object[] {
                        payload, error, matchKey, at(now), at(now), hireId},
                new EventDetail(null, null, null, "moved back into hired in Flatchr, rejected: " + error));
        if (rejected) {
            LOG.info("hire {} {} after being withdrawn", hireId, HireStatus.REJECTED.label());
        }
        return rejected;
    }

    /**
     * A withdrawn hire whose Lucca account was made or may have been, shown back in hired with data it cannot be sent
     * with: it stays withdrawn, its mark and write-back as they are (what is in Lucca is a person's to decide, and its
     * candidate's tag says so), answered as the duplicate it is; its history keeps what the webhook lacked, so the
     * person deciding reads it. Not when it changed meanwhile: it is no longer withdrawn. The move back is learnt, and
     * its move out's mark moves to it: a search of Flatchr's API showing this same move back would queue the hire again
     * with what it had (and tell the team again); it does so by a later change only (the e-mail corrected since).
     *
     * @return whether it is the first such note since the hire's last move out: a resend of the webhook is no news
     */
    private boolean refusedWhileWithdrawn(String hireId, String error) {
        Instant now = clock.instant();
        return jdbc.inTransaction("note a move back into hired", connection -> {
            // This move back is the latest the journal knows of the application: a search does not queue the hire
            // again for it (a change after it only). At every such webhook, not the first alone: Flatchr sends each
            // webhook once, so another one is another move back (its move out's webhook lost), not a resend; and a
            // correction in Flatchr comes with data that can be sent.
            if (Jdbc.update(connection, "UPDATE hire SET moved_out_at = ?, column_learnt_at = ? WHERE hire_id = ? AND "
                    + "status = 'WITHDRAWN'", at(now), at(now), hireId) == 0) {
                return false;
            }
            // The hire keeps its move out's mark (the search brings it back by the time of a later change), so a
            // note since its last move out is what says a resend is no news. A history erased by retention names no
            // move out: any note since then counts, or every resend would be news.
            boolean news = Jdbc.query(connection, "SELECT 1 FROM hire_event WHERE hire_id = ? AND detail LIKE ? AND "
                    + "event_id > COALESCE((SELECT MAX(event_id) FROM hire_event WHERE hire_id = ? AND detail LIKE ?), "
                    + "0)",
                    row -> row.getInt(1), hireId, BACK_INCOMPLETE + "%", hireId, MOVED_OUT + "%").isEmpty();
            event(connection, hireId, null, null, BACK_INCOMPLETE + " (" + error + "): stays withdrawn, as its Lucca "
                    + "account was made or may have been");
            return news;
        });
    }

    private static String whyQueuedAgain(String was) {
        return HireStatus.REJECTED.name().equals(was) ? "sent again complete" : "moved back into hired in Flatchr";
    }

    /**
     * Queues a hire that was not to be delivered (rejected, withdrawn) again, held like a new one, under the
     * e-mail and vacancy it has now: a search of Flatchr's API then knows it by them, and records no second hire of
     * the application. Claimed or not: an attempt still holding a hire withdrawn meanwhile carries on as it finds
     * it queued again (its claim is kept, so no second attempt starts), or stops and gives it back. A withdrawn hire
     * may have its Lucca user (moved out before the rest of its delivery): the decision asked of a person stays.
     * Throws a duplicate key when another hire has that e-mail and vacancy.
     *
     * @param payload       the event to deliver, or null to keep the one recorded
     * @param matchKey      the hire's e-mail-and-vacancy key now, or null to keep the one recorded
     * @param seenInHiredAt when a search's answer showed it in hired, or null: it is now
     * @param learntAt      when what it is queued again for was learnt ({@code column_learnt_at})
     */
    private boolean queuedAgain(String hireId, String was, String payload, String matchKey, Duration hold,
                                Instant seenInHiredAt, Instant learntAt, String why, String onlyIf,
                                Object... onlyIfValues) {
        Instant now = clock.instant();
        List<Object> values = new java.util.ArrayList<>(java.util.Arrays.asList(payload, matchKey, at(now), at(now),
                at(seenInHiredAt), at(learntAt), at(now.plus(hold)), at(now.plus(hold)), at(now), hireId, was));
        values.addAll(java.util.Arrays.asList(onlyIfValues));
        boolean queued = change(hireId, "UPDATE hire SET status = 'RECEIVED', payload = COALESCE(?, payload), "
                + "match_key = COALESCE(?, match_key), last_error = NULL, attempts = 0, "
                + "erased_at = NULL, moved_out_at = NULL, decision_needed = CASE WHEN lucca_user_id IS NULL THEN NULL "
                + "ELSE decision_needed END, decision_needed_at = CASE WHEN lucca_user_id IS NULL THEN NULL ELSE "
                + "decision_needed_at END, received_at = ?, queued_at = ?, seen_in_hired_at = ?, column_learnt_at = ?, "
                + "next_attempt_at = ?, held_until = ?, updated_at = ? "
                + "WHERE hire_id = ? AND status = ?" + onlyIf, values.toArray(), new EventDetail(null, null, null, why));
        if (queued) {
            LOG.info("hire {} {} after being {}", hireId, HireStatus.RECEIVED.label(), was.toLowerCase(Locale.ROOT));
        }
        return queued;
    }

    /**
     * The hires of one application, by either of its keys (dedupe key, then match key, each followed by the values of
     * {@code onlyIf}), oldest first. Two look-ups joined rather than one with OR: H2 takes no index for an OR, and
     * read the whole table, in order, at every drag out of hired and every duplicate.
     */
    static String hireOfApplication(String columns, String onlyIf) {
        return hireOfApplication(columns, onlyIf, "", List.of());
    }

    /**
     * The hires a move out of hired is about ({@link #hireOfApplication(String, String)}'s two look-ups, for their
     * ids), and, {@code bySearch}, by Flatchr's API's id of the application too (the tenant and the id, followed by
     * the values of {@code onlyIf}), a third look-up joined. By e-mail and vacancy, never a hire another application
     * of the candidate's on the vacancy is known by (last year's, a second job board's): its move, or its archive,
     * is no move of the hire. The webhook names its application by Flatchr's own ids (the dedupe key), so by e-mail
     * and vacancy it finds a search's hire only, never another webhook's hire; a search names it by Flatchr's API's id
     * (which follows the match key in the values), so it finds a hire without an id or with this one. The webhook's
     * event may name its application by two ids, {@code data.applicant.id}, the key, and the plain
     * {@code data.applicant_id}, which the other is not in every event (Flatchr's encoded id in some): it finds a hire
     * keyed by the plain one (the key by it, then the values of {@code onlyIf}), and one that kept either beside its
     * key ({@code plain_dedupe_key}: the two keys, then the values of {@code onlyIf}), two more look-ups joined.
     */
    static String hireMovedOut(String onlyIf, boolean bySearch) {
        String byMatchKeyOnly = bySearch ? " AND (flatchr_applicant IS NULL OR flatchr_applicant = ?)"
                : " AND origin <> '" + Origin.WEBHOOK.label() + "'";
        return hireOfApplication("hire_id", onlyIf, byMatchKeyOnly, bySearch ? List.of("tenant = ? AND "
                + "flatchr_applicant = ?") : List.of("dedupe_key = ?", "plain_dedupe_key IN (?, ?)"));
    }

    private static String hireOfApplication(String columns, String onlyIf, String byMatchKeyOnly, List<String> alsoBy) {
        String select = "SELECT " + columns + ", received_at FROM hire WHERE ";
        return select + "dedupe_key = ?" + onlyIf + " UNION " + select + "match_key = ?" + byMatchKeyOnly + onlyIf
                + alsoBy.stream().map(by -> " UNION " + select + by + onlyIf)
                        .collect(java.util.stream.Collectors.joining())
                + " ORDER BY received_at";
    }

    private void insert(Connection connection, String hireId, String tenant, String dedupeKey, String plainDedupeKey,
                        String matchKey, Origin origin, String flatchrApplicant, HireStatus status, String payload,
                        String error, Duration hold, Instant seenInHiredAt) throws SQLException {
        Instant now = clock.instant();
        // a hire to deliver is due at the end of its hold, and waits for Lucca from then; a rejected one is not queued
        OffsetDateTime holdEnd = status == HireStatus.RECEIVED ? at(now.plus(hold)) : null;
        // what it says of its candidate's column is learnt now, or, found by a search, when its answer came
        Jdbc.update(connection, "INSERT INTO hire (hire_id, tenant, dedupe_key, plain_dedupe_key, match_key, origin, "
                + "flatchr_applicant, status, payload, received_at, queued_at, updated_at, next_attempt_at, "
                + "held_until, last_error, seen_in_hired_at, column_learnt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?)", hireId, tenant, dedupeKey, plainDedupeKey, matchKey, origin.label(),
                flatchrApplicant, status.name(), payload, at(now), at(now), at(now), holdEnd, holdEnd, error,
                seenInHiredAt == null ? null : at(seenInHiredAt), at(seenInHiredAt == null ? now : seenInHiredAt));
    }

    /** What the first event of a hire's history says: why it was rejected, or how it came, with what it lacked. */
    private String arrival(Origin origin, String error, List<String> notes, Duration hold) {
        List<String> parts = new java.util.ArrayList<>();
        if (error != null) {
            parts.add(error);
        }
        if (origin.received() != null) {
            parts.add(origin.received());
        }
        parts.addAll(notes);
        if (!hold.isZero()) {
            parts.add("held until " + clock.instant().plus(hold).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    + " (HIRE_HOLD_SECONDS)");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** The event takes the hire's status after the change, so history and state never disagree. */
    private void event(Connection connection, String hireId, String call, Integer luccaStatus, String detail)
            throws SQLException {
        event(connection, clock.instant(), hireId, call, luccaStatus, detail);
    }

    /** One line of a hire's history, with the hire's status as it is now (also the write-back's, {@link WriteBacks}). */
    static void event(Connection connection, Instant at, String hireId, String call, Integer status, String detail)
            throws SQLException {
        Jdbc.update(connection, "INSERT INTO hire_event (hire_id, at, status, lucca_call, lucca_status, detail) "
                + "SELECT hire_id, ?, status, ?, ?, ? FROM hire WHERE hire_id = ?", at(at), call, status, detail, hireId);
    }

    /** A definite "nothing made" from Lucca to a create: a 4xx (a 408 is no answer). */
    private static boolean createRefused(EventDetail failure) {
        Integer status = failure.status();
        return failure.call() != null && CREATE_CALLS.contains(failure.call()) && status != null && status >= 400
                && status < 500 && status != 408;
    }

    private static boolean isDuplicateKey(JournalUnavailable failure) {
        return failure.getCause() instanceof SQLException sql && Jdbc.DUPLICATE_KEY.equals(sql.getSQLState());
    }

    private static String detail(EventDetail what) {
        String detail = what.body() == null ? what.error() : what.error() + ": " + what.body();
        return detail == null || detail.length() <= EVENT_DETAIL_CHARS ? detail
                : detail.substring(0, EVENT_DETAIL_CHARS) + "...";
    }

    private static ClaimedHire hire(java.sql.ResultSet row) throws SQLException {
        return new ClaimedHire(row.getString("hire_id"), row.getString("tenant"), row.getString("payload"), instant(row, "received_at"),
                instant(row, "queued_at"), instant(row, "held_until"), row.getInt("attempts"),
                row.getObject("lucca_user_id", Long.class),
                row.getObject("create_attempted_at") == null ? null
                        : java.util.Objects.requireNonNullElse(row.getString("lucca_request"), "{}"),
                row.getString("lucca_instance"));
    }

    private static String joined(List<String> warnings) {
        return warnings.isEmpty() ? null : String.join("\n", warnings);
    }
}
