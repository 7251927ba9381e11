package io.github.flatchrlucca.lucca;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Someone Lucca already knows, found by e-mail: an employee, a future one, or a former one.
 *
 * @param login their login, by which a user this connector created is told from one made by someone else; null when
 *              Lucca did not say
 */
public record LuccaPerson(long id, String login, LocalDate contractEnd) {

    public static Optional<LuccaPerson> first(JsonNode findAnswer) {
        return LuccaEnvelopes.v3Items(findAnswer).stream().findFirst().map(item -> new LuccaPerson(
                item.path("id").asLong(), item.path("login").isTextual() ? item.path("login").asText() : null,
                day(item.path("dtContractEnd"))));
    }

    /** Without their login: a record can end up in a log line, a trace or a test's report. */
    @Override
    public String toString() {
        return "LuccaPerson[id=" + id + ", contractEnd=" + contractEnd + "]";
    }

    /** No contract left on that day (a hire's start day): their last one ended before it. */
    public boolean isFormerEmployee(LocalDate day) {
        return contractEnd != null && contractEnd.isBefore(day);
    }

    /** Lucca's v3 dates are "2025-01-01T00:00:00": the day is what matters here. */
    static LocalDate day(JsonNode value) {
        String text = value.isTextual() ? value.asText() : "";
        return text.length() >= 10 ? LocalDate.parse(text.substring(0, 10)) : null;
    }
}
