package io.github.flatchrlucca.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Each route file says at its top which exchange variables it reads and sets, so a reader knows what a route
 * expects before reading its steps. This test holds the header to what the file's own steps do: the names of
 * its {@code setVariable} steps are its Sets, the names in its {@code ${variable.NAME...}} expressions are its
 * Reads. Variables that the Java beans read or set on their own are not counted here (ARCHITECTURE.md maps them).
 * The Java side names the same variables through {@link Variables}, which holds exactly the names the YAML uses.
 */
class RouteVariablesTest {

    private static final Pattern HEADER = Pattern.compile("^# Reads: (.+)\\. Sets: (.+)\\.$");
    private static final Pattern READ = Pattern.compile("\\$\\{variable\\.([A-Za-z0-9_]+)");

    static Stream<Path> routeFiles() throws IOException {
        return Files.list(Path.of("routes")).filter(path -> path.toString().endsWith(".camel.yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("routeFiles")
    void theHeaderListsTheVariablesTheFileReadsAndSets(Path file) throws IOException {
        String text = Files.readString(file);
        Object document = new Load(LoadSettings.builder().build()).loadFromString(text);
        Set<String> sets = new TreeSet<>();
        Set<String> reads = new TreeSet<>();
        collect(document, sets, reads);

        List<String> header = header(text, file);
        assertThat(names(header.get(0))).as(file + ": its header's Reads").isEqualTo(reads);
        assertThat(names(header.get(1))).as(file + ": its header's Sets").isEqualTo(sets);
    }

    @Test
    void everyVariableTheRoutesUseIsNamedInVariablesAndEveryNameThereIsUsed() throws Exception {
        Set<String> used = new TreeSet<>();
        for (Path file : routeFiles().toList()) {
            Object document = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            collect(document, used, used);
        }
        Set<String> declared = new TreeSet<>();
        for (Field field : Variables.class.getDeclaredFields()) {
            if (field.getType() == String.class && Modifier.isStatic(field.getModifiers())) {
                declared.add((String) field.get(null));
            }
        }
        // set and read by the webhook's bean steps only, which the route names in comments: JsonBodyReader and
        // IntakeSteps, IntakeSteps and WebhookReplies
        used.addAll(Set.of(Variables.RAW_BODY, Variables.INTAKE));
        assertThat(declared).as("the names in Variables").isEqualTo(used);
    }

    @Test
    void theHeaderCheckSeesAMissingOrWrongName() {
        Set<String> sets = new TreeSet<>();
        Set<String> reads = new TreeSet<>();
        collect(Map.of("setVariable", Map.of("name", "hire", "expression",
                Map.of("simple", Map.of("expression", "${variable.tenant.lucca()} ${variable.delivery}")))),
                sets, reads);
        assertThat(sets).containsExactly("hire");
        assertThat(reads).containsExactly("delivery", "tenant");
        assertThat(names("tenant, hire")).isNotEqualTo(reads);
        assertThat(names("none")).isEmpty();
    }

    /** The Reads and Sets of the one header line in the comment block that opens the file. */
    private static List<String> header(String text, Path file) {
        for (String line : text.lines().takeWhile(line -> line.startsWith("#")).toList()) {
            Matcher matcher = HEADER.matcher(line);
            if (matcher.matches()) {
                return List.of(matcher.group(1), matcher.group(2));
            }
        }
        throw new AssertionError(file + " has no '# Reads: a, b. Sets: c.' line in its opening comment");
    }

    private static Set<String> names(String list) {
        if (list.equals("none")) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void collect(Object node, Set<String> sets, Set<String> reads) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("setVariable".equals(key) && value instanceof Map<?, ?> step && step.get("name") != null) {
                    sets.add(String.valueOf(step.get("name")));
                }
                collect(value, sets, reads);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, sets, reads));
        } else if (node instanceof String string) {
            Matcher matcher = READ.matcher(string);
            while (matcher.find()) {
                reads.add(matcher.group(1));
            }
        }
    }
}
