package io.github.flatchrlucca.lucca;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;

/**
 * A work contract as Lucca lists it (v4, dates as plain days).
 *
 * @param endsOn          null while open-ended
 * @param establishmentId null when Lucca gives none
 * @param externalId      free text a client wrote on it; this connector writes Flatchr's application id there
 */
public record LuccaContract(long id, Integer typeId, LocalDate startsOn, LocalDate endsOn, Integer establishmentId,
                            String externalId) {

    /**
     * The contracts of a {@code GET /directory/api/4.0/work-contracts} answer, its pages read as one
     * ({@link WorkContractPages}). A list that lacks some is no list to decide on: whether a returning employee works
     * here already, whether a lost create's contract is there, which contract is the newest.
     *
     * @throws LuccaUnavailable when it lists none the way Lucca documents ("none" would make a second contract), or
     *                          fewer than its {@code count} says it holds, or names a next page not read
     */
    public static List<LuccaContract> of(JsonNode answer) {
        List<JsonNode> items = LuccaEnvelopes.v4Items(LuccaRequests.FIND_WORK_CONTRACT, answer);
        JsonNode count = answer.path("count");
        if (LuccaEnvelopes.hasNextPage(answer)) {
            throw new LuccaUnavailable(LuccaRequests.FIND_WORK_CONTRACT, 200, LuccaAnswers.kept(answer.toString()),
                    "read without the next page it names");
        }
        if (count.isIntegralNumber() && count.asLong() > items.size()) {
            throw new LuccaUnavailable(LuccaRequests.FIND_WORK_CONTRACT, 200, LuccaAnswers.kept(answer.toString()),
                    "listing " + items.size() + " of the " + count.asText() + " contracts it counts, with no next "
                    + "page to read the rest from");
        }
        return items.stream().map(LuccaContract::read).toList();
    }

    /** Whether the person works under this contract on that day: it has started, and not ended. */
    public boolean covers(LocalDate day) {
        return startsOn != null && !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
    }

    private static LuccaContract read(JsonNode item) {
        return new LuccaContract(item.path("id").asLong(), integer(item.path("typeId")),
                LuccaEnvelopes.day(item.path("startsOn")), LuccaEnvelopes.day(item.path("endsOn")),
                integer(item.path("establishmentId")),
                item.path("externalId").isTextual() ? item.path("externalId").asText() : null);
    }

    private static Integer integer(JsonNode value) {
        return value.canConvertToInt() && value.isIntegralNumber() ? value.asInt() : null;
    }
}
