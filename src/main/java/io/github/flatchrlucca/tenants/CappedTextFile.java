package io.github.flatchrlucca.tenants;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file of settings read whole as UTF-8 text, but never more than a cap: a file larger than any the setting could
 * need is a wrong path (a log, a runaway generator), and reading it whole would fill the heap, at start and again at
 * every reload check. Only the cap and one byte more are read, whatever the file's size. Only a regular file (or a
 * link to one: Kubernetes' and Docker's secrets) is read: a pipe no one writes to would block the read for ever, the
 * start hung instead of refused, or every later reload check with it, and a device has nothing a setting could mean.
 */
final class CappedTextFile {

    private CappedTextFile() {
    }

    /**
     * @throws TooLarge                                  when the file holds more than {@code maxBytes}
     * @throws java.nio.charset.CharacterCodingException when it is not UTF-8 text
     * @throws IOException                               when it cannot be read, or is not a regular file
     */
    static String read(Path path, int maxBytes) throws IOException {
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new IOException("not a regular file: a folder, a pipe or a device");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** The file holds more than the cap; the message says how much that is ("larger than 64 KiB"). */
    static final class TooLarge extends IOException {

        TooLarge(int maxBytes) {
            super("larger than " + (maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MiB"
                    : maxBytes / 1024 + " KiB"));
        }
    }
}
