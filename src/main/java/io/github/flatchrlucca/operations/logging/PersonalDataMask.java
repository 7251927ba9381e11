package io.github.flatchrlucca.operations.logging;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.regex.Pattern;
import net.logstash.logback.mask.ValueMasker;

/**
 * The last line of defence for privacy in logs: e-mail addresses and phone numbers are masked in every log
 * line, text or JSON, whatever wrote it (the connector never logs them; a library's message might).
 * Regular expressions because no library recognises free-text phone numbers inside arbitrary text, and
 * deliberately narrow ones, so that dates, times and ids stay readable.
 */
public final class PersonalDataMask implements ValueMasker {

    // Also an address written into a URL (jean.dupont%40example.org). A match starts only where a run of the
    // address's characters starts, or where the previous address ends (a@b.fr+c@d.fr is two): tried from inside a long
    // run too, each failed try would rescan the run's rest, quadratic in the line's length. The domain's labels are
    // taken possessively: backtracking through them took a stack frame each, and a line of 2,000 labels overflowed
    // the stack. Letters are any script's (?U): josé.dupont@société.fr is an address, and masking only its ASCII end
    // would leave the name.
    // A quoted local part ("jean dupont"@example.org), which the intake takes as an address, is 64 characters at most:
    // each quote of a line is tried once, over 64 characters at most.
    private static final Pattern EMAIL = Pattern.compile(
            "(?U)(?:\"[^\"\\r\\n]{1,64}\"|(?:(?<![\\w.%+-])|\\G)[\\w.%+-]+)(?:@|%40)[\\w-]+(?:\\.[\\w-]+)++");
    // International (+33 6 12 34 56 78, +33612345678, +33 (0)6 12 34 56 78, (+33) 6 12 34 56 78, +1 (555) 123-4567,
    // %2B33612345678 in a URL, 0033 6 12 34 56 78) and French national (06 12 34 56 78) numbers; one separator at most
    // between two digits, so that "+5 -1234567" stays; one group in brackets at most after the country code. Separators include the no-break spaces French typography puts between digit pairs. A number written
    // with 00 or 0 must stand alone, as ids are digits and hyphens too (00123456-0000-7234-...).
    private static final String SEPARATOR = "[ .\\u00A0\\u202F-]?";
    private static final String INTERNATIONAL = "\\d{1,3}\\)?(?:" + SEPARATOR + "\\(\\d{1,4}\\))?(?:" + SEPARATOR
            + "\\d){6,14}";
    private static final String ALONE_BEFORE = "(?<![\\w:-])";
    private static final String ALONE_AFTER = "(?![\\w:-])";
    private static final Pattern PHONE = Pattern.compile("(?:\\+|%2[Bb])" + INTERNATIONAL
            + "|" + ALONE_BEFORE + "00" + INTERNATIONAL + ALONE_AFTER
            + "|" + ALONE_BEFORE + "0\\d(?:" + SEPARATOR + "\\d{2}){4}" + ALONE_AFTER);

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // Every address has an @, or its URL form: most lines have neither, and looking for them is cheaper than
        // trying the pattern at every word (each hire's log line was masked at every webhook).
        String withoutEmails = text.indexOf('@') < 0 && !text.contains("%40") ? text
                : EMAIL.matcher(text).replaceAll("[email]");
        return PHONE.matcher(withoutEmails).replaceAll("[phone]");
    }

    @Override
    public Object mask(JsonStreamContext context, Object value) {
        if (value instanceof CharSequence text) {
            String masked = mask(text.toString());
            return masked.contentEquals(text) ? null : masked;
        }
        return null;
    }
}
