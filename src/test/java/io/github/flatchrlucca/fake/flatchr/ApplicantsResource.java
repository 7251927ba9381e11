package io.github.flatchrlucca.fake.flatchr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.flatchrlucca.fake.ApiError;
import io.github.flatchrlucca.fake.Call;
import io.github.flatchrlucca.fake.Json;
import io.github.flatchrlucca.fake.Reply;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/** {@code search/applicants} and {@code applicant/{id}}: how a connector finds hires and reads one. */
final class ApplicantsResource {

    private final Company company;
    private final BooleanSupplier olderItems;
    private final Function<JsonNode, Reply> everyChangeAnswer;

    /**
     * @param olderItems        whether search items are of the older docs' shape, without {@code vacancy_id}
     * @param everyChangeAnswer the reply a test gives a search of every change (no hired flag, column or e-mail),
     *                          given its body, or null
     */
    ApplicantsResource(Company company, BooleanSupplier olderItems, Function<JsonNode, Reply> everyChangeAnswer) {
        this.company = company;
        this.olderItems = olderItems;
        this.everyChangeAnswer = everyChangeAnswer;
    }

    /**
     * One JSON array, every match, no paging (none is documented), in the order the applications were added.
     * An empty body filters nothing, as {@code {}} does.
     */
    Reply search(Call call) {
        JsonNode body = call.body().isBlank() ? JsonNodeFactory.instance.objectNode() : Json.object(call.body());
        if (!body.has("hired") && !body.has("column") && !body.has("email")) {
            Reply everyChange = everyChangeAnswer.apply(body);
            if (everyChange != null) {
                return everyChange;
            }
        }
        Predicate<Application> filter = ApplicantSearch.read(body, company.key());
        List<Map<String, Object>> items = company.applications().stream()
                .filter(filter)
                .map(application -> Shapes.searchItem(application, company.vacancy(application.vacancyId()).orElseThrow(),
                        olderItems.getAsBoolean()))
                .toList();
        return Reply.ok(items);
    }

    /** An application the test hid from this endpoint answers 404, like one that does not exist. */
    Reply one(Call call, String applicationId) {
        Application application = company.application(applicationId)
                .filter(found -> company.knownToDetails(applicationId))
                .orElseThrow(() -> ApiError.notFound("no applicant " + applicationId));
        return Reply.ok(Shapes.application(application, company.column(application.column()).orElseThrow(),
                company.vacancy(application.vacancyId()).orElseThrow(), Shapes.fieldsAsked(call)));
    }
}
