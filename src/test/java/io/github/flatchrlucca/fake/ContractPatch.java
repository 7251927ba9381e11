package io.github.flatchrlucca.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * The body of a work-contract PATCH (or POST, {@link #newContract}): only the fields present change, and an explicit null clears
 * {@code endsOn} or {@code establishmentId}. Fields that cannot change (id, ownerId) or that the fake
 * does not know are refused, so a connector sending them learns it in its tests.
 */
final class ContractPatch {

    private static final Set<String> PATCHABLE = Set.of("typeId", "startsOn", "endsOn", "establishmentId", "externalId");
    private static final Set<String> CREATABLE = Set.of("ownerId", "typeId", "startsOn", "endsOn", "establishmentId",
            "externalId");

    private final JsonNode json;

    private ContractPatch(JsonNode json) {
        this.json = json;
    }

    static ContractPatch read(String body) {
        return read(body, PATCHABLE);
    }

    static ContractPatch readNew(String body) {
        return read(body, CREATABLE);
    }

    private static ContractPatch read(String body, Set<String> allowed) {
        JsonNode json = Json.object(body);
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw LuccaError.badRequest(name + " cannot be set on a work contract");
            }
        }
        return new ContractPatch(json);
    }

    /**
     * The body of a contract POST: {@code ownerId}, {@code startsOn} and the template ({@code typeId}) required,
     * an end not before the start.
     */
    WorkContract newContract() {
        Integer ownerId = required(Json.integer(json, "ownerId"), "ownerId");
        String startsOn = required(date("startsOn"), "startsOn");
        String endsOn = date("endsOn");
        if (endsOn != null && endsOn.compareTo(startsOn) < 0) {
            throw LuccaError.badRequest("endsOn cannot be before startsOn");
        }
        return new WorkContract(0, ownerId, required(Json.integer(json, "typeId"), "typeId"), startsOn, endsOn,
                Json.integer(json, "establishmentId"), Json.text(json, "externalId"));
    }

    WorkContract applyTo(WorkContract contract) {
        return new WorkContract(contract.id(), contract.ownerId(),
                json.has("typeId") ? required(Json.integer(json, "typeId"), "typeId") : contract.typeId(),
                json.has("startsOn") ? required(date("startsOn"), "startsOn") : contract.startsOn(),
                json.has("endsOn") ? date("endsOn") : contract.endsOn(),
                json.has("establishmentId") ? Json.integer(json, "establishmentId") : contract.establishmentId(),
                json.has("externalId") ? Json.text(json, "externalId") : contract.externalId());
    }

    private String date(String field) {
        String value = Json.text(json, field);
        return value == null ? null : Dates.date(value, field).toString();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw LuccaError.badRequest(field + " cannot be null");
        }
        return value;
    }
}
