package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingTypesTest {

    @Test
    void aParserRefusalQuotesTheValueAndTheParsersReason() {
        Setting.Type<String> refusing = SettingTypes.parsed("a thing", value -> {
            throw new IllegalArgumentException("because");
        });

        assertThatIllegalArgumentException().isThrownBy(() -> refusing.read("v")).withMessage("'v' is not a thing (because)");
    }

    @Test
    void whatATypeAcceptsIsSaidOnceAndKeptThroughItsMappings() {
        Setting.Type<Duration> hold = SettingTypes.between(0, 86_400, "from 0 to 86400: seconds").map(Duration::ofSeconds);

        assertThat(hold.accepts()).isEqualTo("from 0 to 86400: seconds");
        assertThat(hold.read("60")).isEqualTo(Duration.ofMinutes(1));
        assertThatIllegalArgumentException().isThrownBy(() -> hold.read("86401"))
                .withMessage("'86401' is not from 0 to 86400: seconds");
        assertThat(SettingTypes.text().accepts()).as("any text").isEmpty();
    }

    @Test
    void everySettingButAFreeTextSaysWhatItAccepts() {
        assertThat(Settings.ALL).filteredOn(setting -> setting.type().accepts().isEmpty())
                .extracting(Setting::env).containsExactlyInAnyOrder("CONFIG_FILE", "ROUTES_DIR",
                        "FLATCHR_RESULT_TAG", "JOURNAL_USER", "JOURNAL_PASSWORD");
    }

    @Test
    void aParserFailureOtherThanARefusalIsNotDisguised() {
        Setting.Type<String> buggy = SettingTypes.parsed("a thing", value -> {
            throw new IllegalStateException("a bug");
        });

        assertThat(catchThrowable(() -> buggy.read("v"))).isExactlyInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            abc         | 'abc' is not a whole number
            1.5         | '1.5' is not a whole number
            +5          | '+5' is not a whole number (digits 0 to 9 only)
            --5         | '--5' is not a whole number (digits 0 to 9 only)
            -1          | must not be negative
            0           | must be greater than zero
            """)
    void aPositiveNumberRefusesWhatIsNot(String text, String problem) {
        assertThatIllegalArgumentException().isThrownBy(() -> SettingTypes.positive().read(text))
                .withMessageStartingWith(problem);
    }

    @Test
    void numbersAreRead() {
        assertThat(SettingTypes.positive().read("5")).isEqualTo(5L);
        assertThat(SettingTypes.nonNegative().read("0")).isZero();
        assertThat(SettingTypes.positive().map(Duration::ofSeconds).read("65")).isEqualTo(Duration.ofSeconds(65));
        assertThat(SettingTypes.between(0, 10, "from 0 to 10").read("10")).isEqualTo(10L);
        assertThatIllegalArgumentException().isThrownBy(() -> SettingTypes.between(0, 10, "from 0 to 10").read("11"))
                .withMessage("'11' is not from 0 to 10");
    }

    @Test
    void anIdTooLargeForAnIntIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> SettingTypes.positiveInt().read("99999999999"))
                .withMessageStartingWith("'99999999999' is not a whole number");
    }

    @Test
    void aPortIsFrom1To65535() {
        assertThat(SettingTypes.port().read("8080")).isEqualTo(8080);
        assertThatIllegalArgumentException().isThrownBy(() -> SettingTypes.port().read("70000"))
                .withMessage("'70000' is not a port number (1 to 65535)");
        assertThatIllegalArgumentException().isThrownBy(() -> SettingTypes.port().read("0"));
        assertThatIllegalArgumentException().isThrownBy(() -> SettingTypes.port().read("+8080"))
                .withMessage("'+8080' is not a port number (digits 0 to 9 only)");
        assertThatIllegalArgumentException().isThrownBy(() -> SettingTypes.port().read("-1"))
                .withMessage("'-1' is not a port number (1 to 65535)");
    }

    @Test
    void aTokenIsSixteenCharactersAtLeastAndNeverRepeated() {
        assertThat(SettingTypes.adminToken().read("0123456789abcdef")).hasSize(16);
        assertThatIllegalArgumentException().isThrownBy(() -> SettingTypes.adminToken().read("s3cret"))
                .withMessage("must be at least 16 characters long");
    }

    @Test
    void anHttpUrlNeedsAHostAndLosesItsTrailingSlashes() {
        assertThat(SettingTypes.httpUrl().read("http://localhost:9090/lucca//"))
                .isEqualTo(URI.create("http://localhost:9090/lucca"));
        assertThatIllegalArgumentException().isThrownBy(() -> SettingTypes.httpUrl().read("https:/path-only"))
                .withMessage("'https:/path-only' is not an http(s) URL with a host");
        assertThatIllegalArgumentException().isThrownBy(() -> SettingTypes.httpUrl().read("ftp://x"));
    }

    @Test
    void aSecretUrlRefusedIsNotRepeated() {
        assertThatIllegalArgumentException().isThrownBy(() -> SettingTypes.secretHttpUrl().read("hooks.slack/T0SECRET"))
                .withMessageNotContaining("T0SECRET");
    }

    // ---- the declaration

    @Test
    void aRefusalNamesTheVariableAndTheKey() {
        Setting<Long> setting = Setting.of("Test", "retry.max-age-hours", "RETRY_MAX_AGE_HOURS", SettingTypes.positive(),
                "How long.");

        assertThatIllegalArgumentException().isThrownBy(() -> setting.read("-1"))
                .isInstanceOf(InvalidSetting.class)
                .withMessage("Invalid setting RETRY_MAX_AGE_HOURS (retry.max-age-hours): must not be negative");
    }

    @Test
    void aNumberTooLargeForWhatItBecomesIsRefusedNamingTheSetting() {
        Setting<java.time.Duration> setting = Setting.of("Test", "retry.max-age-hours", "RETRY_MAX_AGE_HOURS",
                SettingTypes.positive().map(java.time.Duration::ofHours), "How long.");

        assertThatIllegalArgumentException().isThrownBy(() -> setting.read("3000000000000000"))
                .isInstanceOf(InvalidSetting.class)
                .withMessage("Invalid setting RETRY_MAX_AGE_HOURS (retry.max-age-hours): is too large");
    }

    @Test
    void aVariableReadBeforeThePropertiesHasNoKeyToName() {
        assertThat(Settings.LOG_FORMAT.environmentOnly()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> Settings.LOG_FORMAT.read("xml"))
                .withMessage("Invalid setting LOG_FORMAT: 'xml' is not text or json");
    }

    @Test
    void aPropertyLineCarriesTheVariableAndTheDefault() {
        assertThat(Settings.SERVER_PORT.propertyLine()).isEqualTo("camel.server.port = {{env:SERVER_PORT:8080}}");
        assertThat(Settings.LUCCA_API_KEY.propertyLine()).isEqualTo("lucca.api-key = {{env:LUCCA_API_KEY:}}");
        assertThat(Settings.MANAGEMENT_PORT.propertyLine())
                .isEqualTo("camel.management.port = {{env:MANAGEMENT_PORT:{{env:SERVER_PORT:8080}}}}");
    }

    @Test
    void aSecretIsShownMasked() {
        assertThat(Settings.LUCCA_API_KEY.shown("KEY-7f3a9c")).isEqualTo("***");
        assertThat(Settings.SERVER_PORT.shown("8081")).isEqualTo("8081");
    }
}
