package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContractTypeTableTest {

    @ParameterizedTest
    @ValueSource(strings = {"1:21,2:22", " 1 : 21 , 2:22 ", "1:21,2:22,"})
    void readsFlatchrToLuccaPairs(String text) {
        ContractTypeTable table = ContractTypeTable.parse(text);

        assertThat(table.isEmpty()).isFalse();
        assertThat(table.luccaTypeFor("1")).contains(21);
        assertThat(table.luccaTypeFor("2")).contains(22);
    }

    @Test
    void knowsNothingOfUnlistedTypes() {
        ContractTypeTable table = ContractTypeTable.parse("1:21");

        assertThat(table.luccaTypeFor("3")).isEmpty();
        assertThat(table.luccaTypeFor(null)).isEmpty();
    }

    @Test
    void looksUpTheTrimmedId() {
        assertThat(ContractTypeTable.parse("1:21").luccaTypeFor(" 1 ")).contains(21);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", " , "})
    void blankTextIsAnEmptyTable(String text) {
        ContractTypeTable table = ContractTypeTable.parse(text);

        assertThat(table.isEmpty()).isTrue();
        assertThat(table.luccaTypeFor("1")).isEmpty();
    }

    @ParameterizedTest(name = "{0} is rejected naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1-21           | 1-21
            a:2            | a:2
            1:             | 1:
            :2             | :2
            1:21:3         | 1:21:3
            1:21;2:22      | 1:21;2:22
            1:21, 1:22     | 1:22
            1:99999999999  | 1:99999999999
            1:0            | 1:0
            1:021          | 1:021
            01:21          | 01:21
            0:21           | 0:21
            01:21,1:22     | 01:21
            """)
    void rejectsAMalformedOrRepeatedItemNamingIt(String text, String badItem) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContractTypeTable.parse(text))
                .withMessageContaining("\"" + badItem + "\"");
    }

    // ---- given as pairs (the tenants file)

    @Test
    void pairsAreLookedUpAsTheWrittenTableIs() {
        ContractTypeTable table = ContractTypeTable.of(Map.of("1", 21, " 2 ", 22));

        assertThat(table.isEmpty()).isFalse();
        assertThat(table.luccaTypeFor("1")).contains(21);
        assertThat(table.luccaTypeFor("2")).contains(22);
        assertThat(table.luccaTypeFor("3")).isEmpty();
    }

    @Test
    void noPairsIsAnEmptyTable() {
        assertThat(ContractTypeTable.of(Map.of()).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CDI", "1a", "", "1234567890", "01", "0", " 007 "})
    void aKeyThatIsNotAFlatchrIdIsRejectedNamingIt(String key) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContractTypeTable.of(Map.of(key, 21)))
                .withMessageContaining("\"" + key + "\"");
    }

    @Test
    void aKeyWrittenTwiceIsRejectedNamingBoth() {
        Map<String, Integer> pairs = new LinkedHashMap<>();
        pairs.put("1", 21);
        pairs.put(" 1", 22);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContractTypeTable.of(pairs))
                .withMessage("contract type table: key \" 1\" repeats key \"1\" already in the table");
    }

    @Test
    void aPairWithoutAPositiveIdIsRejectedNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContractTypeTable.of(Map.of("1", 0)))
                .withMessageContaining("\"1\"");
    }
}
