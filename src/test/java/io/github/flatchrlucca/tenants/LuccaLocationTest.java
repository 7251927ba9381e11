package io.github.flatchrlucca.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LuccaLocationTest {

    private static final URI ACME = URI.create("https://acme.ilucca.net");
    private static final URI SANDBOX = URI.create("https://sandbox.example.org");

    @Test
    void anInstanceNameIsAnIluccaHostInLowerCase() {
        assertThat(LuccaLocation.instance("ACME-Group", "LUCCA_BASE_URL"))
                .isEqualTo(URI.create("https://acme-group.ilucca.net"));
    }

    @Test
    void aHostIsNotAnInstanceNameAndTheRefusalSaysWhatToSetInstead() {
        assertThatIllegalArgumentException().isThrownBy(() -> LuccaLocation.instance("acme.ilucca.net", "lucca.baseUrl"))
                .withMessage("'acme.ilucca.net' is not an instance name such as 'acme' (for acme.ilucca.net); "
                        + "use lucca.baseUrl for other hosts");
    }

    @Test
    void oneOfTheTwoOrNeither() {
        assertThat(LuccaLocation.of(Optional.of(SANDBOX), Optional.empty())).contains(SANDBOX);
        assertThat(LuccaLocation.of(Optional.empty(), Optional.of(ACME))).contains(ACME);
        assertThat(LuccaLocation.of(Optional.empty(), Optional.empty())).as("dry-run").isEmpty();
    }

    @Test
    void bothAreRefusedForWhichWasMeantCannotBeTold() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LuccaLocation.of(Optional.of(SANDBOX), Optional.of(ACME)))
                .withMessage("keep one");
    }

    @Test
    void aLuccaAndItsKeyGoTogether() {
        assertThat(LuccaLocation.apiKeyProblem(true, true, "lucca.baseUrl", "lucca.instance")).isEmpty();
        assertThat(LuccaLocation.apiKeyProblem(false, false, "lucca.baseUrl", "lucca.instance")).as("dry-run").isEmpty();
        assertThat(LuccaLocation.apiKeyProblem(true, false, "lucca.baseUrl", "lucca.instance")).contains("is required");
        assertThat(LuccaLocation.apiKeyProblem(false, true, "LUCCA_BASE_URL", "LUCCA_INSTANCE"))
                .contains("is given, but neither LUCCA_BASE_URL nor LUCCA_INSTANCE says where to send it; remove the "
                        + "key to run this tenant dry");
    }
}
