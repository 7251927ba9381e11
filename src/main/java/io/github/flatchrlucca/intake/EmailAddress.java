package io.github.flatchrlucca.intake;

/**
 * Whether a text could be an e-mail address. Deliberately loose: Lucca is the judge of an address; this only
 * catches what cannot be one.
 */
final class EmailAddress {

    private EmailAddress() {
    }

    /**
     * True for exactly one '@' with something before it, a domain holding a dot that is neither its first nor
     * its last character, no whitespace and no control or invisible formatting character (Cc, Cf), in at most
     * {@link FieldLimits#EMAIL} characters.
     *
     * <p>Written by hand rather than as a regular expression: the pattern this replaces,
     * {@code [^@\s]+@[^@\s]+\.[^@\s]+}, backtracked quadratically on a long hostile address (seconds for
     * 40 KB). This refuses a text over the limit before reading it, then reads it once: bounded work whatever
     * a caller sends.
     */
    static boolean isPlausible(String text) {
        if (text.length() > FieldLimits.EMAIL) {
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
                || type == Character.CONTROL || type == Character.FORMAT;
    }
}
