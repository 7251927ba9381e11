package io.github.flatchrlucca.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Where, when and how a run was made: figures mean little without it. */
record Machine(Map<String, String> facts) {

    /** What the machine was doing before the run: another process's load makes every figure worse. */
    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** Taken as the run starts: the commit measured, and the load other processes put on the machine. */
    static Machine atStart(Path repository, List<String> javaOptions) throws Exception {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        facts.put("Commit", commit(repository));
        facts.put("Command", "`bench/run.sh`");
        facts.put("Machine", Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
                + memory() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        facts.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        facts.put("JVM options (floor and connector alike)", javaOptions.isEmpty()
                ? "none: the JVM's defaults, as `./run.sh` starts the connector" : "`" + String.join(" ", javaOptions) + "`");
        facts.put("Load average before the run", loadAverage()
                + " (1 minute; much above 0 means another process shared the cores and the figures are pessimistic)");
        return new Machine(facts);
    }

    /** The same facts, and how long the run took since {@code began}. */
    Machine took(Instant began) {
        Map<String, String> all = new LinkedHashMap<>(facts);
        long seconds = Duration.between(began, Instant.now()).toSeconds();
        all.put("Took", seconds / 60 + " min " + seconds % 60 + " s");
        return new Machine(all);
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst().orElse("unknown CPU");
    }

    private static String memory() throws IOException {
        String kib = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D", "");
        return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kib) / 1024.0 / 1024);
    }

    /** The commit measured, and whether the work tree had changes on top of it. */
    private static String commit(Path repository) throws Exception {
        String head = git(repository, "rev-parse", "--short", "HEAD");
        return "`" + head + "`" + (git(repository, "status", "--porcelain", "--untracked-files=no").isEmpty()
                ? "" : " with uncommitted changes");
    }

    private static String git(Path repository, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0) {
            return "unknown";
        }
        return output;
    }
}
