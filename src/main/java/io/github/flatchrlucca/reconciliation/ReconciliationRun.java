package io.github.flatchrlucca.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.flatchrlucca.flatchr.FlatchrConnection;
import io.github.flatchrlucca.flatchr.FlatchrRequests;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.journal.Reconciliations;
import io.github.flatchrlucca.mapping.FlatchrDays;
import io.github.flatchrlucca.mapping.FlatchrFlags;
import io.github.flatchrlucca.tenants.FlatchrApi;
import io.github.flatchrlucca.tenants.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One run of one tenant's search of Flatchr's API: which searches it makes, what they found, and what became of
 * it. The route decides the order of the calls; this only builds the requests and reads the answers.
 */
public final class ReconciliationRun {

    private static final DateTimeFormatter FLATCHR_DAY = DateTimeFormatter.ofPattern("MM/dd/yy");
    /** The outcome of a search whose answer is over the cap. */
    static final String TOO_LARGE = "too-large";

    private final Reconciliations.Run claim;
    private final Tenant tenant;
    private final FlatchrConnection flatchr;
    private final FlatchrRequests requests;
    private final LocalDate windowFrom;
    // an operator's backfill (dry or not), asked through the admin API, rather than the timer's scheduled search
    private final boolean asked;
    private final boolean dryRun;
    // Flatchr's columns by title, in lower case: the name both the webhook and the API know a trigger column by
    private final Map<String, SearchedColumn> columns = new HashMap<>();
    // and by the API's id, only to tell a tenant who named a trigger column so that the webhook cannot know it
    private final Map<String, SearchedColumn> columnsByApiId = new HashMap<>();
    // the column each search is for, in the order of searches(): the route's split answers them in that order
    private List<SearchedColumn> searched = List.of();
    private final Map<String, FoundApplication> found = new LinkedHashMap<>();
    private final Map<String, SearchedColumn> foundIn = new HashMap<>();
    private final Map<String, Instant> seenInHiredAt = new HashMap<>();
    // when the searches of the hired, then the search of moves, were asked for (just before they were sent, perhaps
    // after waiting for the company's turn: never later than sent): what the journal learns after it is newer
    private Instant searchesAskedAt;
    private Instant movesAskedAt;
    // when the first search of moves of the run was asked for: by day after it, what their window may move to
    private Instant movesBegan;
    // searched by day: the day being searched, and the first that failed with what (null while none has)
    private LocalDate movesDay;
    private LocalDate movesFirstFailedDay;
    // searched by day: a day failed as the whole Flatchr does (not over the cap), and the days after wait for a run
    private boolean movesDaysStopped;
    private final Map<String, JsonNode> vacanciesById = new HashMap<>();
    // in lower case, only the titles one vacancy has
    private final Map<String, JsonNode> vacanciesByTitle = new HashMap<>();
    private boolean vacanciesRead;
    private final List<FoundApplication> recorded = new ArrayList<>();
    private int movedOut;
    private String movesFailure;
    private Instant movesPutOffUntil;
    private int skipped;
    // by Flatchr's id, the applications whose time of change could not be read, which a move was to be judged by
    private final Set<String> unreadableTimes = new HashSet<>();
    // by Flatchr's id, the applications a search of hires listed with a status neither active nor archived
    private final Set<String> unreadableStatuses = new HashSet<>();
    // by status, the answers refusing an application's details that are not a 404 (FlatchrAnswers reads them as one)
    private final Map<Integer, Integer> detailsRefused = new TreeMap<>();
    // the webhook's hires an application to record may be under a corrected e-mail: read at the first one, if any
    private WebhookNamesakes namesakes;

    ReconciliationRun(Reconciliations.Run claim, Tenant tenant, FlatchrConnection flatchr, FlatchrRequests requests,
                      LocalDate windowFrom, boolean asked, boolean dryRun) {
        this.claim = claim;
        this.tenant = tenant;
        this.flatchr = flatchr;
        this.requests = requests;
        this.windowFrom = windowFrom;
        this.asked = asked;
        this.dryRun = dryRun;
    }

    /**
     * How far back a search looks at most until one has succeeded, however long ago the first was tried: as far as
     * the longest look-back a setting may give (its answer lists the hired only, and a year of them is what such a
     * setting asks for). Older days are for an operator's backfill ({@link #firstWindowCut}).
     */
    static final Duration LONGEST_FIRST_LOOKBACK = Duration.ofDays(FlatchrApi.MAX_RECONCILE_LOOKBACK_DAYS);

    /**
     * Where a search starts: the day before the last one that succeeded began, so that windows overlap by a day
     * (Flatchr filters by days without a time), or, until one has succeeded, {@code lookback} days before the first
     * was tried: each failed try (a wrong key for a week, say) leaves the window where it was, so the hires of those
     * days are searched once a try succeeds. Never more than {@link #LONGEST_FIRST_LOOKBACK} back.
     */
    static LocalDate windowFrom(Reconciliations.Run claim, Duration lookback) {
        return from(claim.lastSuccessAt(), claim, lookback);
    }

    private static LocalDate from(java.util.Optional<Instant> lastSuccess, Reconciliations.Run claim,
                                  Duration lookback) {
        Instant from = lastSuccess.map(last -> last.minus(Duration.ofDays(1)))
                .orElseGet(() -> latest(firstFrom(claim, lookback), longestFirstFrom(claim)));
        return LocalDate.ofInstant(from, FlatchrDays.ZONE);
    }

    /**
     * Until a search has succeeded, the first day the window would start at were it not cut at
     * {@link #LONGEST_FIRST_LOOKBACK}; empty when it is not cut: the days before are in no search, for the operator
     * to backfill.
     */
    static java.util.Optional<LocalDate> firstWindowCut(Reconciliations.Run claim, Duration lookback) {
        Instant first = firstFrom(claim, lookback);
        return claim.lastSuccessAt().isEmpty() && first.isBefore(longestFirstFrom(claim))
                ? java.util.Optional.of(LocalDate.ofInstant(first, FlatchrDays.ZONE)) : java.util.Optional.empty();
    }

    private static Instant firstFrom(Reconciliations.Run claim, Duration lookback) {
        return claim.firstTriedAt().minus(lookback);
    }

    private static Instant longestFirstFrom(Reconciliations.Run claim) {
        return claim.startedAt().minus(LONGEST_FIRST_LOOKBACK);
    }

    private static Instant latest(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }

    /** How far back the tenant's first search looks (FLATCHR_RECONCILE_LOOKBACK_DAYS). */
    static Duration lookback(Tenant tenant) {
        return tenant.settings().flatchrApi().map(FlatchrApi::reconcileLookback)
                .orElse(FlatchrApi.DEFAULT_RECONCILE_LOOKBACK);
    }

    public String getTenant() {
        return tenant.id();
    }

    public FlatchrConnection getFlatchr() {
        return flatchr;
    }

    /** An operator's backfill: it answers its caller, and its failure is the caller's only. */
    boolean isAsked() {
        return asked;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** With trigger columns the searches are by column title, which only Flatchr's list of columns gives. */
    public boolean isColumnsNeeded() {
        return !tenant.triggerColumns().isEmpty();
    }

    /**
     * Flatchr's columns: each trigger column (a title, in any case) becomes the title a search takes. A column's
     * {@code hired} is read as Flatchr writes a flag ({@link FlatchrFlags}); one it cannot read is not hired: the
     * flag only goes into the events of the hires its search finds, which the classifier takes for hires by the
     * trigger column's title all the same.
     */
    void columns(JsonNode answer) {
        for (JsonNode item : answer) {
            SearchedColumn column = new SearchedColumn(item.path("id").asText(""), item.path("title").asText(""),
                    FlatchrFlags.read(item.path("hired")).orElse(false));
            columns.put(column.title().toLowerCase(Locale.ROOT), column);
            columnsByApiId.put(column.id().toLowerCase(Locale.ROOT), column);
        }
    }

    /**
     * One search of the hired candidates updated since the window's first day, or, with trigger columns, one per
     * trigger column and then that one: Flatchr's filter by column is by the column a candidate is in now, and one
     * moved on from a trigger column into a hired one, or dragged straight into it (a webhook the classifier takes
     * for a hire, as any drag into a column marked hired: the same hire when it came by a trigger column), is in no
     * trigger column any more ({@link SearchedColumn#anyHiredPast}). An application both find keeps the trigger
     * column's search, the first.
     *
     * @throws UnusableTriggerColumns when Flatchr does not list a trigger column by its title (a column it does
     *                                not list at all, or one named by the API's id, which the webhook never
     *                                carries): the run fails, its window kept
     */
    List<ApiRequest> searches(Instant askedAt) {
        searchesAskedAt = askedAt;
        String since = FLATCHR_DAY.format(windowFrom);
        Map<String, Object> anyHired = Map.of("hired", true, "start_update", since);
        if (tenant.triggerColumns().isEmpty()) {
            searched = List.of(SearchedColumn.ANY_HIRED);
            return List.of(requests.search(flatchr, anyHired));
        }
        List<String> notByTitle = tenant.triggerColumns().stream().filter(trigger -> !columns.containsKey(trigger))
                .sorted().toList();
        if (!notByTitle.isEmpty()) {
            throw new UnusableTriggerColumns(notByTitle.stream().filter(id -> !columnsByApiId.containsKey(id)).toList(),
                    notByTitle.stream().filter(columnsByApiId::containsKey)
                            .map(id -> id + " (\"" + columnsByApiId.get(id).title() + "\")").toList());
        }
        List<SearchedColumn> triggers = tenant.triggerColumns().stream().sorted().map(columns::get).distinct()
                .toList();
        List<ApiRequest> searches = new ArrayList<>(triggers.stream()
                .map(column -> requests.search(flatchr, Map.of("column", column.title(), "start_update", since)))
                .toList());
        searches.add(requests.search(flatchr, anyHired));
        List<SearchedColumn> columnsSearched = new ArrayList<>(triggers);
        columnsSearched.add(SearchedColumn.anyHiredPast(triggers.get(0)));
        searched = List.copyOf(columnsSearched);
        return List.copyOf(searches);
    }

    /**
     * Every application changed since the window's first day, hired or not: where a move out of hired whose webhook
     * never came shows.
     */
    ApiRequest movesSearch(Instant askedAt) {
        movesAsked(askedAt);
        return requests.search(flatchr, Map.of("start_update", FLATCHR_DAY.format(movesFrom())));
    }

    private void movesAsked(Instant askedAt) {
        movesAskedAt = askedAt;
        movesBegan = movesBegan == null ? askedAt : movesBegan;
    }

    /** Whether the moves' window, from {@link #movesFrom} to today ({@code now}'s day), is of more than one day. */
    boolean movesOfSeveralDays(Instant now) {
        return movesFrom().isBefore(LocalDate.ofInstant(now, FlatchrDays.ZONE));
    }

    /**
     * Whether the last search of moves failed: the journal holds a delay after it ({@link
     * Reconciliations.Run#movesNotBefore}, set with each failure in a row and cleared by a success). Their window
     * then starts at the day that failed first (it moves up to that day, never past it), so one search of the whole
     * window would read that day's answer again: this run searches day by day at once ({@link #movesDays}).
     */
    boolean movesLastFailed() {
        return claim.movesNotBefore().isPresent();
    }

    /**
     * The days of the moves' window searched one at a time, in order, to today ({@code now}'s day): each alone, so
     * that one day of bulk changes fails alone and the others are read. From {@link #movesFrom} when the moves are
     * due ({@link #movesDue}); while their delay is not over, from the day after it: the window's first day, the one
     * that failed, waits for the delay, the days after it are read at every run. At most the days of {@link
     * #LONGEST_MOVES_LOOKBACK} and today.
     */
    List<LocalDate> movesDays(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, FlatchrDays.ZONE);
        LocalDate first = movesDue() ? movesFrom() : movesFrom().plusDays(1);
        return first.isAfter(today) ? List.of() : first.datesUntil(today.plusDays(1)).toList();
    }

    /**
     * The search of every candidate changed on {@code day} ({@link #movesDays}): from that day, and before the next
     * one, but for today, searched to whenever (a change stamped a moment past midnight is not left out). Flatchr's
     * {@code end_update} is "before that day": were it that day included, the days would overlap, never leave a gap,
     * the only cost a day of bulk changes failing the day before it too, which the window then stops at.
     */
    ApiRequest movesSearch(LocalDate day, Instant askedAt) {
        movesAsked(askedAt);
        movesDay = day;
        Map<String, Object> filter = new HashMap<>(Map.of("start_update", FLATCHR_DAY.format(day)));
        if (day.isBefore(LocalDate.ofInstant(askedAt, FlatchrDays.ZONE))) {
            filter.put("end_update", FLATCHR_DAY.format(day.plusDays(1)));
        }
        return requests.search(flatchr, Map.copyOf(filter));
    }

    /**
     * The search of the day being searched ({@link #movesSearch(LocalDate, Instant)}) failed ({@code outcome}). Any
     * failure but an answer over the cap (Flatchr down, refusing, answering what cannot be read) is the whole
     * Flatchr's, not the day's: the days after it are not searched in this run ({@link #movesDaysGoOn}). Nor are they
     * after an answer over the cap while the window's first day is put off ({@link #movesDue}): only that day's delay
     * spaces out the reads over the cap, and a second day of bulk changes would be read again at every run.
     */
    void movesDayFailed(String outcome) {
        if (movesFirstFailedDay == null) {
            movesFirstFailedDay = movesDay;
            movesFailure = outcome;
        }
        movesDaysStopped |= !TOO_LARGE.equals(outcome) || !movesDue();
    }

    /** Whether the next day of the moves is searched: not once a day failed as the whole Flatchr does. */
    boolean movesDaysGoOn() {
        return !movesDaysStopped;
    }

    /** The first day of the moves searched by day that failed, or null: the moves' window goes no further. */
    LocalDate movesFirstFailedDay() {
        return movesFirstFailedDay;
    }

    /**
     * Searched by day, where the next search of moves starts from: the day before this, as after any search of moves
     * ({@link #movesFrom}), so the first day that failed ({@code failedDay}) and never a later one; that is when this
     * run's first search of moves began, unless it is past the start of the day after {@code failedDay}.
     */
    Instant movesSearchedUpTo(LocalDate failedDay) {
        Instant dayAfter = failedDay.plusDays(1).atStartOfDay(FlatchrDays.ZONE).toInstant();
        return dayAfter.isBefore(movesBegan) ? dayAfter : movesBegan;
    }

    /** When the run's first search of moves was asked for: what a success of them all is as of. */
    Instant movesBegan() {
        return movesBegan;
    }

    /** When the searches of {@link #searches} were asked for: what they show is as of then at the latest. */
    Instant searchesAskedAt() {
        return searchesAskedAt;
    }

    /** When the search of moves was asked for. */
    Instant movesAskedAt() {
        return movesAskedAt;
    }

    /**
     * How far back a search of moves goes at most, whenever the last successful search was. A large company changes
     * a few hundred candidates a day: a week stays well under the answer cap, and covers a weekend's outage.
     */
    static final Duration LONGEST_MOVES_LOOKBACK = Duration.ofDays(7);

    /**
     * Where the search of moves starts: where a scheduled search of moves would, and for a backfill from a later day
     * than the scheduled search's, never before its window.
     * Unlike the search of hires, its answer is every candidate changed, hired or not, in one JSON array (Flatchr
     * does not page it) under the answer cap. So it keeps its own last success ({@link Reconciliations#movesSearched}):
     * one that fails (a day of bulk changes over the cap) fails neither the run nor the hires' window, and is tried
     * again from where it was. A backfill checks no more moves than the scheduled search would (the hires of its
     * window are what it is for), and a first search, which has no last check to go on, looks back at most
     * {@link FlatchrApi#DEFAULT_RECONCILE_LOOKBACK} before the first try: moves older than that, of hires the journal
     * had before any search, were the webhook's to report. After a long outage, or while a search of moves fails, it
     * looks back at most {@link #LONGEST_MOVES_LOOKBACK}.
     */
    LocalDate movesFrom() {
        LocalDate scheduled = movesScheduledFrom();
        // a backfill from a later day than the scheduled search's: no further back than its own window
        boolean laterBackfill = windowFrom.isAfter(windowFrom(claim, lookback(tenant)));
        return laterBackfill && windowFrom.isAfter(scheduled) ? windowFrom : scheduled;
    }

    private LocalDate movesScheduledFrom() {
        Duration lookback = lookback(tenant);
        LocalDate scheduled = from(claim.movesSearchedAt(), claim,
                lookback.compareTo(FlatchrApi.DEFAULT_RECONCILE_LOOKBACK) < 0 ? lookback
                        : FlatchrApi.DEFAULT_RECONCILE_LOOKBACK);
        // after an outage too (the last success weeks ago): a move older than this, in the outage, is not looked for
        LocalDate longest = LocalDate.ofInstant(claim.startedAt().minus(LONGEST_MOVES_LOOKBACK), FlatchrDays.ZONE);
        return scheduled.isAfter(longest) ? scheduled : longest;
    }

    /**
     * Whether the search of moves started where the scheduled one would: only then does its success move the next
     * one's start (a backfill from a later day leaves the days between unsearched).
     */
    boolean movesFromScheduled() {
        return movesFrom().equals(movesScheduledFrom());
    }

    /**
     * Whether the run searches the moves from their window's first day: not when a scheduled run comes before the
     * time the searches of moves that failed in a row put that day off to ({@link Reconciliations.Run#movesNotBefore}):
     * such a run searches only the days after it ({@link #movesDays}). An operator's backfill searches them all the
     * same, when a person asks (who may know the day of bulk changes is past), which its answer tells the outcome
     * of; its failure leaves the scheduled searches' delay as it was, as its run's failure leaves their next run.
     */
    boolean movesDue() {
        return asked || claim.movesNotBefore().filter(claim.startedAt()::isBefore).isEmpty();
    }

    /** The run did not search the moves' first day ({@link #movesDue}): not before that time. */
    void movesPutOff() {
        movesPutOffUntil = claim.movesNotBefore().orElseThrow();
    }

    /** Until when the run's search of moves was put off, or null when it was made. */
    Instant movesPutOffUntil() {
        return movesPutOffUntil;
    }

    /** The run's search of moves failed ({@code outcome}): the run goes on, and says so. */
    void movesFailed(String outcome) {
        movesFailure = outcome;
    }

    /** Why the run's search of moves failed, or null. */
    String movesFailure() {
        return movesFailure;
    }

    /**
     * The applications of that search (its answer come at {@code answeredAt}) that are no hire now: archived, or in a
     * column that does not trigger (by Flatchr's hired flag, or with trigger columns by their titles, and never one
     * Flatchr marks as hired, as the webhook judges). One without a time of change it can rely on
     * ({@link FoundApplication#changedAtOf}) cannot be ordered after its hire, and is left alone, counted
     * ({@link #unreadableTimes}). Left alone too (not counted) is one not archived whose item does not say whether
     * it is hired (older answers list fewer fields), or says it in no shape of a flag ({@link FlatchrFlags}: "yes",
     * 2): without the flag neither "in no hired column" nor "not in Flatchr's hired column" can be told, and reading
     * it as out would withdraw every hire it holds; its move, if any, is the webhook's to report, as before searches
     * were made. Nor one whose e-mail and vacancy another application of the answer shows in hired: the candidate
     * has two on the vacancy (last year's, a second job board's), the one out of hired is not the hire's, and its
     * hire is still in hired.
     */
    List<FoundApplication> outOfHired(JsonNode answer, Instant answeredAt) {
        List<FoundApplication> listed = new ArrayList<>();
        answer.forEach(item -> FoundApplication.of(item, answeredAt).ifPresent(listed::add));
        Set<String> stillHired = new HashSet<>();
        // one whose status cannot be read is not taken for archived: in hired, it keeps its namesakes' hires there
        listed.stream().filter(application -> !Boolean.TRUE.equals(application.archived())
                && application.hired() != null && inATriggerColumn(application)).forEach(application -> application
                .sameApplication().ifPresent(stillHired::add));
        List<FoundApplication> out = listed.stream()
                .filter(application -> Boolean.TRUE.equals(application.archived())
                        || application.hired() != null && !inATriggerColumn(application))
                .filter(application -> application.sameApplication().filter(stillHired::contains).isEmpty())
                .toList();
        out.stream().filter(application -> application.changedAt() == null).forEach(this::timeUnreadable);
        return out.stream().filter(application -> application.changedAt() != null).toList();
    }

    /**
     * A move of the application was to be judged by its time of change, which its item does not give in a shape the
     * connector reads ({@link FoundApplication#changedAtOf}): the move is not taken, and the run counts it.
     */
    void timeUnreadable(FoundApplication application) {
        unreadableTimes.add(application.applicant());
    }

    /** How many applications' moves the run could not judge for want of a time of change it can read. */
    int unreadableTimes() {
        return unreadableTimes.size();
    }

    /**
     * How many applications in hired the run could not record or leave for want of a status it can read (1 active, 0
     * archived): each may be a hire whose webhook never came, or last year's archived one.
     */
    int unreadableStatuses() {
        return unreadableStatuses.size();
    }

    /**
     * Flatchr refused an application's details with a 4xx other than the reference's 404, read as details not given
     * all the same: counted, as a key without the right to that (undocumented) call, or Flatchr retiring it, would
     * refuse every application's, each hire then recorded from its search item alone.
     */
    void detailsRefused(int status) {
        detailsRefused.merge(status, 1, Integer::sum);
    }

    /** How many applications' details Flatchr refused with a 4xx other than 404, by status. */
    Map<Integer, Integer> detailsRefused() {
        return Collections.unmodifiableMap(detailsRefused);
    }

    /** In hired still: a trigger column, or (as the webhook judges) any column Flatchr marks as hired. */
    private boolean inATriggerColumn(FoundApplication application) {
        if (application.hired() || tenant.triggerColumns().isEmpty()) {
            return application.hired();
        }
        return application.column() != null && tenant.triggerColumns().stream().map(columns::get)
                .anyMatch(column -> application.column().equalsIgnoreCase(column.title()));
    }

    /**
     * The answer of search number {@code index} of {@link #searches}, come at {@code answeredAt}: its active
     * applications, each once whatever searches found it, with the column that search was for and when it showed
     * them in hired.
     */
    void found(int index, JsonNode answer, Instant answeredAt) {
        SearchedColumn column = searched.get(index);
        for (JsonNode item : answer) {
            FoundApplication.of(item, answeredAt).ifPresent(application -> {
                if (application.archived() == null) {
                    // neither: it may be last year's archived hire, or a hire whose webhook never came: counted, and
                    // left to a person (never dropped unseen, nor recorded as a hire)
                    unreadableStatuses.add(application.applicant());
                } else if (!application.archived() && found.putIfAbsent(application.applicant(), application) == null) {
                    foundIn.put(application.applicant(), column);
                    seenInHiredAt.put(application.applicant(), answeredAt);
                }
            });
        }
    }

    /** The column of the search that found the application, which its event is recorded in. */
    SearchedColumn foundIn(FoundApplication application) {
        return foundIn.get(application.applicant());
    }

    /**
     * When the answer that found the application came: the last moment it is known in hired, before the calls that
     * complete it (its details, the list of vacancies), which can take minutes in a backfill. A move out after it is
     * the candidate's, even one made before the hire is recorded.
     */
    Instant seenInHiredAt(FoundApplication application) {
        return seenInHiredAt.get(application.applicant());
    }

    List<FoundApplication> found() {
        return List.copyOf(found.values());
    }

    /** When the application's details lack its vacancy, Flatchr's list of vacancies is read, once per run. */
    boolean vacanciesNeeded(JsonNode details) {
        return !vacanciesRead && !details.path("vacancy").isObject();
    }

    void vacancies(JsonNode answer) {
        vacanciesRead = true;
        Map<String, List<JsonNode>> byTitle = new HashMap<>();
        for (JsonNode vacancy : answer) {
            String plainId = FoundApplication.listedPlainId(vacancy);
            if (plainId != null) {
                vacanciesById.put(plainId, vacancy);
            }
            String title = vacancy.path("title").asText("").strip().toLowerCase(Locale.ROOT);
            if (!title.isEmpty()) {
                byTitle.computeIfAbsent(title, any -> new ArrayList<>()).add(vacancy);
            }
        }
        byTitle.forEach((title, vacancies) -> {
            if (vacancies.size() == 1) {
                vacanciesByTitle.put(title, vacancies.get(0));
            }
        });
    }

    /**
     * The application's vacancy in Flatchr's list: by the plain id its item gives, or, when no listed vacancy has that
     * id (flatchr-api.md's list gives only the encoded {@code id}, {@link FoundApplication#listedPlainId}) or the item
     * gives none (an older answer's), by its title when no other vacancy has it (two of one title cannot be told
     * apart). Never one whose own plain id is known to be another's: a vacancy of that title the list no longer has,
     * and a new one of the same title, are two. One taken by its title although the item gives a plain id the list
     * cannot confirm may still be such a new one: its hire is warned ({@link FoundApplication#toEvent}).
     */
    JsonNode vacancy(FoundApplication application) {
        JsonNode byId = application.vacancyId() == null ? null : vacanciesById.get(application.vacancyId());
        if (byId != null || application.vacancyTitle() == null) {
            return byId;
        }
        JsonNode byTitle = vacanciesByTitle.get(application.vacancyTitle().toLowerCase(Locale.ROOT));
        String listedId = byTitle == null ? null : FoundApplication.listedPlainId(byTitle);
        return listedId == null || application.vacancyId() == null || listedId.equals(application.vacancyId())
                ? byTitle : null;
    }

    void recorded(FoundApplication application) {
        recorded.add(application);
    }

    List<FoundApplication> recorded() {
        return List.copyOf(recorded);
    }

    /**
     * The webhook's hires the run's applications to record are compared with ({@link WebhookNamesakes}), read by
     * {@code read} once, when the first is about to be recorded: most runs record none, and read nothing.
     */
    WebhookNamesakes namesakes(Supplier<WebhookNamesakes> read) {
        if (namesakes == null) {
            namesakes = read.get();
        }
        return namesakes;
    }

    /** An application no hire can be recorded from (its own data is at fault): the run goes on without it. */
    void skipped() {
        skipped++;
    }

    int skippedCount() {
        return skipped;
    }

    /**
     * How many more of the journal's hires this run found moved out of hired (withdrawn, or waiting for a decision),
     * in the answer of one search of moves.
     */
    void countMovedOut(int hires) {
        movedOut += hires;
    }

    int movedOutCount() {
        return movedOut;
    }

    /** When the tenant's last successful search began, or its first was tried when none has succeeded yet. */
    Instant searchesSucceeded() {
        return claim.lastSuccessAt().orElse(claim.firstTriedAt());
    }

    Reconciliations.Run claim() {
        return claim;
    }

    Tenant tenant() {
        return tenant;
    }

    LocalDate windowFrom() {
        return windowFrom;
    }
}
