package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** What an operator on call does through the admin API: look, replay, cancel. */
class AdminApiIT {

    static final String API_KEY = "3c1d6e5f-3333-4000-8000-0000000000cc";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ConnectorAgainstLucca app = ConnectorAgainstLucca.withSettings(API_KEY, Map.of());

    @Test
    void aDeadHireShowsItsHistoryAndIsDeliveredWhenReplayed() throws Exception {
        app.lucca().failNext("POST", "/api/v3/users", 400, 1);
        String hireId = app.connector().accept("replay-1");
        JsonNode dead = app.connector().awaitStatus(hireId, "dead");

        assertThat(dead.path("history")).extracting(event -> event.path("status").asText())
                .containsSubsequence("received", "dead");
        assertThat(dead.path("history").toString()).contains("create-user", "400");
        assertThat(dead.path("flatchrEvent").path("data").path("candidate").path("lastname").asText()).isEqualTo("Morel");

        HttpResponse<String> replay = post("/admin/api/hires/" + hireId + "/replay");

        assertThat(replay.statusCode()).isEqualTo(202);
        app.connector().awaitStatus(hireId, "delivered");
        assertThat(post("/admin/api/hires/" + hireId + "/replay").statusCode()).isEqualTo(409);
    }

    @Test
    void aQueuedHireCanBeCancelledAndAFinishedOneCannot() throws Exception {
        app.lucca().failNext("*", "/", 503, 1000);
        try {
            String hireId = app.connector().accept("cancel-1");
            org.awaitility.Awaitility.await().until(() -> app.connector().hire(hireId).path("status").asText(), "retrying"::equals);

            assertThat(post("/admin/api/hires/" + hireId + "/cancel").statusCode()).isEqualTo(200);

            assertThat(app.connector().hire(hireId).path("status").asText()).isEqualTo("cancelled");
            assertThat(post("/admin/api/hires/" + hireId + "/cancel").statusCode()).isEqualTo(409);
        } finally {
            app.lucca().recover();
        }
    }

    @Test
    void aPreviewShowsTheLuccaRequestsAndRecordsNothing() throws Exception {
        long hiresBefore = total();
        long callsBefore = app.lucca().count("POST", "/");

        HttpResponse<String> response = post("/admin/api/preview", FlatchrEvents.hire("preview-1").toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode preview = JSON.readTree(response.body());
        JsonNode create = preview.path("requests").get(0);
        assertThat(create.path("name").asText()).isEqualTo("create-user");
        assertThat(create.path("path").asText()).isEqualTo("/api/v3/users?contract=true");
        assertThat(create.path("body").path("login").asText()).isEqualTo("cmorel");
        assertThat(create.path("body").path("dtContractStart").asText()).isEqualTo("2026-01-06T00:00:00");
        assertThat(preview.path("warnings").toString()).contains("contract type not mapped");
        assertThat(total()).isEqualTo(hiresBefore);
        assertThat(app.lucca().count("POST", "/")).isEqualTo(callsBefore);
        assertThat(post("/admin/api/preview", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void aPreviewOfAMoveOutOfHiredMapsNothingAndSaysWhatItWouldDo() throws Exception {
        HttpResponse<String> response = post("/admin/api/preview",
                FlatchrEvents.movedOut(FlatchrEvents.hire("preview-2"), "Refusé").toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode preview = JSON.readTree(response.body());
        assertThat(preview.path("hire").asBoolean()).isFalse();
        assertThat(preview.path("reason").asText()).contains("would be withdrawn");
        assertThat(preview.has("requests")).isFalse();
    }

    @Test
    void unknownHiresAreNotFound() throws Exception {
        assertThat(post("/admin/api/hires/no-such-hire/replay").statusCode()).isEqualTo(404);
        assertThat(post("/admin/api/hires/no-such-hire/cancel").statusCode()).isEqualTo(404);
        assertThat(post("/admin/api/hires/no-such-hire/deliver-now").statusCode()).isEqualTo(404);
        assertThat(app.connector().postAdmin("/admin/api/hires/no-such-hire/decision", "{\"note\": \"n\"}")
                .statusCode()).isEqualTo(404);
        assertThat(app.connector().get("/admin/api/hires/no-such-hire", bearer()).statusCode()).isEqualTo(404);
    }

    @Test
    void hiresAreListedNewestFirstAndFilteredByStatus() throws Exception {
        String first = app.connector().accept("list-1");
        app.connector().awaitStatus(first, "delivered");
        String second = app.connector().accept("list-2");
        app.connector().awaitStatus(second, "delivered");

        JsonNode delivered = JSON.readTree(app.connector().get("/admin/api/hires?status=delivered&size=200", bearer()).body());

        assertThat(delivered.path("hires")).extracting(hire -> hire.path("status").asText()).containsOnly("delivered");
        assertThat(delivered.path("hires")).extracting(hire -> hire.path("hireId").asText())
                .containsSubsequence(second, first);
        assertThat(delivered.path("hires").get(0).path("candidate").asText()).isEqualTo("Camille Morel");
        JsonNode stats = JSON.readTree(app.connector().get("/admin/api/stats", bearer()).body());
        assertThat(stats.path("counts").path("delivered").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void wrongParametersAreProblemsNamingThem() throws Exception {
        assertProblem(app.connector().get("/admin/api/hires?status=lost", bearer()), "status");
        assertProblem(app.connector().get("/admin/api/hires?size=5000", bearer()), "size");
        assertProblem(app.connector().get("/admin/api/hires?from=yesterday", bearer()), "from");
        // an instant ISO allows, in a year no timestamp of the journal holds
        assertProblem(app.connector().get("/admin/api/hires?from=%2B1000000000-01-01T00:00:00Z", bearer()), "from");
        assertProblem(app.connector().get("/admin/api/hires?from=2026-02-01&to=2026-01-01", bearer()), "to");
    }

    @Test
    void aRequestsOwnHeadersAreNotTakenForItsFilters() throws Exception {
        // "From" is a standard request header (a contact address): only the query string's from filters
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.connector().baseUrl() + "/admin/api/hires?size=1"))
                .header("Authorization", bearer()).header("From", "ops@example.org").header("Status", "lost").build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void withoutTheAdminTokenNothingIsShown() throws Exception {
        for (String path : new String[] {"/admin/api/hires", "/admin/api/stats", "/admin/api/hires/x"}) {
            HttpResponse<String> response = app.connector().get(path, "Bearer wrong");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("Morel", "hireId");
        }
    }

    /**
     * Camel's OpenAPI description of the admin API names every call that routes/admin.camel.yaml declares (the
     * files the connector runs from), no other, each behind the bearer token; and each call it names is answered by
     * its route. Without the token the description is refused like the API.
     */
    @Test
    void theOpenApiDescriptionIsTheRealApiBehindTheToken() throws Exception {
        HttpResponse<String> described = app.connector().get("/admin/api/openapi.json", bearer());

        assertThat(described.statusCode()).as(described.body()).isEqualTo(200);
        JsonNode openApi = JSON.readTree(described.body());
        List<String> operations = new ArrayList<>();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(verb -> {
            operations.add(verb.getKey() + " " + path.getKey());
            assertThat(verb.getValue().path("summary").asText()).as(verb.getKey() + " " + path.getKey()).isNotBlank();
        }));
        assertThat(operations).containsExactlyInAnyOrderElementsOf(declaredAdminCalls());
        assertThat(openApi.path("security").toString()).contains("adminToken");
        assertThat(openApi.path("components").path("securitySchemes").path("adminToken").path("scheme").asText())
                .isEqualTo("bearer");
        for (String operation : operations) {
            String path = operation.substring(operation.indexOf(' ') + 1).replace("{hireId}", "no-such-hire");
            HttpResponse<String> answer = operation.startsWith("get ") ? app.connector().get(path, bearer())
                    : post(path, "");
            assertThat(answer.statusCode()).as(operation + " is answered by its route: " + answer.body())
                    .isNotEqualTo(405);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(operation + ": " + answer.body())
                    .startsWith("application/").contains("json");
        }

        for (String refused : new String[] {null, "Bearer wrong", ConnectorProcess.ADMIN_TOKEN}) {
            HttpResponse<String> response = app.connector().get("/admin/api/openapi.json", refused);
            assertThat(response.statusCode()).as(String.valueOf(refused)).isEqualTo(401);
            assertThat(response.body()).doesNotContain("/admin/api/hires");
        }
    }

    /** "get /admin/api/hires", ... as the rest: of routes/admin.camel.yaml declares them. */
    @SuppressWarnings("unchecked")
    private static List<String> declaredAdminCalls() throws Exception {
        List<String> calls = new ArrayList<>();
        for (Object entry : (List<Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of("routes/admin.camel.yaml")))) {
            Map<String, Object> rest = (Map<String, Object>) ((Map<String, Object>) entry).get("rest");
            if (rest == null) {
                continue;
            }
            for (String verb : List.of("get", "post", "put", "patch", "delete")) {
                for (Object call : (List<Object>) rest.getOrDefault(verb, List.of())) {
                    calls.add(verb + " " + rest.get("path") + ((Map<String, Object>) call).get("path"));
                }
            }
        }
        assertThat(calls).as("the rest: of routes/admin.camel.yaml").isNotEmpty();
        return calls;
    }

    private static void assertProblem(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("field").asText()).isEqualTo(field);
    }

    private static String bearer() {
        return "Bearer " + ConnectorProcess.ADMIN_TOKEN;
    }

    private static HttpResponse<String> post(String path) throws Exception {
        return post(path, "");
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return app.connector().postAdmin(path, body);
    }

    private static long total() throws Exception {
        return JSON.readTree(app.connector().get("/admin/api/hires", bearer()).body()).path("total").asLong();
    }

}
