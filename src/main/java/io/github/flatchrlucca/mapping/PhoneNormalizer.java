package io.github.flatchrlucca.mapping;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;

/** Turns a phone number typed as free text into E.164 ("+33612345678"), or nothing when it is not a real number. */
public final class PhoneNormalizer {

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    /** @param defaultRegion ISO 3166 region assumed for numbers written without a country code, e.g. "FR" */
    public PhoneNormalizer(String defaultRegion) {
        String region = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!PHONE_NUMBERS.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("unknown phone region \"" + defaultRegion + "\"; expected a region code such as FR");
        }
        this.defaultRegion = region;
    }

    public Optional<String> toE164(String freeText) {
        try {
            PhoneNumber number = PHONE_NUMBERS.parse(freeText, defaultRegion);
            return PHONE_NUMBERS.isValidNumber(number)
                    ? Optional.of(PHONE_NUMBERS.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException notANumber) {
            // libphonenumber also reports null and blank text this way
            return Optional.empty();
        }
    }
}
