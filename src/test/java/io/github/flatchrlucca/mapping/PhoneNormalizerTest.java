package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormalizerTest {

    private final PhoneNormalizer french = new PhoneNormalizer("FR");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            06 12 34 56 78       | +33612345678
            +33 6 12 34 56 78    | +33612345678
            +33612345678         | +33612345678
            06.12.34.56.78       | +33612345678
            0033 6 12 34 56 78   | +33612345678
            +33 (0)6 12 34 56 78 | +33612345678
            +44 20 7946 0958     | +442079460958
            0692 12 34 56        | +262692123456
            0690 12 34 56        | +590690123456
            +262 692 12 34 56    | +262692123456
            0639 01 23 45        | +262639012345
            0694 20 12 34        | +594694201234
            """)
    void writesValidNumbersInE164(String freeText, String expected) {
        assertThat(french.toE164(freeText)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "12", "abc", "06 12 34", "+33 1"})
    void givesNothingForTextThatIsNotARealNumber(String freeText) {
        assertThat(french.toE164(freeText)).isEmpty();
    }

    /*
     * libphonenumber finds 0694 12 xx xx valid both in Guadeloupe (+590) and in French Guiana (+594), and a third of
     * Martinique's 0696 mobiles Guadeloupe's too: ARCEP's block of the number (0694 Guiana's, 0696 Martinique's) says
     * whose it is. Sent as the first region libphonenumber tried, it was a number under another territory's code.
     */
    @ParameterizedTest
    @CsvSource({
            "0694 12 34 56, +594694123456",
            "06 94 08 12 34, +594694081234",
            "0694 90 12 34, +594694901234",
            "0696 66 12 34, +596696661234",
            "0696 12 34 56, +596696123456"
    })
    void aNumberValidInTwoOverseasRegionsIsTheTerritoryOfItsBlock(String freeText, String e164) {
        assertThat(french.toE164(freeText)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", " FR "})
    void acceptsTheRegionInAnyCase(String region) {
        assertThat(new PhoneNormalizer(region).toE164("06 12 34 56 78")).contains("+33612345678");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"XX", "France"})
    void rejectsAnUnknownRegion(String region) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PhoneNormalizer(region))
                .withMessageContaining("libphonenumber knows no phone numbers of such a region");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            079 123 45 67     | +41791234567
            044 668 18 00     | +41446681800
            +33 6 12 34 56 78 | +33612345678
            """)
    void aSwissRegionReadsNumbersWithoutACountryCodeAsSwiss(String freeText, String expected) {
        assertThat(new PhoneNormalizer("CH").toE164(freeText)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ch", " CH ", "Ch"})
    void aRegionIsReadAsLibphonenumberNamesIt(String written) {
        assertThat(PhoneNormalizer.region(written)).isEqualTo("CH");
    }
}
