package io.github.flatchrlucca.operations.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataMaskTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mail eloise.muller+work@example.org refused | mail [email] refused",
        "to a.b@sub.acme.fr and c@d.io               | to [email] and [email]",
        "GET /search?email=jean.dupont%40example.org | GET /search?email=[email]",
        "GET /search?email=Jean.Dupont%40Example.org&x=1 | GET /search?email=[email]&x=1",
        "GET /api/v3/users?mail=like%2Cjean.dupont%40example.org&x=1 | GET /api/v3/users?mail=[email]&x=1",
        "call +33 (0)6 12 34 56 78 now               | call [phone] now",
        "link tel:+33612345678                       | link tel:[phone]",
        "GET /x?tel=%2B33612345678                   | GET /x?tel=[phone]",
        "to=a@b.fr%2Cc@d.fr                          | to=[email][email]",
        "cc a@b.fr+c@d.fr                            | cc [email][email]",
        "call +33 6 12 34 56 78 now                  | call [phone] now",
        "call +33612345678                           | call [phone]",
        "call 06 12 34 56 78                         | call [phone]",
        "call 06.12.34.56.78                         | call [phone]",
        "call 0612345678.                            | call [phone].",
        "call 0033 6 12 34 56 78 now                 | call [phone] now",
        "call 0033612345678                          | call [phone]",
        // no-break and narrow no-break spaces between the pairs, as French text writes them
        "call 06\u00A012\u00A034\u00A056\u00A078 now     | call [phone] now",
        "call +33\u202F6\u202F12\u202F34\u202F56\u202F78 now | call [phone] now",
        // letters of any script: masking only the ASCII end would leave the name
        "mail josé.dupont@société.fr refused         | mail [email] refused",
        "mail Ørjan.Løvås%40exemple.no               | mail [email]",
        // a quoted local part, which the intake takes as an address; brackets around the country or area code
        "mail \"jean dupont\"@example.org refused   | mail [email] refused",
        "call (+33) 6 12 34 56 78 now                | call ([phone] now",
        "call +1 (555) 123-4567 now                  | call [phone] now"})
    void emailsAndPhonesAreMasked(String text, String masked) {
        assertThat(PersonalDataMask.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "hire 27fe8368-c049-4ec8-b260-515e963c941d retrying at 2026-11-26T02:09:45.573Z",
        // hire ids begin with the time they were made: their first groups may be digits only
        "hire 019ae3c4-5b2a-7123-8456-012345678901 received",
        "hire 01934567-8901-7234-8567-890123456789 received",
        "hire delivered (Lucca user 1001)",
        "Lucca answered 503 to create-user",
        "started in 02:40:54 with 10000 ms timeout",
        "at 00:12:34 and 2026-12-04T00:12:34Z",
        "hire 00123456-0000-7234-8567-890123456789 received",
        // a percent sign that encodes something else than an @
        "GET /hires?q=a%20b%2Fc.d",
        // signed numbers are not phone numbers
        "delta +5 -1234567",
        "range +1..1000000"})
    void datesIdsAndNumbersStayReadable(String text) {
        assertThat(PersonalDataMask.mask(text)).isEqualTo(text);
    }

    @Test
    void anAddressOfThousandsOfLabelsIsMaskedWithoutOverflowingTheStack() {
        String line = "x@" + "b.".repeat(100_000) + "fr and more";

        assertThat(PersonalDataMask.mask(line)).isEqualTo("[email] and more");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.org", "+33612345678"})
    void theJsonMaskerMasksValuesAndLeavesOthersAlone(String value) {
        PersonalDataMask masker = new PersonalDataMask();

        assertThat(String.valueOf(masker.mask(null, "x " + value))).startsWith("x [");
        assertThat(masker.mask(null, "nothing personal")).isNull();
        assertThat(masker.mask(null, 42)).isNull();
    }
}
