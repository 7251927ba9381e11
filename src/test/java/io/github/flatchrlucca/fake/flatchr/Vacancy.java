package io.github.flatchrlucca.fake.flatchr;

import java.util.List;
import java.util.Objects;

/**
 * A job of the company.
 *
 * @param id        encoded id: the one the API's paths and the search's {@code vacancy} filter take
 * @param vacancyId plain id: the search items' {@code vacancy_id}, the webhook's {@code data.vacancy.id}
 * @param startDate as Flatchr writes it, and it writes several shapes: a text ({@code "2027-01-04"},
 *                  {@code "2027-01-04T00:00:00.000Z"}), a number (a timestamp), or null
 * @param endDate   same shapes as {@code startDate}, often null
 * @param address   null when the vacancy has none
 * @param tags      the vacancy's tags (folder tags often name a department); each is also a tag of the company
 */
public record Vacancy(String id, int vacancyId, String title, String reference, int contractTypeId, Object startDate,
                      Object endDate, int status, Address address, List<Tag> tags) {

    public Vacancy {
        Objects.requireNonNull(id, "id");
        requireDateShape(startDate, "startDate");
        requireDateShape(endDate, "endDate");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    private static void requireDateShape(Object date, String name) {
        if (date != null && !(date instanceof String) && !(date instanceof Number)) {
            throw new IllegalArgumentException(name + " is a String, a Number or null, not " + date.getClass());
        }
    }
}
