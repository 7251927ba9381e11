package io.github.flatchrlucca.bench;

import io.github.flatchrlucca.fake.FakeLucca;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs every benchmark of BENCHMARKS.md and rewrites its results section: {@code bench/run.sh} builds
 * the jar and starts this from the repository root ({@code bench/run.sh intake hire}: only those steps, printed,
 * not written). The connector and the floor each run in their own
 * JVM; this one is the load generator and the fake Lucca. Deliberately not a test: timings prove
 * nothing on a shared CI machine, and the test suite asserts none.
 */
public final class Benchmarks {

    static final String RESULTS_START = "<!-- Written by bench/run.sh from here on: do not edit by hand. -->";

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        noNagleInTheFakeLucca();
        Path repository = Path.of("").toAbsolutePath();
        Instant began = Instant.now();
        List<String> javaOptions = javaOptions();
        Machine machine = Machine.atStart(repository, javaOptions);
        Path workDir = fresh(repository.resolve("target/bench"));
        Servers servers = new Servers(repository, javaOptions, workDir);
        HireEvents hires = new HireEvents();
        if (args.length > 0 && args[0].equals("lucca")) {
            lucca(machine, began, servers, hires, workDir);
            return;
        }
        if (args.length > 0 && args[0].equals("latency")) {
            progress("hire to employee");
            HireToEmployeeBenchmark.Figures alone = HireToEmployeeBenchmark.measure(servers, hires);
            System.out.printf("%nHire to employee, alone: %d hires, p50 %d ms, p99 %d ms, max %d ms%n",
                    alone.delays().size(), alone.percentile(50).toMillis(), alone.percentile(99).toMillis(),
                    alone.percentile(100).toMillis());
            return;
        }
        if (args.length > 0 && args[0].equals("budget")) {
            progress("Lucca budget (the burst takes a minute and a half at the limit)");
            LuccaBudgetBenchmark.Figures budget = LuccaBudgetBenchmark.measure(servers, hires);
            System.out.println();
            System.out.print(new Report().writeBudget(machine.took(began), budget));
            return;
        }

        // bench/run.sh intake hire: only those steps, each printed once measured; without arguments, every step,
        // written to BENCHMARKS.md
        Set<String> only = Set.of(args);
        FootprintBenchmark.Figures footprint = null;
        if (only.isEmpty()) {
            progress("footprint: " + FootprintBenchmark.STARTS + " starts of each server");
            footprint = FootprintBenchmark.measure(servers, workDir);
        }
        IntakeBenchmark.Figures floor = null;
        IntakeBenchmark.Figures connector = null;
        if (only.isEmpty() || only.contains("intake")) {
            progress("intake: the floor");
            try (JvmServer server = servers.floor()) {
                floor = IntakeBenchmark.measure(server, hires, workDir);
            }
            progress("intake: the connector, delivering to a fake Lucca within the production limit");
            try (FakeLucca lucca = BenchLucca.start();
                 JvmServer server = servers.connector(BenchLucca.settings(lucca))) {
                connector = IntakeBenchmark.measure(server, hires, workDir);
            }
            if (!only.isEmpty()) {
                System.out.print(new Report().writeSome(machine.took(began), floor, connector, null, null));
            }
        }
        HireToEmployeeBenchmark.Figures hireToEmployee = null;
        HireToEmployeeBenchmark.Figures nextToTrouble = null;
        if (only.isEmpty() || only.contains("hire")) {
            progress("hire to employee");
            hireToEmployee = HireToEmployeeBenchmark.measure(servers, hires);
            progress("hire to employee, next to three tenants in trouble");
            nextToTrouble = HireToEmployeeBenchmark.measureNextTo(servers, hires, workDir);
        }
        if (!only.isEmpty()) {
            if (hireToEmployee != null) {
                System.out.print(new Report().writeSome(machine.took(began), null, null, hireToEmployee,
                        nextToTrouble));
            }
            return;
        }
        ToLucca toLucca = ToLucca.measure(servers, hires, workDir);
        progress("reconciliation: " + ReconciliationBenchmark.KNOWN + " known hires, then one missed while down");
        ReconciliationBenchmark.Figures reconciliation = ReconciliationBenchmark.measure(servers, workDir);

        String results = new Report().write(machine.took(began), footprint,
                floor, connector, toLucca.hireToEmployee(), toLucca.nextToTrouble(), toLucca.budget(), reconciliation);
        writeResults(repository.resolve("BENCHMARKS.md"), results);
        System.out.println();
        System.out.print(results);
    }

    /** Steps 2 and 3 alone, what Lucca's budget and a hire's way to Lucca cost: printed, not written. */
    private static void lucca(Machine machine, Instant began, Servers servers, HireEvents hires, Path workDir)
            throws Exception {
        ToLucca toLucca = ToLucca.measure(servers, hires, workDir);
        System.out.println();
        System.out.print(new Report().writeLucca(machine.took(began), toLucca.hireToEmployee(), toLucca.nextToTrouble(),
                toLucca.budget()));
    }

    /** Steps 2 and 3: a hire's way to Lucca, and what hires cost of Lucca's budget. */
    private record ToLucca(HireToEmployeeBenchmark.Figures hireToEmployee, HireToEmployeeBenchmark.Figures nextToTrouble,
                           LuccaBudgetBenchmark.Figures budget) {

        static ToLucca measure(Servers servers, HireEvents hires, Path workDir) throws Exception {
            progress("hire to employee");
            HireToEmployeeBenchmark.Figures alone = HireToEmployeeBenchmark.measure(servers, hires);
            progress("hire to employee, next to three tenants in trouble");
            HireToEmployeeBenchmark.Figures nextToTrouble = HireToEmployeeBenchmark.measureNextTo(servers, hires, workDir);
            progress("Lucca budget (the burst takes a minute and a half at the limit)");
            return new ToLucca(alone, nextToTrouble, LuccaBudgetBenchmark.measure(servers, hires));
        }
    }

    /**
     * The fake Lucca (the JDK's HttpServer) writes an answer's headers and body apart, and by default
     * with Nagle's algorithm on: the body then waits for the client's delayed ACK, 40 ms on Linux,
     * which Lucca's own servers do not add and the connector would be charged for. Read once, when the
     * first HttpServer starts.
     */
    static void noNagleInTheFakeLucca() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** {@code JAVA_OPTS}, for both servers alike; none when unset (unlike {@code ./run.sh}, which then has its own). */
    private static List<String> javaOptions() {
        String options = System.getenv().getOrDefault("JAVA_OPTS", "").trim();
        return options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+"));
    }

    /** Keeps what BENCHMARKS.md says by hand, and replaces the results of the previous run. */
    private static void writeResults(Path file, String results) throws IOException {
        String kept = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n";
        int start = kept.indexOf(RESULTS_START);
        String head = start < 0 ? kept : kept.substring(0, start);
        Files.writeString(file, head + RESULTS_START + "\n\n" + results);
    }

    /** Journals of a previous run can weigh gigabytes: each run starts from an empty directory. */
    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static void progress(String step) {
        System.out.println("bench: " + step);
    }
}
