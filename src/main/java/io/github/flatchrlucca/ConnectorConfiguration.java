package io.github.flatchrlucca;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.flatchrlucca.delivery.DefaultDepartments;
import io.github.flatchrlucca.delivery.DeliveryFailures;
import io.github.flatchrlucca.delivery.DeliveryRecords;
import io.github.flatchrlucca.delivery.DeliverySteps;
import io.github.flatchrlucca.delivery.RehireSteps;
import io.github.flatchrlucca.delivery.DueHires;
import io.github.flatchrlucca.http.RetrySchedule;
import io.github.flatchrlucca.http.AnswerLimits;
import io.github.flatchrlucca.http.Backoff;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.http.ProblemReplies;
import io.github.flatchrlucca.http.BodyBudget;
import io.github.flatchrlucca.http.RequestGate;
import io.github.flatchrlucca.http.VertxServers;
import io.github.flatchrlucca.intake.FlatchrEventClassifier;
import io.github.flatchrlucca.intake.IntakeSteps;
import io.github.flatchrlucca.intake.JsonBodyReader;
import io.github.flatchrlucca.intake.VerdictRecorder;
import io.github.flatchrlucca.intake.WebhookReplies;
import io.github.flatchrlucca.intake.WebhookToken;
import io.github.flatchrlucca.journal.DataDirectory;
import io.github.flatchrlucca.journal.DataDirectoryLock;
import io.github.flatchrlucca.journal.EmbeddedJournal;
import io.github.flatchrlucca.flatchr.FlatchrAnswers;
import io.github.flatchrlucca.flatchr.FlatchrPause;
import io.github.flatchrlucca.flatchr.FlatchrTurns;
import io.github.flatchrlucca.flatchr.FlatchrRequests;
import io.github.flatchrlucca.journal.Instances;
import io.github.flatchrlucca.journal.AddressReservations;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalClock;
import io.github.flatchrlucca.journal.Reconciliations;
import io.github.flatchrlucca.journal.WriteBacks;
import io.github.flatchrlucca.routes.Variables;
import io.github.flatchrlucca.writeback.WriteBackSteps;
import io.github.flatchrlucca.reconciliation.ReconciliationSteps;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.JournalSchema;
import io.github.flatchrlucca.journal.RateLimitStore;
import io.github.flatchrlucca.journal.SyncedJournal;
import io.github.flatchrlucca.lucca.DepartmentDirectory;
import io.github.flatchrlucca.lucca.LuccaCaller;
import io.github.flatchrlucca.lucca.LuccaConnection;
import io.github.flatchrlucca.lucca.PeopleBudget;
import io.github.flatchrlucca.lucca.PeopleDirectory;
import io.github.flatchrlucca.lucca.LuccaAnswers;
import io.github.flatchrlucca.lucca.LuccaRateLimiter;
import io.github.flatchrlucca.lucca.LuccaRequests;
import io.github.flatchrlucca.operations.AdminApi;
import io.github.flatchrlucca.operations.AdminTokenCheck;
import io.github.flatchrlucca.operations.Alerts;
import io.github.flatchrlucca.operations.Backfills;
import io.github.flatchrlucca.operations.ChatRefusals;
import io.github.flatchrlucca.operations.ConnectorMetrics;
import io.github.flatchrlucca.operations.GracefulStop;
import io.github.flatchrlucca.operations.JournalWatch;
import io.github.flatchrlucca.operations.LuccaHealthCheck;
import io.github.flatchrlucca.operations.MappingPreview;
import io.github.flatchrlucca.operations.ReadinessCheck;
import io.github.flatchrlucca.operations.Retention;
import io.github.flatchrlucca.operations.StatusPage;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.TenantDefaults;
import io.github.flatchrlucca.tenants.TenantRoutes;
import io.github.flatchrlucca.tenants.TenantSettings;
import io.github.flatchrlucca.tenants.Tenants;
import io.github.flatchrlucca.tenants.TenantsFileWatch;
import io.github.flatchrlucca.tenants.WebhookAuthenticator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and checks the settings, then binds the small beans the YAML routes refer to by name.
 * A wrong setting throws here, so the connector stops before it accepts anything.
 */
public final class ConnectorConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorConfiguration.class);
    // The name under which camel-micrometer-prometheus looks for (or binds) its registry.
    private static final String METRICS_REGISTRY = "metricsRegistry";
    private static final Duration JOURNAL_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    // pgjdbc waits for an answer without end by default: a statement under way when the database vanished without a
    // reset (its host gone, the network cut) held a webhook, or a delivery, until the system's TCP timeout (minutes
    // to hours). Longer than any statement the journal runs: retention erases a few hundred hires at a time, and a
    // migration's index of the hire table takes seconds for a million hires.
    static final Duration JOURNAL_SOCKET_TIMEOUT = Duration.ofSeconds(30);
    // A search of Flatchr is claimed for this long, and renewed before each change it makes to the journal (each hire
    // it records, each move, the ids it keeps, its end): an instance that died mid-search leaves it to another after
    // that, and a run that outlived its lease stops at its next change.
    private static final Duration RECONCILIATION_LEASE = Duration.ofMinutes(5);
    // Webhook workers and the delivery poller share it; Vert.x runs at most 20 webhook handlers at once.
    private static final int JOURNAL_POOL_SIZE = 10;

    @Override
    public void configure(CamelContext camel) throws Exception {
        PropertiesComponent properties = camel.getPropertiesComponent();
        SettingsReader in = new SettingsReader(properties::resolveProperty);
        ConnectorSettings settings = ConnectorSettings.read(in);
        LOG.info("Settings: {}", in.summary());
        FreePorts.check(settings);
        // Every answer over HTTP is bounded in size and time (Lucca, Flatchr's API, the chat): see AnswerLimits.
        Duration longestCall = Duration.ofMillis(2 * in.get(Settings.LUCCA_TIMEOUT));
        AnswerLimits answerLimits = new AnswerLimits(AnswerLimits.MAX_BYTES, longestCall);
        camel.getComponent("http", HttpComponent.class).setHttpClientConfigurer(answerLimits);
        camel.getComponent("https", HttpComponent.class).setHttpClientConfigurer(answerLimits);
        // the chat's: its connection and its answer, five seconds each (routes/operations.camel.yaml)
        camel.getRegistry().bind("alertAnswerLimits", new AnswerLimits(AnswerLimits.MAX_BYTES, Duration.ofSeconds(10)));

        // Making Vert.x (Netty's classes, its threads) took a tenth of the start: it is made meanwhile, on a thread
        // of its own (BENCHMARKS.md, "A start in two parts")
        CompletableFuture<VertxServers> server = CompletableFuture.supplyAsync(
                () -> VertxServers.create(settings.httpIdleTimeout(), settings.httpRequestTimeout()),
                task -> new Thread(task, "vertx-making").start());
        // every time the connector reckons with is the journal's, which instances sharing it agree on (JournalClock)
        Clock machineClock = Clock.systemUTC();
        JournalClock clock = new JournalClock(machineClock);
        ObjectMapper json = new ObjectMapper();
        Registry registry = camel.getRegistry();
        HikariDataSource journalPool;
        try {
            journalPool = journalDataSource(settings);
        } catch (UncheckedIOException dataDir) {
            throw dataDirRefused(dataDir);
        }
        // PostgreSQL syncs each commit itself (synchronous_commit); H2 waits for a group's sync (SyncedJournal)
        DataSource journalData = settings.embeddedJournal() ? new SyncedJournal(journalPool) : journalPool;
        String instance = UUID.randomUUID().toString();
        Journal journal = new Journal(journalData, clock, settings.lease(), instance);
        JournalReader reader = new JournalReader(journalData);
        Instances instances = new Instances(journalData, clock, instance);
        // asked by a timer (route watch-journal): a health request never waits for a journal that is down
        JournalWatch journalWatch = new JournalWatch(reader, machineClock, clock);
        DataDirectoryLock dataDirLock = new DataDirectoryLock(settings.dataDir());
        camel.addStartupListener(new JournalOpening(() -> openJournal(settings, journalPool, dataDirLock), () -> {
            ownerOnly(settings.dataDir());
            // before any route reckons a lease with it
            journalWatch.look();
            if (settings.embeddedJournal()) {
                // this process alone uses it: whatever an earlier one (crashed, killed) held or said is stale
                journal.releaseClaims();
                instances.forgetOthers();
            }
        }, FlatchrLucca::refuseToStart));
        registry.bind("journal", journal);

        // DATA_DIR is another connector's to take only once this one has closed the journal's file
        AutoCloseable journalConnections = () -> {
            try (dataDirLock) {
                journalPool.close();
            }
        };

        ConnectorMetrics metrics = new ConnectorMetrics(meterRegistry(registry), reader, settings.alertQueueAge(),
                clock);
        Alerts alerts = new Alerts(alertSender(camel, settings, json), settings.publicBaseUrl(), reader,
                settings.alertQueueAge(), clock);
        registry.bind("alerts", alerts);
        registry.bind("chatRefusals", new ChatRefusals(clock));
        Tenants tenants = new Tenants(settings.departmentPointer(),
                LuccaRateLimiter.windowSlack(LuccaRateLimiter.clockDisagreement(!settings.embeddedJournal())),
                alerts::credentialsChanged, alerts::flatchrKeyChanged);
        registry.bind("tenants", tenants);
        LuccaRequests requests = new LuccaRequests(json);
        registry.bind("luccaRequests", requests);
        PeopleDirectory people = peopleDirectory(camel, requests, tenants, clock, metrics);
        TenantRoutes tenantRoutes = bindTenants(camel, settings, tenants, metrics, alerts, people, clock);

        FlatchrEventClassifier classifier = new FlatchrEventClassifier();
        WebhookAuthenticator webhookAuthenticator = new WebhookAuthenticator(tenants, alerts, clock);
        bindIntake(registry, settings, json, journal, webhookAuthenticator, classifier, metrics, alerts);
        AdminTokenCheck adminTokenCheck = new AdminTokenCheck(settings.adminToken(), tenants);
        bindHttpServer(camel, settings, server.join(), json, webhookAuthenticator, adminTokenCheck, metrics);

        DepartmentDirectory departments = bindLucca(camel, settings, json, requests, clock, metrics,
                new RateLimitStore(journalData), longestCall);
        DeliverySteps steps = bindDelivery(registry, settings, json, journal, new AddressReservations(journalData, clock),
                requests, clock, metrics, alerts);
        DefaultDepartments defaultDepartments = new DefaultDepartments(departments, tenants, alerts);
        registry.bind("defaultDepartments", defaultDepartments);
        Reconciliations reconciliations = new Reconciliations(journalData, clock, RECONCILIATION_LEASE, instance);
        // one pause per Flatchr company, honoured by every call to it: search, tag look-up, write-back
        FlatchrPause flatchrPause = new FlatchrPause(clock, settings.retryInitialDelay(), settings.retryMaxDelay());
        registry.bind("flatchrPause", flatchrPause);
        // one call at a time per company: a caller waits for the one making its call and two more ahead of it
        FlatchrTurns flatchrTurns = new FlatchrTurns(longestCall.multipliedBy(3));
        registry.bind("flatchrTurns", flatchrTurns);
        // an outcome's claim is renewed before each of its calls: another instance never takes over one on its way
        Duration writeBackLease = flatchrTurns.leaseCovering(longestCall, RECONCILIATION_LEASE);
        FlatchrRequests flatchrRequests = bindReconciliation(registry, json, tenants, reconciliations, instances,
                journal, classifier, metrics, flatchrPause, alerts, clock);
        WriteBacks writeBacks = new WriteBacks(journalData, clock, writeBackLease, instance);
        WriteBackSteps writeBack = new WriteBackSteps(json, tenants, writeBacks, flatchrRequests,
                retrySchedule(settings), metrics, flatchrPause, clock);
        registry.bind("writeBack", writeBack);
        GracefulStop stop = new GracefulStop(journal, writeBacks, reconciliations, instances, settings.shutdownDrain(),
                journalConnections);
        camel.getManagementStrategy().addEventNotifier(stop);
        registry.bind("acceptingHealth", stop.readiness());

        registry.bind("adminTokenCheck", adminTokenCheck);
        registry.bind("statusPage", new StatusPage(adminTokenCheck));
        registry.bind("adminApi", new AdminApi(json, journal, reader, reconciliations, classifier, tenants,
                settings.zone(), settings.alertQueueAge(), clock, defaultDepartments::health));
        registry.bind("mappingPreview", new MappingPreview(json, steps, departments, defaultDepartments, tenants,
                clock));
        registry.bind("retention", new Retention(journal, settings.retention(), settings.retryMaxAge(),
                tenants::writingBack, clock));
        metrics.journalClock(journalWatch::clockAheadSeconds);
        registry.bind("journalWatch", journalWatch);
        registry.bind("journalHealth", new ReadinessCheck("journal", journalWatch::answers, JournalWatch.DOWN));
        registry.bind("luccaHealth", new LuccaHealthCheck(tenants, !settings.managementOnServerPort(),
                writeBack::tagHealth, defaultDepartments::health, tenantRoutes::state));
        announce(settings, tenants);
    }

    /**
     * The tenants: the environment's own (unless a tenants file replaces it) and the file's, read now so that a
     * bad file stops the start, then polled; each tenant in force gets its own delivery route, one that could not be
     * made tried again as a hire's delivery is.
     */
    private static TenantRoutes bindTenants(CamelContext camel, ConnectorSettings settings, Tenants tenants,
                                            ConnectorMetrics metrics, Alerts alerts, PeopleDirectory people,
                                            Clock clock) throws Exception {
        TenantRoutes routes = new TenantRoutes(camel, tenants, retrySchedule(settings), clock,
                alerts::deliveryRouteChanged);
        camel.addStartupListener(routes);
        camel.getRegistry().bind("tenantRoutes", routes);
        Optional<TenantSettings> defaultTenant = settings.hasDefaultTenant()
                ? Optional.of(settings.defaultTenant(WebhookToken.configuredOrKept(settings.webhookToken(), settings.dataDir())))
                : Optional.empty();
        TenantDefaults inherited = settings.tenantDefaults();
        TenantsFileWatch watch = new TenantsFileWatch(settings.tenantsFile(), defaultTenant, settings.adminToken(),
                name -> Optional.ofNullable(System.getenv(name)), inherited, tenants,
                ids -> {
                    metrics.tenantsAre(ids, id -> tenants.find(id).flatMap(Tenant::flatchr).isPresent());
                    routes.sync(ids);
                    people.forgetUnused();
                }, alerts::tenantsRefused);
        watch.loadAtStart();
        metrics.tenantsFile(watch::fileRefused);
        camel.getRegistry().bind("tenantsFileWatch", watch);
        return routes;
    }

    private static void bindIntake(Registry registry, ConnectorSettings settings, ObjectMapper json, Journal journal,
                                   WebhookAuthenticator webhookAuthenticator, FlatchrEventClassifier classifier,
                                   ConnectorMetrics metrics, Alerts alerts) {
        registry.bind("webhookAuthenticator", webhookAuthenticator);
        registry.bind("jsonBodyReader", new JsonBodyReader(json, settings.maxBodyBytes()));
        registry.bind("flatchrEventClassifier", classifier);
        registry.bind("webhookReplies", new WebhookReplies(json, metrics));
        registry.bind("intakeSteps", new IntakeSteps(classifier, new VerdictRecorder(journal), alerts, alerts));
        registry.bind("problemReplies", new ProblemReplies(json));
    }

    /**
     * The HTTP server's edges: connections idle too long, or too slow to send a request, are closed, and what can be
     * refused from a request's line and headers (a wrong token, a body declared too large) is refused before the
     * body is read. Where health and metrics share the webhook's port, the metrics (they name every tenant) need
     * ADMIN_TOKEN.
     */
    private static void bindHttpServer(CamelContext camel, ConnectorSettings settings, VertxServers vertx,
                                       ObjectMapper json, WebhookAuthenticator webhookAuthenticator,
                                       AdminTokenCheck adminTokenCheck, ConnectorMetrics metrics) throws Exception {
        camel.getRegistry().bind("vertx", vertx);
        // Camel closes a Vert.x it made, not one it is given: without this its threads would keep the process alive
        // after a stop that is no signal (Camel Main's duration, which the class-archive build in the Dockerfile uses)
        camel.addService(new org.apache.camel.Service() {
            @Override
            public void start() {
            }

            @Override
            public void stop() {
                vertx.close();
            }
        }, true, true);
        RequestGate gate = new RequestGate(json, settings.serverPort(), settings.maxBodyBytes(),
                BodyBudget.ofHeap(Runtime.getRuntime().maxMemory(), settings.maxBodyBytes()), settings.httpRequestTimeout(), vertx::requestArrived, new RequestGate.Observer() {
                    @Override
                    public void refused(String path, String admitted, int status) {
                        if (path.startsWith(WebhookAuthenticator.PATH)) {
                            // the tenant whose token the gate accepted (the body then too large, too slow, badly
                            // chunked); refused before that, the URL's tenant is only a claim: never a label
                            metrics.webhook(admitted != null ? admitted : "unknown", WebhookReplies.outcome(status));
                        }
                    }

                    @Override
                    public void abandoned(String path) {
                        metrics.requestAbandoned();
                    }
                })
                .bodies(WebhookAuthenticator.PATH + "*", (path, request) -> webhookAuthenticator.authenticate(
                        WebhookAuthenticator.tenantOfPath(path), request.getParam("token")).id())
                .bodies("/admin/api/*", (path, request) -> adminTokenCheck.scopeOf(request.getHeader("Authorization")));
        if (settings.managementOnServerPort()) {
            gate.reads("/observe/metrics", (path, request) -> {
                adminTokenCheck.checkEveryTenant(request.getHeader("Authorization"));
                return null;
            });
        } else {
            gate.answersOn(settings.managementPort());
        }
        camel.addStartupListener(gate);
    }

    /** Flatchr's API, the webhook's safety net: each tenant with a key is searched for the hires it missed. */
    private static FlatchrRequests bindReconciliation(Registry registry, ObjectMapper json, Tenants tenants,
                                                      Reconciliations reconciliations, Instances instances,
                                                      Journal journal,
                                                      FlatchrEventClassifier classifier, ConnectorMetrics metrics,
                                                      FlatchrPause pause, Alerts alerts, Clock clock) {
        FlatchrRequests requests = new FlatchrRequests(json);
        registry.bind("flatchrRequests", requests);
        registry.bind("flatchrAnswers", new FlatchrAnswers(json, metrics::flatchrCall, pause));
        ReconciliationSteps reconciliation = new ReconciliationSteps(tenants, reconciliations, instances, journal,
                classifier, requests, json, metrics, pause, alerts, alerts, alerts, alerts, clock);
        registry.bind("reconciliation", reconciliation);
        registry.bind("backfills", new Backfills(reconciliation, tenants, json, clock));
        return requests;
    }

    /** How a failed delivery, or a failed write-back to Flatchr, is tried again: later each time, up to an age. */
    private static RetrySchedule retrySchedule(ConnectorSettings settings) {
        return new RetrySchedule(settings.retryInitialDelay(), settings.retryMaxDelay(), settings.retryMaxAge(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    private static DepartmentDirectory bindLucca(CamelContext camel, ConnectorSettings settings, ObjectMapper json,
                                                 LuccaRequests requests, Clock clock, ConnectorMetrics metrics,
                                                 RateLimitStore budget, Duration longestCall) {
        LuccaRateLimiter limiter = new LuccaRateLimiter(budget, clock, duration -> Thread.sleep(duration.toMillis()),
                metrics::limiterWaited, settings.lease(), longestCall,
                LuccaRateLimiter.clockDisagreement(!settings.embeddedJournal()));
        LuccaCaller caller = luccaCaller(camel);
        // a read Lucca refused (a key whose role may not read the organisation) or could not answer is made again
        // as a hire's retry would be, not at each hire or preview that asks meanwhile
        DepartmentDirectory departments = new DepartmentDirectory(caller, requests, clock,
                settings.departmentCacheTtl(), new Backoff(settings.retryInitialDelay(), settings.retryMaxDelay()));
        camel.getRegistry().bind("luccaRateLimiter", limiter);
        camel.getRegistry().bind("luccaAnswers", new LuccaAnswers(json, limiter, metrics::luccaCall, clock));
        camel.getRegistry().bind("departmentDirectory", departments);
        return departments;
    }

    /**
     * Every Lucca's people, within one budget for all, a share of the heap (see PeopleBudget): one Lucca too large
     * for it has its hires looked up one by one rather than end the process out of memory. A Lucca no tenant uses any
     * more after a reload is forgotten.
     */
    private static PeopleDirectory peopleDirectory(CamelContext camel, LuccaRequests requests, Tenants tenants,
                                                   Clock clock, ConnectorMetrics metrics) {
        PeopleBudget budget = PeopleBudget.ofHeap(Runtime.getRuntime().maxMemory());
        PeopleDirectory people = new PeopleDirectory(luccaCaller(camel), requests, clock, budget,
                tenants::usesPeopleOf);
        camel.getRegistry().bind("peopleDirectory", people);
        metrics.peopleDirectories(budget::held, budget.capacity(), people::overBudget);
        return people;
    }

    private static DeliverySteps bindDelivery(Registry registry, ConnectorSettings settings, ObjectMapper json,
                                              Journal journal, AddressReservations addresses,
                                              LuccaRequests requests, Clock clock, ConnectorMetrics metrics,
                                              Alerts alerts) {
        PeopleDirectory people = registry.lookupByNameAndType("peopleDirectory", PeopleDirectory.class);
        DeliverySteps steps = new DeliverySteps(json, requests, new DeliverySteps.LoginReservations() {
            @Override
            public List<String> reservedByOthers(String tenant, String hireId, String base) {
                return journal.loginsReservedByOthers(tenant, hireId, base);
            }

            @Override
            public boolean reserve(String tenant, String hireId, String login) {
                return journal.reserveLogin(tenant, hireId, login);
            }

            @Override
            public void takeOver(String tenant, String hireId, String login) {
                journal.takeOverLogin(tenant, hireId, login);
            }
        }, addresses::reserve, people, clock);
        registry.bind("deliverySteps", steps);
        registry.bind("rehireSteps", new RehireSteps(requests));
        registry.bind("deliveryRecords", new DeliveryRecords(journal, metrics, alerts, clock));
        RetrySchedule schedule = retrySchedule(settings);
        DeliveryFailures failures = new DeliveryFailures(journal, schedule, settings.keyRejectedDelay(), clock,
                metrics, alerts);
        registry.bind("deliveryFailures", failures);
        registry.bind("dueHires", new DueHires(journal, failures::writeLeftBehind));
        return steps;
    }

    /** Camel's own Prometheus registry, so that /observe/metrics shows Camel's metrics and ours together. */
    private static MeterRegistry meterRegistry(Registry registry) {
        MeterRegistry meters = registry.lookupByNameAndType(METRICS_REGISTRY, MeterRegistry.class);
        if (meters == null) {
            meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.bind(METRICS_REGISTRY, meters);
        }
        return meters;
    }

    /**
     * Alerts go through a queue to their own route, so a slow or failing chat never holds up a delivery. The
     * route reads the chat's URL (a secret) when it sends, never from an endpoint URI. The queue is bounded (route
     * send-alert): once full, seda refuses the next alert at once rather than wait (its default), and the alert is
     * lost, said in the log.
     */
    private static Consumer<String> alertSender(CamelContext camel, ConnectorSettings settings, ObjectMapper json) {
        if (settings.alertWebhookUrl().isEmpty()) {
            return text -> LOG.debug("no ALERT_WEBHOOK_URL: alert not sent");
        }
        ProducerTemplate template = camel.createProducerTemplate();
        return text -> {
            try {
                template.sendBody("seda:alerts", json.writeValueAsString(Map.of("text", text)));
            } catch (RuntimeException | JsonProcessingException e) {
                LOG.warn("an alert is lost, not queued: {}", whyNotQueued(e));
            }
        };
    }

    private static String whyNotQueued(Exception e) {
        // seda's refusal when the queue is full is BlockingQueue.add's
        if (e instanceof CamelExecutionException && e.getCause() instanceof IllegalStateException) {
            return "the queue of alerts is full, the chat has not taken them for a while";
        }
        return e.getClass().getSimpleName();
    }

    /** The directories' reads, with Lucca's Date header: the people directory reads "since" on Lucca's clock. */
    private static LuccaCaller luccaCaller(CamelContext camel) {
        ProducerTemplate template = camel.createProducerTemplate();
        return (lucca, request) -> {
            Message answer = callLucca(template, lucca, request).getMessage();
            return new LuccaCaller.Answer(answer.getBody(JsonNode.class), answer.getHeader("Date", String.class));
        };
    }

    private static Exchange callLucca(ProducerTemplate template, LuccaConnection lucca, ApiRequest request) {
        Exchange answer = template.send("direct:call-lucca", exchange -> {
            exchange.setVariable(Variables.LUCCA, lucca);
            exchange.getIn().setBody(request);
        });
        if (answer.getException() != null) {
            throw answer.getException() instanceof RuntimeException failure ? failure
                    : new IllegalStateException(answer.getException());
        }
        return answer;
    }

    /**
     * The pool starts with its first connection, not here: started at once it would open connections in the background
     * while the embedded journal's file is still being migrated on a copy that replaces it (EmbeddedJournal).
     */
    private static HikariDataSource journalDataSource(ConnectorSettings settings) {
        HikariDataSource pool = new HikariDataSource();
        journalPoolSettings(settings).copyStateTo(pool);
        return pool;
    }

    /** What {@link #journalDataSource} opens: the embedded journal, or the PostgreSQL one with its driver's settings. */
    static HikariConfig journalPoolSettings(ConnectorSettings settings) {
        DataDirectory dataDir = new DataDirectory(settings.dataDir());
        HikariConfig pool = new HikariConfig();
        if (settings.embeddedJournal()) {
            // H2 passes every text value it is given or reads through a process-wide cache of 1,024 soft references
            // with no size limit (h2.objectCache), hashing the whole text to find its slot: payloads of up to
            // FLATCHR_MAX_BODY_BYTES filled it (84 of 1 MiB after 32 such webhooks at once, a 128 MiB heap out of
            // memory) and each was hashed on its way in. Read by H2 when it is first used, which is here; an
            // operator's -Dh2.objectCache wins.
            System.getProperties().putIfAbsent("h2.objectCache", "false");
            pool.setJdbcUrl(EmbeddedJournal.url(dataDir.ownerOnly()));
            pool.setUsername(EmbeddedJournal.USER);
        } else {
            pool.setJdbcUrl(settings.journalJdbcUrl().get());
            pool.setUsername(settings.journalUser());
            pool.setPassword(settings.journalPassword());
            // The driver's, given with each connection; JOURNAL_JDBC_URL's own win (pgjdbc reads the URL's over them).
            // Keep-alive probes: a firewall in between does not drop an idle connection unseen, and the system finds
            // one to a vanished database dead (after its keep-alive time).
            pool.addDataSourceProperty("socketTimeout", String.valueOf(JOURNAL_SOCKET_TIMEOUT.toSeconds()));
            pool.addDataSourceProperty("tcpKeepAlive", "true");
        }
        // READ COMMITTED whatever the database's default: the rate limit's slots are counted after their Lucca row is
        // locked (RateLimitStore), which sees the slots other instances committed meanwhile only at this level; under
        // a stricter default (default_transaction_isolation) four instances took four slots of a budget of one, and
        // concurrent claims failed as serialization errors (503s). H2's default is the same.
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // A webhook waits at most this long for a database that is down, then answers 503.
        pool.setConnectionTimeout(JOURNAL_CONNECT_TIMEOUT.toMillis());
        pool.setMaximumPoolSize(JOURNAL_POOL_SIZE);
        // The pool makes no connection of its own at start: the schema check right after it (openJournal) is what
        // stops a start whose database cannot be reached, with its own message. A database that goes down once
        // started makes webhooks answer 503, and delivery wait until it is back.
        pool.setInitializationFailTimeout(-1);
        pool.setPoolName("journal");
        return pool;
    }

    /**
     * Opens the journal and brings its schema up to date; a journal that cannot open stops the start, with the line
     * naming the setting at fault when one is. The embedded journal's DATA_DIR is locked first: its migration works
     * on a copy while nothing holds the journal's file.
     */
    private static void openJournal(ConnectorSettings settings, HikariDataSource journalPool,
                                    DataDirectoryLock dataDirLock) {
        try {
            if (settings.embeddedJournal()) {
                try {
                    dataDirLock.take();
                } catch (UncheckedIOException lockFile) {
                    // a folder it may not write in, a journal.lock that is no file, a full disk: the operator's to mend
                    throw dataDirRefused(lockFile);
                }
                EmbeddedJournal.bringUpToDate(settings.dataDir());
            }
            JournalSchema.bringUpToDate(journalPool);
        } catch (RuntimeException failure) {
            journalPool.close();
            dataDirLock.close();
            throw JournalSettingFault.of(failure, settings).<RuntimeException>map(refusal -> refusal).orElse(failure);
        }
    }

    /** The files H2 made as it opened the journal are the owner's alone, as the webhook token's. */
    private static void ownerOnly(Path dataDir) {
        try {
            new DataDirectory(dataDir).ownerOnly();
        } catch (UncheckedIOException refused) {
            throw dataDirRefused(refused);
        }
    }

    private static InvalidSetting dataDirRefused(UncheckedIOException dataDir) {
        return Settings.DATA_DIR.refusal(dataDir.getMessage() + " (" + dataDir.getCause().getClass().getSimpleName()
                + ")");
    }

    private static void announce(ConnectorSettings settings, Tenants tenants) {
        for (Tenant tenant : tenants.all()) {
            String url = settings.publicBaseUrl() + WebhookAuthenticator.PATH
                    + (TenantSettings.DEFAULT_ID.equals(tenant.id()) ? "" : "/" + tenant.id()) + "?token=";
            WebhookToken token = tenant.settings().webhookToken();
            // never the token itself: logs are shipped and kept where anyone with the token could post hires
            LOG.info("Tenant {}: webhook URL to paste into Flatchr: {}<its webhook token>", tenant.id(), url);
            if (token.generated()) {
                LOG.info("That token was generated and kept in {}, readable by this user only: read it there.",
                        settings.dataDir().resolve("webhook-token"));
            }
            if (tenant.dryRun()) {
                LOG.warn("Tenant {}: DRY-RUN, no Lucca is configured for it. Its hires are accepted and recorded with "
                        + "the exact Lucca requests they would send; nothing is sent.", tenant.id());
            } else {
                LOG.info("Tenant {} delivers to Lucca at {} (at most {} calls per {} s)", tenant.id(),
                        tenant.settings().luccaBaseUrl().get(), tenant.settings().rateLimitRequests(),
                        tenant.settings().rateLimitWindow().toSeconds());
            }
        }
        if (!settings.hasDefaultTenant()) {
            LOG.info("No tenant at {}: TENANTS_FILE is set and neither FLATCHR_WEBHOOK_TOKEN nor a Lucca is, so the "
                    + "single-tenant URL answers 401; each tenant of the file has its own URL, listed above.",
                    WebhookAuthenticator.PATH);
        }
        if (settings.adminToken().isEmpty()) {
            LOG.info("Admin API is off for all tenants together: set ADMIN_TOKEN to turn it on.");
        }
        if (!settings.managementOnServerPort()) {
            LOG.info("Health at /observe/health and metrics at /observe/metrics are on port {}: keep it off the "
                    + "internet", settings.managementPort());
        } else {
            LOG.info("Health at /observe/health and metrics at /observe/metrics share port {} with the webhooks: "
                    + "expose only /webhooks/ to the internet; the metrics {}", settings.managementPort(),
                    settings.adminToken().isPresent() ? "need Authorization: Bearer <ADMIN_TOKEN>"
                            : "answer 401 until ADMIN_TOKEN is set (or MANAGEMENT_PORT gives them a port of their own)");
        }
    }
}
