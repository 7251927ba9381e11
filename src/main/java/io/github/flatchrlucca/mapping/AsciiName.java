package io.github.flatchrlucca.mapping;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.regex.Pattern;

/** The lower-case ASCII letters and digits of a name, as logins and e-mail local parts need them. */
public final class AsciiName {

    /*
     * Building this transliterator loads ICU rule data and is slow, so it is built once. Sharing it
     * between threads is safe: ICU documents transliterators as stateless ("threads may share
     * transliterators without synchronizing them") and guards its internal caches itself.
     */
    // NFKC first: letters written in styled forms (mathematical bold, full-width) become the letters they show
    private static final Transliterator TO_LATIN_ASCII = Transliterator.getInstance("NFKC; Any-Latin; Latin-ASCII");
    private static final Pattern NOT_ASCII_ALPHANUMERIC = Pattern.compile("[^a-z0-9]");

    private AsciiName() {
    }

    /** "Müller-Straße" -> "mullerstrasse", "Иван Петров" -> "ivanpetrov"; null -> "". */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String latin = TO_LATIN_ASCII.transliterate(text).toLowerCase(Locale.ROOT);
        return NOT_ASCII_ALPHANUMERIC.matcher(latin).replaceAll("");
    }

    /** Whether anything of the name reads in Latin letters or digits: a login or an address can be made of it. */
    public static boolean isReadable(String text) {
        return !of(text).isEmpty();
    }

    /** The first character of {@link #of}, or "" when nothing of the name survives. */
    public static String initialOf(String text) {
        String ascii = of(text);
        return ascii.isEmpty() ? "" : ascii.substring(0, 1);
    }
}
