package io.github.flatchrlucca.tenants;

import java.util.Optional;
import java.util.regex.Pattern;

/** What an API key of Flatchr or Lucca must be to be sent in an {@code Authorization} header as it was given. */
public final class ApiKeys {

    // Anything but printable ASCII: whitespace and control characters would break the Authorization header, and a
    // zero-width or no-break space (a paste from a document) is sent as '?' and refused by the API, with a key that
    // looks right to whoever checks it. Lucca's and Flatchr's keys are printable ASCII.
    private static final Pattern UNSENDABLE = Pattern.compile("[^\\x21-\\x7E]");

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
            return Optional.of("contains a space, a line break, a control character or a character that is not "
                    + "printable ASCII, such as a zero-width space (the value is a secret: not shown)");
        }
        return Optional.empty();
    }
}
