package io.github.flatchrlucca.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookTokenTest {

    @TempDir
    Path dataDir;

    @Test
    void aConfiguredTokenIsUsedAndNotWritten() {
        WebhookToken token = WebhookToken.configuredOrKept(Optional.of("s3cret-from-env-0001"), dataDir);

        assertThat(token.reveal()).isEqualTo("s3cret-from-env-0001");
        assertThat(token.generated()).isFalse();
        assertThat(dataDir.resolve("webhook-token")).doesNotExist();
    }

    @Test
    void aConfiguredTokenWinsOverAKeptOne() throws IOException {
        Files.writeString(dataDir.resolve("webhook-token"), "kept-token-0123456789\n");

        WebhookToken token = WebhookToken.configuredOrKept(Optional.of("s3cret-from-env-0001"), dataDir);

        assertThat(token.reveal()).isEqualTo("s3cret-from-env-0001");
    }

    @Test
    void withoutConfiguredTokenANewOneIsGeneratedAndKept() throws IOException {
        WebhookToken token = WebhookToken.configuredOrKept(Optional.empty(), dataDir);

        assertThat(token.generated()).isTrue();
        assertThat(token.reveal()).matches("[0-9a-f]{48}");
        assertThat(Files.readString(dataDir.resolve("webhook-token"))).isEqualTo(token.reveal() + "\n");
    }

    @Test
    void aGeneratedTokenFileIsReadableByItsOwnerOnly() throws IOException {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"), "a POSIX file system");

        WebhookToken.configuredOrKept(Optional.empty(), dataDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("webhook-token"))))
                .isEqualTo("rw-------");
    }

    @Test
    void theDataDirectoryIsCreatedIfNeeded() {
        Path missing = dataDir.resolve("not/yet");

        WebhookToken token = WebhookToken.configuredOrKept(Optional.empty(), missing);

        assertThat(missing.resolve("webhook-token")).hasContent(token.reveal());
    }

    @Test
    void twoGeneratedTokensDiffer() {
        WebhookToken first = WebhookToken.configuredOrKept(Optional.empty(), dataDir.resolve("a"));
        WebhookToken second = WebhookToken.configuredOrKept(Optional.empty(), dataDir.resolve("b"));

        assertThat(first.reveal()).isNotEqualTo(second.reveal());
    }

    @Test
    void theKeptTokenIsReadBackOnTheNextStartAndNotGeneratedAgain() {
        WebhookToken first = WebhookToken.configuredOrKept(Optional.empty(), dataDir);

        WebhookToken second = WebhookToken.configuredOrKept(Optional.empty(), dataDir);

        assertThat(second.reveal()).isEqualTo(first.reveal());
        assertThat(second.generated()).isFalse();
    }

    @Test
    void aKeptTokenIsReadWithoutItsLineEnd() throws IOException {
        Files.writeString(dataDir.resolve("webhook-token"), "  kept-token-0123456789\r\n");

        assertThat(WebhookToken.configuredOrKept(Optional.empty(), dataDir).matches("kept-token-0123456789")).isTrue();
    }

    @Test
    void theTokenMatchesItself() {
        WebhookToken token = WebhookToken.configuredOrKept(Optional.of("s3cret-0123456789"), dataDir);

        assertThat(token.matches("s3cret-0123456789")).isTrue();
    }

    @Test
    void anotherTokenDoesNotMatch() {
        WebhookToken token = WebhookToken.configuredOrKept(Optional.of("s3cret-0123456789"), dataDir);

        assertThat(token.matches("S3CRET")).isFalse();
        assertThat(token.matches("s3cret-012345678")).isFalse();
        assertThat(token.matches("s3cret ")).isFalse();
    }

    @Test
    void noTokenDoesNotMatch() {
        WebhookToken token = WebhookToken.configuredOrKept(Optional.of("s3cret-0123456789"), dataDir);

        assertThat(token.matches(null)).isFalse();
        assertThat(token.matches("")).isFalse();
    }

    @Test
    void anEmptyKeptFileDoesNotOpenTheWebhookToCallsWithoutToken() throws IOException {
        // a crash between creating the file and writing it leaves it empty
        Files.writeString(dataDir.resolve("webhook-token"), "");

        WebhookToken token = WebhookToken.configuredOrKept(Optional.empty(), dataDir);

        assertThat(token.matches(null)).isFalse();
        assertThat(token.matches("")).isFalse();
    }

    @Test
    void aConfiguredTokenTooShortToBeASecretIsRefused() {
        // the start stops on it earlier, naming FLATCHR_WEBHOOK_TOKEN (ConnectorSettings); this is the last guard
        assertThatThrownBy(() -> WebhookToken.configuredOrKept(Optional.of("short"), dataDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 characters");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"token+with+plus0", "token&with=amp01", "token#fragment01",
        "token with space", "token-é-accent-01"})
    void aTokenAUrlWouldChangeIsRefusedWithoutBeingRepeated(String written) {
        assertThatThrownBy(() -> WebhookToken.of(written))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("may hold only letters, digits and . _ ~ - (it travels in the webhook URL's query string)");
    }

    @Test
    void aKeptTokenTooShortIsReplacedByANewOne() throws IOException {
        Files.writeString(dataDir.resolve("webhook-token"), "abc\n");

        WebhookToken token = WebhookToken.configuredOrKept(Optional.empty(), dataDir);

        assertThat(token.generated()).isTrue();
        assertThat(token.matches("abc")).isFalse();
        assertThat(Files.readString(dataDir.resolve("webhook-token")).trim()).isEqualTo(token.reveal());
    }
}
