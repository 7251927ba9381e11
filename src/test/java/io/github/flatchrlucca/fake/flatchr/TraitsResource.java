package io.github.flatchrlucca.fake.flatchr;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.flatchrlucca.fake.ApiError;
import io.github.flatchrlucca.fake.Call;
import io.github.flatchrlucca.fake.Json;
import io.github.flatchrlucca.fake.Reply;

/** A candidate's tag values: where a connector writes its outcome back for the recruiter to see. */
final class TraitsResource {

    private final Company company;

    TraitsResource(Company company) {
        this.company = company;
    }

    Reply list(String applicationId) {
        requireApplication(applicationId);
        return Reply.ok(company.traits(applicationId).stream().map(Shapes::trait).toList());
    }

    /**
     * {@code {"tag": "<encoded tag id>", "value": "<text>"}}, both required non-blank texts (400 otherwise).
     * Checked in this order: the applicant (404), the body (400), the tag (404), the value (400). A value
     * outside the choices of a tag that is not {@code creatable} is a 400 (the reference is silent; refusing
     * is the plainest reading of "creatable: free values allowed").
     */
    Reply write(Call call, String applicationId) {
        requireApplication(applicationId);
        JsonNode body = Json.object(call.body());
        String tag = Json.requiredText(body, "tag");
        String value = Json.requiredText(body, "value");
        return Reply.ok(Shapes.trait(company.setTrait(applicationId, tag, value)));
    }

    private void requireApplication(String applicationId) {
        if (company.application(applicationId).isEmpty()) {
            throw ApiError.notFound("no applicant " + applicationId);
        }
    }
}
