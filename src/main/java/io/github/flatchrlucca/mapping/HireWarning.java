package io.github.flatchrlucca.mapping;

import java.util.Objects;

/**
 * What a person should know about a hire, with what it speaks of: a warning about a field of the new user, or of the
 * new contract, holds only when they are written. A hire whose person turns out to be in Lucca already writes
 * neither (a former employee who comes back gets a contract, no user), and such a warning would tell HR of a
 * department or a template that nobody gave anyone.
 *
 * @param text free of personal data
 */
public record HireWarning(String text, Subject subject) {

    public enum Subject {
        /**
         * The hire, whatever is written: its start day, estimated, is also what says whether someone found in Lucca
         * is still employed.
         */
        HIRE,
        /** A field of the new user (phone, department, login): written only when the user is created. */
        NEW_USER,
        /** The new work contract (its type, its end): written with a new user, or for a former employee who comes back. */
        NEW_CONTRACT
    }

    public HireWarning {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(subject, "subject");
    }

    public static HireWarning ofHire(String text) {
        return new HireWarning(text, Subject.HIRE);
    }

    public static HireWarning ofNewUser(String text) {
        return new HireWarning(text, Subject.NEW_USER);
    }

    public static HireWarning ofNewContract(String text) {
        return new HireWarning(text, Subject.NEW_CONTRACT);
    }
}
