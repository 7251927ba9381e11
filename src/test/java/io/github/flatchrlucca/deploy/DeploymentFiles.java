package io.github.flatchrlucca.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The deployment files of the repository, read as the tests check them against the code. */
final class DeploymentFiles {

    static final Path KUBERNETES = Path.of("deploy/kubernetes");
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\{\\{env:([A-Z0-9_]+)");
    private static final Pattern FILE_REFERENCE = Pattern.compile("\\$\\{file:([^}]+)}");
    private static final Pattern SYSTEMD_ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
    /** Read by the code itself rather than through application.properties. */
    private static final Set<String> READ_BY_THE_LAUNCHER = Set.of("LOG_FORMAT", "CONFIG_FILE", "ROUTES_DIR",
            "JAVA_OPTS");

    private DeploymentFiles() {
    }

    /** Every environment variable the connector reads. */
    static Set<String> knownVariables() throws IOException {
        Set<String> known = new TreeSet<>(READ_BY_THE_LAUNCHER);
        Matcher matcher = ENV_PLACEHOLDER.matcher(Files.readString(Path.of("application.properties")));
        while (matcher.find()) {
            known.add(matcher.group(1));
        }
        return known;
    }

    /** A Kubernetes file's one object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> kubernetes(String file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(KUBERNETES.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> container() throws IOException {
        Map<String, Object> spec = map(map(map(kubernetes("deployment.yaml"), "spec"), "template"), "spec");
        return ((List<Map<String, Object>>) spec.get("containers")).get(0);
    }

    /** The container's plain variables (name to value); those from a Secret are named with a null value. */
    @SuppressWarnings("unchecked")
    static Map<String, String> containerEnvironment() throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> variable : (List<Map<String, Object>>) container().get("env")) {
            Object value = variable.get("value");
            environment.put((String) variable.get("name"), value == null ? null : String.valueOf(value));
        }
        return environment;
    }

    /** The tenants file the ConfigMap holds. */
    static String tenantsFile() throws IOException {
        return (String) map(kubernetes("configmap.yaml"), "data").get("tenants.yaml");
    }

    /** The Secret's values by key. */
    @SuppressWarnings("unchecked")
    static Map<String, String> secrets() throws IOException {
        return (Map<String, String>) kubernetes("secret.yaml").get("stringData");
    }

    /** The paths the tenants file's ${file:} references name. */
    static List<String> fileReferences(String tenantsFile) {
        return FILE_REFERENCE.matcher(tenantsFile).results().map(result -> result.group(1)).toList();
    }

    /** The variables a Dockerfile's ENV lines set, and their values. */
    static Map<String, String> dockerfileEnvironment() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile")).replace("\\\n", " ");
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : dockerfile.lines().filter(line -> line.startsWith("ENV ")).toList()) {
            Matcher pair = Pattern.compile("([A-Z0-9_]+)=(\"[^\"]*\"|\\S+)").matcher(line);
            while (pair.find()) {
                environment.put(pair.group(1), pair.group(2).replace("\"", ""));
            }
        }
        return environment;
    }

    /** The variables the systemd unit's Environment= lines set, and their values, as systemd reads them. */
    static Map<String, String> systemdEnvironment() throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        Files.readString(Path.of("deploy/systemd/flatchr-lucca.service")).lines()
                .filter(line -> line.startsWith("Environment="))
                .forEach(line -> environment.putAll(systemdAssignments(line.substring("Environment=".length()))));
        return environment;
    }

    /**
     * One Environment= line's assignments as systemd.exec(5) reads them: a list separated by spaces, where a value
     * with spaces is quoted ({@code "JAVA_OPTS=-Xms32m -Xmx128m"}). systemd ignores, with a warning in its journal
     * alone, every word that is no NAME=value: {@code JAVA_OPTS=-Xms32m -Xmx128m} sets -Xms32m alone.
     *
     * @throws IllegalArgumentException naming the word systemd would ignore
     */
    static Map<String, String> systemdAssignments(String line) {
        Map<String, String> assignments = new LinkedHashMap<>();
        for (String word : systemdWords(line)) {
            Matcher assignment = SYSTEMD_ASSIGNMENT.matcher(word);
            if (!assignment.matches()) {
                throw new IllegalArgumentException("systemd ignores '" + word + "' (\"Invalid environment assignment\"):"
                        + " quote an assignment whose value has spaces whole, \"NAME=a b\"");
            }
            assignments.put(assignment.group(1), assignment.group(2));
        }
        return assignments;
    }

    /**
     * The words of a line as systemd splits it (its extract_first_word, unquoting and unescaping): separated by
     * spaces, except within single or double quotes, which are removed; a backslash escapes the next character.
     */
    static List<String> systemdWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                if (++i == line.length()) {
                    throw new IllegalArgumentException("a backslash ends the line: " + line);
                }
                char escaped = line.charAt(i);
                word.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
                inWord = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a quote is not closed: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The JVM options {@code ./run.sh} gives when {@code JAVA_OPTS} is not set: {@code ${JAVA_OPTS-<options>}}. */
    static String runScriptJavaOptions() throws IOException {
        Matcher options = Pattern.compile("\\$\\{JAVA_OPTS-([^}]*)}").matcher(Files.readString(Path.of("run.sh")));
        if (!options.find()) {
            throw new IllegalStateException("run.sh gives no JVM options of its own: ${JAVA_OPTS-...} not found");
        }
        return options.group(1);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }
}
