package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.fake.FakeLucca;
import io.github.flatchrlucca.journal.LockInAnotherProcess;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the jar starts: dry-run by default, a secret always, and no start at all on a wrong setting. */
class StartupIT {

    static final ObjectMapper JSON = new ObjectMapper();
    /** A wrong setting or tenants file ends the process with EX_CONFIG, which the systemd unit does not restart. */
    private static final int WRONG_SETTING = 78;
    /** Any other failed start ends it with 1, which a supervisor restarts. */
    private static final int FAILED = 1;

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
            assertThat(hire.path("warnings").toString()).as("Lucca was not asked for its departments")
                    .contains("not checked").doesNotContain("matches no Lucca department");
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
    void withoutATokenOneIsGeneratedKeptAndNeverLogged(@TempDir Path temp) throws Exception {
        try (ConnectorProcess connector = ConnectorProcess.start(temp, Map.of("FLATCHR_WEBHOOK_TOKEN", ""))) {
            String token = Files.readString(connector.dataDir().resolve("webhook-token")).trim();
            assertThat(token).hasSizeGreaterThanOrEqualTo(32);
            assertThat(connector.log()).contains("That token was generated and kept in "
                    + connector.dataDir().resolve("webhook-token")).doesNotContain(token);

            connector.restart();

            assertThat(Files.readString(connector.dataDir().resolve("webhook-token")).trim()).isEqualTo(token);
            assertThat(connector.log()).doesNotContain(token);
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
        "FLATCHR_DEPARTMENT_POINTER | data.vacancy",
        "SERVER_PORT           | abc",
        "MANAGEMENT_PORT       | abc",
        "ADMIN_TOKEN           | short",
        "PUBLIC_BASE_URL       | hooks.acme.fr",
        "LUCCA_TIMEOUT_MS      | 0",
        "DELIVERY_POLL_INTERVAL_MS | 0",
        "LOG_FORMAT            | xml",
        // read by Camel Main itself too, before the connector's configuration: still one line naming it
        "FLATCHR_MAX_BODY_BYTES | 99999999999999999999",
        "SERVER_PORT           | '18555 '"})
    void aWrongSettingStopsTheStartWithOneLineNamingIt(String variable, String value, @TempDir Path temp)
            throws Exception {
        ConnectorProcess.Exit exit = ConnectorProcess.runUntilExit(temp, Map.of(variable, value));

        assertThat(exit.code()).isEqualTo(WRONG_SETTING);
        assertThat(exit.output().lines().filter(line -> line.contains("Invalid setting " + variable))).hasSize(1);
        assertThat(exit.output()).doesNotContain("\tat ", "Exception", "SIGTERM");
    }

    @Test
    void aBlankVariableIsItsDefaultForCamelAndTheRoutesAsForTheChecks(@TempDir Path temp) throws Exception {
        // Camel's {{env:NAME:default}} reads a blank variable as blank text: each of these once broke the connector
        // while the checks took the default (a null batch size in every delivery round, every Lucca call refused,
        // health and metrics on a random port)
        try (FakeLucca lucca = FakeLucca.start("0d8c7a61-3333-4000-8000-0000000000bb");
             ConnectorProcess connector = ConnectorProcess.start(temp, Map.of("LUCCA_BASE_URL", lucca.baseUrl(),
                     "LUCCA_API_KEY", "0d8c7a61-3333-4000-8000-0000000000bb",
                     "DELIVERY_BATCH_SIZE", "", "LUCCA_TIMEOUT_MS", "", "MANAGEMENT_PORT", ""))) {
            connector.awaitStatus(connector.accept("blank-settings-1"), "delivered");

            assertThat(connector.get("/observe/health/ready", null).statusCode()).as("health on the webhook's port")
                    .isEqualTo(200);
            assertThat(connector.get("/observe/metrics", null).statusCode())
                    .as("there, the metrics need the admin token").isEqualTo(401);
        }
    }

    @Test
    void aJournalNotReachableYetStopsTheStartWithAnExitCodeASupervisorRestarts(@TempDir Path temp) throws Exception {
        int nothingListens;
        try (ServerSocket free = new ServerSocket(0)) {
            nothingListens = free.getLocalPort();
        }
        // PostgreSQL still starting after a reboot: not the setting's fault, the next start may well find it
        ConnectorProcess.Exit exit = ConnectorProcess.runUntilExit(temp, Map.of("JOURNAL_JDBC_URL",
                "jdbc:postgresql://127.0.0.1:" + nothingListens + "/flatchr_lucca"));

        assertThat(exit.code()).as(exit.output()).isEqualTo(FAILED);
        assertThat(exit.output()).contains("The connector did not start.").doesNotContain("Invalid setting");
    }

    @Test
    void aPortInUseStopsTheStartInsteadOfServingNothing(@TempDir Path temp) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            ConnectorProcess.Exit exit = ConnectorProcess.runUntilExit(temp,
                    Map.of("MANAGEMENT_PORT", String.valueOf(taken.getLocalPort())));

            assertThat(exit.code()).isEqualTo(WRONG_SETTING);
            assertThat(exit.output()).contains("Invalid setting MANAGEMENT_PORT", "already in use")
                    .doesNotContain("webhook URL", "SIGTERM");
        }
    }

    @Test
    void everyProblemOfATenantsFileIsReportedAtOnce(@TempDir Path temp) throws Exception {
        Path tenants = Files.writeString(temp.resolve("tenants.yaml"), """
                tenants:
                  - id: acme
                    flatchrCompanyIds: [4242]
                    webhookToken: ${env:ACME_WEBHOOK_TOKEN}
                    lucca: { instance: acme, apiKey: '${file:/run/secrets/acme-lucca}' }
                  - id: beta
                    flatchrCompanyIds: [5151, 5152]
                    webhookToken: ${env:BETA_WEBHOOK_TOKEN}
                    lucca: { instance: beta, apiKey: '${env:BETA_LUCCA_API_KEY}' }
                """);

        ConnectorProcess.Exit exit = ConnectorProcess.runUntilExit(temp, Map.of("TENANTS_FILE", tenants.toString()));

        assertThat(exit.code()).isEqualTo(WRONG_SETTING);
        assertThat(exit.output()).contains("4 problem(s)", "ACME_WEBHOOK_TOKEN", "/run/secrets/acme-lucca",
                "BETA_WEBHOOK_TOKEN", "BETA_LUCCA_API_KEY").doesNotContain("\tat ");
    }

    @Test
    void aTokenUsedForTwoThingsIsRefused(@TempDir Path temp) throws Exception {
        Path tenants = Files.writeString(temp.resolve("tenants.yaml"), """
                tenants:
                  - id: acme
                    flatchrCompanyIds: [4242]
                    webhookToken: ${env:ACME_WEBHOOK_TOKEN}
                """);

        ConnectorProcess.Exit exit = ConnectorProcess.runUntilExit(temp, Map.of("TENANTS_FILE", tenants.toString(),
                "ACME_WEBHOOK_TOKEN", ConnectorProcess.ADMIN_TOKEN));

        assertThat(exit.code()).isEqualTo(WRONG_SETTING);
        assertThat(exit.output()).contains("tenants[0] (acme): webhookToken", "ADMIN_TOKEN")
                .doesNotContain(ConnectorProcess.ADMIN_TOKEN);
    }

    @Test
    void withATenantsFileTheStartSaysWhichWebhookUrlsAreServed(@TempDir Path temp) throws Exception {
        Path tenants = Files.writeString(temp.resolve("tenants.yaml"), """
                tenants:
                  - id: acme
                    flatchrCompanyIds: [4242]
                    webhookToken: ${env:ACME_WEBHOOK_TOKEN}
                """);
        Map<String, String> env = new java.util.HashMap<>(Map.of("TENANTS_FILE", tenants.toString(),
                "ACME_WEBHOOK_TOKEN", "acme-token-0123456789"));
        env.put("FLATCHR_WEBHOOK_TOKEN", "");

        try (ConnectorProcess connector = ConnectorProcess.start(temp, env)) {
            assertThat(connector.log()).contains("/webhooks/flatchr/acme?token=<its webhook token>",
                    "No tenant at /webhooks/flatchr").doesNotContain("acme-token-0123456789");
            assertThat(connector.postWebhook(FlatchrEvents.hire("no-default-1").toString(), "acme-token-0123456789",
                    "application/json").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void theDefaultTenantNextToAFileNeverTakesAFileTenantsHireAndNoTenantIsNamedWithoutAToken(@TempDir Path temp)
            throws Exception {
        Path tenants = Files.writeString(temp.resolve("tenants.yaml"), """
                tenants:
                  - id: acme-industries
                    flatchrCompanyIds: [4242]
                    webhookToken: ${env:ACME_WEBHOOK_TOKEN}
                """);

        try (ConnectorProcess connector = ConnectorProcess.start(temp, Map.of("TENANTS_FILE", tenants.toString(),
                "ACME_WEBHOOK_TOKEN", "acme-token-0123456789"))) {
            String event = FlatchrEvents.hire("both-urls-1", 4242).toString();
            HttpResponse<String> atTheDefaultUrl = connector.postWebhook(event);
            HttpResponse<String> atItsOwnUrl = connector.postTenantWebhook("acme-industries",
                    FlatchrEvents.hire("both-urls-1", 4242), "acme-token-0123456789");

            assertThat(atTheDefaultUrl.statusCode()).as(atTheDefaultUrl.body()).isEqualTo(403);
            assertThat(JSON.readTree(atTheDefaultUrl.body()).path("field").asText()).isEqualTo("company_id");
            assertThat(atItsOwnUrl.statusCode()).as("not a duplicate of the default tenant's").isEqualTo(202);
            assertThat(connector.get("/observe/health?data=true", null).body()).doesNotContain("acme-industries");
            assertThat(connector.get("/observe/metrics", null).statusCode()).isEqualTo(401);
            assertThat(connector.get("/observe/metrics", "Bearer " + ConnectorProcess.ADMIN_TOKEN).body())
                    .contains("tenant=\"acme-industries\"");
        }
    }

    @Test
    void withoutAnAdminTokenTheStatusPageIsNotFoundLikeTheApi(@TempDir Path temp) throws Exception {
        try (ConnectorProcess connector = ConnectorProcess.start(temp, Map.of("ADMIN_TOKEN", ""))) {
            assertThat(connector.get("/admin/", null).statusCode()).isEqualTo(404);
            assertThat(connector.get("/admin/assets/status-page.js", null).statusCode()).isEqualTo(404);
            assertThat(connector.get("/admin/api/stats", "Bearer anything-at-all-here").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aCleanStartAndStopSaysNothingAlarming(@TempDir Path temp) throws Exception {
        ConnectorProcess connector = ConnectorProcess.start(temp, Map.of());
        assertThat(connector.stopWithin(java.time.Duration.ofSeconds(30))).isTrue();

        assertThat(connector.log().lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")))
                .as("the dry-run notice only").singleElement().asString().contains("DRY-RUN");
    }

    @Test
    void aKeyLuccaRejectsIsSaidAtStartBeforeAnyHireWaits(@TempDir Path temp) throws Exception {
        try (FakeLucca lucca = FakeLucca.start("the-key-lucca-knows-0000");
             ConnectorProcess connector = ConnectorProcess.start(temp, Map.of("LUCCA_BASE_URL", lucca.baseUrl(),
                     "LUCCA_API_KEY", "a-key-lucca-does-not-know"))) {
            await().atMost(java.time.Duration.ofSeconds(20)).until(() -> connector.log()
                    .contains("Tenant default: LUCCA REJECTS ITS API KEY (401)"));

            JsonNode health = JSON.readTree(connector.get("/observe/health/ready?data=true", null).body());
            assertThat(health.toString()).contains("\"tenants.credentials.rejected\":1");
            assertThat(lucca.requests()).singleElement().satisfies(request -> assertThat(request.status()).isEqualTo(401));
        }
    }

    @Test
    void aPreviewWhoseLuccaCannotBeReachedStillShowsTheMappingDepartmentsNotChecked(@TempDir Path temp)
            throws Exception {
        try (ConnectorProcess connector = ConnectorProcess.start(temp, Map.of("LUCCA_BASE_URL", "http://127.0.0.1:9",
                "LUCCA_API_KEY", "a-key-for-nowhere", "LUCCA_TIMEOUT_MS", "1000"))) {
            HttpResponse<String> response = connector.postAdmin("/admin/api/preview",
                    FlatchrEvents.hire("unreachable-preview-1").toString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode preview = JSON.readTree(response.body());
            assertThat(preview.path("departmentsChecked").asBoolean(true)).isFalse();
            assertThat(preview.path("warnings").toString()).contains("not checked");
            assertThat(preview.path("requests").get(0).path("body").path("lastName").asText()).isEqualTo("Morel");
        }
    }

    @Test
    void luccaWithoutAnApiKeyDoesNotStart(@TempDir Path temp) throws Exception {
        ConnectorProcess.Exit exit = ConnectorProcess.runUntilExit(temp, Map.of("LUCCA_INSTANCE", "acme"));

        assertThat(exit.code()).isEqualTo(WRONG_SETTING);
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

        assertThat(exit.code()).isEqualTo(WRONG_SETTING);
        assertThat(exit.output()).contains("Invalid tenants file", "(acme)", "lucca.apiKey")
                .doesNotContain("written-in-clear");
    }

    @Test
    void anEditedPropertyFileTakesEffectOnRestartWithoutARebuild(@TempDir Path temp) throws Exception {
        Path workDir = installWithTriggerColumnEmbauche(temp.resolve("install"));

        try (ConnectorProcess connector = ConnectorProcess.startIn(workDir, temp, Map.of())) {
            assertThat(connector.postWebhook(hireIntoEmbauche("edited-1")).statusCode()).isEqualTo(202);
        }
    }

    @Test
    void theQuickStartsSampleIsAHireOnceAndItsPreviewShowsWhatLuccaWouldGet(@TempDir Path temp) throws Exception {
        String sample = Files.readString(Path.of("examples/drag-applicant-hired.json"));

        try (ConnectorProcess connector = ConnectorProcess.start(temp, Map.of())) {
            HttpResponse<String> first = connector.postWebhook(sample);
            HttpResponse<String> again = connector.postWebhook(sample);
            HttpResponse<String> preview = connector.postAdmin("/admin/api/preview", sample);

            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
            assertThat(again.body()).contains("\"duplicate\"");
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.body()).contains("/api/v3/users", "emuller", "2027-01-04");
            assertThat(connector.get("/observe/health/ready", null).statusCode()).isEqualTo(200);
            connector.awaitStatus(new ObjectMapper().readTree(first.body()).path("hireId").asText(), "dry-run");
        }
    }

    @Test
    void theJarRunsFromAnyFolderWithItsOwnSettingsAndRoutes(@TempDir Path temp) throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));

        try (ConnectorProcess connector = ConnectorProcess.startIn(elsewhere, temp, Map.of())) {
            assertThat(connector.postWebhook(FlatchrEvents.hire("anywhere-1").toString()).statusCode()).isEqualTo(202);
            assertThat(connector.log()).contains("Starting with settings from classpath:application.properties, "
                    + "routes from classpath:routes/ (the jar's own)");
        }
    }

    @Test
    void configFileAndRoutesDirNameTheFilesAnInstallEdits(@TempDir Path temp) throws Exception {
        Path install = installWithTriggerColumnEmbauche(temp.resolve("etc"));
        Path properties = install.resolve("application.properties");
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));

        try (ConnectorProcess connector = ConnectorProcess.startIn(elsewhere, temp, Map.of(
                "CONFIG_FILE", properties.toString(), "ROUTES_DIR", install.resolve("routes").toString()))) {
            assertThat(connector.postWebhook(hireIntoEmbauche("config-file-1")).statusCode()).isEqualTo(202);
            assertThat(connector.log()).contains("Starting with settings from file:" + properties + ", routes from file:"
                    + install.resolve("routes") + "/*.camel.yaml");
        }
    }

    @Test
    void aSecondConnectorOnTheSameDataDirSaysSoAndStops(@TempDir Path temp) throws Exception {
        Path second = Files.createDirectories(temp.resolve("second"));
        try (ConnectorProcess first = ConnectorProcess.start(temp, Map.of())) {
            // the second's data folder is the first's
            Files.createSymbolicLink(second.resolve("data"), first.dataDir());

            ConnectorProcess.Exit exit = ConnectorProcess.runUntilExit(second, Map.of());

            assertThat(exit.code()).isEqualTo(WRONG_SETTING);
            assertThat(exit.output()).contains("Invalid setting DATA_DIR", "another connector is using")
                    .doesNotContain("server mode", "\tat ", "SIGTERM");
            assertThat(first.postWebhook(FlatchrEvents.hire("still-served-1").toString()).statusCode())
                    .as("the first goes on").isEqualTo(202);
        }
    }

    /**
     * H2's own lock on the journal's file may be gone (EmbeddedJournal.url says how): DATA_DIR's lock file refuses the
     * second all the same. The first here is a process holding that lock alone.
     */
    @Test
    void aDataDirWhoseLockFileAnotherProcessHoldsStopsTheStartEvenWithoutH2sLock(@TempDir Path temp)
            throws Exception {
        Path dataDir = Files.createDirectories(temp.resolve("data"));
        Process first = LockInAnotherProcess.holding(dataDir.resolve("journal.lock"));
        try {
            ConnectorProcess.Exit exit = ConnectorProcess.runUntilExit(temp, Map.of());

            assertThat(exit.code()).isEqualTo(WRONG_SETTING);
            assertThat(exit.output()).contains("Invalid setting DATA_DIR", "another connector is using " + dataDir)
                    .doesNotContain("\tat ", "SIGTERM");
            assertThat(dataDir.resolve("journal.mv.db")).as("refused before the journal was opened").doesNotExist();
        } finally {
            first.destroyForcibly();
        }
    }

    /** A lock file that cannot be made or locked is the folder's fault, said in one line, not a crash tried again. */
    @Test
    void aDataDirWhoseLockFileCannotBeLockedStopsTheStartNamingIt(@TempDir Path temp) throws Exception {
        Path dataDir = Files.createDirectories(temp.resolve("data"));
        Files.createDirectories(dataDir.resolve("journal.lock"));

        ConnectorProcess.Exit exit = ConnectorProcess.runUntilExit(temp, Map.of());

        assertThat(exit.code()).isEqualTo(WRONG_SETTING);
        assertThat(exit.output()).contains("Invalid setting DATA_DIR", "journal.lock").doesNotContain("\tat ");
    }

    @Test
    void aRouteFileBuiltAfterTheFirstAnswerThatCannotBeBuiltStillStopsTheConnector(@TempDir Path temp)
            throws Exception {
        Path install = Files.createDirectories(temp.resolve("install"));
        copyInstall(install);
        // the status page's routes are among those built once webhooks are taken (InstallFiles.FIRST_ROUTES)
        Path statusPage = install.resolve("routes").resolve("status-page.camel.yaml");
        Files.writeString(statusPage, Files.readString(statusPage)
                + "\n- route:\n    id: broken\n    from:\n      uri: no-such-component:here\n      steps:\n"
                + "        - log: never\n");

        ConnectorProcess.Exit exit = ConnectorProcess.runUntilExit(temp,
                Map.of("ROUTES_DIR", install.resolve("routes").toString()));

        assertThat(exit.code()).isEqualTo(FAILED);
        assertThat(exit.output()).as("it failed once the webhook's routes had started")
                .contains("(flatchr-lucca) started in", "The connector did not start.", "no-such-component")
                .doesNotContain("Webhooks are taken");
    }

    /** A copy of the install whose application.properties, edited, makes "Embauché" the trigger column. */
    private static Path installWithTriggerColumnEmbauche(Path workDir) throws Exception {
        copyInstall(Files.createDirectories(workDir));
        Path properties = workDir.resolve("application.properties");
        Files.writeString(properties, Files.readString(properties).replace(
                "{{env:FLATCHR_TRIGGER_COLUMNS:}}", "{{env:FLATCHR_TRIGGER_COLUMNS:Embauch\\u00e9}}"));
        return workDir;
    }

    /** A drag into "Embauché", which Flatchr does not mark hired: a hire only where that column triggers. */
    private static String hireIntoEmbauche(String applicantId) {
        ObjectNode event = FlatchrEvents.hire(applicantId);
        ((ObjectNode) event.path("data").path("column")).put("title", "Embauché").put("hired", false);
        return event.toString();
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
}
