package io.github.flatchrlucca.deploy;

import static io.github.flatchrlucca.deploy.DeploymentFiles.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.flatchrlucca.FlatchrLucca;
import io.github.flatchrlucca.intake.WebhookReplies;
import io.github.flatchrlucca.journal.MoveOut;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The deployment files against the code, without starting anything: every variable they set is one the connector
 * reads, their ports and paths agree, the stop fits its grace period, the secrets the tenants file names exist.
 * DeploymentFilesIT starts the jar as they configure it.
 */
class DeploymentFilesTest {

    @Test
    void everyVariableTheDeploymentFilesSetIsOneTheConnectorReads() throws Exception {
        Set<String> known = DeploymentFiles.knownVariables();

        assertThat(DeploymentFiles.containerEnvironment().keySet()).as("deployment.yaml").isSubsetOf(known);
        assertThat(DeploymentFiles.dockerfileEnvironment().keySet()).as("Dockerfile").isSubsetOf(known);
        assertThat(DeploymentFiles.systemdEnvironment().keySet()).as("flatchr-lucca.service").isSubsetOf(known);
        assertThat(composeConnector("connector-1").keySet()).as("compose.yaml").isSubsetOf(known);
    }

    @Test
    void oneHeapForEveryWayToRunIt() throws Exception {
        String javaOptions = DeploymentFiles.dockerfileEnvironment().get("JAVA_OPTS");

        assertThat(javaOptions).contains("-Xmx");
        assertThat(DeploymentFiles.containerEnvironment().get("JAVA_OPTS")).isEqualTo(javaOptions);
        assertThat(DeploymentFiles.systemdEnvironment().get("JAVA_OPTS")).isEqualTo(javaOptions);
        // run.sh writes and names its class archive itself
        assertThat(DeploymentFiles.runScriptJavaOptions()).as("run.sh")
                .isEqualTo(javaOptions.replaceFirst(" -XX:SharedArchiveFile=\\S+", ""));
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesProbesTheRealHealthPathsOnTheManagementPortThatTheServiceKeepsInside() throws Exception {
        Map<String, String> environment = DeploymentFiles.containerEnvironment();
        Map<String, Object> container = DeploymentFiles.container();
        Map<String, Integer> ports = new java.util.HashMap<>();
        for (Map<String, Object> port : (List<Map<String, Object>>) container.get("ports")) {
            ports.put((String) port.get("name"), (Integer) port.get("containerPort"));
        }

        assertThat(ports).containsEntry("webhooks", Integer.valueOf(environment.get("SERVER_PORT")))
                .containsEntry("management", Integer.valueOf(environment.get("MANAGEMENT_PORT")));
        assertThat(map(map(container, "readinessProbe"), "httpGet"))
                .containsEntry("path", "/observe/health/ready").containsEntry("port", "management");
        assertThat(map(map(container, "livenessProbe"), "httpGet"))
                .containsEntry("path", "/observe/health/live").containsEntry("port", "management");
        // the management port answers one request after the other: a probe waits for the one before it (a scrape, a
        // readiness probe) longer than the kubelet's default of one second, and a liveness probe timing out restarts
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(map(container, probe).get("timeoutSeconds")).as(probe + ".timeoutSeconds")
                    .isInstanceOfSatisfying(Integer.class, seconds -> assertThat(seconds).isGreaterThanOrEqualTo(5));
        }
        List<Map<String, Object>> servicePorts = (List<Map<String, Object>>) map(DeploymentFiles.kubernetes(
                "service.yaml"), "spec").get("ports");
        assertThat(servicePorts).extracting(port -> port.get("targetPort")).containsExactly("webhooks");
        assertThat(map(DeploymentFiles.kubernetes("pdb.yaml"), "spec")).containsEntry("minAvailable", 1);
        assertThat(map(DeploymentFiles.kubernetes("deployment.yaml"), "spec").get("replicas")).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesDataDirIsAFolderInsideItsVolumeThatTheConnectorCreatesAndOwns() throws Exception {
        // The kubelet makes an emptyDir's mount point root's (group fsGroup, mode 2777): the connector's user cannot
        // make it its own only (0700, DataDirectory), and every start would stop there. A folder inside the volume,
        // the connector creates, owns and closes.
        Path dataDir = Path.of(DeploymentFiles.containerEnvironment().get("DATA_DIR"));
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) DeploymentFiles.container().get("volumeMounts");
        Map<String, Object> volume = mounts.stream()
                .filter(mount -> dataDir.startsWith(Path.of((String) mount.get("mountPath")))).findFirst()
                .orElseThrow(() -> new AssertionError("DATA_DIR " + dataDir + " is on no volume"));

        assertThat(dataDir).as("a folder inside the volume, not its mount point")
                .isNotEqualTo(Path.of((String) volume.get("mountPath")));
        assertThat(volume.get("readOnly")).as("written").isNotEqualTo(true);
    }

    @Test
    void systemdsEnvironmentLinesAreReadAsSystemdReadsThem() {
        assertThat(DeploymentFiles.systemdAssignments("\"JAVA_OPTS=-Xms32m -Xmx128m\" DATA_DIR=/var/lib/x"))
                .containsExactly(Map.entry("JAVA_OPTS", "-Xms32m -Xmx128m"), Map.entry("DATA_DIR", "/var/lib/x"));
        assertThat(DeploymentFiles.systemdAssignments("NAME='a \\\"b\\\"' OTHER=\"\""))
                .containsExactly(Map.entry("NAME", "a \"b\""), Map.entry("OTHER", ""));
        // unquoted, systemd keeps -Xms32m and ignores the rest of the options, with a warning no operator sees
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeploymentFiles.systemdAssignments("JAVA_OPTS=-Xms32m -Xmx128m"))
                .withMessageContaining("systemd ignores '-Xmx128m'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeploymentFiles.systemdAssignments("\"JAVA_OPTS=-Xms32m -Xmx128m"))
                .withMessageContaining("not closed");
    }

    @Test
    void systemdRestartsEveryFailedStartButOneAWrongSettingWouldRepeat() throws Exception {
        String unit = Files.readString(Path.of("deploy/systemd/flatchr-lucca.service"));

        assertThat(unit).contains("Restart=on-failure")
                .containsPattern("(?m)^RestartPreventExitStatus=" + FlatchrLucca.WRONG_SETTING + "$");
    }

    @Test
    void composeRestartsEachConnectorThatEnds() throws Exception {
        // out of memory the JVM ends rather than limp on (docs/deployment.md): someone must start it again
        Map<String, Object> services = map(DeploymentFiles.yaml(Path.of("compose.yaml")), "services");

        assertThat(services.keySet()).filteredOn(service -> service.startsWith("connector")).hasSize(2)
                .allSatisfy(service -> assertThat(map(services, service)).containsEntry("restart", "unless-stopped"));
    }

    @Test
    void composeStartsOnlyWithEverySettingItsHeaderAsksFor() throws Exception {
        // a name left out of .env (or misspelled there) must stop `docker compose up`: a blank LUCCA_API_KEY (with its
        // Lucca) would run every connector dry, each hire of HR's received and finished with nothing in Lucca (a key
        // with no Lucca, LUCCA_INSTANCE or LUCCA_BASE_URL, the connector refuses itself: either may be left blank);
        // PUBLIC_BASE_URL makes the webhook URL the log gives to paste into Flatchr, which a fixed localhost would
        // have post every hire to itself
        String compose = Files.readString(Path.of("compose.yaml"));
        java.util.regex.Matcher header = Pattern.compile("a \\.env file next to this one \\(([^)]+)\\)")
                .matcher(compose);
        assertThat(header.find()).as("the header's list of what .env holds").isTrue();
        List<String> asked = Pattern.compile("\\b[A-Z][A-Z_]+\\b").matcher(header.group(1)).results()
                .map(java.util.regex.MatchResult::group).filter(name -> !name.startsWith("LUCCA_INSTANCE")
                        && !name.equals("LUCCA_BASE_URL")).toList();

        assertThat(asked).contains("LUCCA_API_KEY", "PUBLIC_BASE_URL").allSatisfy(name ->
                assertThat(compose).as(name).contains("${" + name + ":?").doesNotContain("${" + name + ":-"));
        assertThat(compose).as("one of the two, the other left blank").contains("LUCCA_INSTANCE: ${LUCCA_INSTANCE:-}",
                "LUCCA_BASE_URL: ${LUCCA_BASE_URL:-}");
    }

    @Test
    void theImagesBuildGetsWhatTheDockerfileCopiesAndNoSecret() throws Exception {
        List<String> copied = Files.readAllLines(Path.of("Dockerfile")).stream()
                .filter(line -> line.startsWith("COPY ")).map(line -> line.split("\\s+")[1]).toList();
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();

        // everything is left out of the build context but what the Dockerfile copies: the .env of secrets too
        assertThat(copied).isNotEmpty();
        assertThat(ignore).first().isEqualTo("*");
        assertThat(ignore.subList(1, ignore.size())).containsExactlyInAnyOrderElementsOf(
                copied.stream().map(source -> "!" + source).toList());
        assertThat(Files.readAllLines(Path.of(".gitignore"))).as("the secrets compose.yaml reads").contains(".env");
    }

    @Test
    void theDrainAndTheLastDeliveryFitInTheGracePeriod() throws Exception {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(Path.of("application.properties"),
                java.nio.charset.StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        int drain = Integer.parseInt(DeploymentFiles.containerEnvironment().get("SHUTDOWN_DRAIN_SECONDS"));
        // the deployment's own, else the default of application.properties' {{env:CAMEL_MAIN_SHUTDOWNTIMEOUT:15}}
        int lastDelivery = Integer.parseInt(Optional.ofNullable(DeploymentFiles.containerEnvironment()
                .get("CAMEL_MAIN_SHUTDOWNTIMEOUT")).orElseGet(() -> properties.getProperty("camel.main.shutdown-timeout")
                .replaceFirst("^\\{\\{env:CAMEL_MAIN_SHUTDOWNTIMEOUT:(\\d+)}}$", "$1")));
        Object grace = map(map(map(DeploymentFiles.kubernetes("deployment.yaml"), "spec"), "template"), "spec")
                .get("terminationGracePeriodSeconds");

        assertThat(drain).isPositive();
        assertThat((Integer) grace).isGreaterThan(drain + lastDelivery);
        assertThat(Files.readString(Path.of("deploy/systemd/flatchr-lucca.service")))
                .contains("TimeoutStopSec=" + grace);
        assertThat(Files.readString(Path.of("compose.yaml"))).contains("stop_grace_period: " + grace + "s");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTenantsFileNamesSecretsTheSecretHoldsWhereTheDeploymentMountsThem() throws Exception {
        String tenantsFile = DeploymentFiles.tenantsFile();
        Map<String, Object> container = DeploymentFiles.container();
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) container.get("volumeMounts");
        String secretsAt = mounts.stream().filter(mount -> "secrets".equals(mount.get("name")))
                .map(mount -> (String) mount.get("mountPath")).findFirst().orElseThrow();
        String tenantsAt = mounts.stream().filter(mount -> "tenants".equals(mount.get("name")))
                .map(mount -> (String) mount.get("mountPath")).findFirst().orElseThrow();

        assertThat(DeploymentFiles.fileReferences(tenantsFile)).isNotEmpty().allSatisfy(reference -> {
            assertThat(Path.of(reference).getParent()).isEqualTo(Path.of(secretsAt));
            assertThat(DeploymentFiles.secrets()).containsKey(Path.of(reference).getFileName().toString());
        });
        assertThat(Path.of(DeploymentFiles.containerEnvironment().get("TENANTS_FILE")))
                .isEqualTo(Path.of(tenantsAt, "tenants.yaml"));
        assertThat(tenantsFile).doesNotContainPattern(Pattern.compile("apiKey: (?!\\$\\{)"));
    }

    @Test
    void theProxyLetsOnlyWebhooksInAndKeepsTheTokenOutOfItsLog() throws Exception {
        String nginx = Files.readString(Path.of("deploy/nginx/flatchr-lucca.conf"));
        String serverPort = composeConnector("connector-1").get("SERVER_PORT");

        assertThat(nginx).contains("server connector-1:" + serverPort, "server connector-2:" + serverPort,
                "location /webhooks/ {", "return 404;", "\"$request_method $uri\"");
        assertThat(nginx).doesNotContain("$request ", "$request_uri", "$args", "$query_string");
        assertThat(Files.readString(Path.of("compose.yaml"))).contains("./deploy/nginx/flatchr-lucca.conf");
        assertThat(DeploymentFiles.dockerfileEnvironment()).containsEntry("SERVER_PORT", serverPort);
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("EXPOSE " + serverPort + " "
                + DeploymentFiles.dockerfileEnvironment().get("MANAGEMENT_PORT"), "USER 10001");
    }

    @Test
    void everyAlertRuleHasItsTest() throws Exception {
        // the tests make each alert fire, as DeploymentFilesIT has promtool check: a rule written so that it can
        // never fire (and pairing series on all their labels) fails there
        String tests = Files.readString(Path.of("deploy/prometheus/flatchr-lucca-rules.test.yaml"));

        assertThat(alertRules().keySet()).isNotEmpty()
                .allSatisfy(alert -> assertThat(tests).contains("alertname: " + alert + "\n        exp_alerts:"));
    }

    @Test
    void theRefusedWebhooksAlertCountsEveryRefusalThatIsNotTheSendersMistake() throws Exception {
        java.util.regex.Matcher outcomes = Pattern.compile("outcome=~\"([^\"]+)\"")
                .matcher(alertRules().get("FlatchrLuccaWebhooksRefused"));
        assertThat(outcomes.find()).isTrue();
        Pattern refused = Pattern.compile(outcomes.group(1));
        String documented = Files.readString(Path.of("docs/operations.md")).replaceAll("\\s+", " ");
        documented = documented.substring(documented.indexOf("`flatchr_webhooks_total{tenant,outcome}`"));

        // a body that cannot be read (400), the journal down (503), a failure of the connector itself (500):
        // Flatchr does not send any of them again
        for (int status : new int[] {400, 500, 503}) {
            assertThat(WebhookReplies.outcome(status)).as(String.valueOf(status)).matches(refused);
        }
        for (int status : new int[] {400, 401, 403, 422, 500, 503}) {
            assertThat(documented.substring(0, documented.indexOf(')'))).as("docs/operations.md")
                    .contains(WebhookReplies.outcome(status));
        }
    }

    /**
     * The shipped deployment files set no ALERT_WEBHOOK_URL: the rules are all that calls someone for a hire that
     * waits for a person, as a webhook answered it (422, 403, a move out after the Lucca account was made) or as a
     * search of Flatchr's API recorded it.
     */
    @Test
    void everyHireThatWaitsForAPersonHasARule() throws Exception {
        for (String outcome : List.of(WebhookReplies.outcome(422), WebhookReplies.outcome(403),
                new MoveOut("h-1", MoveOut.Outcome.NEEDS_DECISION).label())) {
            assertThat(watched("flatchr_webhooks_total")).as(outcome)
                    .anySatisfy(rule -> assertThat(outcome).matches(rule));
        }
        for (String outcome : List.of("rejected", "skipped", new MoveOut("h-1", MoveOut.Outcome.NEEDS_DECISION).label())) {
            assertThat(watched("flatchr_hires_found_total")).as(outcome)
                    .anySatisfy(rule -> assertThat(outcome).matches(rule));
        }
    }

    /** The outcomes the rules watch of a counter, each as a pattern (an exact match's value is its own pattern). */
    private static List<Pattern> watched(String counter) throws Exception {
        Pattern matcher = Pattern.compile(Pattern.quote(counter) + "\\{outcome=~?\"([^\"]+)\"}");
        return alertRules().values().stream()
                .flatMap(expression -> matcher.matcher(expression).results()
                        .map(found -> Pattern.compile(found.group(1))))
                .toList();
    }

    /** Each alert rule's expression, by its name. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> alertRules() throws Exception {
        Map<String, String> rules = new java.util.LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) DeploymentFiles.yaml(
                Path.of("deploy/prometheus/flatchr-lucca-rules.yaml")).get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                rules.put((String) rule.get("alert"), (String) rule.get("expr"));
            }
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> composeConnector(String service) throws Exception {
        Map<String, Object> compose = DeploymentFiles.yaml(Path.of("compose.yaml"));
        Map<String, Object> environment = map(map(map(compose, "services"), service), "environment");
        Map<String, String> values = new java.util.LinkedHashMap<>();
        environment.forEach((name, value) -> values.put(name, String.valueOf(value)));
        return values;
    }
}
