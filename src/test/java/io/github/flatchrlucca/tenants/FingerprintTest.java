package io.github.flatchrlucca.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void theSamePartsGiveTheSameDigestAndNeverThePartsThemselves() {
        assertThat(Fingerprint.of("acme", "s3cret-key")).isEqualTo(Fingerprint.of("acme", "s3cret-key"))
                .doesNotContain("s3cret").hasSize(64);
    }

    @Test
    void aCharacterMovingFromOnePartToTheNextChangesIt() {
        assertThat(Fingerprint.of("ab", "c")).isNotEqualTo(Fingerprint.of("a", "bc"));
    }

    @Test
    void anyChangedPartChangesIt() {
        assertThat(Fingerprint.of("acme", "key-1")).isNotEqualTo(Fingerprint.of("acme", "key-2"));
    }
}
