package io.github.flatchrlucca.mapping;

import java.util.Locale;
import java.util.Set;

/**
 * A job ad's title as a person's job title in Lucca. French ads end with a gender marker ("Comptable H/F",
 * "Développeur (F/H)", "Chef de projet - H/F"), German ones with "(m/w/d)": it says who may apply, and is no part
 * of the job the person holds once hired.
 */
public final class JobTitle {

    // Compared in lower case, written as ads write them: letters and slashes, no spaces
    private static final Set<String> GENDER_MARKERS = Set.of("h/f", "f/h", "h/f/x", "f/h/x", "m/f", "f/m", "m/f/d",
            "m/w/d", "w/m/d");
    private static final int LONGEST_MARKER = 5;
    // before a marker, "Chef de projet - H/F": typed as a hyphen, or pasted as an en or em dash
    private static final String DASHES = "-\u2013\u2014";

    private JobTitle() {
    }

    /**
     * The title without one trailing gender marker, bare or in parentheses, nor the space or " - " before it;
     * unchanged when it has none, or is nothing else. The title is read as {@link VisibleText} leaves it (single
     * spaces, none around it).
     *
     * <p>No regular expression: the marker is looked for among the last few characters only (at most the longest
     * marker and its two parentheses), compared with a fixed set, and cut with one copy of what comes before. The
     * work is linear in the title's length by construction, whatever it holds.
     */
    public static String withoutGenderMarker(String title) {
        if (title == null) {
            return null;
        }
        int start = markerStart(title);
        if (start < 0) {
            return title;
        }
        String rest = title.substring(0, start).stripTrailing();
        if (!rest.isEmpty() && DASHES.indexOf(rest.charAt(rest.length() - 1)) >= 0) {
            rest = rest.substring(0, rest.length() - 1).stripTrailing();
        }
        return rest.isEmpty() ? title : rest;
    }

    /** Where the trailing marker begins (its opening parenthesis, if any), or -1 when the title ends with none. */
    private static int markerStart(String title) {
        int end = title.length();
        boolean inParentheses = end > 0 && title.charAt(end - 1) == ')';
        int markerEnd = inParentheses ? end - 1 : end;
        // back over at most the longest marker, to what precedes it: "(" in parentheses, else a space or the start
        int from = markerEnd;
        while (from > 0 && markerEnd - from < LONGEST_MARKER && !isBefore(title.charAt(from - 1), inParentheses)) {
            from--;
        }
        boolean delimited = inParentheses
                ? from > 0 && title.charAt(from - 1) == '('
                : from == 0 || title.charAt(from - 1) == ' ';
        if (!delimited || from == markerEnd
                || !GENDER_MARKERS.contains(title.substring(from, markerEnd).toLowerCase(Locale.ROOT))) {
            return -1;
        }
        return inParentheses ? from - 1 : from;
    }

    private static boolean isBefore(char c, boolean inParentheses) {
        return inParentheses ? c == '(' : c == ' ';
    }
}
