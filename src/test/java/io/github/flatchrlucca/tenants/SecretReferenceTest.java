package io.github.flatchrlucca.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretReferenceTest {

    private static final String SECRET = "KEY-7f3a9c-DO-NOT-PRINT";

    @TempDir
    Path dir;

    private final Map<String, String> environment = Map.of("ACME_LUCCA_API_KEY", SECRET, "BLANK", "   ");

    private String resolve(String written) {
        return new SecretReference(name -> Optional.ofNullable(environment.get(name)), dir).resolve(written);
    }

    // ---- ${env:...}

    @ParameterizedTest
    @ValueSource(strings = {"${env:ACME_LUCCA_API_KEY}", "  ${env: ACME_LUCCA_API_KEY }  "})
    void anEnvironmentReferenceIsTheVariablesValue(String written) {
        assertThat(resolve(written)).isEqualTo(SECRET);
    }

    @Test
    void anUnsetVariableIsNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> resolve("${env:ACME_WEBHOOK_TOKEN}"))
                .withMessage("environment variable ACME_WEBHOOK_TOKEN is not set, or blank");
    }

    @Test
    void aBlankVariableCountsAsUnset() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> resolve("${env:BLANK}"))
                .withMessageContaining("BLANK is not set");
    }

    @Test
    void aReferenceNamingNoVariableIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> resolve("${env: }"))
                .withMessage("${env:} names no environment variable");
    }

    // ---- ${file:...}

    @Test
    void aFileReferenceIsTheFilesContentWithoutItsTrailingNewline() throws Exception {
        Path file = Files.writeString(dir.resolve("acme-lucca"), "  " + SECRET + "\n");

        assertThat(resolve("${file:" + file + "}")).isEqualTo(SECRET);
    }

    @Test
    void aRelativePathStartsAtTheBaseDirectory() throws Exception {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/acme-lucca"), SECRET);

        assertThat(resolve("${file:secrets/acme-lucca}")).isEqualTo(SECRET);
    }

    @Test
    void theFileIsReadAsUtf8() throws Exception {
        Files.write(dir.resolve("token"), "clé-très-secrète-éàü".getBytes(StandardCharsets.UTF_8));

        assertThat(resolve("${file:token}")).isEqualTo("clé-très-secrète-éàü");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> resolve("${file:/run/secrets/nowhere}"))
                .withMessage("secret file /run/secrets/nowhere cannot be read (no such file)");
    }

    @Test
    void anEmptyFileIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("empty"), " \n");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> resolve("${file:empty}"))
                .withMessage("secret file " + file + " is empty");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithoutItsContent() throws Exception {
        Files.write(dir.resolve("latin1"), new byte[] {'k', 'e', 'y', (byte) 0xE9});

        assertThatIllegalArgumentException()
                .isThrownBy(() -> resolve("${file:latin1}"))
                .withMessageEndingWith("latin1 is not UTF-8 text")
                .withMessageNotContaining("key");
    }

    @Test
    void aFileTooLargeForASecretIsRefused() throws Exception {
        Files.writeString(dir.resolve("app.log"), "x".repeat(64 * 1024 + 1));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> resolve("${file:app.log}"))
                .withMessageContaining("app.log is larger than 64 KiB");
    }

    @Test
    void aDirectoryIsNotASecretFile() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> resolve("${file:.}"))
                .withMessageStartingWith("secret file " + dir.resolve(".") + " cannot be read");
    }

    // ---- not a reference

    @ParameterizedTest
    @ValueSource(strings = {SECRET, "$ACME_LUCCA_API_KEY", "${ACME_LUCCA_API_KEY}", "${vault:acme}",
            "prefix-${env:ACME_LUCCA_API_KEY}", "", "   "})
    void aValueThatIsNotAReferenceIsRefusedWithoutBeingQuoted(String written) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> resolve(written))
                .withMessage("must be a reference such as ${env:ACME_LUCCA_API_KEY} or "
                        + "${file:/run/secrets/acme-lucca}, never the secret itself");
    }
}
