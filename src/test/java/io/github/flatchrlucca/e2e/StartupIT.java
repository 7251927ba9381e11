package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the jar starts: dry-run by default, a secret always, and no start at all on a wrong setting. */
class StartupIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void withoutLuccaItRunsDryAndRecordsTheRequestsItWouldSend(@TempDir Path temp) throws Exception {
        try (ConnectorProcess connector = ConnectorProcess.start(temp, Map.of())) {
            HttpResponse<String> response = connector.postWebhook(FlatchrEvents.hire("dry-1").toString());

            assertThat(response.statusCode()).isEqualTo(202);
            JsonNode hire = connector.awaitStatus(JSON.readTree(response.body()).path("hireId").asText(), "dry-run");
            JsonNode wouldSend = hire.path("luccaRequest");
            assertThat(wouldSend.path("firstName").asText()).isEqualTo("Camille");
            assertThat(wouldSend.path("login").asText()).isEqualTo("cmorel");
            assertThat(wouldSend.path("dtContractStart").asText()).isEqualTo("2026-01-06T00:00:00");
            assertThat(connector.log()).contains("DRY-RUN", "/webhooks/flatchr?token=");
        }
    }

    @Test
    void logFormatJsonWritesOneJsonObjectPerLine(@TempDir Path temp) throws Exception {
        try (ConnectorProcess connector = ConnectorProcess.start(temp, Map.of("LOG_FORMAT", "json"))) {
            String hireId = JSON.readTree(connector.postWebhook(FlatchrEvents.hire("json-log-1").toString()).body())
                    .path("hireId").asText();
            connector.awaitStatus(hireId, "dry-run");

            java.util.List<JsonNode> lines = new java.util.ArrayList<>();
            for (String line : connector.log().split("\n")) {
                lines.add(JSON.readTree(line));
            }
            assertThat(lines).anySatisfy(line -> {
                assertThat(line.path("message").asText()).isEqualTo("hire " + hireId + " of tenant default received");
                assertThat(line.path("level").asText()).isEqualTo("INFO");
            });
        }
    }

    @Test
    void withoutATokenOneIsGeneratedKeptAndPrintedOnce(@TempDir Path temp) throws Exception {
        try (ConnectorProcess connector = ConnectorProcess.start(temp, Map.of("FLATCHR_WEBHOOK_TOKEN", ""))) {
            String token = Files.readString(connector.dataDir().resolve("webhook-token")).trim();
            assertThat(token).hasSizeGreaterThanOrEqualTo(32);
            assertThat(printedTokens(connector.log())).containsExactly(token);

            connector.restart();

            assertThat(printedTokens(connector.log())).containsExactly(token);
            String event = FlatchrEvents.hire("generated-token-1").toString();
            assertThat(connector.postWebhook(event, token, "application/json").statusCode()).isEqualTo(202);
            assertThat(connector.postWebhook(event, "", "application/json").statusCode()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LUCCA_BASE_URL        | not a url",
        "LUCCA_BASE_URL        | ftp://acme.example",
        "LUCCA_INSTANCE        | acme corp",
        "LUCCA_DEPARTMENT_ID   | abc",
        "LUCCA_LEGAL_ENTITY_ID | -3",
        "LUCCA_CONTRACT_TYPES  | 1-21",
        "LUCCA_LOGIN_RULE      | surname",
        "CONNECTOR_TIMEZONE    | Mars/Olympus",
        "LUCCA_WORK_EMAIL_PATTERN | {firstname}.{lastname}",
        "FLATCHR_DEPARTMENT_POINTER | data.vacancy"})
    void aWrongSettingStopsTheStartWithAMessageNamingIt(String variable, String value, @TempDir Path temp)
            throws Exception {
        ConnectorProcess.Exit exit = ConnectorProcess.runUntilExit(temp, Map.of(variable, value));

        assertThat(exit.code()).isNotZero();
        assertThat(exit.output()).contains("Invalid setting " + variable);
    }

    @Test
    void luccaWithoutAnApiKeyDoesNotStart(@TempDir Path temp) throws Exception {
        ConnectorProcess.Exit exit = ConnectorProcess.runUntilExit(temp, Map.of("LUCCA_INSTANCE", "acme"));

        assertThat(exit.code()).isNotZero();
        assertThat(exit.output()).contains("Invalid setting LUCCA_API_KEY");
    }

    @Test
    void aTenantsFileWithAKeyWrittenInItDoesNotStartAndNeverShowsTheKey(@TempDir Path temp) throws Exception {
        Path tenants = Files.writeString(temp.resolve("tenants.yaml"), """
                tenants:
                  - id: acme
                    flatchrCompanyIds: [4242]
                    webhookToken: ${env:ACME_TOKEN}
                    lucca: { instance: acme, apiKey: 0d8c7a61-2222-4000-8000-written-in-clear }
                """);

        ConnectorProcess.Exit exit = ConnectorProcess.runUntilExit(temp, Map.of("TENANTS_FILE", tenants.toString(),
                "ACME_TOKEN", "acme-token-0123456789"));

        assertThat(exit.code()).isNotZero();
        assertThat(exit.output()).contains("Invalid tenants file", "(acme)", "lucca.apiKey")
                .doesNotContain("written-in-clear");
    }

    @Test
    void anEditedPropertyFileTakesEffectOnRestartWithoutARebuild(@TempDir Path temp) throws Exception {
        Path workDir = Files.createDirectories(temp.resolve("install"));
        copyInstall(workDir);
        Path properties = workDir.resolve("application.properties");
        Files.writeString(properties, Files.readString(properties).replace(
                "{{env:FLATCHR_TRIGGER_COLUMNS:}}", "{{env:FLATCHR_TRIGGER_COLUMNS:Embauch\\u00e9}}"));
        ObjectNode event = FlatchrEvents.hire("edited-1");
        ((ObjectNode) event.path("data").path("column")).put("title", "Embauché").put("hired", false);

        try (ConnectorProcess connector = ConnectorProcess.startIn(workDir, temp, Map.of())) {
            assertThat(connector.postWebhook(event.toString()).statusCode()).isEqualTo(202);
        }
    }

    private static void copyInstall(Path workDir) throws Exception {
        Files.copy(Path.of("application.properties"), workDir.resolve("application.properties"));
        Files.createDirectories(workDir.resolve("routes"));
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.toList()) {
                Files.copy(route, workDir.resolve("routes").resolve(route.getFileName()));
            }
        }
    }

    private static Stream<String> printedTokensStream(String log) {
        Matcher matcher = Pattern.compile("token=([0-9a-f]{32,})").matcher(log);
        return matcher.results().map(result -> result.group(1));
    }

    private static java.util.List<String> printedTokens(String log) {
        return printedTokensStream(log).toList();
    }
}
