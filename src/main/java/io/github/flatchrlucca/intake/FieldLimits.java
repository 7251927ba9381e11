package io.github.flatchrlucca.intake;

import io.github.flatchrlucca.mapping.EmailAddress;

/**
 * The longest text the connector takes in each field of a hire, checked at intake: what passes them is
 * answered at once, instead of being accepted and then failing in delivery again and again. Lengths are
 * counted in UTF-16 characters ({@link String#length}), after the text is trimmed and, for names and
 * titles, cleaned.
 */
public final class FieldLimits {

    /** Far above any real first or last name; Lucca documents no limit of its own. */
    public static final int NAME = 100;

    /** The longest address SMTP can carry: {@link EmailAddress#MAX_LENGTH}. */
    public static final int EMAIL = EmailAddress.MAX_LENGTH;

    /** Far above any real job title; Lucca documents no limit of its own. */
    public static final int TITLE = 200;

    /**
     * Flatchr's ids are integers or 16-character encoded strings. They make the dedupe key, a VARCHAR(400)
     * column since V7: at 64, its longest form (tenant + ":other-company:" + company + ":candidate-" + candidate
     * + "-vacancy-" + vacancy, the tenant's id up to 40 characters) is 267 characters.
     */
    public static final int ID = 64;

    private FieldLimits() {
    }
}
