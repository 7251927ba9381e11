package io.github.flatchrlucca.lucca;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Someone Lucca already knows, found by e-mail or login: an employee, a future one, or a former one.
 *
 * @param login         their login, by which a user this connector created is told from one made by someone else;
 *                      null when Lucca did not say
 * @param mail          their address; with the personal e-mail, what tells a user a lost create made from someone
 *                      else who took its login since (another tenant of the same Lucca, HR by hand); null when Lucca
 *                      did not say
 * @param personalEmail the personal e-mail Lucca has of them, by which a work address made from names alone is told
 *                      from a namesake's; null when Lucca has none
 */
public record LuccaPerson(long id, String login, String mail, LocalDate contractEnd, String personalEmail) {

    /**
     * @param call the look-up this answers ({@link LuccaRequests#FIND_PERSON_BY_LOGIN}, ...)
     * @throws LuccaUnavailable when it lists nobody the way Lucca documents: "nobody" would make a second person
     */
    public static Optional<LuccaPerson> first(String call, JsonNode findAnswer) {
        return LuccaEnvelopes.v3Items(call, findAnswer).stream().findFirst().map(LuccaPerson::of);
    }

    /**
     * Everyone a look-up by e-mail lists with this address, ignoring case and spaces around it: the look-up asks for
     * the addresses that contain it ({@link LuccaRequests#findPersonByMail}), which may be others. Someone whose
     * address Lucca did not say is kept: taken for nobody, they could be made a second time.
     *
     * @throws LuccaUnavailable when it lists nobody the way Lucca documents: "nobody" would make a second person
     */
    public static List<LuccaPerson> withMail(JsonNode findAnswer, String mail) {
        return LuccaEnvelopes.v3Items(LuccaRequests.FIND_PERSON_BY_MAIL, findAnswer).stream().map(LuccaPerson::of)
                .filter(person -> person.mail() == null || person.hasMail(mail)).toList();
    }

    private static LuccaPerson of(JsonNode item) {
        return new LuccaPerson(item.path("id").asLong(), text(item.path("login")), text(item.path("mail")),
                LuccaEnvelopes.day(item.path("dtContractEnd")), text(item.path("personalEmail")));
    }

    /** Whether Lucca has this personal e-mail for them, ignoring case and spaces around it. */
    public boolean hasPersonalEmail(String email) {
        return same(personalEmail, email);
    }

    /** Whether this is their address, ignoring case and spaces around it, as the people directory does. */
    public boolean hasMail(String email) {
        return same(mail, email);
    }

    private static boolean same(String theirs, String email) {
        return theirs != null && email != null && !email.isBlank() && theirs.trim().equalsIgnoreCase(email.trim());
    }

    /** Without their login and e-mail: a record can end up in a log line, a trace or a test's report. */
    @Override
    public String toString() {
        return "LuccaPerson[id=" + id + ", contractEnd=" + contractEnd + "]";
    }

    /** No contract left on that day (a hire's start day): their last one ended before it. */
    public boolean isFormerEmployee(LocalDate day) {
        return contractEnd != null && contractEnd.isBefore(day);
    }

    static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : null;
    }
}
