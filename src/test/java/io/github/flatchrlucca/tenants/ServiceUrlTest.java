package io.github.flatchrlucca.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.flatchrlucca.journal.LuccaKey;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceUrlTest {

    @Test
    void trailingSlashesAreDroppedSoThatPathsAreAppendedAsTheyAre() {
        assertThat(ServiceUrl.of(URI.create("https://acme.ilucca.net//"))).isEqualTo(URI.create("https://acme.ilucca.net"));
        assertThat(ServiceUrl.of(URI.create("http://127.0.0.1:8089/lucca"))).isEqualTo(URI.create("http://127.0.0.1:8089/lucca"));
    }

    @Test
    void theUrlIsLeftAsWrittenItsLuccaHasOneKeyWhateverItsCaseOrDefaultPort() {
        URI capitals = ServiceUrl.of(URI.create("https://Acme.ILucca.net:443/"));
        URI lowerCase = ServiceUrl.of(URI.create("https://acme.ilucca.net"));

        assertThat(capitals.toString()).isEqualTo("https://Acme.ILucca.net:443");
        assertThat(LuccaKey.of(capitals)).isEqualTo(LuccaKey.of(lowerCase));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://acme.ilucca.net", "acme.ilucca.net", "https:/nohost", "mailto:hr@acme.fr"})
    void onlyHttpWithAHost(String written) {
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceUrl.of(URI.create(written)))
                .withMessage("'" + written + "' is not an http(s) URL with a host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hr:s3cr3t@acme.ilucca.net", "ftp://hr:s3cr3t@acme.ilucca.net"})
    void aUrlHoldingCredentialsIsRefusedWithoutBeingRepeated(String written) {
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceUrl.of(URI.create(written)))
                .withMessageStartingWith("holds a user name and password").withMessageNotContaining("s3cr3t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.ilucca.net?key=s3cr3t", "https://acme.ilucca.net/#s3cr3t"})
    void aQueryOrAFragmentIsRefusedForThePathsWouldFollowItWithoutBeingRepeated(String written) {
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceUrl.of(URI.create(written)))
                .withMessage("has a query or a fragment (the value is not shown): the paths called are appended to it");
    }
}
