package io.github.flatchrlucca.fake;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The v3 user fields a client may ask for with {@code fields=}, and how each is read. */
final class UserFields {

    /** What v3 answers when the client names no fields. */
    static final List<String> DEFAULT = List.of("id", "name", "url");

    private final Map<String, Function<User, Object>> readers = new LinkedHashMap<>();

    UserFields(String baseUrl) {
        readers.put("id", User::id);
        readers.put("name", user -> user.firstName() + " " + user.lastName());
        readers.put("url", user -> baseUrl + "/api/v3/users/" + user.id());
        readers.put("firstName", User::firstName);
        readers.put("lastName", User::lastName);
        readers.put("mail", User::mail);
        readers.put("login", User::login);
        readers.put("dtContractStart", User::dtContractStart);
        readers.put("dtContractEnd", User::dtContractEnd);
        readers.put("legalEntityId", User::legalEntityId);
        readers.put("departmentId", User::departmentId);
        readers.put("rolePrincipalId", User::rolePrincipalId);
        readers.put("jobTitle", User::jobTitle);
        readers.put("personalEmail", User::personalEmail);
        readers.put("personalMobile", User::personalMobile);
        readers.put("modifiedAt", User::modifiedAt);
    }

    boolean knows(String field) {
        return readers.containsKey(field);
    }

    Map<String, Object> all(User user) {
        return only(user, readers.keySet());
    }

    Map<String, Object> only(User user, Collection<String> fields) {
        Map<String, Object> json = new LinkedHashMap<>();
        fields.forEach(field -> json.put(field, readers.get(field).apply(user)));
        return json;
    }
}
