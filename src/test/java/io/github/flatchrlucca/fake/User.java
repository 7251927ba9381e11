package io.github.flatchrlucca.fake;

/**
 * A Lucca user as the fake stores it. Dates keep Lucca's v3 shape ({@code 2025-01-06T00:00:00}, or null)
 * so tests compare them with what the connector sent. {@code modifiedAt} is the instance's local time of the last
 * change, as Lucca's v3 date-times carry no offset; null until stored.
 */
public record User(
        int id,
        String firstName,
        String lastName,
        String mail,
        String login,
        String dtContractStart,
        String dtContractEnd,
        Integer legalEntityId,
        Integer departmentId,
        Integer rolePrincipalId,
        String jobTitle,
        String personalEmail,
        String personalMobile,
        String modifiedAt) {

    /** Stored under its id, modified at that moment of Lucca's clock (its local time, no offset). */
    User stored(int newId, String at) {
        return new User(newId, firstName, lastName, mail, login, dtContractStart, dtContractEnd,
                legalEntityId, departmentId, rolePrincipalId, jobTitle, personalEmail, personalMobile, at);
    }

    User withContractDates(String start, String end, String at) {
        return new User(id, firstName, lastName, mail, login, start, end,
                legalEntityId, departmentId, rolePrincipalId, jobTitle, personalEmail, personalMobile, at);
    }
}
