package io.github.flatchrlucca.mapping;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns a phone number typed as free text into E.164 ("+33612345678"), or nothing when it is not a real number. */
public final class PhoneNormalizer {

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();
    /*
     * France's overseas departments and collectivities dial 0 and nine digits as mainland France does, under country
     * codes of their own: "0692 12 34 56" is a Réunion mobile, invalid as a mainland number. Each is tried when a
     * number written without a country code is no French one. Some are valid in two: "0694 12 34 56" is Guadeloupe's
     * (+590) as much as French Guiana's (+594), and the first found could be a stranger's, so such a number is none.
     * Regions sharing a country code (RE and YT; GP, BL and MF) read it the same, and are one answer.
     */
    private static final List<String> FRENCH_OVERSEAS = List.of("RE", "YT", "GP", "MQ", "GF", "PM", "BL", "MF");

    /** What a region is, for the setting that names one and the tenants file's key. */
    public static final String REGION_EXPECTED = "a two-letter region code such as FR or CH";

    private final String defaultRegion;

    /** @param defaultRegion ISO 3166 region assumed for numbers written without a country code, e.g. "FR" */
    public PhoneNormalizer(String defaultRegion) {
        this.defaultRegion = region(defaultRegion);
    }

    /**
     * A region in which numbers without a country code can be read, as libphonenumber names it: "ch" is "CH".
     *
     * @throws IllegalArgumentException when libphonenumber knows no numbers of such a region (not a two-letter ISO
     *                                  3166 code, or one of a region without a numbering plan of its own)
     */
    public static String region(String written) {
        String region = written == null ? "" : written.strip().toUpperCase(Locale.ROOT);
        if (!PHONE_NUMBERS.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("libphonenumber knows no phone numbers of such a region");
        }
        return region;
    }

    public Optional<String> toE164(String freeText) {
        Optional<String> number = inRegion(freeText, defaultRegion);
        if (number.isPresent() || !"FR".equals(defaultRegion)) {
            return number;
        }
        List<String> readings = FRENCH_OVERSEAS.stream().map(region -> inRegion(freeText, region))
                .flatMap(Optional::stream).distinct().toList();
        return readings.size() == 1 ? Optional.of(readings.get(0)) : Optional.empty();
    }

    private static Optional<String> inRegion(String freeText, String region) {
        try {
            PhoneNumber number = PHONE_NUMBERS.parse(freeText, region);
            return PHONE_NUMBERS.isValidNumber(number)
                    ? Optional.of(PHONE_NUMBERS.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException notANumber) {
            // libphonenumber also reports null and blank text this way
            return Optional.empty();
        }
    }
}
