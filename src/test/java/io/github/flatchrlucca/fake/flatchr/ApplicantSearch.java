package io.github.flatchrlucca.fake.flatchr;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.flatchrlucca.fake.ApiError;
import io.github.flatchrlucca.fake.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The filters of {@code POST .../search/applicants}, read from its JSON body; they combine (all must hold).
 * An absent or null filter does not filter; a filter of the wrong type, or a malformed day, is a 400;
 * fields the fake does not know are ignored. Where the reference is silent the fake reads:
 * <ul>
 *   <li>{@code hired}: a boolean, or the text {@code "true"}/{@code "false"} (Flatchr's own examples send
 *       {@code "hired":"true"}); {@code false} keeps only the candidates not hired.</li>
 *   <li>{@code column}, {@code vacancy}, {@code firstname}, {@code lastname}, {@code email}, {@code phone}:
 *       exact, case-sensitive equality with the stored text.</li>
 *   <li>{@code start_update}/{@code start}: from the first instant of that Paris day, included;
 *       {@code end_update}/{@code end}: before the first instant of that Paris day ("before that day"), so
 *       the day itself is excluded.</li>
 *   <li>{@code company}: this company's key filters nothing; any other key finds nothing (the fake's account
 *       has one company).</li>
 * </ul>
 * Archived applications ({@code status} 0) are found like the others.
 */
final class ApplicantSearch {

    private final List<Predicate<Application>> filters = new ArrayList<>();

    private ApplicantSearch() {
    }

    static Predicate<Application> read(JsonNode body, String companyKey) {
        ApplicantSearch search = new ApplicantSearch();
        search.hired(body.get("hired"));
        search.equal(body, "column", Application::column);
        search.equal(body, "vacancy", Application::vacancyId);
        search.equal(body, "firstname", application -> application.candidate().firstname());
        search.equal(body, "lastname", application -> application.candidate().lastname());
        search.equal(body, "email", application -> application.candidate().email());
        search.equal(body, "phone", application -> application.candidate().phone());
        search.from(body, "start_update", Application::updatedAt);
        search.before(body, "end_update", Application::updatedAt);
        search.from(body, "start", Application::createdAt);
        search.before(body, "end", Application::createdAt);
        String company = Json.text(body, "company");
        if (company != null && !company.equals(companyKey)) {
            search.filters.add(application -> false);
        }
        return application -> search.filters.stream().allMatch(filter -> filter.test(application));
    }

    private void hired(JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        boolean wanted;
        if (value.isBoolean()) {
            wanted = value.booleanValue();
        } else if (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
            wanted = Boolean.parseBoolean(value.asText());
        } else {
            throw ApiError.badRequest("hired must be true or false, got " + value);
        }
        filters.add(application -> application.hired() == wanted);
    }

    private void equal(JsonNode body, String field, Function<Application, String> actual) {
        String wanted = Json.text(body, field);
        if (wanted != null) {
            filters.add(application -> Objects.equals(actual.apply(application), wanted));
        }
    }

    private void from(JsonNode body, String field, Function<Application, Instant> actual) {
        String day = Json.text(body, field);
        if (day != null) {
            Instant start = FlatchrDays.startOfRequestDay(day, field);
            filters.add(application -> !actual.apply(application).isBefore(start));
        }
    }

    private void before(JsonNode body, String field, Function<Application, Instant> actual) {
        String day = Json.text(body, field);
        if (day != null) {
            Instant end = FlatchrDays.startOfRequestDay(day, field);
            filters.add(application -> actual.apply(application).isBefore(end));
        }
    }
}
