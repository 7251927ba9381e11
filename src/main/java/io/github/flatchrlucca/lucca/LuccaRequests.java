package io.github.flatchrlucca.lucca;

import io.github.flatchrlucca.http.ApiRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Lucca endpoints the connector uses, as documented, in one place. */
public final class LuccaRequests {

    /** The key's first try ({@link #tryKey}), whose answer says what the key may do as a whole (KeyState). */
    public static final String TRY_KEY = "try-api-key";
    /** The reads whose answers are read outside this class, named in the failure an unexpected answer is. */
    public static final String FIND_PERSON_BY_MAIL = "find-person-by-mail";
    public static final String FIND_PERSON_BY_LOGIN = "find-person-by-login";
    public static final String FIND_TAKEN_LOGINS = "find-taken-logins";
    public static final String FIND_WORK_CONTRACT = "find-work-contract";
    public static final String CREATE_WORK_CONTRACT = "create-work-contract";
    static final String WORK_CONTRACTS = "/directory/api/4.0/work-contracts";

    static final String PERSON_FIELDS = "id,login,mail,personalEmail,firstName,lastName,dtContractStart,dtContractEnd";

    /** What the people directory keeps of each person. */
    static final String DIRECTORY_FIELDS = "id,login,mail,personalEmail,dtContractEnd,modifiedAt";

    private final ObjectMapper json;

    public LuccaRequests(ObjectMapper json) {
        this.json = json;
    }

    /** The cheapest call that needs the API key: one user's id. Tells whether Lucca accepts the key. */
    public ApiRequest tryKey() {
        return get(TRY_KEY, "/api/v3/users", "fields=id&paging=0,1");
    }

    /**
     * Whoever has an address containing this one, former and future employees included (or a rehire would be created
     * a second time): the caller keeps those whose address it is, ignoring case ({@link LuccaPerson#withMail}).
     * {@code mail=} is strict equality, and misses an address Lucca writes in other letters
     * ({@code Camille.Morel@...}). {@code like,} lists at least what it would, whatever its rules of case, which Lucca
     * does not document; if it ignores case, as the choice of a login assumes ({@link #loginsLike}), that address too.
     */
    public ApiRequest findPersonByMail(String mail) {
        return get(FIND_PERSON_BY_MAIL, "/api/v3/users", "mail=" + encode("like," + mail)
                + "&formerEmployees=true&fields=" + PERSON_FIELDS + "&paging=0,1000");
    }

    /**
     * The user who has this login, former and future employees included. {@code login=} is strict equality, and
     * logins are unique within a Lucca: what a create sent with it made, whatever its address is now.
     */
    public ApiRequest findPersonByLogin(String login) {
        return get(FIND_PERSON_BY_LOGIN, "/api/v3/users",
                "login=" + encode(login) + "&formerEmployees=true&fields=" + PERSON_FIELDS);
    }

    /** Every login containing the base: one call tells which of base, base2, base3... is free. */
    public ApiRequest loginsLike(String loginBase) {
        return get(FIND_TAKEN_LOGINS, "/api/v3/users",
                "login=" + encode("like," + loginBase) + "&formerEmployees=true&fields=id,login&paging=0,1000");
    }

    /**
     * A page of everyone Lucca knows, former and future employees included: the directory's first read. With how many
     * they are ({@code collection.count}), which tells a read that missed someone ({@link PeopleDirectory}).
     */
    public ApiRequest everyone(int offset, int limit) {
        return get("list-people", "/api/v3/users", "formerEmployees=true&fields=" + DIRECTORY_FIELDS
                + ",collection.count&paging=" + offset + "," + limit);
    }

    /** A page of whoever changed since {@code since} (the instance's local time), former employees included. */
    public ApiRequest changedSince(String since, int offset, int limit) {
        return get("list-changed-people", "/api/v3/users", "modifiedAt=" + encode("since," + since)
                + "&formerEmployees=true&fields=" + DIRECTORY_FIELDS + "&paging=" + offset + "," + limit);
    }

    /**
     * @param withContract true: Lucca opens the user's work contract in the same call, on its default template;
     *                     false: no contract, one is made next with its template ({@link #createWorkContract})
     */
    public ApiRequest createUser(Map<String, Object> user, boolean withContract) {
        return new ApiRequest("create-user", "POST", "/api/v3/users", "contract=" + withContract, write(user));
    }

    public ApiRequest workContractsOf(long userId) {
        return get(FIND_WORK_CONTRACT, WORK_CONTRACTS, encode("ownerId[]") + "=" + userId);
    }

    /**
     * A new work contract on a person already in Lucca: how a former employee comes back, as the same person.
     *
     * @param typeId          the contract template, or null (left out: Lucca refuses it, and says why)
     * @param endsOn          null for a permanent contract
     * @param establishmentId null: left out
     * @param externalId      Flatchr's id of the application: a retry finds the contract it may have created by it
     */
    public ApiRequest createWorkContract(long ownerId, Integer typeId, LocalDate startsOn, LocalDate endsOn,
                                         Integer establishmentId, String externalId) {
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("ownerId", ownerId);
        contract.put("startsOn", startsOn.toString());
        putIfPresent(contract, "endsOn", endsOn == null ? null : endsOn.toString());
        putIfPresent(contract, "typeId", typeId);
        putIfPresent(contract, "establishmentId", establishmentId);
        putIfPresent(contract, "externalId", externalId);
        return new ApiRequest(CREATE_WORK_CONTRACT, "POST", "/directory/api/4.0/work-contracts", null,
                write(contract));
    }

    /**
     * @param endsOn     a fixed-term contract's last day, or null for a permanent one (the field is then left out)
     * @param externalId Flatchr's id of the application, or null (left out); Lucca's free text, "may be not unique"
     */
    public ApiRequest patchWorkContract(long contractId, int typeId, LocalDate startsOn, LocalDate endsOn,
                                        String externalId) {
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("typeId", typeId);
        patch.put("startsOn", startsOn.toString());
        putIfPresent(patch, "endsOn", endsOn == null ? null : endsOn.toString());
        putIfPresent(patch, "externalId", externalId);
        return new ApiRequest("patch-work-contract", "PATCH", "/directory/api/4.0/work-contracts/" + contractId,
                null, write(patch));
    }

    public ApiRequest departmentsPage(int page) {
        return get("list-departments", "/organization/structure/api/departments", "page=" + page + "&limit=100");
    }

    private static ApiRequest get(String name, String path, String query) {
        return new ApiRequest(name, "GET", path, query, null);
    }

    private static void putIfPresent(Map<String, Object> body, String field, Object value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Lucca request could not be written as JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
