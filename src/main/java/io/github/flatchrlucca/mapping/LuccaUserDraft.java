package io.github.flatchrlucca.mapping;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The employee to create in Lucca (Directory v3). Every field may be null: a null field is left out
 * of the request, so that Lucca applies its own default values.
 *
 * @param contractEnd the last day of a fixed-term contract (CDD); null for a permanent one
 */
public record LuccaUserDraft(
        String firstName,
        String lastName,
        String mail,
        String personalEmail,
        String personalMobile,
        String jobTitle,
        LocalDate contractStart,
        String login,
        Integer legalEntityId,
        Integer departmentId,
        Integer rolePrincipalId,
        LocalDate contractEnd) {

    // Lucca's v3 users API takes a date-time without offset, at midnight, for a contract start day
    private static final DateTimeFormatter LUCCA_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** A permanent contract's employee. */
    public LuccaUserDraft(String firstName, String lastName, String mail, String personalEmail, String personalMobile,
                          String jobTitle, LocalDate contractStart, String login, Integer legalEntityId,
                          Integer departmentId, Integer rolePrincipalId) {
        this(firstName, lastName, mail, personalEmail, personalMobile, jobTitle, contractStart, login, legalEntityId,
                departmentId, rolePrincipalId, null);
    }

    public LuccaUserDraft withLogin(String newLogin) {
        return new LuccaUserDraft(firstName, lastName, mail, personalEmail, personalMobile, jobTitle, contractStart,
                newLogin, legalEntityId, departmentId, rolePrincipalId, contractEnd);
    }

    public LuccaUserDraft withOrganisation(Integer newLegalEntityId, Integer newDepartmentId, Integer newRolePrincipalId) {
        return new LuccaUserDraft(firstName, lastName, mail, personalEmail, personalMobile, jobTitle, contractStart,
                login, newLegalEntityId, newDepartmentId, newRolePrincipalId, contractEnd);
    }

    /** The body of {@code POST /api/v3/users}, in Lucca's field names, without the null fields. */
    public Map<String, Object> toCreateBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfPresent(body, "firstName", firstName);
        putIfPresent(body, "lastName", lastName);
        putIfPresent(body, "mail", mail);
        putIfPresent(body, "login", login);
        putIfPresent(body, "dtContractStart", contractStart == null ? null : contractStart.atStartOfDay().format(LUCCA_DATE_TIME));
        putIfPresent(body, "dtContractEnd", contractEnd == null ? null : contractEnd.atStartOfDay().format(LUCCA_DATE_TIME));
        putIfPresent(body, "legalEntityId", legalEntityId);
        putIfPresent(body, "departmentId", departmentId);
        putIfPresent(body, "rolePrincipalId", rolePrincipalId);
        putIfPresent(body, "jobTitle", jobTitle);
        putIfPresent(body, "personalEmail", personalEmail);
        putIfPresent(body, "personalMobile", personalMobile);
        return body;
    }

    private static void putIfPresent(Map<String, Object> body, String field, Object value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    /** Without the candidate's personal data: a record can end up in a log line, a trace or a test's report. */
    @Override
    public String toString() {
        return "LuccaUserDraft[contractStart=" + contractStart + ", contractEnd=" + contractEnd + ", legalEntityId="
                + legalEntityId + ", departmentId=" + departmentId + ", rolePrincipalId=" + rolePrincipalId + "]";
    }
}
