package io.github.flatchrlucca.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.lucca.LuccaPerson;
import java.io.IOException;

/**
 * The create an earlier attempt sent and never heard the answer of: a user, with the login and the addresses it gave,
 * or a returning employee's new contract, with its owner. What it made is looked for by what it sent, not by what the
 * hire says now: the address a hire is mapped to may have changed since (a reload's work e-mail pattern, a corrected
 * e-mail), the login the create gave has not. It tells whether the person found is what that create made, or someone
 * else: a user made by hand in Lucca meanwhile (whose contract is then not ours to change). A contract's owner is not
 * looked for at all: the delivery goes on with them, whatever address Lucca has for them now.
 * <p>
 * The login alone does not tell: a create that never landed (a 502 at a proxy) left it free, and someone else may
 * have taken it before the retry (a hire of another tenant of the same Lucca, whose login reservations are its own;
 * a namesake HR made by hand). The user it made also has an address it sent.
 *
 * @param login         the login of the user it created; null for a contract, or a body that says neither
 * @param mail          the address it gave the user; null for a contract, or a body kept without it
 * @param personalEmail the personal e-mail it gave the user; null when it gave none
 * @param ownerId       the person a contract was for; null for a user
 */
record SentCreate(String login, String mail, String personalEmail, Long ownerId) {

    static SentCreate of(ObjectMapper json, String body) {
        JsonNode sent;
        try {
            sent = json.readTree(body);
        } catch (IOException e) {
            sent = json.missingNode();
        }
        return new SentCreate(text(sent.path("login")), text(sent.path("mail")), text(sent.path("personalEmail")),
                sent.path("ownerId").canConvertToLong() ? sent.path("ownerId").asLong() : null);
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : null;
    }

    /**
     * A user's create whose login is known: the user it may have made is looked up by that login (strict equality in
     * Lucca), whatever address the hire has now. A body kept without one (before the journal kept them, or erased by
     * retention) leaves only the hire's address to look by.
     */
    boolean isUserWithLogin() {
        return ownerId == null && login != null;
    }

    /**
     * The user this create made is that person: the same login, which Lucca keeps unique, and an address it sent
     * (their address, or their personal e-mail), since the login may have been free for someone else to take. A
     * create whose body or answer names no login (kept before it was) is told by the address alone; one kept without
     * any address (erased by retention, then moved back into hired) tells nothing: whoever is found is not taken for
     * what it made.
     */
    boolean madeUser(LuccaPerson person) {
        return ownerId == null && (login == null || person.login() == null || login.equalsIgnoreCase(person.login()))
                && (person.hasMail(mail) || person.hasPersonalEmail(personalEmail));
    }
}
