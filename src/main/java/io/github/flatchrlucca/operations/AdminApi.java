package io.github.flatchrlucca.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.http.JsonReply;
import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.intake.FlatchrEventClassifier;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.journal.HireFilter;
import io.github.flatchrlucca.journal.HireRecord;
import io.github.flatchrlucca.journal.HireStatus;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.journal.JournalReader;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/** The operator's view of the journal and the two things an operator does to a hire: replay and cancel. */
public final class AdminApi {

    private final ObjectMapper json;
    private final Journal journal;
    private final JournalReader reader;
    private final FlatchrEventClassifier classifier;
    private final HireViews views;
    private final Clock clock;

    public AdminApi(ObjectMapper json, Journal journal, JournalReader reader, FlatchrEventClassifier classifier,
                    Clock clock) {
        this.json = json;
        this.journal = journal;
        this.reader = reader;
        this.classifier = classifier;
        this.views = new HireViews(json);
        this.clock = clock;
    }

    public void hires(Exchange exchange) {
        HireFilter filter = HireQuery.filter(exchange.getIn());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("page", filter.page());
        page.put("size", filter.size());
        page.put("total", reader.count(filter));
        page.put("hires", reader.list(filter).stream().map(views::summary).toList());
        JsonReply.respond(json, exchange, 200, "application/json", page);
    }

    public void hire(@Header("hireId") String hireId, Exchange exchange) {
        HireRecord hire = found(hireId);
        JsonReply.respond(json, exchange, 200, "application/json", views.detail(hire, reader.history(hireId)));
    }

    public void stats(Exchange exchange) {
        Map<String, Object> stats = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        reader.countsByStatus().forEach((status, count) -> counts.put(status.label(), count));
        stats.put("counts", counts);
        reader.oldestQueued().ifPresentOrElse(oldest -> {
            stats.put("oldestQueuedHireId", oldest.hireId());
            stats.put("oldestQueuedReceivedAt", oldest.receivedAt().toString());
            stats.put("oldestQueuedAgeSeconds", Duration.between(oldest.receivedAt(), clock.instant()).toSeconds());
        }, () -> stats.put("oldestQueuedReceivedAt", null));
        JsonReply.respond(json, exchange, 200, "application/json", stats);
    }

    /** Dead, rejected, already-in-Lucca, dry-run or cancelled hires go through delivery again. */
    public void replay(@Header("hireId") String hireId, Exchange exchange) {
        HireRecord hire = found(hireId);
        if (hire.status().isQueued()) {
            throw Problem.conflict("The hire is already queued or being delivered.");
        }
        if (hire.status() == HireStatus.DELIVERED) {
            throw Problem.conflict("The hire was delivered; replaying it would make a second employee.");
        }
        if (hire.payload() == null) {
            throw Problem.conflict("The hire's data was erased after the retention period; it cannot be replayed.");
        }
        if (hire.status() == HireStatus.REJECTED) {
            checkStillAHire(hire);
        }
        if (!journal.replay(hireId, hire.payload())) {
            throw Problem.conflict("The hire changed while it was being replayed; look at it again.");
        }
        JsonReply.respond(json, exchange, 202, "application/json", views.summary(found(hireId)));
    }

    public void cancel(@Header("hireId") String hireId, Exchange exchange) {
        HireRecord hire = found(hireId);
        if (!hire.status().isQueued()) {
            throw Problem.conflict("Only a queued hire can be cancelled; this one is " + hire.status().label() + ".");
        }
        if (!journal.cancel(hireId)) {
            throw Problem.conflict("The hire is being delivered right now; try again in a moment.");
        }
        JsonReply.respond(json, exchange, 200, "application/json", views.summary(found(hireId)));
    }

    /** A rejected hire is replayed only if, under the current configuration, it is a complete hire. */
    private void checkStillAHire(HireRecord hire) {
        HireVerdict verdict;
        try {
            JsonNode event = json.readTree(hire.payload());
            verdict = classifier.classify(event);
        } catch (java.io.IOException e) {
            throw Problem.conflict("The recorded event is not readable JSON.");
        }
        if (verdict.kind() == HireVerdict.Kind.IGNORED) {
            throw Problem.conflict("Under the current trigger columns this event is not a hire.");
        }
        if (verdict.kind() == HireVerdict.Kind.INCOMPLETE) {
            throw Problem.conflict("The candidate still lacks " + String.join(", ", verdict.missingFields())
                    + "; fix it in Flatchr and move the candidate again.");
        }
    }

    private HireRecord found(String hireId) {
        return reader.find(hireId).orElseThrow(() -> Problem.notFound("No hire has this id."));
    }
}
