package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

    @Test
    void textIsTrimmed() {
        assertThat(reader(Map.of("k", "  value ")).text("k")).contains("value");
    }

    @Test
    void blankTextIsAbsent() {
        assertThat(reader(Map.of("k", "   ")).text("k")).isEmpty();
        assertThat(reader(Map.of("k", "   ")).text("k", "fallback")).isEqualTo("fallback");
    }

    @Test
    void anAbsentNumberTakesItsFallback() {
        assertThat(reader(Map.of()).positiveInt("k", "K", 7)).isEqualTo(7);
        assertThat(reader(Map.of()).positiveLong("k", "K", 7L)).isEqualTo(7L);
    }

    @Test
    void aFallbackIsCheckedLikeAValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reader(Map.of()).positiveLong("k", "K", 0))
                .withMessage("Invalid setting K (k): must be greater than zero");
    }

    @Test
    void anIdTooLargeForAnIntIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reader(Map.of("k", "99999999999")).id("k", "K"))
                .withMessageStartingWith("Invalid setting K (k): '99999999999' is not a whole number");
    }

    @Test
    void anAbsentIdIsEmpty() {
        assertThat(reader(Map.of()).id("k", "K")).isEmpty();
    }

    @Test
    void aParserRefusalNamesTheVariableTheKeyAndTheValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reader(Map.of()).parse("k", "K", "v", "a thing", value -> {
                    throw new IllegalArgumentException("because");
                }))
                .withMessage("Invalid setting K (k): 'v' is not a thing (because)");
    }

    @Test
    void aParserFailureOtherThanARefusalIsNotDisguised() {
        assertThat(catchThrowable(() -> reader(Map.of()).parse("k", "K", "v", "a thing",
                value -> {
                    throw new IllegalStateException("a bug");
                }))).isExactlyInstanceOf(IllegalStateException.class);
    }

    @Test
    void anHttpUrlIsRead() {
        assertThat(reader(Map.of("k", "http://localhost:9090/lucca")).httpUrl("k", "K"))
                .contains(URI.create("http://localhost:9090/lucca"));
    }

    @Test
    void anHttpUrlNeedsAHost() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reader(Map.of("k", "https:/path-only")).httpUrl("k", "K"))
                .withMessageStartingWith("Invalid setting K (k):");
    }

    private static SettingsReader reader(Map<String, String> properties) {
        return new SettingsReader(key -> Optional.ofNullable(properties.get(key)));
    }
}
