package io.github.flatchrlucca.mapping;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A name or a title as a person reads it, which is what Lucca gets and what intake measures: one space
 * wherever the text had whitespace, nothing of what cannot be seen, an accent as one character. Spaces, hyphens and
 * apostrophes stay.
 */
public final class VisibleText {

    /*
     * Control and format characters (Unicode Cc, Cf): NUL, ESC, the soft hyphen, zero-width spaces, the
     * bidirectional overrides that make a name read backwards on screen (U+202E). Typed by nobody, they
     * come from pastes or from someone who means harm. The whitespace among them (tab, newline) is not lost:
     * it becomes a space with the rest. The zero-width non-joiner and joiner (U+200C, U+200D) stay: they belong to
     * the spelling of Persian, Kurdish or Sinhala names, which would read differently without them. Half a UTF-16
     * surrogate pair on its own (Cs: a JSON escape "\\ud83d" without its other half, from a text cut in the middle of
     * an emoji) is no character at all, which Lucca would get as "?"; a whole pair is one code point, not Cs, and stays.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}&&\\S&&[^\\u200C\\u200D]]",
            Pattern.UNICODE_CHARACTER_CLASS);

    // No-break spaces count too: names pasted from documents carry them, and String#strip keeps them.
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private VisibleText() {
    }

    /**
     * "  Jean\tPierre\u200B " -> "Jean Pierre", "Zoe\u0301" -> "Zoé"; null, or a text of only invisible characters
     * -> "".
     */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        // Removed before whitespace is folded, so that " \u200B " leaves one space, not two.
        String visible = INVISIBLE.matcher(text).replaceAll("");
        /*
         * Composed (NFC), as a person reads it: "Zoe\u0301" (an accent typed or pasted as a combining mark) would reach
         * Lucca as another text than the "Zoé" anyone types to find her, and count a character more against intake's
         * limits. After the removal, so that "Zoe\u200B\u0301" composes too.
         */
        visible = Normalizer.normalize(visible, Normalizer.Form.NFC);
        return WHITESPACE_RUN.matcher(visible).replaceAll(" ").strip();
    }
}
