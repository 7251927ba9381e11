package io.github.flatchrlucca.lucca;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.routes.Variables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each Lucca instance's people as each key sees them, former and future employees included (id, e-mail, login, contract end, personal
 * e-mail), so that a new hire costs its create and its share of the round's read rather than a look-up
 * by e-mail and one of taken logins besides. Read once page by page, then brought up to date right before each
 * delivery round by one call listing who changed since the last read, former employees included: the duplicate
 * check and the choice of a login are made against what Lucca said a moment ago.
 * <p>
 * "Since" is Lucca's own clock, not ours: the {@code Date} header of the previous read, in the instance's local time
 * (v3 date-times carry no offset: {@link LuccaConnection#zone}, the tenant's LUCCA_TIMEZONE), less {@link #OVERLAP},
 * so that a change Lucca stamped just before it answered, or committed a little after it stamped it, is read again
 * rather than missed. Reading someone twice costs nothing.
 * <p>
 * When the directory cannot be trusted (never read, or its last read failed) it says so ({@link #answers}) and the
 * delivery falls back to asking Lucca for each hire, as it did before the directory existed. Each connector
 * instance keeps its own directory in memory: see docs/several-instances.md for why that costs fewer calls than
 * sharing it through the journal.
 * <p>
 * The directories of every Lucca hold at most their {@link PeopleBudget} together. One that would go past it while
 * it is filled is dropped, said once in the log, and cannot answer: its Lucca's hires are looked up in Lucca one by
 * one, as when its read fails. It is not read again (a read costs a call per thousand people, out of the rate limit
 * every integration of the customer shares) until the budget has more room than it had then: another Lucca's
 * directory was forgotten. A Lucca (or a key of it) no tenant in force uses any more is forgotten at the next reload
 * or delivery round, its people given back to the budget.
 * <p>
 * A known limit: the budget is shared, so a read of a small Lucca that goes past it while a large one's read fills it
 * (two tenants' rounds at the same moment) drops the small one, which then waits, as any dropped one, for more room
 * than it had: the large one's drop in turn, or a forgotten Lucca. A user this connector creates never drops a
 * directory ({@link #created}).
 */
public final class PeopleDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(PeopleDirectory.class);

    /**
     * How far each read goes back before the previous one. Lucca documents neither when it stamps {@code modifiedAt}
     * (at the change or at its commit) nor its clock's precision; the {@code Date} header counts whole seconds.
     * Ten minutes is far more than any of these, and costs only the people changed in them, in the same call.
     */
    static final Duration OVERLAP = Duration.ofMinutes(10);
    /**
     * A read older than this (by our clock) is not trusted: a hire delivered outside a round, or late in a round that
     * waited long for the rate limit, is looked up in Lucca instead.
     */
    static final Duration TRUSTED_FOR = Duration.ofMinutes(5);
    static final int PAGE_SIZE = 1000;
    /** How many users created through other keys' tenants a directory keeps until it is next asked or read. */
    static final int CREATED_ELSEWHERE = 1000;

    /** Someone Lucca knows, as the directory keeps them. */
    public record Person(long id, String mail, String login, LocalDate contractEnd, String personalEmail) {

        /** As a look-up by e-mail would have found them. */
        public LuccaPerson found() {
            return new LuccaPerson(id, login, mail, contractEnd, personalEmail);
        }

        /** Without the e-mails and login: a record can end up in a log line, a trace or a test's report. */
        @Override
        public String toString() {
            return "Person[id=" + id + ", contractEnd=" + contractEnd + "]";
        }
    }

    private final LuccaCaller lucca;
    private final LuccaRequests requests;
    private final Clock clock;
    private final PeopleBudget budget;
    private final Predicate<String> inUse;
    private final Map<String, People> byPeople = new ConcurrentHashMap<>();

    /**
     * @param clock        ours: only for how old a read is, and which of the zone's offsets were in force since
     * @param budget       the people every directory holds together, at most
     * @param inUse        whether a tenant in force has these people ({@link LuccaConnection#people}: its Lucca
     *                     instance and key)
     */
    public PeopleDirectory(LuccaCaller lucca, LuccaRequests requests, Clock clock, PeopleBudget budget,
                           Predicate<String> inUse) {
        this.lucca = lucca;
        this.requests = requests;
        this.clock = clock;
        this.budget = budget;
        this.inUse = inUse;
    }

    /**
     * Reads who changed in Lucca since the last read (everyone, the first time). A failure is logged and leaves the
     * directory untrusted until a read succeeds: the hires of this round are then checked one by one, as before. So
     * are they while the directory is dropped over its budget (logged when it is dropped). Luccas no tenant uses
     * any more are forgotten first: their people make room for this read.
     */
    public void refresh(@Variable(Variables.LUCCA) LuccaConnection connection) {
        if (connection == null || connection.baseUrl().isEmpty()) {
            return;
        }
        forgetUnused();
        People people = people(connection);
        synchronized (people) {
            try {
                people.readWithinBudget(connection);
                people.catchUp();
            } catch (PeopleOverBudget e) {
                // told once, when it was dropped
            } catch (RuntimeException e) {
                people.trusted = false;
                LOG.warn("Tenant {}: Lucca's people could not be read ({}); this round looks each hire up in Lucca",
                        connection.tenant(), e.getClass().getSimpleName());
            }
        }
    }

    /**
     * The same read, for a create that Lucca refused: its failure goes to the caller, since the refusal cannot be
     * understood without it. A directory dropped over its budget fails so too ({@link PeopleOverBudget}), without a
     * call: the attempt is tried again later, and looks its hire up in Lucca (whose refusal is then final).
     */
    public void refreshNow(@Variable(Variables.LUCCA) LuccaConnection connection) {
        People people = people(connection);
        synchronized (people) {
            people.trusted = false;
            people.readWithinBudget(connection);
        }
    }

    /**
     * Forgets the people of every Lucca no tenant in force uses any more (a reload took its tenants away, or gave
     * them another Lucca), and gives them back to the budget. A read of such a Lucca under way is not waited for
     * (its pages, perhaps an hour's wait for Lucca's rate limit, would hold up a reload, or another tenant's round):
     * it stops at its next page, and gives its people back itself.
     */
    public void forgetUnused() {
        byPeople.forEach((whose, people) -> {
            if (!inUse.test(whose) && byPeople.remove(whose, people)) {
                // Set before the read's flag is looked at, as the read clears its flag before it looks at this one:
                // either the read sees it, or this sees the read under way.
                people.forgotten = true;
                if (!people.reading) {
                    synchronized (people) {
                        people.forget();
                    }
                }
            }
        });
    }

    /** Whether this Lucca's directory is dropped over the budget: its hires are looked up one by one. */
    public boolean dropped(LuccaConnection connection) {
        return people(connection).dropped();
    }

    /** How many Luccas' directories are dropped over the budget: their hires are looked up one by one. */
    public long overBudget() {
        return byPeople.values().stream().filter(People::dropped).count();
    }

    /** Whether the last read succeeded, a moment ago: what this directory says is what Lucca said then. */
    public boolean answers(LuccaConnection connection) {
        People people = people(connection);
        synchronized (people) {
            people.catchUp();
            return people.trusted && clock.instant().isBefore(people.readAt.plus(TRUSTED_FOR));
        }
    }

    /**
     * Everyone with this e-mail (ignoring case), employee, future or former, in the order of their ids: Lucca does not
     * make addresses unique (a former account beside a current one). Their addresses as Lucca writes them are what a
     * look-up by e-mail names.
     */
    public List<LuccaPerson> withMail(LuccaConnection connection, String mail) {
        People people = people(connection);
        synchronized (people) {
            people.catchUp();
            return people.withMail(lower(mail)).stream().map(Person::found).toList();
        }
    }

    /**
     * Everyone who has this as their personal e-mail (ignoring case and spaces around it, as mails are compared),
     * employee, future or former: a candidate Lucca knows under another (professional) address. Lucca documents no
     * {@code personalEmail=} filter, so only the directory can answer this; none for a blank e-mail.
     */
    public List<Person> withPersonalEmail(LuccaConnection connection, String personalEmail) {
        String wanted = lower(personalEmail);
        if (wanted.isEmpty()) {
            return List.of();
        }
        People people = people(connection);
        synchronized (people) {
            people.catchUp();
            Map<Long, Person> withIt = people.byPersonalEmail.get(wanted);
            return withIt == null ? List.of() : List.copyOf(withIt.values());
        }
    }

    /** Who has this login, ignoring case as Lucca compares logins, employee, future or former. */
    public Optional<LuccaPerson> withLogin(LuccaConnection connection, String login) {
        People people = people(connection);
        synchronized (people) {
            people.catchUp();
            return people.byId.values().stream()
                    .filter(person -> person.login() != null && person.login().equalsIgnoreCase(login))
                    .findFirst().map(Person::found);
        }
    }

    /** Every login that contains {@code part}, ignoring case, as {@code login=like,part} would list them. */
    public Set<String> loginsContaining(LuccaConnection connection, String part) {
        String wanted = lower(part);
        People people = people(connection);
        synchronized (people) {
            people.catchUp();
            return people.byId.values().stream()
                    .map(Person::login)
                    .filter(login -> login != null && lower(login).contains(wanted))
                    .collect(Collectors.toSet());
        }
    }

    /**
     * A user this connector has just created: known at once, before the next read lists them. Not to a directory
     * dropped over its budget, which holds nobody. One the budget has no room for is left out, and the directory is
     * not trusted until the next round reads it again (the read, not this, drops it if Lucca's people still do not
     * fit): the budget may be full only for the time another Lucca's read fills it, and a small Lucca is not dropped
     * for a large one. Known to every directory of the instance, whatever its key: a login is the instance's to give
     * once, and another tenant's hire of the same person must find them, even if its key's next read would not list
     * them.
     */
    public void created(LuccaConnection connection, long id, String mail, String login, LocalDate contractEnd,
                        String personalEmail) {
        People own = people(connection);
        Person person = new Person(id, mail, login, contractEnd, personalEmail);
        // not under the others' locks, which a read holds for all its pages (perhaps an hour's wait for Lucca's rate
        // limit): each puts them in under its own when it is next asked or read
        byPeople.values().stream().filter(people -> people != own && people.instance.equals(connection.instance()))
                .forEach(people -> people.createdElsewhere(person));
        synchronized (own) {
            own.catchUp();
            own.putCreated(person);
        }
    }

    /**
     * One directory per Lucca instance, key and zone: tenants that share all three share its people; a key limited to
     * some establishments has its own, read in full with it, as a directory shared with another key would lack whoever
     * only this key sees (and its "changed since" reads would never bring them). Two zones for one instance mean one
     * tenant is misconfigured: each keeps its own reads, so that neither misses people for the other's mistake.
     * Lucca's rate limit stays the instance's, whatever the key ({@link LuccaRateLimiter}).
     */
    private People people(LuccaConnection connection) {
        return byPeople.computeIfAbsent(connection.people(), key -> new People(connection.instance()));
    }

    private final class People {
        private final String instance;
        // made anew when the people are let go: a map emptied keeps the table it grew to
        private Map<Long, Person> byId = new HashMap<>();
        // Everyone by their address: one person for an address that is one person's, as almost every address is; the
        // few several people share (Lucca does not make addresses unique) are kept apart, with all of them, so that a
        // person costs what PeopleBudget counts
        private Map<String, Person> byMail = new HashMap<>();
        private Map<String, SortedMap<Long, Person>> byMailShared = new HashMap<>();
        /**
         * Everyone by their personal e-mail (several may share one), in the order of their ids: a hire that finds
         * nobody with its address looks here, so the look-up costs the same with 30 people or 30,000.
         */
        private Map<String, SortedMap<Long, Person>> byPersonalEmail = new HashMap<>();
        private Instant lastRead; // Lucca's clock at the last successful read; null: never read
        private Instant readAt = Instant.MIN; // ours, at the same moment
        private boolean trusted;
        // the budget's room once this directory was dropped over it: it is read again only when the budget has more;
        // -1 while it is not dropped. Read without the lock by the metric.
        private volatile long roomWhenDropped = -1;
        // its Lucca was forgotten: whoever still holds it adds nobody, whom the budget would never get back, and a read
        // stops at its next page. Set without the lock, which a read holds for as long as its pages take.
        private volatile boolean forgotten;
        // a read of Lucca is under way: a forget leaves the people to it
        private volatile boolean reading;

        // users created through another key's tenant of this instance (created): put in under this directory's lock,
        // at most CREATED_ELSEWHERE of them (a directory nobody asks, its tenant without hires, would keep them all)
        private final Queue<Person> createdElsewhere = new ConcurrentLinkedQueue<>();
        private final AtomicInteger createdElsewhereHeld = new AtomicInteger();
        // some were not kept: the directory is not trusted until its next read
        private volatile boolean createdElsewhereLeftOut;

        People(String instance) {
            this.instance = instance;
        }

        /** A user created through another key's tenant: kept for this directory's next look-up or read. */
        void createdElsewhere(Person person) {
            if (createdElsewhereHeld.incrementAndGet() > CREATED_ELSEWHERE) {
                createdElsewhereHeld.decrementAndGet();
                createdElsewhereLeftOut = true;
                return;
            }
            createdElsewhere.add(person);
        }

        /**
         * Puts in the users created through another key's tenant since this directory was last asked; its lock held.
         * Some left out: not trusted, so that this round's hires are looked up in Lucca (its next read trusts it again).
         */
        void catchUp() {
            for (Person person = createdElsewhere.poll(); person != null; person = createdElsewhere.poll()) {
                createdElsewhereHeld.decrementAndGet();
                putCreated(person);
            }
            if (createdElsewhereLeftOut) {
                createdElsewhereLeftOut = false;
                trusted = false;
            }
        }

        /** A user this connector created; its lock held. */
        void putCreated(Person person) {
            if (dropped()) {
                return;
            }
            try {
                put(person);
            } catch (PeopleOverBudget e) {
                trusted = false; // the next hire of the round would take their login: looked up in Lucca
            }
        }

        boolean dropped() {
            return roomWhenDropped >= 0;
        }

        /**
         * Reads Lucca, unless the directory was dropped and the budget has no more room for it than then; a read
         * that goes past the budget drops it. Either way, fails as a read that could not be made.
         */
        void readWithinBudget(LuccaConnection connection) {
            boolean wasDropped = dropped();
            if (wasDropped && budget.room() <= roomWhenDropped) {
                throw new PeopleOverBudget(budget.capacity());
            }
            // Read again, a dropped directory stays dropped until the read succeeds: the metric, and its alert, do not
            // end for the time of a read that may go past the budget once more.
            try {
                read(connection);
            } catch (PeopleOverBudget e) {
                drop(connection);
                throw e;
            } catch (RuntimeException e) {
                if (wasDropped) {
                    forget(); // a dropped directory holds nobody; the next round reads it again, in full
                }
                throw e;
            }
            roomWhenDropped = -1;
        }

        /**
         * Lets everyone go, untrusted, and said once (not again when a read of it goes past the budget once more): the
         * next read, if any, reads everyone again.
         */
        void drop(LuccaConnection connection) {
            boolean told = dropped();
            forget();
            roomWhenDropped = budget.room();
            if (told) {
                return;
            }
            LOG.warn("Tenant {}: Lucca lists more people than the people directories may hold ({} in all, a share of "
                    + "the heap): its hires are looked up in Lucca one by one, as when its people cannot be read, until "
                    + "-Xmx is raised (docs/deployment.md) or another Lucca is forgotten", connection.tenant(),
                    budget.capacity());
        }

        /** Gives everyone back to the budget: the directory is as if never read. */
        void forget() {
            budget.giveBack(byId.size());
            byId = new HashMap<>();
            byMail = new HashMap<>();
            byMailShared = new HashMap<>();
            byPersonalEmail = new HashMap<>();
            lastRead = null;
            readAt = Instant.MIN;
            trusted = false;
        }

        /**
         * Reads Lucca, unless its Lucca is forgotten meanwhile: the read then stops, lets everyone go, and fails as a read
         * that could not be made.
         */
        void read(LuccaConnection connection) {
            reading = true;
            try {
                readPages(connection);
            } finally {
                reading = false; // before forgotten is looked at: see forgetUnused
                if (forgotten) {
                    forget();
                }
            }
        }

        private void readPages(LuccaConnection connection) {
            String since = lastRead == null ? null : since(lastRead, connection.zone());
            Instant sentAt = clock.instant();
            Instant answeredAt = null;
            PagesWithoutEnd pages = new PagesWithoutEnd(since == null ? "list-people" : "list-people-changed");
            long counted = -1;
            for (int offset = 0; ; offset += PAGE_SIZE) {
                stopIfForgotten();
                ApiRequest request = since == null ? requests.everyone(offset, PAGE_SIZE)
                        : requests.changedSince(since, offset, PAGE_SIZE);
                LuccaCaller.Answer answer = lucca.call(connection, request);
                if (answeredAt == null) {
                    answeredAt = luccaTime(answer.date());
                }
                List<JsonNode> items = LuccaEnvelopes.v3Items(request.name(), answer.body());
                items.forEach(item -> put(new Person(item.path("id").asLong(), text(item, "mail"), text(item, "login"),
                        LuccaEnvelopes.day(item.path("dtContractEnd")), text(item, "personalEmail"))));
                List<Long> ids = items.stream().map(item -> item.path("id").asLong()).toList();
                if (since == null && offset == 0) {
                    // the first page's: someone created meanwhile raises later pages' counts though nobody is missed
                    // (their modifiedAt brings them at the next read), and would fail every read of a busy Lucca
                    counted = count(answer.body());
                }
                if (items.size() < PAGE_SIZE) {
                    missedNobody(request.name(), pages.seenWith(ids), counted);
                    break;
                }
                pages.next(ids);
            }
            // forgotten while the last page was on its way: its people were not kept, and read() lets the rest go
            stopIfForgotten();
            // The first page's Date: whatever changed while later pages were read is read again next time.
            lastRead = answeredAt;
            readAt = sentAt;
            trusted = true;
        }

        /**
         * A read whose Lucca was forgotten under it is a failure, not a read: a refused create judged against the
         * empty directory it leaves would be made final, where the attempt tried again would understand it.
         */
        private void stopIfForgotten() {
            if (forgotten) {
                throw new IllegalStateException("its Lucca, which no tenant uses any more, was forgotten while its "
                        + "people were read");
            }
        }

        /** @throws PeopleOverBudget when they are new here and the budget has no room left for them */
        void put(Person person) {
            if (forgotten) {
                return;
            }
            if (!byId.containsKey(person.id()) && !budget.take()) {
                throw new PeopleOverBudget(budget.capacity());
            }
            Person before = byId.put(person.id(), person);
            if (before != null && before.mail() != null) {
                removeMail(before);
            }
            if (person.mail() != null) {
                addMail(person);
            }
            // a personal e-mail changed or removed in Lucca no longer finds them
            if (before != null) {
                String was = lower(before.personalEmail());
                SortedMap<Long, Person> withIt = byPersonalEmail.get(was);
                if (withIt != null && withIt.remove(before.id()) != null && withIt.isEmpty()) {
                    byPersonalEmail.remove(was);
                }
            }
            String personalEmail = lower(person.personalEmail());
            if (!personalEmail.isEmpty()) {
                byPersonalEmail.computeIfAbsent(personalEmail, key -> new TreeMap<>()).put(person.id(), person);
            }
        }

        /** Everyone with this address (lower case), in the order of their ids. */
        List<Person> withMail(String mail) {
            SortedMap<Long, Person> shared = byMailShared.get(mail);
            if (shared != null) {
                return List.copyOf(shared.values());
            }
            Person one = byMail.get(mail);
            return one == null ? List.of() : List.of(one);
        }

        private void addMail(Person person) {
            String mail = lower(person.mail());
            SortedMap<Long, Person> shared = byMailShared.get(mail);
            if (shared != null) {
                shared.put(person.id(), person);
                return;
            }
            Person other = byMail.putIfAbsent(mail, person);
            if (other != null) {
                byMail.remove(mail);
                shared = new TreeMap<>();
                shared.put(other.id(), other);
                shared.put(person.id(), person);
                byMailShared.put(mail, shared);
            }
        }

        private void removeMail(Person person) {
            String mail = lower(person.mail());
            SortedMap<Long, Person> shared = byMailShared.get(mail);
            if (shared == null) {
                byMail.remove(mail, person);
                return;
            }
            shared.remove(person.id());
            if (shared.size() == 1) {
                byMailShared.remove(mail);
                byMail.put(mail, shared.get(shared.firstKey()));
            }
        }
    }

    /**
     * The instance's local time {@link #OVERLAP} before {@code luccaTime}, on the lowest of the offsets in force from
     * then to now: when the clocks go back an hour, a change made after the read carries an earlier local time.
     *
     * @param instanceZone the zone of the instance's clock, in which its v3 date-times are written
     */
    String since(Instant luccaTime, ZoneId instanceZone) {
        Instant from = luccaTime.minus(OVERLAP);
        ZoneRules rules = instanceZone.getRules();
        ZoneOffset lowest = rules.getOffset(from);
        for (ZoneOffsetTransition change = rules.nextTransition(from);
             change != null && change.getInstant().isBefore(clock.instant().plus(OVERLAP));
             change = rules.nextTransition(change.getInstant())) {
            if (change.getOffsetAfter().getTotalSeconds() < lowest.getTotalSeconds()) {
                lowest = change.getOffsetAfter();
            }
        }
        return LocalDateTime.ofInstant(from, lowest).withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /**
     * How many people Lucca counted for a read of everyone ({@code fields=collection.count}); -1 when it said not.
     * lucca-api.md documents the count it gives, not where in the answer: it is read beside the items, in
     * {@code data}, as the v4 lists give theirs beside theirs. A Lucca that gives none is read as before the count
     * was asked for.
     */
    private static long count(JsonNode answer) {
        JsonNode count = answer.path("data").path("count");
        return count.isIntegralNumber() ? count.asLong() : -1;
    }

    /**
     * Lucca documents no order for its pages: someone deleted once a page is read shifts everyone after them one place
     * back, and the first of the next page is on no page; unchanged, no later "changed since" read brings them. Such a
     * read collected fewer people than Lucca counted on its first page, before the delete: it fails, the directory
     * is not trusted (each hire of the round is looked up in Lucca) and the next round reads everyone again. Someone
     * created meanwhile is not counted there (their modifiedAt brings them at the next read): a busy Lucca does not
     * fail every read. A delete and a create after the first page go unseen.
     */
    private static void missedNobody(String call, int collected, long counted) {
        if (collected < counted) {
            throw new LuccaUnavailable(call, 200, "the read brought " + collected + " people where Lucca counted "
                    + counted + ": someone changed places between its pages, the read is made again");
        }
    }

    /** Lucca's clock, as its Date header says it; without a readable one the directory cannot know "since". */
    static Instant luccaTime(String dateHeader) {
        if (dateHeader == null) {
            throw new IllegalStateException("Lucca's answer has no Date header: its clock is unknown");
        }
        try {
            return ZonedDateTime.parse(dateHeader.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("Lucca's Date header is not an HTTP date", e);
        }
    }

    private static String text(JsonNode item, String field) {
        return LuccaPerson.text(item.path(field));
    }

    private static String lower(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
