package io.github.flatchrlucca.mapping;

/**
 * Whether a text is a whole number written with the digits 0 to 9 alone. Java's number parsers also take a leading
 * '+' and the digits of other scripts ("+250", "\u0662\u0665\u0660" as 250), which other readers of the same text
 * do not: Camel reads a timer's period of "+250" as 0 ms, and a web client sends "+2" meaning nothing of the kind.
 * A number the connector checks is checked by this rule, so that what passes means the same wherever it is read.
 */
public final class AsciiDigits {

    private AsciiDigits() {
    }

    /** "0042" -> true; "", "+1", "-1", "1.5", "\u0664\u0662" -> false. */
    public static boolean only(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
