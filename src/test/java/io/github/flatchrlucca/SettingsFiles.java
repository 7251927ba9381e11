package io.github.flatchrlucca;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What application.properties' setting lines and comments and docs/settings.md's tables are, as {@link Settings#ALL}
 * declares them: SettingsFilesTest compares the files with these, and writes them on request.
 */
final class SettingsFiles {

    static final String TABLES_BEGIN = "<!-- The tables below are generated from Settings.ALL: edit the declarations, "
            + "then run mvn -q test -Dtest=SettingsFilesTest -Dsettings.write=true -->";
    static final String TABLES_END = "<!-- end of the generated tables -->";
    private static final int WIDTH = 112;
    private static final Pattern PROPERTY = Pattern.compile("^([a-zA-Z][\\w.-]*)\\s*=\\s*(.*)$");
    private static final String RULE = "# ---";

    private SettingsFiles() {
    }

    /** application.properties with each declared setting's comment and line as declared; other lines kept. */
    static String properties(String current, List<String> problems) {
        Map<String, Setting<?>> declared = new LinkedHashMap<>();
        Settings.inProperties().forEach(setting -> declared.put(setting.key(), setting));
        List<String> found = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (String line : current.split("\n", -1)) {
            Matcher property = PROPERTY.matcher(line);
            if (!property.matches()) {
                out.add(line);
                continue;
            }
            String key = property.group(1);
            Setting<?> setting = declared.get(key);
            if (setting == null) {
                if (!key.startsWith("camel.") || property.group(2).contains("{{env:")) {
                    problems.add(key + " is not declared in Settings.ALL");
                }
                out.add(line);
                continue;
            }
            if (found.contains(key)) {
                problems.add(key + " is given twice");
            }
            found.add(key);
            // the setting's own comment: the comment lines right above it, up to a blank line or a section rule
            while (!out.isEmpty() && out.get(out.size() - 1).startsWith("#") && !out.get(out.size() - 1).startsWith(RULE)) {
                out.remove(out.size() - 1);
            }
            wrap(comment(setting), WIDTH - 2).forEach(text -> out.add("# " + text));
            out.add(setting.propertyLine());
        }
        List<String> expected = List.copyOf(declared.keySet());
        expected.stream().filter(key -> !found.contains(key)).forEach(key -> problems.add(key + " is missing"));
        if (problems.isEmpty() && !found.equals(expected)) {
            problems.add("the settings are not in the order Settings.ALL declares: " + expected);
        }
        return String.join("\n", out);
    }

    /** docs/settings.md with its tables, one per group, as declared. */
    static String documentation(String current) {
        int begin = current.indexOf(TABLES_BEGIN);
        int end = current.indexOf(TABLES_END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("docs/settings.md has lost its markers: " + TABLES_BEGIN + " ... "
                    + TABLES_END);
        }
        return current.substring(0, begin + TABLES_BEGIN.length()) + "\n" + tables() + current.substring(end);
    }

    private static String tables() {
        Map<String, List<Setting<?>>> byGroup = Settings.ALL.stream()
                .collect(Collectors.groupingBy(Setting::group, LinkedHashMap::new, Collectors.toList()));
        StringBuilder tables = new StringBuilder();
        byGroup.forEach((group, settings) -> {
            tables.append("\n### ").append(group).append("\n\n")
                    .append("| Variable | Meaning | Accepted values | Default | Tenants file |\n|---|---|---|---|---|\n");
            settings.forEach(setting -> tables.append("| `").append(setting.env()).append("` | ")
                    .append(cell(setting.description() + (setting.example().isEmpty() ? ""
                            : " Example: `" + setting.example() + "`.")))
                    .append(" | ").append(cell(setting.type().accepts()))
                    .append(" | ").append(cell(setting.hasDefault() ? "`" + setting.defaultValue() + "`"
                            : setting.whenUnset().isEmpty() ? "unset" : setting.whenUnset()))
                    .append(" | ").append(setting.tenantKey().map(key -> "`" + key + "`").orElse(""))
                    .append(" |\n"));
        });
        return tables.append("\n").toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** The description, what an empty value means and an example, without the documentation's code marks. */
    private static String comment(Setting<?> setting) {
        String comment = setting.description()
                + (setting.type().accepts().isEmpty() ? "" : " Accepted values: " + setting.type().accepts() + ".")
                + (setting.whenUnset().isEmpty() ? "" : " Empty: " + setting.whenUnset() + ".")
                + (setting.example().isEmpty() ? "" : " Example: " + setting.example());
        return comment.replace("`", "");
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
