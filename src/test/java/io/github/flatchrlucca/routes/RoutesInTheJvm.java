package io.github.flatchrlucca.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.ConnectorConfiguration;
import io.github.flatchrlucca.journal.EmbeddedJournal;
import io.github.flatchrlucca.fake.FakeChat;
import io.github.flatchrlucca.fake.FakeLucca;
import io.github.flatchrlucca.journal.HireFilter;
import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.tenants.Tenants;
import io.github.flatchrlucca.tenants.TenantsFileWatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.camel.BeanInject;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.test.main.junit5.AdviceRouteMapping;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.DebuggerCallback;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The connector's real routes (routes/*.camel.yaml) and real configuration class booted by Camel Main inside the
 * test's JVM, once per test class, with Camel's own test support for Camel Main: a fresh embedded journal in a temp
 * DATA_DIR, and only the outside world replaced. Lucca is the fake Lucca on loopback (real HTTP in milliseconds, so
 * the answer-reading code runs as in production), and so are Flatchr's API for the tenants that have one and the
 * chat of the alerts. Hires come in through the real webhook on a free loopback port.
 *
 * <p>Coverage of the YAML's branches is checked, not claimed: Camel's debugger (camel-test-main-junit5's
 * {@link DebuggerCallback}) reports every step that runs, and each test class ends with
 * {@link #everyBranchItOwnsWasTaken()}: every onException, when and otherwise of the routes and routeConfigurations
 * the class {@linkplain #owners() owns}, as read from the YAML files, must have had its first step run. A branch added
 * to the YAML without a test fails there; {@link RouteBranchesTest} checks that every branch has an owner.
 *
 * <p>The settings that must differ per run (ports, DATA_DIR, TENANTS_FILE, ALERT_WEBHOOK_URL) are given as JVM
 * system properties, which Camel's properties component lets override application.properties, for as long as the
 * class runs: the annotation's properties are constants, and the environment cannot be set from Java.
 */
@CamelMainTest(configurationClasses = ConnectorConfiguration.class,
        properties = {
                "camel.main.routes-include-pattern=file:routes/*.camel.yaml",
                // a failed attempt's retry stays in the journal for the test to read, not done again meanwhile
                "retry.initial-delay-ms=600000",
                "retry.key-rejected-delay-ms=900000",
                "delivery.poll-interval-ms=100",
                // a field Flatchr never sends: a hire names a department (and Lucca's list is read for it) only when
                // a test puts one there, so that no other test spends a call on Lucca's departments
                "flatchr.department-pointer=/data/vacancy/department",
                "shutdown.drain-seconds=0",
                // the class's tests are over: no need to wait, a second for each, for every queue's consumer to stop
                "camel.main.shutdown-timeout=1",
                // an alert the chat refused is tried again 10, 20 and 40 ms later
                "alert.retry-delay-ms=10"},
        advices = {
                @AdviceRouteMapping(route = "deliver-hire", advice = Advices.FaultsBeforeFindOrCreate.class),
                @AdviceRouteMapping(route = "create-user", advice = Advices.ChangesWhileTheCreateWaits.class),
                @AdviceRouteMapping(route = "write-back-outcome", advice = Advices.ChangesBeforeTheTag.class)})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class RoutesInTheJvm implements DebuggerCallback {

    static final String LIVE = "live";
    static final String DRY = "dry";
    static final String PAUSED = "paused";
    static final String LUCCA_KEY = "0d8c7a61-2222-4000-8000-0000000000aa";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SYSTEM_PROPERTIES = List.of("camel.server.port", "camel.management.port",
            "connector.data-dir", "tenants.file", "admin.token", "alert.webhook-url");
    static final String ADMIN_TOKEN = "admin-token-for-route-tests";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Path temp;
    final Path dataDir;
    /** The Lucca of tenant live, and of the tenants a test class adds (tenant dry has none: a dry run). */
    final FakeLucca lucca;
    /** Tenant paused's own Lucca: a 429 pauses every call to that Lucca, and must hold up no other test. */
    final FakeLucca pausedLucca;
    /** The team's chat: every alert, each try of it. */
    final FakeChat chat;
    /** The connector's port, chosen once every fake of the class listens: one started after could be given it. */
    int port;
    private final JdbcDataSource journalData;
    private final JournalReader journal;
    private final Set<String> ranSteps = ConcurrentHashMap.newKeySet();

    @BeanInject("tenants")
    Tenants tenants;

    @BeanInject("tenantsFileWatch")
    TenantsFileWatch tenantsFileWatch;

    RoutesInTheJvm() throws IOException {
        temp = Files.createTempDirectory("routes-in-the-jvm-");
        dataDir = temp.resolve("data");
        lucca = FakeLucca.start(LUCCA_KEY);
        pausedLucca = FakeLucca.start(LUCCA_KEY);
        chat = FakeChat.start();
        JdbcDataSource h2 = new JdbcDataSource();
        // the connector's own URL: in one JVM, H2 opens the same database for both
        h2.setURL(EmbeddedJournal.url(dataDir));
        h2.setUser(EmbeddedJournal.USER);
        journalData = h2;
        journal = new JournalReader(h2);
    }

    /**
     * Before Camel Main boots (at the first test, once per class): after the constructors, so that a test class's own
     * fakes are there for its {@link #moreTenants()}.
     */
    @BeforeAll
    void settingsOfThisRun() throws IOException {
        Path tenants = writeTenantsFile();
        port = freePort();
        System.setProperty("camel.server.port", String.valueOf(port));
        System.setProperty("camel.management.port", String.valueOf(port));
        System.setProperty("connector.data-dir", dataDir.toString());
        System.setProperty("tenants.file", tenants.toString());
        System.setProperty("admin.token", ADMIN_TOKEN);
        System.setProperty("alert.webhook-url", chat.url());
    }

    /** The routes and routeConfigurations whose every branch this class's tests must take. */
    abstract List<String> owners();

    /** Tenants a test class needs besides live, dry and paused, as entries of the tenants file. */
    String moreTenants() {
        return "";
    }

    /** A ${file:} reference to a new secret file holding {@code value}, as the tenants file wants secrets. */
    String secret(String name, String value) {
        try {
            Files.writeString(Files.createDirectories(temp.resolve("secrets")).resolve(name), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "${file:secrets/" + name + "}";
    }

    /** The webhook token of a tenant, as a reference to its secret file. */
    String tokenOf(String tenant) {
        return secret(tenant + "-token", token(tenant));
    }

    Path tenantsFile() {
        return temp.resolve("tenants.yaml");
    }

    /**
     * The file replaced whole, as docs/tenants.md asks of an operator, and read again now, as the next two checks
     * would (a change is put in force once two checks in a row read it the same): the reload puts the new
     * configuration in force, then makes and removes the tenants' delivery routes.
     */
    void replaceWhole(Path file, String content) {
        try {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, content);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tenantsFileWatch.reloadIfChanged();
        tenantsFileWatch.reloadIfChanged();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path writeTenantsFile() throws IOException {
        Path file = tenantsFile();
        String luccaKey = secret("lucca-key", LUCCA_KEY);
        Files.writeString(file, """
                tenants:
                  - id: live
                    flatchrCompanyIds: [4242]
                    webhookToken: %s
                    lucca: { baseUrl: %s, apiKey: "%s", rateLimit: { requests: 10000, windowSeconds: 60 } }
                    contractTypes: { 1: 21 }
                  - id: dry
                    flatchrCompanyIds: [4343]
                    webhookToken: %s
                  - id: paused
                    flatchrCompanyIds: [4444]
                    webhookToken: %s
                    lucca: { baseUrl: %s, apiKey: "%s", rateLimit: { requests: 10000, windowSeconds: 60 } }
                """.formatted(tokenOf(LIVE), lucca.baseUrl(), luccaKey, tokenOf(DRY), tokenOf(PAUSED),
                pausedLucca.baseUrl(), luccaKey) + moreTenants());
        return file;
    }

    static String token(String tenant) {
        return tenant + "-webhook-token-for-route-tests";
    }

    // ---- talking to the connector

    HttpResponse<String> post(String tenant, JsonNode event) {
        return post(tenant, event.toString());
    }

    /** Posts to the tenant's webhook URL, with any other headers given as name, value, name, value... */
    HttpResponse<String> post(String tenant, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/webhooks/flatchr/" + tenant + "?token=" + token(tenant)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Posts to the admin API with the admin token, and any other headers given as name, value, name, value... */
    HttpResponse<String> postAdmin(String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Gets a path of the connector with the admin token (health, on the webhook's port here, needs none). */
    HttpResponse<String> getAdmin(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a hire that the connector accepts, and returns its id. */
    String accept(String tenant, JsonNode event) {
        HttpResponse<String> response = post(tenant, event);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        try {
            return JSON.readTree(response.body()).path("hireId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HireView hire(String hireId) {
        return journal.find(hireId).orElseThrow();
    }

    /** How many hires the journal holds for a tenant. */
    long countOf(String tenant) {
        return journal.count(new HireFilter(tenant, null, null, null, null, 0, 1));
    }

    /** The hire once it is as the test expects: deliveries run on Camel's threads. */
    HireView awaitHire(String hireId, Predicate<HireView> expected) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> hire(hireId), expected);
    }

    /** The connector's journal, as a second connector sharing it would see it. */
    DataSource journalData() {
        return journalData;
    }

    boolean ran(String stepId) {
        return ranSteps.contains(stepId);
    }

    // ---- the coverage of the YAML's branches

    @Override
    public void debugBefore(Exchange exchange, Processor processor, ProcessorDefinition<?> definition, String id,
                            String label) {
        ranSteps.add(id);
    }

    @Override
    public void debugAfter(Exchange exchange, Processor processor, ProcessorDefinition<?> definition, String id,
                           String label, long timeTaken) {
        // what ran is recorded before it runs
    }

    /** Last in its class; a test run on its own (-Dtest=Class#method) leaves it out, as it takes few branches. */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyBranchItOwnsWasTaken() {
        RouteBranches branches = RouteBranches.read(Path.of("routes"));
        List<RouteBranches.Branch> owned = new ArrayList<>();
        owners().forEach(owner -> owned.addAll(branches.of(owner)));
        assertThat(owned).as("the branches of " + owners()).isNotEmpty();
        assertThat(owned).as("branches without a first step id").allSatisfy(b -> assertThat(b.firstStep()).isNotNull());
        assertThat(owned.stream().filter(branch -> !ranSteps.contains(branch.firstStep())).toList())
                .as("branches no test of " + getClass().getSimpleName() + " took").isEmpty();
    }

    @AfterAll
    void cleanUp() throws IOException {
        SYSTEM_PROPERTIES.forEach(System::clearProperty);
        lucca.close();
        pausedLucca.close();
        chat.close();
        // the journal's files stay open until Camel Main stops, after this; Linux lets them be unlinked
        try (Stream<Path> files = Files.walk(temp)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Whether anything still holds what the reference names once the collector has run (it clears it otherwise). */
    static boolean reachableAfterCollections(WeakReference<?> reference) {
        for (int collection = 0; collection < 10 && reference.get() != null; collection++) {
            System.gc();
        }
        return reference.get() != null;
    }
}
