package io.github.flatchrlucca.fake.flatchr;

import io.github.flatchrlucca.fake.Call;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The JSON objects the fake answers, field for field as the reference shows them (maps keep their order). */
final class Shapes {

    private Shapes() {
    }

    /** The names listed in {@code ?fields=a,b}: the optional parts to add; names the fake does not know add nothing. */
    static Set<String> fieldsAsked(Call call) {
        return call.query().first("fields").stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip)
                .collect(Collectors.toSet());
    }

    /**
     * One item of {@code search/applicants}, as the reference's example item; {@code older}: without
     * {@code vacancy_id}, which the current docs list and older ones do not ("older docs list fewer fields").
     */
    static Map<String, Object> searchItem(Application application, Vacancy vacancy, boolean older) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("applicant", application.id());
        json.put("vacancy", vacancy.title());
        if (!older) {
            json.put("vacancy_id", vacancy.vacancyId());
        }
        json.put("column", application.column());
        json.put("status", application.status());
        json.put("hired", application.hired());
        json.put("score", application.score());
        json.put("external_id", application.externalId());
        json.put("firstname", application.candidate().firstname());
        json.put("lastname", application.candidate().lastname());
        json.put("email", application.candidate().email());
        json.put("phone", application.candidate().phone());
        json.put("created_at", FlatchrDays.itemDay(application.createdAt()));
        json.put("updated_at", application.updatedAt().getEpochSecond());
        json.put("source", application.source());
        return json;
    }

    /**
     * One application of {@code GET .../applicant/{id}}. Its own fields follow Flatchr's applicant schema with
     * the ids the API speaks (encoded); {@code fields=candidate,vacancy} adds the webhook's two objects.
     */
    static Map<String, Object> application(Application application, Column column, Vacancy vacancy, Set<String> fields) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", application.id());
        json.put("vacancy_id", vacancy.id());
        json.put("candidate_id", application.candidateId());
        json.put("column_id", column.id());
        json.put("status", application.status());
        json.put("score", application.score());
        json.put("external_id", application.externalId());
        json.put("source", application.source());
        json.put("created_at", FlatchrDays.iso(application.createdAt()));
        json.put("updated_at", FlatchrDays.iso(application.updatedAt()));
        if (fields.contains("candidate")) {
            json.put("candidate", webhookCandidate(application));
        }
        if (fields.contains("vacancy")) {
            json.put("vacancy", webhookVacancy(vacancy));
        }
        return json;
    }

    /** A {@code drag_applicant} webhook's {@code data.candidate}: a plain integer id. */
    static Map<String, Object> webhookCandidate(Application application) {
        Candidate candidate = application.candidate();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", application.candidateId());
        json.put("firstname", candidate.firstname());
        json.put("lastname", candidate.lastname());
        json.put("email", candidate.email());
        json.put("phone", candidate.phone());
        json.put("external_id", application.externalId());
        json.put("created_at", FlatchrDays.iso(application.createdAt()));
        json.put("updated_at", FlatchrDays.iso(application.updatedAt()));
        return json;
    }

    /** A {@code drag_applicant} webhook's {@code data.vacancy}: a plain integer id, its address and tags. */
    static Map<String, Object> webhookVacancy(Vacancy vacancy) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", vacancy.vacancyId());
        putVacancyFields(json, vacancy);
        json.put("address", address(vacancy.address()));
        json.put("tags", vacancy.tags().stream().map(Shapes::tag).toList());
        return json;
    }

    /**
     * A vacancy of {@code GET .../vacancies} and {@code GET /vacancy/{id}}: the encoded {@code id} alone, as the
     * reference lists its fields (no plain id beside it, which would let a client find a search item's vacancy by it);
     * address and tags only when asked.
     */
    static Map<String, Object> vacancy(Vacancy vacancy, Set<String> fields) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", vacancy.id());
        putVacancyFields(json, vacancy);
        if (fields.contains("address")) {
            json.put("address", address(vacancy.address()));
        }
        if (fields.contains("tags")) {
            json.put("tags", vacancy.tags().stream().map(Shapes::tag).toList());
        }
        return json;
    }

    private static void putVacancyFields(Map<String, Object> json, Vacancy vacancy) {
        json.put("title", vacancy.title());
        json.put("reference", vacancy.reference());
        json.put("contract_type_id", vacancy.contractTypeId());
        json.put("start_date", vacancy.startDate());
        json.put("end_date", vacancy.endDate());
        json.put("status", vacancy.status());
    }

    private static Map<String, Object> address(Address address) {
        if (address == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("locality", address.locality());
        json.put("postal_code", address.postalCode());
        return json;
    }

    static Map<String, Object> column(Column column) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", column.id());
        json.put("title", column.title());
        json.put("position", column.position());
        json.put("hired", column.hired());
        return json;
    }

    static Map<String, Object> tag(Tag tag) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", tag.id());
        json.put("tag_id", tag.tagId());
        json.put("title", tag.title());
        json.put("type", tag.type());
        json.put("creatable", tag.creatable());
        json.put("values", tag.values());
        json.put("multiple", tag.multiple());
        json.put("visible", tag.visible());
        return json;
    }

    static Map<String, Object> trait(Trait trait) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", trait.id());
        json.put("tag_id", trait.tagId());
        json.put("value", trait.value());
        return json;
    }
}
