package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

    private static final Setting<Long> COUNT = Setting.of("Test", "k", "K", SettingTypes.positive(), "A count.")
            .defaultValue("7");
    private static final Setting<Long> NONE = Setting.of("Test", "n", "N", SettingTypes.positive(), "A count.");
    private static final Setting<String> TOKEN = Setting.of("Test", "t", "T", SettingTypes.adminToken(), "A token.")
            .asSecret();

    @Test
    void textWithSpacesOrALineBreakAroundItIsRefusedNotTrimmed() {
        // Camel reads some settings itself, untrimmed: a value checked trimmed here would fail there
        assertThat(reader(Map.of("k", "12")).get(COUNT)).isEqualTo(12L);
        for (String padded : new String[] {"  12 ", "12\n", "\t12"}) {
            assertThatExceptionOfType(InvalidSetting.class).isThrownBy(() -> reader(Map.of("k", padded)).get(COUNT))
                    .withMessage("Invalid setting K (k): has spaces or a line break around it; set the value alone");
        }
    }

    @Test
    void blankTextIsUnset() {
        assertThat(reader(Map.of("k", "   ")).text(COUNT)).isEmpty();
        assertThat(reader(Map.of("k", "   ")).get(COUNT)).isEqualTo(7L);
        assertThat(reader(Map.of("n", "   ")).optional(NONE)).isEmpty();
    }

    @Test
    void anUnsetSettingTakesItsDefaultWhichIsCheckedLikeAValue() {
        assertThat(reader(Map.of()).get(COUNT)).isEqualTo(7L);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reader(Map.of()).get(COUNT.defaultValue("0")))
                .withMessage("Invalid setting K (k): must be greater than zero");
    }

    @Test
    void aSettingUnsetAsAnotherTakesThatOnesValue() {
        Setting<Long> follower = Setting.of("Test", "f", "F", SettingTypes.positive(), "Follows K.").unsetAs(COUNT);

        assertThat(reader(Map.of("f", " ", "k", "12")).get(follower)).isEqualTo(12L);
        assertThat(reader(Map.of()).get(follower)).as("K's default").isEqualTo(7L);
        assertThat(reader(Map.of("f", "3", "k", "12")).get(follower)).isEqualTo(3L);
        assertThat(follower.propertyLine()).isEqualTo("f = {{env:F:{{env:K:7}}}}");
    }

    @Test
    void eachSettingLeftUnsetMeansItsDefaultOrTheSettingItFollows() {
        Map<String, String> meanings = reader(Map.of("camel.server.port", "9090", "camel.management.port", " ",
                "delivery.batch-size", "", "lucca.timeout-ms", "500")).unsetMeanings();

        assertThat(meanings).containsEntry("camel.management.port", "9090").containsEntry("delivery.batch-size", "20")
                .containsEntry("lucca.api-key", "").doesNotContainKeys("camel.server.port", "lucca.timeout-ms");
    }

    @Test
    void aSettingWithoutADefaultIsReadAsOptional() {
        assertThat(reader(Map.of("n", "3")).optional(NONE)).contains(3L);
        assertThatIllegalStateException().isThrownBy(() -> reader(Map.of("n", "3")).get(NONE));
    }

    @Test
    void theSummaryShowsWhatDiffersFromTheDefaultsAndMasksSecrets() {
        String summary = reader(Map.of("camel.server.port", "8081", "flatchr.webhook-token", "s3cret-webhook-token",
                "connector.timezone", "Europe/Paris", "lucca.api-key", "KEY-7f3a9c-DO-NOT-PRINT")).summary();

        assertThat(summary).contains("SERVER_PORT=8081", "FLATCHR_WEBHOOK_TOKEN=***", "LUCCA_API_KEY=***")
                .doesNotContain("s3cret", "DO-NOT-PRINT", "CONNECTOR_TIMEZONE");
        assertThat(reader(Map.of()).summary()).isEqualTo("every setting has its default");
        assertThat(reader(Map.of("camel.management.port", "8080")).summary()).as("SERVER_PORT's, as when unset")
                .isEqualTo("every setting has its default");
        assertThat(reader(Map.of("camel.server.port", "9090", "camel.management.port", "9090")).summary())
                .isEqualTo("SERVER_PORT=9090; every other setting has its default");
        assertThat(reader(Map.of("camel.management.port", "8081")).summary())
                .isEqualTo("MANAGEMENT_PORT=8081; every other setting has its default");
    }

    @Test
    void checkingAllRefusesAWrongSettingOnlyTheRoutesRead() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reader(Map.of("delivery.poll-interval-ms", "0")).checkAll())
                .withMessage("Invalid setting DELIVERY_POLL_INTERVAL_MS (delivery.poll-interval-ms): "
                        + "'0' is not from 10 to 3600000 (an hour): ms");
    }

    @Test
    void aSecretRefusedIsNotRepeated() {
        assertThatIllegalArgumentException().isThrownBy(() -> reader(Map.of("t", "s3cret")).optional(TOKEN))
                .withMessage("Invalid setting T (t): must be at least 16 characters long");
    }

    private static SettingsReader reader(Map<String, String> properties) {
        return new SettingsReader(key -> Optional.ofNullable(properties.get(key)));
    }
}
