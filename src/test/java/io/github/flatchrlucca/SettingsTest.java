package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
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
}
