package io.github.flatchrlucca.fake;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v3/users}, validated into a user without id. Other documented fields
 * (managerId, cultureID, gender, ...) are accepted and ignored: the connector may send them.
 */
final class UserForm {

    private UserForm() {
    }

    static User read(String body) {
        JsonNode json = Json.object(body);
        return new User(0,
                Json.requiredText(json, "firstName"),
                Json.requiredText(json, "lastName"),
                Json.requiredText(json, "mail"),
                Json.requiredText(json, "login"),
                dateTime(Json.requiredText(json, "dtContractStart"), "dtContractStart"),
                dateTime(Json.text(json, "dtContractEnd"), "dtContractEnd"),
                Json.integer(json, "legalEntityId"),
                Json.integer(json, "departmentId"),
                Json.integer(json, "rolePrincipalId"),
                Json.text(json, "jobTitle"),
                Json.text(json, "personalEmail"),
                Json.text(json, "personalMobile"),
                null);
    }

    /** Checks the shape and keeps the value as sent, as Lucca shows it back. */
    private static String dateTime(String value, String field) {
        if (value != null) {
            Dates.fromDateTime(value, field);
        }
        return value;
    }
}
