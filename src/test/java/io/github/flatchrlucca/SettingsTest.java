package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.flatchrlucca.mapping.AsciiDigits;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void everyDefaultIsAValueOfItsOwnType() {
        Settings.ALL.stream().filter(Setting::hasDefault).forEach(setting ->
                assertThat(setting.read(setting.defaultValue())).as(setting.env()).isNotNull());
    }

    @Test
    void eachKeyAndVariableIsDeclaredOnce() {
        Set<String> keys = new HashSet<>();
        Set<String> variables = new HashSet<>();
        Settings.ALL.forEach(setting -> {
            assertThat(variables.add(setting.env())).as(setting.env()).isTrue();
            assertThat(setting.environmentOnly() || keys.add(setting.key())).as(setting.key()).isTrue();
        });
    }

    /** application.properties is read as ISO-8859-1: its comments stay ASCII, readable in any editor. */
    @Test
    void whatTheDeclarationsSayIsAscii() {
        Settings.ALL.forEach(setting -> assertThat(setting.description() + setting.whenUnset() + setting.example()
                + setting.defaultValue()).as(setting.env()).matches("\\p{ASCII}*"));
    }

    @Test
    void everySecretIsOneAndOnlySecretsAre() {
        assertThat(Settings.ALL.stream().filter(Setting::secret).map(Setting::env))
                .containsExactlyInAnyOrder("FLATCHR_WEBHOOK_TOKEN", "FLATCHR_API_KEY", "LUCCA_API_KEY",
                        "JOURNAL_PASSWORD", "ADMIN_TOKEN", "ALERT_WEBHOOK_URL",
                        // not secrets themselves, but a JDBC URL may hold a password, and the company key names the customer
                        "JOURNAL_JDBC_URL", "FLATCHR_COMPANY_KEY");
    }

    /**
     * Camel reads a number setting's text again itself (a timer's period or delay, a port, the shutdown timeout) and
     * takes a '+' or another script's digits otherwise than the check would: "+250" as a period of 0 ms, a timer
     * that runs once and stops. Every setting that is a number refuses them, in one line that names it.
     */
    @Test
    void everyNumberSettingTakesTheDigits0To9Alone() {
        Map<Setting<?>, String> numbers = new LinkedHashMap<>();
        Settings.ALL.forEach(setting -> numberTakenBy(setting).ifPresent(number -> numbers.put(setting, number)));

        assertThat(numbers.keySet()).as("the number settings found").contains(Settings.SERVER_PORT,
                Settings.MANAGEMENT_PORT, Settings.SHUTDOWN_TIMEOUT, Settings.MAX_BODY_BYTES,
                Settings.TENANTS_RELOAD_INTERVAL, Settings.DELIVERY_POLL_INTERVAL, Settings.BATCH_SIZE,
                Settings.ALERT_CHECK_INTERVAL, Settings.ALERT_RETRY_DELAY, Settings.RETENTION_CHECK_INTERVAL,
                Settings.LUCCA_TIMEOUT, Settings.FLATCHR_COMPANY_ID, Settings.RETENTION, Settings.LEGAL_ENTITY_ID);
        numbers.forEach((setting, number) -> {
            for (String written : List.of("+" + number, arabicIndic(number))) {
                assertThat(catchThrowable(() -> setting.read(written))).as(setting.env() + "=" + written)
                        .isInstanceOf(InvalidSetting.class)
                        .hasMessageStartingWith(setting.refusal("").getMessage())
                        .hasMessageNotContaining("\n");
            }
        });
    }

    /** A whole number {@code setting} takes, when it is a number: a setting that takes a word is some text. */
    private static Optional<String> numberTakenBy(Setting<?> setting) {
        if (takes(setting, "abc")) {
            return Optional.empty();
        }
        return Stream.of(setting.defaultValue(), "1", "60", "100", "4242")
                .filter(AsciiDigits::only)
                .filter(number -> takes(setting, number))
                .findFirst();
    }

    private static boolean takes(Setting<?> setting, String text) {
        try {
            setting.read(text);
            return true;
        } catch (InvalidSetting refused) {
            return false;
        }
    }

    /** "60" in Arabic-Indic digits, which Java's parsers read as 60. */
    private static String arabicIndic(String number) {
        return number.chars().mapToObj(digit -> String.valueOf((char) ('\u0660' + digit - '0')))
                .collect(Collectors.joining());
    }
}
