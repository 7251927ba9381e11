package io.github.flatchrlucca.delivery;

import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.lucca.LuccaConnection;
import io.github.flatchrlucca.mapping.AsciiName;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A hire the connector cannot deliver without guessing, and that no retry would change: it dies at once, alerted, for
 * a person to decide (make the account by hand, or correct the data and replay). Names no address.
 */
public final class HireNeedsAPerson extends RuntimeException {

    private final String reason;

    private HireNeedsAPerson(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /**
     * A work e-mail pattern gave this hire an address someone in Lucca already has, and Lucca does not have the
     * candidate's own e-mail as theirs: a namesake (a new account would take their address; a rehire would put a
     * contract on their record), or this very person, whose personal e-mail Lucca lacks.
     */
    static HireNeedsAPerson namesake(long personId) {
        return new HireNeedsAPerson("namesake", "Lucca user #" + personId + " already has the work address "
                + "LUCCA_WORK_EMAIL_PATTERN gives this hire, and another personal e-mail (or none): a namesake, or this "
                + "person; a person decides (make the account by hand, or set their personal e-mail in Lucca and replay)");
    }

    /**
     * Under {@code LUCCA_LOGIN_RULE=email} with a work e-mail pattern, someone in Lucca has the address the pattern
     * gives this hire as their login, under another address, and Lucca does not have the candidate's own e-mail as
     * theirs: a namesake whose account was made with that login, or this person; a numbered login beside theirs would
     * make a second account if it is the candidate, and that address is theirs if not.
     */
    static HireNeedsAPerson addressIsTheirLogin(long personId) {
        return new HireNeedsAPerson("address-is-their-login", "Lucca user #" + personId + " has as their login the "
                + "work address LUCCA_WORK_EMAIL_PATTERN gives this hire (LUCCA_LOGIN_RULE=email), and another address "
                + "and personal e-mail (or none): a namesake, or this person; a person decides (make the account by "
                + "hand, or set their personal e-mail in Lucca and replay)");
    }

    /**
     * An earlier attempt's create lost its answer, and whoever has the login it gave has none of the addresses it
     * sent: the create never landed, and someone else took the login since (a hire of another tenant of the same
     * Lucca, a namesake made by hand), or HR changed the address of the user it made. Taken for the candidate, their
     * contract would be changed and the hire called delivered with their id; a new create would be refused for the
     * login, or make a second account if they are the candidate after all: a person tells.
     */
    static HireNeedsAPerson loginTakenSince(long personId) {
        return new HireNeedsAPerson("login-taken", "the login the lost create gave is held by another Lucca user #"
                + personId + ", who has none of the addresses it sent: the create never landed and someone else took "
                + "the login, or HR changed that user's address since; a person decides (make the candidate's account "
                + "by hand, or finish that user's contract by hand if they are the candidate)");
    }

    /**
     * Several people in Lucca have the hire's address (Lucca does not make addresses unique): a former account beside
     * a current one, say. A new contract on the first listed would make a second active account when the candidate is
     * the other; which one is the candidate, only a person can tell.
     */
    static HireNeedsAPerson sharedAddress(List<Long> personIds) {
        return new HireNeedsAPerson("address-shared", "Lucca users "
                + personIds.stream().map(id -> "#" + id).collect(Collectors.joining(", "))
                + " all have the hire's address: the candidate is one of them, or none; a person decides (give the "
                + "right one their contract by hand, or keep that address on one of them only in Lucca and replay)");
    }

    /**
     * Several people in Lucca have the candidate's own e-mail, as their personal e-mail or one as their address, or one
     * has the hire's address and another the candidate's own e-mail: the candidate is perhaps one of them (a returning
     * employee), and which one only a person can tell.
     */
    static HireNeedsAPerson sharedPersonalEmail(List<Long> personIds) {
        return new HireNeedsAPerson("personal-email-shared", "Lucca users "
                + personIds.stream().map(id -> "#" + id).collect(Collectors.joining(", "))
                + " all have the candidate's own e-mail, as their personal e-mail or their address: the candidate may "
                + "be one of them; a person decides (make the account by hand, or keep that e-mail on one of them "
                + "only, or on none, in Lucca and replay)");
    }

    /**
     * The person's last contract ended before the hire came, but not before the vacancy's start day, a day left in the
     * past (vacancies keep the start date they were opened with): a returning employee, whom "already in Lucca" would
     * leave without a contract to log in with, nobody told, and whose new contract from that day would overlap the
     * former one. The start date to give them only a person knows.
     */
    static HireNeedsAPerson leftAfterTheStartDate(long personId) {
        return new HireNeedsAPerson("left-after-the-start-date", "Lucca user #" + personId + " has the hire's e-mail "
                + "and left before the hire came, but after the vacancy's start date (left in the past?): a returning "
                + "employee, whose new contract from that date would overlap their former one; a person decides "
                + "(correct the vacancy's start date in Flatchr, then move the candidate out of hired and back in: a "
                + "replay sends again the date the hire came with; or add their new contract by hand)");
    }

    /**
     * Nothing of the candidate's first or last name reads in Latin letters (a script the transliteration does not
     * cover): a login and a work address made of them would be empty, and the same for every such candidate.
     */
    public static Optional<HireNeedsAPerson> ofNames(String firstName, String lastName) {
        return AsciiName.isReadable(firstName) && AsciiName.isReadable(lastName) ? Optional.empty()
                : Optional.of(namesWithoutLatinLetters());
    }

    private static HireNeedsAPerson namesWithoutLatinLetters() {
        return new HireNeedsAPerson("names-unreadable", "no login or work address can be made from the candidate's "
                + "names: nothing of the first or last name reads in Latin letters; make the account by hand, or add "
                + "the names in Latin letters in Flatchr and send the hire again");
    }

    /**
     * The hire's Lucca user was made, or its create sent (its answer lost), in the Lucca its tenant had before a
     * reload gave it another (or made it a dry run): a contract on that user id would go to whoever has it in the new
     * one, and a look-up there would not find what the create made. Names neither Lucca: their URLs are a customer's.
     */
    static Optional<HireNeedsAPerson> ofLucca(ClaimedHire hire, LuccaConnection luccaNow) {
        return hire.madeElsewhereThan(luccaNow.instance()) ? Optional.of(new HireNeedsAPerson("lucca-changed",
                "its Lucca user (or a create whose answer was lost) was made in the Lucca its tenant used before; "
                        + "LUCCA_BASE_URL changed since (or the tenant runs dry now): finish it by hand in that Lucca, "
                        + "or replay it to make it in the one in force")) : Optional.empty();
    }

    /** For the metric of dead hires. */
    String reason() {
        return reason;
    }
}
