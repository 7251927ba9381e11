package io.github.flatchrlucca.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuccaKeyTest {

    private static final String ACME = "https://acme.ilucca.net";

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.ilucca.net", "https://Acme.ILucca.net", "HTTPS://ACME.ILUCCA.NET",
            "https://acme.ilucca.net:443", "https://Acme.ilucca.net:443/", "https://acme.ilucca.net//"})
    void oneLuccaWrittenInAnyCaseWithOrWithoutItsDefaultPortOrASlashHasOneKey(String written) {
        assertThat(LuccaKey.of(URI.create(written))).isEqualTo(ACME);
    }

    @Test
    void aPortThatIsNotTheSchemesDefaultAndThePathsCaseAreKept() {
        assertThat(LuccaKey.of(URI.create("https://Acme.ilucca.net:8443/Api/"))).isEqualTo("https://acme.ilucca.net:8443/Api");
        assertThat(LuccaKey.of(URI.create("http://127.0.0.1:443/lucca"))).isEqualTo("http://127.0.0.1:443/lucca");
        assertThat(LuccaKey.of(URI.create("HTTP://Localhost:80/lucca"))).isEqualTo("http://localhost/lucca");
        assertThat(LuccaKey.of(URI.create("https://acme.ilucca.net/api")))
                .isNotEqualTo(LuccaKey.of(URI.create("https://acme.ilucca.net/API")));
    }

    @Test
    void aKeyKeptInAnEarlierSpellingNamesTheSameLuccaAndNoOther() {
        assertThat(LuccaKey.same("https://Acme.ilucca.net", ACME)).isTrue();
        assertThat(LuccaKey.same("https://acme.ilucca.net:443", ACME)).isTrue();
        assertThat(LuccaKey.same(ACME, ACME)).isTrue();
        assertThat(LuccaKey.same("https://acme-new.ilucca.net", ACME)).isFalse();
        assertThat(LuccaKey.same("https://acme.ilucca.net:8443", ACME)).isFalse();
        assertThat(LuccaKey.same("dry-run:acme", ACME)).as("a dry run's is no Lucca's").isFalse();
        assertThat(LuccaKey.same("not a url", ACME)).isFalse();
        assertThat(LuccaKey.same(ACME, null)).as("no Lucca now").isFalse();
    }
}
