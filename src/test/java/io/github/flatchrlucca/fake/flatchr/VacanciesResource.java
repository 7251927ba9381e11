package io.github.flatchrlucca.fake.flatchr;

import io.github.flatchrlucca.fake.ApiError;
import io.github.flatchrlucca.fake.Call;
import io.github.flatchrlucca.fake.Reply;
import java.util.Set;

/**
 * {@code GET .../vacancies} (one JSON array of every vacancy, whatever its status: no filter and no paging are
 * documented) and {@code GET /vacancy/{id}}, by the encoded id only: the API speaks encoded ids, so a plain
 * id there is a 404, as any unknown id.
 */
final class VacanciesResource {

    private final Company company;

    VacanciesResource(Company company) {
        this.company = company;
    }

    Reply list(Call call) {
        Set<String> fields = Shapes.fieldsAsked(call);
        return Reply.ok(company.vacancies().stream().map(vacancy -> Shapes.vacancy(vacancy, fields)).toList());
    }

    Reply one(Call call, String vacancyId) {
        Vacancy vacancy = company.vacancy(vacancyId).orElseThrow(() -> ApiError.notFound("no vacancy " + vacancyId));
        return Reply.ok(Shapes.vacancy(vacancy, Shapes.fieldsAsked(call)));
    }
}
