package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages import downwards, never in circles (of any length): operations on top; intake, delivery,
 * reconciliation, write-back below; lucca, flatchr, tenants, mapping, journal under them; http and signals at the
 * bottom. Read from the main sources' imports and fully qualified names, so that the rule holds from now on. The
 * root package wires everything and is left out: it may import every package and none imports it.
 */
class PackageLayersTest {

    private static final String ROOT = "io.github.flatchrlucca";
    private static final Path SOURCES = Path.of("src/main/java/io/github/flatchrlucca");
    // Any mention of a class of another package in code: an import, a static import, or a fully qualified name.
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.github\\.flatchrlucca\\.([a-z][a-z0-9]*)\\.");
    // A comment's link names a class without depending on it.
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> graph = dependencies(SOURCES);

        assertThat(graph).as("the packages read from " + SOURCES).containsKeys("intake", "operations", "http", "journal");
        assertThat(cycles(graph)).as("package cycles in " + graph).isEmpty();
    }

    @Test
    void aCycleOfThreePackagesIsFound() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"),
                "d", Set.of("a")));

        assertThat(cycles(graph)).containsExactly(List.of("a", "b", "c", "a"));
    }

    @Test
    void layersThatOnlyGoDownHaveNoCycle() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of("top", Set.of("middle", "bottom"),
                "middle", Set.of("bottom"), "bottom", Set.of()));

        assertThat(cycles(graph)).isEmpty();
    }

    /** Package (below the root) to the packages its sources mention, the root package left out. */
    static Map<String, Set<String>> dependencies(Path sources) throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(file -> file.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            Path relative = sources.relativize(file);
            if (relative.getNameCount() < 2) {
                continue; // the root package: the wiring
            }
            String from = relative.getName(0).toString();
            Set<String> to = graph.computeIfAbsent(from, name -> new TreeSet<>());
            Matcher reference = REFERENCE.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(""));
            while (reference.find()) {
                if (!reference.group(1).equals(from)) {
                    to.add(reference.group(1));
                }
            }
        }
        return graph;
    }

    /**
     * The cycles a depth-first walk closes, each as its path ("a", "b", "a"): at least one in every set of packages
     * that reach each other, none when the imports only go down.
     */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        List<List<String>> found = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : graph.keySet()) {
            walk(start, graph, new ArrayDeque<>(), done, found);
        }
        return found;
    }

    private static void walk(String node, Map<String, Set<String>> graph, Deque<String> path, Set<String> done,
                             List<List<String>> found) {
        if (path.contains(node)) {
            List<String> trail = new ArrayList<>(path);
            List<String> cycle = new ArrayList<>(trail.subList(trail.indexOf(node), trail.size()));
            cycle.add(node);
            found.add(cycle);
            return;
        }
        if (!done.add(node)) {
            return;
        }
        path.addLast(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            walk(next, graph, path, done, found);
        }
        path.removeLast();
    }
}
