package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Map;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.Test;

/**
 * What Camel's properties give Camel Main and the routes once the settings are checked: a blank value is what the
 * connector checked in its place. Blank values stand here for blank environment variables, which Camel's
 * {@code {{env:NAME:default}}} reads as blank text too.
 */
class SettingsAsCheckedTest {

    @Test
    void aBlankSettingIsItsDefaultForCamelAndTheRoutes() {
        PropertiesComponent properties = properties(Map.of(
                "camel.server.port", "18080",
                "camel.management.port", "",
                "camel.server.max-body-size", "{{flatchr.max-body-bytes}}",
                "flatchr.max-body-bytes", "  ",
                "delivery.batch-size", "",
                "lucca.timeout-ms", "",
                "retention.days", "30"));

        SettingsAsChecked.apply(properties);

        // what the routes' {{...}} read
        assertThat(properties.parseUri("{{delivery.batch-size}} {{lucca.timeout-ms}} {{retention.days}}"))
                .isEqualTo("20 10000 30");
        // what Camel Main binds camel.* from
        Properties camel = properties.loadProperties(key -> key.startsWith("camel."));
        assertThat(camel.getProperty("camel.management.port"))
                .as("health and metrics on the webhook's port, not a random one").isEqualTo("18080");
        assertThat(properties.parseUri(camel.getProperty("camel.server.max-body-size"))).isEqualTo("1048576");
        assertThat(properties.resolveProperty("camel.server.port")).contains("18080");
    }

    @Test
    void aBlankServerPortIsItsDefaultAndSoIsTheManagementPortThatFollowsIt() {
        PropertiesComponent properties = properties(Map.of("camel.server.port", "", "camel.management.port", ""));

        SettingsAsChecked.apply(properties);

        assertThat(properties.resolveProperty("camel.server.port")).contains("8080");
        assertThat(properties.resolveProperty("camel.management.port")).contains("8080");
    }

    @Test
    void anEnvironmentVariableNamedLikeAKeyDoesNotHideWhatWasChecked() {
        // A test cannot set its own environment: PATH, always set, stands for a blank DELIVERY_BATCH_SIZE, which
        // Camel would otherwise read for delivery.batch-size before any value given in its properties.
        assertThat(System.getenv("PATH")).isNotBlank();
        PropertiesComponent properties = properties(Map.of("path", "from-the-properties"));

        SettingsAsChecked.apply(properties);

        assertThat(properties.resolveProperty("path")).contains("from-the-properties");
    }

    @Test
    void aWrongSettingStillStopsTheStartNamingIt() {
        PropertiesComponent properties = properties(Map.of("delivery.batch-size", "0"));

        assertThatExceptionOfType(InvalidSetting.class).isThrownBy(() -> SettingsAsChecked.apply(properties))
                .withMessageStartingWith("Invalid setting DELIVERY_BATCH_SIZE (delivery.batch-size)");
    }

    @Test
    void aBlankShutdownTimeoutIsRefusedSinceCamelMainReadsItsVariableItselfAndFailsOnABlankOne() {
        PropertiesComponent properties = properties(Map.of("camel.main.shutdown-timeout", " "));

        assertThatExceptionOfType(InvalidSetting.class).isThrownBy(() -> SettingsAsChecked.apply(properties))
                .withMessageStartingWith("Invalid setting CAMEL_MAIN_SHUTDOWNTIMEOUT (camel.main.shutdown-timeout): "
                        + "is blank");
    }

    private static PropertiesComponent properties(Map<String, String> values) {
        PropertiesComponent properties = new DefaultCamelContext().getPropertiesComponent();
        Properties initial = new Properties();
        initial.putAll(values);
        properties.setInitialProperties(initial);
        return properties;
    }
}
