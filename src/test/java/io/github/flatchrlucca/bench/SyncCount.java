package io.github.flatchrlucca.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The syncs to disk ({@code fsync}, {@code fdatasync}) a server makes while a load runs, as the kernel sees them:
 * {@code strace -c -f} attached to the server's process (every thread) for the run, and detached after. Only those
 * two calls are traced, but every traced process pays for being stopped at its calls: the throughput of a run
 * counted this way is lower than the plain run's, and is reported apart.
 */
final class SyncCount implements AutoCloseable {

    private static final List<String> SYNCS = List.of("fsync", "fdatasync");

    private final Process strace;
    private final Path summary;

    private SyncCount(Process strace, Path summary) {
        this.strace = strace;
        this.summary = summary;
    }

    /** Whether strace can be run here (Debian: {@code apt-get install strace}). */
    static boolean available() {
        try {
            return new ProcessBuilder("strace", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException absent) {
            return false;
        }
    }

    /** Attaches to every thread of {@code pid}, and returns once strace says it is attached. */
    static SyncCount attach(long pid, Path summary) throws IOException {
        Process strace = new ProcessBuilder("strace", "-f", "-c", "-e", "trace=" + String.join(",", SYNCS), "-o",
                summary.toString(), "-p", String.valueOf(pid)).start();
        BufferedReader messages = new BufferedReader(new InputStreamReader(strace.getErrorStream(),
                StandardCharsets.UTF_8));
        for (String line = messages.readLine(); ; line = messages.readLine()) {
            if (line == null) {
                throw new IllegalStateException("strace could not attach to process " + pid);
            }
            if (line.contains("attached")) {
                break;
            }
        }
        // it goes on saying which threads it follows and leaves; unread, its pipe would fill and stop it
        Thread drain = new Thread(() -> {
            try {
                messages.lines().forEach(ignored -> { });
            } catch (UncheckedIOException ended) {
                // strace was stopped: its messages end with it
            }
        }, "strace-messages");
        drain.setDaemon(true);
        drain.start();
        return new SyncCount(strace, summary);
    }

    /** Detaches (strace takes SIGTERM as the end of its count) and returns the syncs it counted. */
    long stop() throws IOException, InterruptedException {
        strace.destroy();
        if (!strace.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("strace did not detach");
        }
        long syncs = 0;
        for (String line : Files.readAllLines(summary)) {
            // % time, seconds, usecs/call, calls, [errors,] syscall
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 5 && SYNCS.contains(columns[columns.length - 1])) {
                syncs += Long.parseLong(columns[3]);
            }
        }
        return syncs;
    }

    @Override
    public void close() {
        strace.destroyForcibly();
    }
}
