package io.github.flatchrlucca.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.http.JsonReply;
import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.journal.HireRecord;
import io.github.flatchrlucca.journal.Journal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/** The operator's view of the journal, as JSON. */
public final class AdminApi {

    private final ObjectMapper json;
    private final Journal journal;

    public AdminApi(ObjectMapper json, Journal journal) {
        this.json = json;
        this.journal = journal;
    }

    public void hire(@Header("hireId") String hireId, Exchange exchange) {
        HireRecord hire = journal.find(hireId).orElseThrow(() -> Problem.notFound("No hire has this id."));
        JsonReply.respond(json, exchange, 200, "application/json", view(hire));
    }

    private Map<String, Object> view(HireRecord hire) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("hireId", hire.hireId());
        view.put("status", hire.status().label());
        view.put("receivedAt", String.valueOf(hire.receivedAt()));
        view.put("updatedAt", String.valueOf(hire.updatedAt()));
        view.put("attempts", hire.attempts());
        view.put("nextAttemptAt", hire.nextAttemptAt() == null ? null : hire.nextAttemptAt().toString());
        view.put("luccaUserId", hire.luccaUserId());
        view.put("warnings", hire.warnings());
        view.put("lastError", hire.lastError());
        view.put("lastLuccaStatus", hire.lastLuccaStatus());
        view.put("lastLuccaBody", hire.lastLuccaBody());
        view.put("luccaRequest", hire.luccaRequest());
        return view;
    }
}
