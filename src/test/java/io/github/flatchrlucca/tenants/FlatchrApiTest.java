package io.github.flatchrlucca.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlatchrApiTest {

    private static final String KEY = "flatchrKEY9b2e4dDONOTPRINT";
    private static final String COMPANY = "Wy3EOp2NP3p1KMq8";

    private static FlatchrApi api(String baseUrl, String key, String company, Duration interval, Duration lookback,
                                  Optional<String> tag) {
        return new FlatchrApi(URI.create(baseUrl), key, company, interval, lookback, tag);
    }

    private static FlatchrApi api(Duration interval, Optional<String> tag) {
        return api("https://api.flatchr.io", KEY, COMPANY, interval, Duration.ofDays(3), tag);
    }

    @Test
    void theBaseUrlLosesItsTrailingSlashes() {
        assertThat(api("https://api.demo.flatchr.io//", KEY, COMPANY, Duration.ofSeconds(900), Duration.ofDays(3),
                Optional.empty()).baseUrl()).isEqualTo(URI.create("https://api.demo.flatchr.io"));
    }

    @Test
    void aZeroIntervalNeverReconcilesAndNoTagNeverWritesBack() {
        FlatchrApi writeBackOnly = api(Duration.ZERO, Optional.of("Lucca"));
        FlatchrApi reconcileOnly = api(Duration.ofSeconds(900), Optional.empty());

        assertThat(writeBackOnly.reconciles()).isFalse();
        assertThat(writeBackOnly.resultTag()).isPresent();
        assertThat(reconcileOnly.reconciles()).isTrue();
        assertThat(reconcileOnly.resultTag()).isEmpty();
    }

    @Test
    void itsTextNeverHasTheKey() {
        FlatchrApi api = api(Duration.ZERO, Optional.of("Lucca"));

        assertThat(api.toString()).doesNotContain(KEY).isEqualTo("FlatchrApi[baseUrl=https://api.flatchr.io, "
                + "apiKey=***, companyKey=***, reconcileInterval=never, reconcileLookback=3d, "
                + "resultTag=Lucca]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242", "Ab3EOp2", "Ab3EOp2N-P3p1KMq8", "Ab3EOp2NP3p1 KMq8"})
    void aCompanyKeyOfAnotherShapeIsRefused(String company) {
        assertThatIllegalArgumentException().isThrownBy(() -> api("https://api.flatchr.io", KEY, company,
                Duration.ZERO, Duration.ofDays(3), Optional.empty()))
                .withMessageStartingWith("the Flatchr company key ").withMessageNotContaining(company);
    }

    @Test
    void refusalsNeverRepeatTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> api("https://api.flatchr.io", KEY, KEY,
                Duration.ZERO, Duration.ofDays(3), Optional.empty())).withMessageNotContaining(KEY);
        assertThatIllegalArgumentException().isThrownBy(() -> api("https://api.flatchr.io", KEY + "\n" + KEY, COMPANY,
                Duration.ZERO, Duration.ofDays(3), Optional.empty())).withMessageNotContaining(KEY);
        assertThatIllegalArgumentException().isThrownBy(() -> api("https://api.flatchr.io", " ", COMPANY,
                Duration.ZERO, Duration.ofDays(3), Optional.empty())).withMessage("the Flatchr API key is blank");
    }

    @Test
    void everyComponentIsChecked() {
        assertThatIllegalArgumentException().isThrownBy(() -> api("ftp://api.flatchr.io", KEY, COMPANY,
                Duration.ZERO, Duration.ofDays(3), Optional.empty())).withMessageContaining("http(s)");
        assertThatIllegalArgumentException().isThrownBy(() -> api(Duration.ofSeconds(-1), Optional.empty()))
                .withMessageContaining("interval");
        assertThatIllegalArgumentException().isThrownBy(() -> api(Duration.ofSeconds(59), Optional.empty()))
                .withMessage("the reconcile interval 59 s is not 0 (never), or from 60 (a minute) to 604800 (a week): "
                        + "seconds, not milliseconds");
        assertThat(api(Duration.ofSeconds(60), Optional.empty()).reconciles()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> api("https://api.flatchr.io", KEY, COMPANY,
                Duration.ZERO, Duration.ofHours(36), Optional.empty())).withMessageContaining("whole number of days");
        assertThatIllegalArgumentException().isThrownBy(() -> api("https://api.flatchr.io", KEY, COMPANY,
                Duration.ZERO, Duration.ZERO, Optional.empty())).withMessageContaining("at least one");
        assertThatIllegalArgumentException().isThrownBy(() -> api(Duration.ZERO, Optional.of(" ")))
                .withMessageContaining("result tag");
    }
}
