package io.github.flatchrlucca.mapping;

/**
 * Whether a text could be an e-mail address. Deliberately loose: Lucca is the judge of an address; this only
 * catches what cannot be one. The intake checks a candidate's e-mail with it, and the configuration a work e-mail
 * pattern's addresses ({@link WorkEmailPattern}), so both hold to one rule.
 */
public final class EmailAddress {

    /** The longest address SMTP can carry (RFC 5321: a 256-octet path, less its angle brackets). */
    public static final int MAX_LENGTH = 254;

    private EmailAddress() {
    }

    /**
     * True for exactly one '@' with something before it, a domain holding a dot that is neither its first nor
     * its last character, no whitespace, no control or invisible formatting character (Cc, Cf) and no half of a
     * UTF-16 surrogate pair on its own (Cs: no character at all, which Lucca would get as "?"), in at most
     * {@link #MAX_LENGTH} characters.
     *
     * <p>Written by hand rather than as a regular expression: the pattern this replaces,
     * {@code [^@\s]+@[^@\s]+\.[^@\s]+}, backtracked quadratically on a long hostile address (seconds for
     * 40 KB). This refuses a text over the limit before reading it, then reads it once: bounded work whatever
     * a caller sends.
     */
    public static boolean isPlausible(String text) {
        if (text.length() > MAX_LENGTH) {
            return false;
        }
        int at = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            } else if (isBlankOrInvisible(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        if (at < 1) {
            return false;
        }
        // the domain starts after the '@': its first dot past its first character must not be its last one
        int dot = text.indexOf('.', at + 2);
        return dot > 0 && dot < text.length() - 1;
    }

    private static boolean isBlankOrInvisible(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE;
    }
}
