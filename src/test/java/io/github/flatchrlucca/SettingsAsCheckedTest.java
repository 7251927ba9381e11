package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.Test;

/**
 * What Camel's properties give Camel Main and the routes once the settings are checked: a blank value is what the
 * connector checked in its place. Blank values stand here for blank environment variables, which Camel's
 * {@code {{env:NAME:default}}} reads as blank text too.
 */
class SettingsAsCheckedTest {

    private static final Function<String, String> NO_VARIABLES = name -> null;

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

        SettingsAsChecked.apply(properties, NO_VARIABLES);

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

        SettingsAsChecked.apply(properties, NO_VARIABLES);

        assertThat(properties.resolveProperty("camel.server.port")).contains("8080");
        assertThat(properties.resolveProperty("camel.management.port")).contains("8080");
    }

    @Test
    void anEnvironmentVariableNamedLikeAKeyDoesNotHideWhatWasChecked() {
        // A test cannot set its own environment: PATH, always set, stands for a blank DELIVERY_BATCH_SIZE, which
        // Camel would otherwise read for delivery.batch-size before any value given in its properties.
        assertThat(System.getenv("PATH")).isNotBlank();
        PropertiesComponent properties = properties(Map.of("path", "from-the-properties"));

        SettingsAsChecked.apply(properties, NO_VARIABLES);

        assertThat(properties.resolveProperty("path")).contains("from-the-properties");
    }

    @Test
    void aWrongSettingStillStopsTheStartNamingIt() {
        PropertiesComponent properties = properties(Map.of("delivery.batch-size", "0"));

        assertThatExceptionOfType(InvalidSetting.class)
                .isThrownBy(() -> SettingsAsChecked.apply(properties, NO_VARIABLES))
                .withMessageStartingWith("Invalid setting DELIVERY_BATCH_SIZE (delivery.batch-size)");
    }

    @Test
    void aBlankShutdownTimeoutIsRefusedSinceCamelMainReadsItsVariableItselfAndFailsOnABlankOne() {
        PropertiesComponent properties = properties(Map.of("camel.main.shutdown-timeout", " "));

        assertThatExceptionOfType(InvalidSetting.class)
                .isThrownBy(() -> SettingsAsChecked.apply(properties, NO_VARIABLES))
                .withMessageStartingWith("Invalid setting CAMEL_MAIN_SHUTDOWNTIMEOUT (camel.main.shutdown-timeout): "
                        + "is blank");
    }

    @Test
    void aVariableWithDoubleBracesIsRefusedRatherThanReadAsAReferenceThatCamelFindsUnsetAndSkips() {
        // Camel would look {{firstname}} up as a property, find none and give the setting nothing: the candidate's
        // personal e-mail would go to Lucca as the work one
        PropertiesComponent properties = properties(Map.of(
                "lucca.work-email-pattern", "{{env:LUCCA_WORK_EMAIL_PATTERN:}}"));
        Map<String, String> environment = Map.of("LUCCA_WORK_EMAIL_PATTERN", "{{firstname}}.{{lastname}}@acme.fr");

        assertThatExceptionOfType(InvalidSetting.class)
                .isThrownBy(() -> SettingsAsChecked.apply(properties, environment::get))
                .withMessageStartingWith("Invalid setting LUCCA_WORK_EMAIL_PATTERN (lucca.work-email-pattern): ")
                .withMessageContaining("write it without double braces")
                .withMessageNotContaining("firstname");
    }

    @Test
    void aSecretWithDoubleBracesIsRefusedWithoutQuotingIt() {
        PropertiesComponent properties = properties(Map.of("flatchr.webhook-token", "{{env:FLATCHR_WEBHOOK_TOKEN:}}"));
        Map<String, String> environment = Map.of("FLATCHR_WEBHOOK_TOKEN", "abc}}defghijklmnop");

        assertThatExceptionOfType(InvalidSetting.class)
                .isThrownBy(() -> SettingsAsChecked.apply(properties, environment::get))
                .withMessageStartingWith("Invalid setting FLATCHR_WEBHOOK_TOKEN (flatchr.webhook-token): ")
                .withMessageNotContaining("defghijklmnop");
    }

    @Test
    void aPropertiesFileValueWithDoubleBracesIsRefusedButItsOwnPlaceholdersAreNot() {
        PropertiesComponent written = properties(Map.of(
                "journal.jdbc-url", "jdbc:postgresql://db/journal?password=x}}y",
                "camel.management.port", "{{env:MANAGEMENT_PORT:{{env:SERVER_PORT:8080}}}}"));
        PropertiesComponent inADefault = properties(Map.of("lucca.instance", "{{env:LUCCA_INSTANCE:ac{{me}}}}"));

        assertThatExceptionOfType(InvalidSetting.class)
                .isThrownBy(() -> SettingsAsChecked.apply(written, NO_VARIABLES))
                .withMessageStartingWith("Invalid setting JOURNAL_JDBC_URL (journal.jdbc-url): ")
                .withMessageContaining("write it without double braces")
                .withMessageNotContaining("password");
        assertThatExceptionOfType(InvalidSetting.class)
                .isThrownBy(() -> SettingsAsChecked.apply(inADefault, NO_VARIABLES))
                .withMessageStartingWith("Invalid setting LUCCA_INSTANCE (lucca.instance): ");
    }

    @Test
    void aPlaceholderAmongTextIsReadAsCamelReadsItAndItsVariableCheckedToo() {
        PropertiesComponent properties = properties(Map.of(
                "connector.public-base-url", "https://{{env:MYHOST}}.example.org"));

        assertThatCode(() -> SettingsAsChecked.apply(properties, Map.of("MYHOST", "conn")::get))
                .doesNotThrowAnyException();
        PropertiesComponent again = properties(Map.of(
                "connector.public-base-url", "https://{{env:MYHOST}}.example.org"));
        assertThatExceptionOfType(InvalidSetting.class)
                .isThrownBy(() -> SettingsAsChecked.apply(again, Map.of("MYHOST", "{{x}}")::get))
                .withMessageStartingWith("Invalid setting PUBLIC_BASE_URL (connector.public-base-url): its variable "
                        + "MYHOST holds {{ or }}");
    }

    @Test
    void aPlaceholderOfAVariableNotSetWithNoDefaultIsRefusedSinceCamelWouldGiveTheSettingNothing() {
        // a JDBC URL Camel would read as nothing: the embedded journal, each instance its own
        PropertiesComponent properties = properties(Map.of(
                "journal.jdbc-url", "jdbc:postgresql://{{env:DBHOST}}:5432/flatchr"));

        assertThatExceptionOfType(InvalidSetting.class)
                .isThrownBy(() -> SettingsAsChecked.apply(properties, NO_VARIABLES))
                .withMessageStartingWith("Invalid setting JOURNAL_JDBC_URL (journal.jdbc-url): its line reads the "
                        + "variable DBHOST, which is not set, with no default");
        PropertiesComponent set = properties(Map.of(
                "journal.jdbc-url", "jdbc:postgresql://{{env:DBHOST}}:5432/flatchr"));
        assertThatCode(() -> SettingsAsChecked.apply(set, Map.of("DBHOST", "db")::get)).doesNotThrowAnyException();
    }

    @Test
    void aVariableIsLookedUpAsCamelLooksItUpInCapitals() {
        PropertiesComponent properties = properties(Map.of("server.request-timeout-seconds", "{{env:http_timeout}}"));
        PropertiesComponent again = properties(Map.of("server.request-timeout-seconds", "{{env:http_timeout}}"));

        assertThatCode(() -> SettingsAsChecked.apply(properties, Map.of("HTTP_TIMEOUT", "30")::get))
                .doesNotThrowAnyException();
        assertThatExceptionOfType(InvalidSetting.class)
                .isThrownBy(() -> SettingsAsChecked.apply(again, Map.of("http_timeout", "7")::get))
                .withMessageContaining("reads the variable http_timeout, which is not set");
    }

    @Test
    void aLongDefaultIsReadInTimeAndStack() {
        PropertiesComponent properties = properties(Map.of("flatchr.api-base-url",
                "{{env:FLATCHR_API_BASE_URL:https://api.flatchr.io/" + "a".repeat(100_000) + "}}"));

        assertThatCode(() -> SettingsAsChecked.apply(properties, NO_VARIABLES)).doesNotThrowAnyException();
    }

    @Test
    void aDefaultWithSingleBracesIsItsTextAsCamelReadsIt() {
        PropertiesComponent properties = properties(Map.of(
                "lucca.work-email-pattern", "{{env:LUCCA_WORK_EMAIL_PATTERN:{firstname}.{lastname}@acme.fr}}"));

        assertThatCode(() -> SettingsAsChecked.apply(properties, NO_VARIABLES)).doesNotThrowAnyException();
        assertThat(properties.resolveProperty("lucca.work-email-pattern")).hasValue("{firstname}.{lastname}@acme.fr");
    }

    @Test
    void anOlderPropertiesFileWithoutDeclaredKeysIsRefusedNamingEachLineToAdd() {
        // Camel would find nothing for them and the connector take their defaults, their variables never read
        PropertiesComponent properties = properties(Map.of(), "delivery.hire-hold-seconds", "lucca.instance");

        assertThatExceptionOfType(InvalidSetting.class)
                .isThrownBy(() -> SettingsAsChecked.apply(properties, NO_VARIABLES))
                .withMessageContaining("lucca.instance = {{env:LUCCA_INSTANCE:}}")
                .withMessageContaining("delivery.hire-hold-seconds = {{env:HIRE_HOLD_SECONDS:0}}")
                .withMessageNotContaining("\n");
    }

    @Test
    void aShutdownTimeoutCamelMainBoundFromAnotherSpellingThanTheCheckedOneStopsTheStartNamingIt() {
        // Camel Main reads CAMEL_MAIN_SHUTDOWN_TIMEOUT (or -Dcamel.main.shutdownTimeout) too, unchecked: 1000 s
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getPropertiesComponent().setInitialProperties(wholeFile(Map.of("camel.main.shutdown-timeout", "20")));
        SettingsAsChecked.apply(camel.getPropertiesComponent(), NO_VARIABLES);
        camel.getShutdownStrategy().setTimeout(1000);

        assertThatExceptionOfType(InvalidSetting.class).isThrownBy(() -> SettingsAsChecked.checkBound(camel))
                .withMessageStartingWith("Invalid setting CAMEL_MAIN_SHUTDOWNTIMEOUT (camel.main.shutdown-timeout): ")
                .withMessageContaining("CAMEL_MAIN_SHUTDOWN_TIMEOUT");

        camel.getShutdownStrategy().setTimeout(20);
        SettingsAsChecked.checkBound(camel);
    }

    /** A properties file with every declared setting but those left out, at its default unless in {@code values}. */
    private static PropertiesComponent properties(Map<String, String> values, String... leftOut) {
        PropertiesComponent properties = new DefaultCamelContext().getPropertiesComponent();
        properties.setInitialProperties(wholeFile(values, leftOut));
        return properties;
    }

    private static Properties wholeFile(Map<String, String> values, String... leftOut) {
        Properties initial = new Properties();
        Settings.inProperties().forEach(setting -> initial.put(setting.key(), setting.defaultValue()));
        initial.putAll(values);
        Arrays.stream(leftOut).forEach(initial::remove);
        return initial;
    }
}
