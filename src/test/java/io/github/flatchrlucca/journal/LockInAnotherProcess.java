package io.github.flatchrlucca.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A JVM of its own at a lock file, as another connector process would be: the OS's locks are per process, which a
 * second channel of the test's own JVM does not show (the JDK refuses it before asking the OS).
 */
public final class LockInAnotherProcess {

    private static final String FREE = "free";
    private static final String HELD = "held";

    private LockInAnotherProcess() {
    }

    /**
     * {@code probe FILE}: says whether it could lock the file ("free") or not ("held"), and ends. {@code hold FILE}:
     * locks it, says so, and keeps it until its input closes.
     */
    public static void main(String[] args) throws IOException {
        try (FileChannel channel = FileChannel.open(Path.of(args[1]), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            System.out.println(lock == null ? HELD : FREE);
            System.out.flush();
            if ("hold".equals(args[0]) && lock != null) {
                while (System.in.read() >= 0) {
                    // held until the test closes its input (or the process is killed)
                }
            }
        }
    }

    /** Whether another process finds the file locked. */
    public static boolean lockedForOthers(Path file) throws IOException, InterruptedException {
        Process probe = start("probe", file);
        String said = firstLine(probe);
        probe.waitFor();
        if (!HELD.equals(said) && !FREE.equals(said)) {
            // a probe that did not run must not pass for a lock released
            throw new IllegalStateException("the probe of " + file + " said " + said);
        }
        return HELD.equals(said);
    }

    /** A process holding the file's lock, once it returns; destroy it (or close its input) to release it. */
    public static Process holding(Path file) throws IOException {
        Process holder = start("hold", file);
        String said = firstLine(holder);
        if (!FREE.equals(said)) {
            holder.destroyForcibly();
            throw new IllegalStateException("the other process could not lock " + file + ": " + said);
        }
        return holder;
    }

    private static Process start(String mode, Path file) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockInAnotherProcess.class.getName(), mode, file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String firstLine(Process process) throws IOException {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
}
