package io.github.flatchrlucca.mapping;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns a phone number typed as free text into E.164 ("+33612345678"), or nothing when it is not a real number. */
public final class PhoneNormalizer {

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();
    /*
     * France's overseas departments and collectivities dial 0 and nine digits as mainland France does, under country
     * codes of their own: "0692 12 34 56" is a Réunion mobile, invalid as a mainland number. Each is tried when a
     * number written without a country code is no French one. Regions sharing a country code (RE and YT; GP, BL and
     * MF) read it the same, and are one answer. Some numbers libphonenumber finds valid in two regions of different
     * codes ("0694 12 34 56" Guadeloupe's as much as French Guiana's, a third of Martinique's 0696 mobiles
     * Guadeloupe's too): France numbers its overseas territories in one plan, whose blocks ARCEP gives each territory
     * (TERRITORY_BLOCKS), so the territory of its block decides; a number of no such block is none.
     */
    private static final List<String> FRENCH_OVERSEAS = List.of("RE", "YT", "GP", "MQ", "GF", "PM", "BL", "MF");
    /**
     * ARCEP's blocks of the overseas territories (the three digits after the 0) and the country code of each:
     * written here because libphonenumber's metadata is what is ambiguous for them.
     */
    private static final Map<String, String> TERRITORY_BLOCKS = Map.ofEntries(
            Map.entry("590", "590"), Map.entry("690", "590"), Map.entry("691", "590"),
            Map.entry("594", "594"), Map.entry("694", "594"),
            Map.entry("596", "596"), Map.entry("696", "596"), Map.entry("697", "596"),
            Map.entry("262", "262"), Map.entry("263", "262"), Map.entry("269", "262"), Map.entry("692", "262"),
            Map.entry("693", "262"), Map.entry("639", "262"),
            Map.entry("508", "508"));

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
        if (readings.size() > 1) {
            // each of these codes has three digits: "+590694123456" is +590 and the block 694
            readings = readings.stream()
                    .filter(reading -> reading.substring(1, 4).equals(TERRITORY_BLOCKS.get(reading.substring(4, 7))))
                    .toList();
        }
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
