package io.github.flatchrlucca.flatchr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.routes.Variables;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Variable;

/** The Flatchr endpoints the connector uses, as Flatchr documents them, in one place. */
public final class FlatchrRequests {

    /** The call of an application whose absence is an answer ("this API does not have it"), not a failure. */
    static final String READ_APPLICATION = "read-application";
    /** The call whose answer is a list of applications, however it is wrapped ({@link FlatchrAnswers}). */
    static final String SEARCH = "search-applicants";

    private final ObjectMapper json;

    public FlatchrRequests(ObjectMapper json) {
        this.json = json;
    }

    /** Candidates by filters (hired, column, start_update...): one JSON array, no paging. */
    public ApiRequest search(FlatchrConnection flatchr, Map<String, Object> filters) {
        return new ApiRequest(SEARCH, "POST", company(flatchr) + "/search/applicants", null, write(filters));
    }

    /** One application with the candidate and the vacancy as a webhook carries them. */
    public ApiRequest application(@Variable(Variables.FLATCHR) FlatchrConnection flatchr, String applicantId) {
        return get(READ_APPLICATION, company(flatchr) + "/applicant/" + encode(applicantId), "fields=candidate,vacancy");
    }

    public ApiRequest vacancies(@Variable(Variables.FLATCHR) FlatchrConnection flatchr) {
        return get("list-vacancies", company(flatchr) + "/vacancies", "fields=tags");
    }

    public ApiRequest columns(@Variable(Variables.FLATCHR) FlatchrConnection flatchr) {
        return get("list-columns", company(flatchr) + "/columns", null);
    }

    public ApiRequest tags(@Variable(Variables.FLATCHR) FlatchrConnection flatchr) {
        return get("list-tags", company(flatchr) + "/tags", null);
    }

    /** The candidates with this e-mail: how a webhook's hire finds the API's id of its application. */
    public ApiRequest searchByEmail(FlatchrConnection flatchr, String email) {
        return search(flatchr, Map.of("email", email));
    }

    /** Sets one of the candidate's tags (its "trait") to {@code value}; a free-text tag takes any text. */
    public ApiRequest writeTag(FlatchrConnection flatchr, String applicantId, String tagId, String value) {
        return new ApiRequest("write-tag", "POST", company(flatchr) + "/applicant/" + encode(applicantId) + "/trait",
                null, write(Map.of("tag", tagId, "value", value)));
    }

    private static String company(FlatchrConnection flatchr) {
        return "/company/" + encode(flatchr.companyKey());
    }

    private static ApiRequest get(String name, String path, String query) {
        return new ApiRequest(name, "GET", path, query, null);
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Flatchr request could not be written as JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
