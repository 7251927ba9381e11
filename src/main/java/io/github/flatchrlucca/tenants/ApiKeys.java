package io.github.flatchrlucca.tenants;

import java.util.Optional;
import java.util.regex.Pattern;

/** What an API key of Flatchr or Lucca must be to be sent in an {@code Authorization} header as it was given. */
public final class ApiKeys {

    // whitespace and control characters would break the Authorization header, or be a paste gone wrong
    private static final Pattern UNSENDABLE = Pattern.compile("[\\s\\p{Cntrl}]");

    private ApiKeys() {
    }

    /**
     * Why {@code key} cannot be sent as an API key, as the end of a sentence naming the setting; empty when it can.
     * Never quotes the key.
     */
    public static Optional<String> problem(String key) {
        if (key.isBlank()) {
            return Optional.of("is blank");
        }
        if (UNSENDABLE.matcher(key).find()) {
            return Optional.of("contains a space, a line break or another control character (the value is a "
                    + "secret: not shown)");
        }
        return Optional.empty();
    }
}
