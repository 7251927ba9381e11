package io.github.flatchrlucca.delivery;

/**
 * A work e-mail pattern gave this hire an address someone in Lucca already has, and Lucca does not have the
 * candidate's own e-mail as theirs: a namesake (a new account would take their address; a rehire would put a contract
 * on their record), or this very person, whose personal e-mail Lucca lacks. Only a person can tell: the hire dies at
 * once, alerted, and is replayed once Lucca holds the personal e-mail, or made by hand. Names no address.
 */
public final class NamesakeInLucca extends RuntimeException {

    NamesakeInLucca(long personId) {
        super("Lucca user #" + personId + " already has the work address LUCCA_WORK_EMAIL_PATTERN gives this hire, "
                + "and another personal e-mail (or none): a namesake, or this person; a person decides (make the account "
                + "by hand, or set their personal e-mail in Lucca and replay)", null, false, false);
    }
}
