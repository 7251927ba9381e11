package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.fake.FakeLucca;
import io.github.flatchrlucca.fake.flatchr.ApplicationSeed;
import io.github.flatchrlucca.fake.flatchr.Candidate;
import io.github.flatchrlucca.fake.flatchr.Column;
import io.github.flatchrlucca.fake.flatchr.FakeFlatchr;
import io.github.flatchrlucca.fake.flatchr.Tag;
import io.github.flatchrlucca.fake.flatchr.Vacancy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The deployment files against a started jar: the Kubernetes Deployment's settings, tenants file and secrets start
 * it, its probes answer where they look, the webhook port serves no health; the Prometheus rules and the Grafana
 * dashboard use only metrics a running connector exports, and the rules pass their promtool tests. DeploymentFilesTest checks what needs no process.
 */
class DeploymentFilesIT {

    private static final Path KUBERNETES = Path.of("deploy/kubernetes");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METRIC = Pattern.compile("\\bflatchr_[a-z_]+");

    @Test
    @SuppressWarnings("unchecked")
    void theKubernetesDeploymentStartsTheConnectorWhoseProbesAnswerOnTheManagementPortOnly(@TempDir Path temp)
            throws Exception {
        Map<String, Object> deployment = load(KUBERNETES.resolve("deployment.yaml"));
        Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        Map<String, String> secrets = (Map<String, String>) load(KUBERNETES.resolve("secret.yaml")).get("stringData");
        String tenantsFile = (String) map(load(KUBERNETES.resolve("configmap.yaml")), "data").get("tenants.yaml");

        // The Secret's files where the tenants file looks for them, here under temp.
        Path secretsDir = Files.createDirectories(temp.resolve("secrets"));
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            Files.writeString(secretsDir.resolve(secret.getKey()), secret.getValue());
        }
        Path tenants = Files.writeString(temp.resolve("tenants.yaml"),
                tenantsFile.replace("/run/secrets/flatchr-lucca/", secretsDir + "/"));
        Map<String, String> env = new HashMap<>();
        for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
            Object value = variable.get("value");
            Map<String, Object> secretRef = value == null ? map(map(variable, "valueFrom"), "secretKeyRef") : null;
            env.put((String) variable.get("name"), value != null ? String.valueOf(value)
                    : secrets.get((String) secretRef.get("key")));
        }
        // What only a cluster has is replaced: the PostgreSQL journal by the embedded one, the folders, ports and
        // admin token by the test's own (DATA_DIR, a folder the connector creates inside its volume, as here:
        // DeploymentFilesTest); the drain, for a quick stop. The launcher's JAVA_OPTS are not the jar's.
        List.of("JOURNAL_JDBC_URL", "JOURNAL_USER", "JOURNAL_PASSWORD", "DATA_DIR", "JAVA_OPTS", "SERVER_PORT",
                "ADMIN_TOKEN").forEach(env::remove);
        env.put("TENANTS_FILE", tenants.toString());
        env.put("MANAGEMENT_PORT", String.valueOf(freePort()));
        env.put("SHUTDOWN_DRAIN_SECONDS", "0");

        try (ConnectorProcess connector = ConnectorProcess.start(temp, env)) {
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                String path = (String) map(map(container, probe), "httpGet").get("path");
                assertThat(get(connector.managementUrl() + path).statusCode()).as(probe).isEqualTo(200);
                assertThat(get(connector.baseUrl() + path).statusCode()).as(probe + " on the webhook's port")
                        .isEqualTo(404);
            }
            HttpResponse<String> hire = connector.postTenantWebhook("acme", FlatchrEvents.hire("k8s-1", 4242),
                    secrets.get("acme-webhook-token"));
            assertThat(hire.statusCode()).as(hire.body()).isEqualTo(202);
            assertThat(connector.log()).contains("/webhooks/flatchr/acme?token=", "/webhooks/flatchr/globex?token=")
                    .doesNotContain(secrets.get("acme-lucca-api-key"), secrets.get("acme-webhook-token"));
        }
    }

    @Test
    void theAlertRulesAndTheDashboardUseOnlyMetricsTheConnectorExports(@TempDir Path temp) throws Exception {
        Set<String> used = new TreeSet<>();
        used.addAll(metricsIn(Files.readString(Path.of("deploy/prometheus/flatchr-lucca-rules.yaml"))));
        used.addAll(metricsIn(Files.readString(Path.of("deploy/grafana/flatchr-lucca-dashboard.json"))));
        String luccaKey = "9b1d2c3e-0000-4000-8000-00000000dash";
        try (FakeLucca lucca = FakeLucca.start(luccaKey);
             FakeFlatchr flatchr = FakeFlatchr.start("flatchr-key-for-dashboard", "Db4kQ7mN2xR8vT1w")) {
            flatchr.addColumn(new Column("9", "Recruté", 5, true));
            flatchr.addVacancy(new Vacancy("Vd3mP0qA9sLx2BcD", 5, "Développeuse Java", "DEV-1", 1, "2026-01-05", null,
                    1, null, List.of()));
            flatchr.addTag(Tag.freeText("Tg8kLm2NpQ4rSt6u", 71, "Lucca"));
            // hired while no webhook came: found by the search, delivered, its outcome written back
            flatchr.addApplication(ApplicationSeed.of(new Candidate("Jeanne", "Trouvée", "jeanne.dashboard@example.org",
                    ""), "Vd3mP0qA9sLx2BcD", "Recruté"));
            Map<String, String> env = Map.of("LUCCA_BASE_URL", lucca.baseUrl(), "LUCCA_API_KEY", luccaKey,
                    "FLATCHR_API_KEY", "flatchr-key-for-dashboard", "FLATCHR_COMPANY_KEY", "Db4kQ7mN2xR8vT1w",
                    "FLATCHR_COMPANY_ID", "4242",
                    "FLATCHR_API_BASE_URL", flatchr.baseUrl(), "FLATCHR_RESULT_TAG", "Lucca",
                    "MANAGEMENT_PORT", String.valueOf(freePort()));
            try (ConnectorProcess connector = ConnectorProcess.start(temp, env)) {
                connector.awaitStatus(connector.accept(FlatchrEvents.hire("dashboard-1")), "delivered");
                await().atMost(Duration.ofSeconds(30)).until(() -> flatchr.traits(flatchr.applications().get(0).id())
                        .size() == 1);

                Set<String> exported = await().atMost(Duration.ofSeconds(10))
                        .until(() -> metricsIn(get(connector.managementUrl() + "/observe/metrics").body()),
                                names -> names.containsAll(used));

                assertThat(exported).containsAll(used);
            }
        }
        assertThat(used).as("the rules and the dashboard watch the connector").contains("flatchr_hires_total",
                "flatchr_webhooks_total", "flatchr_hires_by_status", "flatchr_hire_to_lucca_seconds_bucket");
        assertThat(JSON.readTree(Files.readString(Path.of("deploy/grafana/flatchr-lucca-dashboard.json")))
                .path("panels").size()).isPositive();
    }

    @Test
    void theAlertRulesFireWhenTheirTestsSayAndOnlyThen() throws Exception {
        // promtool, of Debian's prometheus package, which test.sh installs
        Process promtool = new ProcessBuilder("promtool", "test", "rules", "flatchr-lucca-rules.test.yaml")
                .directory(Path.of("deploy/prometheus").toFile()).redirectErrorStream(true).start();
        String output = new String(promtool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(promtool.waitFor(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(promtool.exitValue()).as(output).isZero();
    }

    @Test
    void theDockerfilesClassArchiveStepServesTheFirstRequestsAndWritesAnArchiveThatTheNextStartUses(@TempDir Path temp)
            throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile")).replace("\\\n", " ");
        assertThat(dockerfile).contains("COPY target/flatchr-lucca.jar /opt/flatchr-lucca/flatchr-lucca.jar\n",
                "COPY deploy/train-class-archive.sh /opt/flatchr-lucca/train-class-archive.sh\n");
        String step = "RUN /opt/flatchr-lucca/train-class-archive.sh /opt/flatchr-lucca/flatchr-lucca.jar "
                + "/opt/flatchr-lucca/flatchr-lucca.jsa\n";
        java.util.regex.Matcher options = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(dockerfile);
        assertThat(options.find()).isTrue();
        assertThat(options.group(1)).contains("-XX:SharedArchiveFile=/opt/flatchr-lucca/flatchr-lucca.jsa");
        assertThat(dockerfile.indexOf(step)).as("the step comes after JAVA_OPTS is set, and trains with it")
                .isGreaterThan(options.start());
        Path archive = temp.resolve("flatchr-lucca.jsa");
        List<String> javaOptions = List.of(options.group(1)
                .replace("/opt/flatchr-lucca/flatchr-lucca.jsa", archive.toString()).split(" "));

        // the Dockerfile's step with this machine's paths: it must end by itself, or the image build never would;
        // an operator's journal in the environment (unreachable here) must not reach its start
        ProcessBuilder training = new ProcessBuilder("deploy/train-class-archive.sh", "target/flatchr-lucca.jar",
                archive.toString()).redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(temp.resolve("train")).resolve("out.log").toFile());
        training.environment().putAll(Map.of("JAVA_OPTS", String.join(" ", javaOptions),
                "JOURNAL_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/production"));
        Process process = training.start();
        if (!process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the archive's training did not end within three minutes");
        }
        assertThat(process.exitValue()).as(Files.readString(temp.resolve("train/out.log"))).isZero();
        assertThat(archive).isNotEmptyFile();

        // what a start that serves nothing never loads: the request's decoder, a recorded hire's id, a dry run's user
        List<String> listing = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        listing.addAll(javaOptions);
        listing.addAll(List.of("-XX:+PrintSharedArchiveAndExit", "-jar", "target/flatchr-lucca.jar"));
        Process print = new ProcessBuilder(listing).redirectErrorStream(true).start();
        String classes = new String(print.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(print.waitFor()).isZero();
        assertThat(classes).contains("archive is valid", " io.netty.handler.codec.http.HttpRequestDecoder ",
                " io.github.flatchrlucca.journal.HireIds ", " io.github.flatchrlucca.mapping.LuccaUserDraft ");
        // -Xshare:on: a start that cannot map the archive fails instead of quietly loading every class itself
        List<String> use = new java.util.ArrayList<>(javaOptions);
        use.add("-Xshare:on");
        assertThat(run(temp.resolve("use"), "1", use.toArray(String[]::new))).isZero();
    }

    /** Starts the jar with these JVM options, stopped by Camel Main after {@code seconds}: its exit code. */
    private static int run(Path dataDir, String seconds, String... javaOptions) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(javaOptions));
        command.addAll(List.of("-jar", Path.of("target/flatchr-lucca.jar").toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(dataDir).resolve("out.log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("LUCCA_") || key.startsWith("FLATCHR_"));
        builder.environment().putAll(Map.of("DATA_DIR", dataDir.resolve("data").toString(),
                "SERVER_PORT", String.valueOf(freePort()), "CAMEL_MAIN_DURATIONMAXSECONDS", seconds));
        Process process = builder.start();
        if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("still running two minutes after it was told to stop; see " + dataDir);
        }
        return process.exitValue();
    }

    private static Set<String> metricsIn(String text) {
        return METRIC.matcher(text).results().map(result -> result.group()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) throws Exception {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
