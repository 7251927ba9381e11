package io.github.flatchrlucca.fake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Lucca instance on 127.0.0.1, stateful, for end-to-end tests: the endpoints the connector calls,
 * Lucca's API-key check, its rate limit where a test asks for one ({@link #enforceLimit}: none by default, since
 * most tests raise the connector's own limit to run fast), and the failures a test wants to see the connector survive.
 * Thread-safe: the connector calls it from several threads while the test seeds and observes it.
 */
public final class FakeLucca implements AutoCloseable {

    private static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final Front front;
    private final LuccaClock clock = new LuccaClock();
    private final Directory directory = new Directory(clock);
    private final DepartmentsResource departments;
    private final WorkContractsResource contracts;
    private final Faults faults = new Faults();
    private final RequestLog log = new RequestLog();

    private FakeLucca(HttpServer server, String apiKey) {
        this.server = server;
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.departments = new DepartmentsResource(baseUrl);
        this.contracts = new WorkContractsResource(directory, baseUrl);
        this.front = new Front(routes(new UsersResource(directory, departments, baseUrl, clock), contracts), faults,
                log, new LuccaDialect(), apiKey);
        this.executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", front);
    }

    /** Binds a free port on 127.0.0.1 and starts answering, accepting {@code apiKey}. */
    public static FakeLucca start(String apiKey) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            FakeLucca lucca = new FakeLucca(server, apiKey);
            server.start();
            return lucca;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Lucca", e);
        }
    }

    /** The whole API the fake knows; every other method and path gets a 404. */
    private Router routes(UsersResource users, WorkContractsResource contracts) {
        return new Router()
                .on("GET", "/api/v3/users", (call, path) -> users.find(call))
                .on("POST", "/api/v3/users", (call, path) -> users.create(call))
                .on("GET", "/directory/api/4.0/work-contracts", (call, path) -> contracts.list(call))
                .on("POST", "/directory/api/4.0/work-contracts", (call, path) -> contracts.create(call))
                .on("PATCH", "/directory/api/4.0/work-contracts/(\\d{1,9})",
                        (call, path) -> contracts.patch(call, Integer.parseInt(path.group(1))))
                .on("GET", DepartmentsResource.PATH, (call, path) -> departments.list(call));
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            // Daemon: a test that forgets close() must not keep the JVM alive.
            Thread thread = new Thread(task, "fake-lucca-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** From now on only this key is accepted, as after a key rotation in Lucca. */
    public void acceptKey(String apiKey) {
        front.acceptKey(apiKey);
    }

    // ---- seeding

    /**
     * A person already in Lucca, with the work contract their dates say (a former employee's ended). A duplicate
     * login is refused, a duplicate mail only after {@link #refuseDuplicateMails}.
     */
    public int addUser(String firstName, String lastName, String mail, String login,
                       LocalDate contractStart, LocalDate contractEndOrNull) {
        return addUser(firstName, lastName, mail, login, contractStart, contractEndOrNull, null);
    }

    /** Someone HR made in Lucca, with the personal e-mail Lucca keeps of them (null: none). */
    public int addUser(String firstName, String lastName, String mail, String login,
                       LocalDate contractStart, LocalDate contractEndOrNull, String personalEmail) {
        User user = new User(0, firstName, lastName, mail, login, Dates.dateTime(contractStart),
                contractEndOrNull == null ? null : Dates.dateTime(contractEndOrNull),
                null, null, null, null, personalEmail, null, null);
        return directory.add(user, true).id();
    }

    /**
     * From now on a user whose mail another one has, ignoring case, is refused with a 400, as the login always is.
     * Off by default: Lucca documents the login as unique and says nothing of the mail, and a fake that refused a
     * second create of one person would make a connector that sent it look right (its refused create finds the first).
     */
    public void refuseDuplicateMails() {
        directory.refuseDuplicateMails();
    }

    /**
     * A later (or earlier) work contract of someone already in Lucca, under the next contract id: a person's contracts
     * are listed in the order of their ids. Refused as Lucca refuses one that overlaps another of theirs.
     */
    public int addContract(int ownerId, int typeId, LocalDate startsOn, LocalDate endsOnOrNull) {
        return directory.addContract(new WorkContract(0, ownerId, typeId, startsOn.toString(),
                endsOnOrNull == null ? null : endsOnOrNull.toString(), null, null)).id();
    }

    /** A department of the instance, under the next free id (the first is 101); a create may name it. */
    public int addDepartment(String name, boolean active) {
        return departments.add(name, active);
    }

    /** The same under this id, for a setting that names it before the fake starts; a taken id is refused. */
    public int addDepartment(int id, String name, boolean active) {
        return departments.add(id, name, active);
    }

    // ---- fault injection: each consumed in the order asked, before the fake acts

    /**
     * The next {@code times} requests whose method matches ({@code "*"} for any) and whose path starts
     * with {@code pathPrefix} get {@code status}, and nothing is done.
     */
    public void failNext(String method, String pathPrefix, int status, int times) {
        faults.inject(method, pathPrefix, Reply.error(status, "Injected failure"), times);
    }

    /**
     * The next request whose method matches and whose path starts with {@code pathPrefix} gets this 200 answer, and
     * nothing is done: an answer the reference leaves room for, such as a page of a list whose paging it does not
     * document (lucca-api.md gives the work contracts' list a {@code count}, and no paging).
     */
    public void answerNext(String method, String pathPrefix, Object json) {
        faults.inject(method, pathPrefix, Reply.ok(json), 1);
    }

    /**
     * From now on the work contracts' list answers {@code perPage} contracts a page (0: all on one page, as by
     * default), each page with the list's {@code count} and the absolute URL of the {@code next} one (null on the
     * last), as the departments' list pages: lucca-api.md documents the envelope {@code {"items", "count"}} and no
     * paging, which a connector must not take for a list that never pages.
     */
    public void pageWorkContracts(int perPage) {
        contracts.pageBy(perPage);
    }

    /** Drops every failure still pending, as when Lucca recovers from an outage. */
    public void recover() {
        faults.clear();
    }

    /** The next {@code times} requests, whatever they are, get 429 with this Retry-After. */
    public void rateLimitNext(int times, int retryAfterSeconds) {
        faults.inject(Faults.ANY_METHOD, "/", Reply.tooManyRequests(retryAfterSeconds), times);
    }

    /** The same, for the next calls of one kind only (e.g. the creates, and not the reads before them). */
    public void rateLimitNext(String method, String pathPrefix, int times, int retryAfterSeconds) {
        faults.inject(method, pathPrefix, Reply.tooManyRequests(retryAfterSeconds), times);
    }

    /**
     * The next {@code POST /api/v3/users} that gets past the key and limit checks is served (the user and
     * its contract exist afterwards, or its 400 is decided) but no answer is sent: the connection is closed
     * before any response byte, so the client sees an end of stream (an IOException), never a status.
     */
    public void loseAnswerOfNextCreate() {
        faults.loseNextAnswer("POST", "/api/v3/users");
    }

    /** The same for the next {@code POST /directory/api/4.0/work-contracts}: the contract exists, no answer comes. */
    public void loseAnswerOfNextContractCreate() {
        faults.loseNextAnswer("POST", "/directory/api/4.0/work-contracts");
    }

    /**
     * Lucca's own limit: at most {@code requests} in any sliding {@code window}; over it, 429 with
     * Retry-After in whole seconds until a slot frees (at least 1). Every admitted request takes a slot,
     * whatever its outcome; the refused ones do not, so a client honouring Retry-After gets through.
     */
    public void enforceLimit(int requests, Duration window) {
        front.limit(new SlidingWindowLimiter(requests, window));
    }

    /**
     * The next {@code POST /api/v3/users} is served (the user exists at once) and answered only once the returned
     * action runs: a create on its way for as long as the test needs.
     */
    public Runnable holdAnswerOfNextCreate() {
        return front.holdNextAnswer("POST", "/api/v3/users");
    }

    /** Every answer waits this long (the request is logged at its arrival). */
    public void latency(Duration perRequest) {
        front.latency(perRequest);
    }

    // ---- observation

    public List<User> users() {
        return directory.users();
    }

    public List<WorkContract> contracts() {
        return directory.contracts();
    }

    public List<Request> requests() {
        return log.all();
    }

    /** Every {@code POST /api/v3/users} received, in the order they came: refused and unanswered ones too. */
    public List<Request> userCreates() {
        return log.all().stream().filter(request -> "POST".equals(request.method())
                && "/api/v3/users".equals(request.path())).toList();
    }

    /** Requests received with this method and a path starting with {@code pathPrefix}, refused ones too. */
    public long count(String method, String pathPrefix) {
        return log.count(method, pathPrefix);
    }

    /** The most requests received within any sliding window of this length: to prove a client-side limiter. */
    public int maxRequestsInAnyWindow(Duration window) {
        return log.maxInAnyWindow(window);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
