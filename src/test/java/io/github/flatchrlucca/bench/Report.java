package io.github.flatchrlucca.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The figures of one run as the Markdown section of BENCHMARKS.md that bench/run.sh rewrites. */
final class Report {

    private final StringBuilder out = new StringBuilder();

    String write(Machine machine, FootprintBenchmark.Figures footprint, IntakeBenchmark.Figures floor,
                 IntakeBenchmark.Figures connector, HireToEmployeeBenchmark.Figures hireToEmployee,
                 HireToEmployeeBenchmark.Figures nextToTrouble, LuccaBudgetBenchmark.Figures budget,
                 ReconciliationBenchmark.Figures reconciliation) {
        machine(machine);
        intake(floor, connector);
        hireToEmployee(hireToEmployee, nextToTrouble);
        budget(budget);
        footprint(footprint, floor, connector);
        reconciliation(reconciliation);
        return out.toString();
    }

    /** Steps 2 and 3 alone ({@code bench/run.sh lucca}): printed, BENCHMARKS.md is left as it is. */
    String writeLucca(Machine machine, HireToEmployeeBenchmark.Figures hireToEmployee,
                      HireToEmployeeBenchmark.Figures nextToTrouble, LuccaBudgetBenchmark.Figures budget) {
        machine(machine);
        hireToEmployee(hireToEmployee, nextToTrouble);
        budget(budget);
        return out.toString();
    }

    /** Step 3 alone ({@code bench/run.sh budget}): printed, BENCHMARKS.md is left as it is. */
    String writeBudget(Machine machine, LuccaBudgetBenchmark.Figures budget) {
        machine(machine);
        budget(budget);
        return out.toString();
    }

    /** The steps {@code bench/run.sh intake hire} ran (null: not run), for the terminal only. */
    String writeSome(Machine machine, IntakeBenchmark.Figures floor, IntakeBenchmark.Figures connector,
                     HireToEmployeeBenchmark.Figures hireToEmployee, HireToEmployeeBenchmark.Figures nextToTrouble) {
        machine(machine);
        if (connector != null) {
            intake(floor, connector);
        }
        if (hireToEmployee != null) {
            hireToEmployee(hireToEmployee, nextToTrouble);
        }
        return out.toString();
    }

    private void reconciliation(ReconciliationBenchmark.Figures figures) {
        line("### 5. Never miss a hire: Flatchr's API");
        line();
        line("A search of Flatchr's (fake) API answering " + ReconciliationBenchmark.KNOWN + " hired candidates, all "
                + "already in the journal (an operator's backfill, timed from the benchmark); then the connector is "
                + "stopped, a hire is made in Flatchr, and the connector is started again (search interval "
                + figures.interval().toSeconds() + " s) against a fake Lucca answering in 20 ms.");
        line();
        row("", "");
        row("---", "---:");
        row("Calls to Flatchr for the " + ReconciliationBenchmark.KNOWN + " known candidates",
                String.valueOf(figures.flatchrCalls()));
        row("Found / recorded", figures.found() + " / " + figures.recorded());
        row("Wall time of the search", millis(figures.knownRun()));
        row("Server CPU of the search", millis(figures.knownRunCpu()));
        row("`java` started again to the missed hire's user in Lucca", seconds(figures.backUp()));
        row("of which `java` to its first HTTP answer", seconds(figures.startup()));
        line();
    }

    private void machine(Machine machine) {
        line("## Latest run");
        line();
        row("", "");
        row("---", "---");
        machine.facts().forEach(this::row);
        line();
    }

    private void intake(IntakeBenchmark.Figures floor, IntakeBenchmark.Figures connector) {
        line("### 1. Intake: durable webhooks");
        line();
        line("Distinct hires posted over loopback by the benchmark JVM: " + IntakeBenchmark.SATURATION_CONNECTIONS
                + " keep-alive connections sending back to back (saturation), then an open loop at each fixed rate, "
                + "latency counted from each webhook's scheduled send time. 10 s per step after a 10 s warm-up. "
                + "The connector commits each hire to its journal, and has it synced to disk, before its 202; the floor "
                + "only parses the JSON.");
        line();
        row("", "floor", "connector", "connector / floor");
        row("---", "---:", "---:", "---:");
        row("Accepted per second at saturation", count(floor.saturation().acceptedPerSecond()),
                count(connector.saturation().acceptedPerSecond()),
                ratio(connector.saturation().acceptedPerSecond() / floor.saturation().acceptedPerSecond()));
        row("Server CPU per webhook at saturation", millis(floor.cpuPerWebhook()), millis(connector.cpuPerWebhook()),
                ratio(connector.cpuPerWebhook().toNanos() / (double) floor.cpuPerWebhook().toNanos()));
        row("p50 / p99 at saturation", latencies(floor.saturation()), latencies(connector.saturation()), "");
        for (int rate : IntakeBenchmark.RATES) {
            LoadRun floorRun = floor.atRates().get(rate);
            LoadRun connectorRun = connector.atRates().get(rate);
            if (floorRun == null || connectorRun == null) {
                row("p50 / p99 at " + rate + " per second", floorRun == null ? "above its saturation" : latencies(floorRun),
                        connectorRun == null ? "above its saturation" : latencies(connectorRun), "");
                continue;
            }
            row("p50 / p99 at " + rate + " per second", latencies(floorRun), latencies(connectorRun),
                    ratio(connectorRun.latency(50).toNanos() / (double) floorRun.latency(50).toNanos()) + " / "
                            + ratio(connectorRun.latency(99).toNanos() / (double) floorRun.latency(99).toNanos()));
        }
        row("Webhooks not accepted (any run)", String.valueOf(floor.failed()), String.valueOf(connector.failed()), "");
        line();
        syncs(floor, connector);
    }

    private void syncs(IntakeBenchmark.Figures floor, IntakeBenchmark.Figures connector) {
        if (connector.synced().isEmpty()) {
            line("Syncs to disk not counted: strace is not installed (`apt-get install strace`).");
            line();
            return;
        }
        line("Syncs to disk (`fsync`, `fdatasync`), counted by `strace -c -f` attached to each server for a closed-loop "
                + "run of " + IntakeBenchmark.SYNCED_STEP.toSeconds() + " s. Each traced call stops the server, so "
                + "these runs are slower than the plain ones above; they show how many webhooks one sync carries.");
        line();
        row("Connections, under strace", "floor: accepted per second", "connector: accepted per second",
                "connector: syncs", "connector: syncs per webhook");
        row("---:", "---:", "---:", "---:", "---:");
        for (int i = 0; i < connector.synced().size(); i++) {
            IntakeBenchmark.Synced run = connector.synced().get(i);
            String floorRate = i < floor.synced().size() ? count(floor.synced().get(i).run().acceptedPerSecond()) : "";
            row(String.valueOf(run.connections()), floorRate, count(run.run().acceptedPerSecond()),
                    String.valueOf(run.syncs()), decimal(run.syncsPerWebhook()));
        }
        line();
    }

    private void hireToEmployee(HireToEmployeeBenchmark.Figures alone, HireToEmployeeBenchmark.Figures nextToTrouble) {
        line("### 2. Hire to employee");
        line();
        line(alone.hires() + " hires, " + HireToEmployeeBenchmark.PER_SECOND + " a second (after a warm-up), "
                + "each timed from its 202 to the arrival in Lucca of the create that made its user. The fake Lucca "
                + "answers every call in " + BenchLucca.LATENCY.toMillis() + " ms; no rate limit on either side. "
                + "Then the same tenant again, sharing the connector with three tenants in trouble, each with "
                + NoisyNeighbours.HIRES_EACH + " hires queued: one whose Lucca hangs, one whose key Lucca rejects, "
                + "one that Lucca asked to pause for an hour (429).");
        line();
        row("", "Hires delivered", "p50", "p99", "max");
        row("---", "---:", "---:", "---:", "---:");
        row("Alone", String.valueOf(alone.delays().size()), millis(alone.percentile(50)),
                millis(alone.percentile(99)), millis(alone.percentile(100)));
        row("Next to three tenants in trouble", String.valueOf(nextToTrouble.delays().size()),
                millis(nextToTrouble.percentile(50)), millis(nextToTrouble.percentile(99)),
                millis(nextToTrouble.percentile(100)));
        line();
    }

    private void budget(LuccaBudgetBenchmark.Figures figures) {
        line("### 3. Lucca budget");
        line();
        line("Calls per hire on the happy path: one hire first (it also reads the department list and Lucca's people), "
                + "then " + LuccaBudgetBenchmark.HIRES_COUNTED + " hires counted, 5 a second, with the department "
                + "list cached (each delivery round reads who changed in Lucca: one call for every hire of the round).");
        line();
        LuccaBudgetBenchmark.Calls without = figures.withoutContractType();
        LuccaBudgetBenchmark.Calls with = figures.withContractType();
        row("Call", "no contract type mapped", "contract type mapped");
        row("---", "---:", "---:");
        TreeSet<String> calls = new TreeSet<>(without.perHire().keySet());
        calls.addAll(with.perHire().keySet());
        for (String call : calls) {
            row("`" + call + "`", decimal(without.perHire().getOrDefault(call, 0.0)),
                    decimal(with.perHire().getOrDefault(call, 0.0)));
        }
        row("**Per hire, department list cached**", "**" + decimal(without.perHireTotal()) + "**",
                "**" + decimal(with.perHireTotal()) + "**");
        row("First hire, department list read", total(without.firstHire()), total(with.firstHire()));
        line();
        LuccaBudgetBenchmark.Burst burst = figures.burst();
        line("A burst of " + burst.hires() + " hires (no contract type) under a limit of "
                + LuccaBudgetBenchmark.LIMIT_REQUESTS + " requests per " + LuccaBudgetBenchmark.LIMIT_WINDOW.toSeconds()
                + " s, set alike in the connector and enforced by the fake Lucca (a 429 with Retry-After above it), "
                + "against the " + burst.hires() + " creates alone at that limit:");
        line();
        row("Lucca calls", "Calls per hire", "Creates at the limit", "Took (first 202 to last user)",
                "Took / creates at the limit", "429s drawn",
                "Most requests in any " + LuccaBudgetBenchmark.LIMIT_WINDOW.toSeconds() + " s");
        row("---:", "---:", "---:", "---:", "---:", "---:", "---:");
        row(String.valueOf(burst.calls()), decimal(burst.callsPerHire()), seconds(burst.createsAtTheLimit()),
                seconds(burst.total()), ratio(burst.total().toNanos() / (double) burst.createsAtTheLimit().toNanos()),
                String.valueOf(burst.tooManyRequests()), String.valueOf(burst.mostInAWindow()));
        line();
    }

    private void footprint(FootprintBenchmark.Figures figures, IntakeBenchmark.Figures floor,
                           IntakeBenchmark.Figures connector) {
        line("### 4. Footprint");
        line();
        row("", "floor", "connector");
        row("---", "---:", "---:");
        row("`java` to first HTTP answer, median of " + FootprintBenchmark.STARTS + " (each start)",
                seconds(figures.floor().median()) + " (" + each(figures.floor().times()) + ")",
                seconds(figures.connector().median()) + " (" + each(figures.connector().times()) + ")");
        row("Resident memory, idle after start", mebibytes(figures.floor().residentMiB()),
                mebibytes(figures.connector().residentMiB()));
        row("Resident memory after the intake run", mebibytes(floor.residentMiB()), mebibytes(connector.residentMiB()));
        row("Jar (`target/flatchr-lucca.jar`, both run from it)", "", mebibytes(figures.jarBytes() / 1024.0 / 1024));
        line();
    }

    private void row(String... cells) {
        line("| " + String.join(" | ", cells) + " |");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }

    private static String latencies(LoadRun run) {
        return millis(run.latency(50)) + " / " + millis(run.latency(99));
    }

    private static String total(Map<String, Long> calls) {
        return String.valueOf(calls.values().stream().mapToLong(Long::longValue).sum());
    }

    private static String each(List<Duration> times) {
        return String.join(", ", times.stream().map(Report::seconds).toList());
    }

    static String millis(Duration duration) {
        double ms = duration.toNanos() / 1e6;
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.0f ms", ms);
    }

    static String seconds(Duration duration) {
        double s = duration.toNanos() / 1e9;
        return String.format(Locale.ROOT, s < 10 ? "%.2f s" : "%.1f s", s);
    }

    private static String mebibytes(double mib) {
        return String.format(Locale.ROOT, "%.0f MiB", mib);
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f×" : "%.0f×", value);
    }
}
