package io.github.flatchrlucca.fake.flatchr;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.flatchrlucca.fake.ApiError;
import io.github.flatchrlucca.fake.Faults;
import io.github.flatchrlucca.fake.Front;
import io.github.flatchrlucca.fake.Json;
import io.github.flatchrlucca.fake.Reply;
import io.github.flatchrlucca.fake.Request;
import io.github.flatchrlucca.fake.RequestLog;
import io.github.flatchrlucca.fake.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Flatchr's REST API on 127.0.0.1, stateful, for end-to-end tests: one company, its vacancies, pipeline
 * columns, tags and applications, the endpoints a connector calls to find hires and write an outcome back,
 * the API key check (and its expiry), and the failures a test wants to see the connector survive.
 * Thread-safe: the connector calls it from several threads while the test seeds and observes it.
 *
 * <p>Behaviour follows {@code shared/reference/flatchr-api.md}; where it is silent the plainest reading is
 * taken and said where it is coded. Paths naming another company key answer 404, not 403: to this key the
 * other company's resources do not exist, which is what a 404 says, and the reference tells clients to read a
 * 404 as "this API does not have it".
 */
public final class FakeFlatchr implements AutoCloseable {

    private static final int THREADS = 8;
    private static final String COMPANY = "/company/([^/]+)";
    private static final String APPLICANT = COMPANY + "/applicant/([^/]+)";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final Company company;
    private final Front front;
    private final Faults faults = new Faults();
    private final RequestLog log = new RequestLog();
    private final FlatchrDialect dialect = new FlatchrDialect();
    private volatile boolean olderSearchItems;
    private volatile Function<JsonNode, Reply> everyChangeAnswer = body -> null;

    private FakeFlatchr(HttpServer server, String apiKey, String companyKey) {
        this.server = server;
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.company = new Company(companyKey);
        this.front = new Front(routes(), faults, log, dialect, apiKey);
        this.executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", front);
    }

    /** Binds a free port on 127.0.0.1 and starts answering for the company {@code companyKey}, accepting {@code apiKey}. */
    public static FakeFlatchr start(String apiKey, String companyKey) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            FakeFlatchr flatchr = new FakeFlatchr(server, apiKey, companyKey);
            server.start();
            return flatchr;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Flatchr", e);
        }
    }

    /** The whole API the fake knows; every other method and path gets a 404. */
    private Router routes() {
        ApplicantsResource applicants = new ApplicantsResource(company, () -> olderSearchItems,
                body -> everyChangeAnswer.apply(body));
        TraitsResource traits = new TraitsResource(company);
        VacanciesResource vacancies = new VacanciesResource(company);
        return new Router()
                .on("POST", COMPANY + "/search/applicants", ofCompany((call, path) -> applicants.search(call)))
                .on("GET", APPLICANT, ofCompany((call, path) -> applicants.one(call, path.group(2))))
                .on("GET", APPLICANT + "/traits", ofCompany((call, path) -> traits.list(path.group(2))))
                .on("POST", APPLICANT + "/trait", ofCompany((call, path) -> traits.write(call, path.group(2))))
                .on("GET", COMPANY + "/vacancies", ofCompany((call, path) -> vacancies.list(call)))
                .on("GET", "/vacancy/([^/]+)", (call, path) -> vacancies.one(call, path.group(1)))
                .on("GET", COMPANY + "/columns",
                        ofCompany((call, path) -> Reply.ok(company.columns().stream().map(Shapes::column).toList())))
                .on("GET", COMPANY + "/tags",
                        ofCompany((call, path) -> Reply.ok(company.tags().stream().map(Shapes::tag).toList())));
    }

    /** The endpoint, for this company's key only (the path's first group). */
    private Router.Endpoint ofCompany(Router.Endpoint endpoint) {
        return (call, path) -> {
            if (!company.key().equals(path.group(1))) {
                throw ApiError.notFound("no company " + path.group(1));
            }
            return endpoint.handle(call, path);
        };
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            // Daemon: a test that forgets close() must not keep the JVM alive.
            Thread thread = new Thread(task, "fake-flatchr-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The encoded company key every {@code /company/{companyKey}/...} path must name. */
    public String companyKey() {
        return company.key();
    }

    /**
     * From now on the search's items leave {@code vacancy_id} out, as the older docs' shorter item does (the
     * reference: "older docs list fewer fields"): the vacancy is then named by its title only.
     */
    public void answerSearchesAsOlderDocs() {
        olderSearchItems = true;
    }

    /** From now on only this key is accepted, as after an admin made a new key in Flatchr. */
    public void acceptKey(String apiKey) {
        front.acceptKey(apiKey);
    }

    /** The key is past its 365 days: every call answers 401 from now on, until {@link #acceptKey} names a new one. */
    public void expireKey() {
        front.refuseEveryKey();
    }

    // ---- seeding (a seeding mistake, such as an unknown column or a duplicate id, is an IllegalArgumentException)

    /** A vacancy; its tags become tags of the company too. */
    public void addVacancy(Vacancy vacancy) {
        company.add(vacancy);
    }

    /** A column of the pipeline; titles are unique, as the search's {@code column} filter names them. */
    public void addColumn(Column column) {
        company.add(column);
    }

    public void addTag(Tag tag) {
        company.add(tag);
    }

    /** An application on a vacancy and in a column already added; answers its encoded id. */
    public String addApplication(ApplicationSeed seed) {
        return company.add(seed).id();
    }

    /**
     * The candidate is dragged into another column, now: {@code hired} follows the column, and the application
     * counts as updated now (use {@link #updatedAt} to set another time). No webhook is sent: the fake plays the
     * API only, which is the case the connector's catch-up search is for.
     */
    public void moveTo(String applicantId, String columnTitle) {
        company.move(applicantId, columnTitle, Instant.now());
    }

    /** The application is archived now ({@code status} 0), staying in its column; it counts as updated now. */
    public void archive(String applicantId) {
        company.archive(applicantId, Instant.now());
    }

    /**
     * A recruiter edits the candidate (corrects their e-mail, say), now: the application counts as updated now, as
     * the search's {@code updated_at} shows (a last change), and no webhook is sent (Flatchr has no event for an edit).
     */
    public void editCandidate(String applicantId, Candidate edited) {
        company.edit(applicantId, edited, Instant.now());
    }

    /** The application's last change, as the search's {@code updated_at} and update window see it. */
    public void updatedAt(String applicantId, Instant at) {
        company.updatedAt(applicantId, at);
    }

    /**
     * {@code GET .../applicant/{applicantId}} answers 404 for this application (that endpoint is undocumented,
     * the reference says to treat its 404 as "this API does not have it"); the search still finds it.
     */
    public void hideFromApplicantEndpoint(String applicantId) {
        company.hideFromDetails(applicantId);
    }

    // ---- fault injection: each consumed in the order asked, before the fake looks at the key or acts

    /**
     * The next {@code times} requests whose method matches ({@code "*"} for any) and whose path starts
     * with {@code pathPrefix} get {@code status}, and nothing is done.
     */
    public void failNext(String method, String pathPrefix, int status, int times) {
        faults.inject(method, pathPrefix, dialect.error(status, "Injected failure"), times);
    }

    /** As {@link #failNext(String, String, int, int)}, each answer asking to wait this long (Retry-After). */
    public void failNext(String method, String pathPrefix, int status, int times, int retryAfterSeconds) {
        faults.inject(method, pathPrefix, dialect.error(status, "Injected failure")
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds)), times);
    }

    /** The next {@code times} requests, whatever they are, get 429 with this Retry-After. */
    public void rateLimitNext(int times, int retryAfterSeconds) {
        faults.inject(Faults.ANY_METHOD, "/", dialect.error(429, "Too Many Requests")
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds)), times);
    }

    /** The next search is answered 200 with this JSON, whatever it asks for. */
    public void answerNextSearchWith(Object json) {
        faults.inject("POST", "/company/" + companyKey() + "/search", Reply.ok(json), 1);
    }

    /**
     * From now on a search of every change (one filtered by no hired flag, column or e-mail) gets this reply, as a
     * Flatchr whose answer is over the connector's cap would; null: answered as any other again.
     */
    public void answerSearchesOfEveryChangeWith(Reply reply) {
        everyChangeAnswer = body -> reply;
    }

    /**
     * From now on a search of every change whose days include {@code day} (from its {@code start_update}, before its
     * {@code end_update}, Paris days as the search's filters read them) gets this reply, as one that takes in a day
     * of bulk changes over the connector's cap would; the others are answered as any search.
     */
    public void answerSearchesOfEveryChangeCovering(LocalDate day, Reply reply) {
        Instant start = day.atStartOfDay(FlatchrDays.PARIS).toInstant();
        everyChangeAnswer = body -> {
            String from = Json.text(body, "start_update");
            String before = Json.text(body, "end_update");
            boolean covers = (from == null || !FlatchrDays.startOfRequestDay(from, "start_update").isAfter(start))
                    && (before == null || start.isBefore(FlatchrDays.startOfRequestDay(before, "end_update")));
            return covers ? reply : null;
        };
    }

    /** Drops every failure still pending, as when Flatchr recovers from an outage (the latency stays). */
    public void recover() {
        faults.clear();
    }

    /** Every answer waits this long (the request is logged at its arrival, before the wait). */
    public void latency(Duration perRequest) {
        front.latency(perRequest);
    }

    // ---- observation

    /** The application as it is now. */
    public Application application(String applicantId) {
        return company.application(applicantId)
                .orElseThrow(() -> new IllegalArgumentException("no application " + applicantId));
    }

    /** Every application, in the order they were added. */
    public List<Application> applications() {
        return company.applications();
    }

    /** The tag values written on this application, in the order they were first written. */
    public List<Trait> traits(String applicantId) {
        application(applicantId);
        return company.traits(applicantId);
    }

    public List<Request> requests() {
        return log.all();
    }

    /** Searches of applicants received whose body filters on {@code field} ("hired", "column"), refused ones too. */
    public long searchesFilteredOn(String field) {
        return log.all().stream().filter(request -> "POST".equals(request.method())
                && request.path().endsWith("/search/applicants") && request.body() != null
                && request.body().contains("\"" + field + "\"")).count();
    }

    /** The bodies of the searches of every change received (filtered by no hired flag, column or e-mail), in turn. */
    public List<String> searchesOfEveryChange() {
        return log.all().stream().filter(request -> "POST".equals(request.method())
                && request.path().endsWith("/search/applicants") && request.body() != null
                && List.of("hired", "column", "email").stream()
                        .noneMatch(field -> request.body().contains("\"" + field + "\"")))
                .map(Request::body).toList();
    }

    /** Requests received with this method and a path starting with {@code pathPrefix}, refused ones too. */
    public long count(String method, String pathPrefix) {
        return log.count(method, pathPrefix);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
