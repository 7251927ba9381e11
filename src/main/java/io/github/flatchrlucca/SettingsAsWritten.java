package io.github.flatchrlucca;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.util.IOHelper;
import org.apache.camel.util.StringHelper;

/**
 * Checks the settings as written, before Camel reads them: the lines of the properties file in force and the
 * variables their placeholders name. A declared setting is read from its line alone: a file without it (one written
 * for an older version, as CONFIG_FILE) would leave it at its default whatever its variable says. Camel reads
 * {@code {{...}}} in a value as a reference to another property and, when there is none, gives the setting nothing
 * rather than failing: the check would then see an unset setting and the connector run with its default (a
 * generated webhook token, the embedded journal, the personal e-mail sent as the work one).
 */
final class SettingsAsWritten {

    /**
     * {@code {{env:NAME:default}}} or {@code {{env:NAME}}} with no double braces in its default (single ones, as a work
     * e-mail pattern's, are its text): the innermost of nested ones (MANAGEMENT_PORT's default is SERVER_PORT's),
     * taken away first; anywhere in a line, as Camel reads them. Group 2 is the default, with its colon.
     */
    // possessive runs of plain characters: a default of thousands of them took a stack frame each and overflowed
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile(
            "\\{\\{env:(\\w+)(:(?:[^{}]++|\\{(?!\\{)|}(?!}))*)?}}");

    private SettingsAsWritten() {
    }

    /**
     * Refuses a properties file that lacks a declared setting's line, naming every such line to add; then a declared
     * setting whose line, its {@code {{env:...}}} placeholders aside, or one of the variables they name holds double
     * braces; never quotes the value, which may be a secret.
     */
    static void check(Properties written, Function<String, String> process) {
        Function<String, String> environment = name -> asCamelReads(name, process);
        // getProperty, not containsKey: the properties Camel loads keep their entries out of the Hashtable's own
        String missing = Settings.inProperties().stream()
                .filter(setting -> written.getProperty(setting.key()) == null)
                .map(Setting::propertyLine).collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw new InvalidSetting("Invalid properties file: it lacks settings this version reads (was it written "
                    + "for an older one?), whose variables would never be looked at; add the lines " + missing);
        }
        for (Setting<?> setting : Settings.inProperties()) {
            String line = written.getProperty(setting.key());
            List<String> variables = new ArrayList<>();
            List<String> withoutDefault = new ArrayList<>();
            if (hasBraces(literal(line, variables, withoutDefault))) {
                throw setting.refusal("its line in the properties file holds {{ or }}, which Camel would read as a "
                        + "reference to another property; write it without double braces");
            }
            variables.stream().filter(variable -> hasBraces(environment.apply(variable))).findFirst()
                    .ifPresent(variable -> {
                        throw setting.refusal((variable.equals(setting.env()) ? "holds" : "its variable " + variable
                                + " holds") + " {{ or }}, which Camel would read as a reference to another "
                                + "property; write it without double braces");
                    });
            // Camel gives a setting nothing, whatever the rest of its line, for a placeholder of a variable that is not
            // set and has no default: the setting would run unset (a JDBC URL of {{env:DBHOST}}: the embedded journal)
            withoutDefault.stream().filter(variable -> environment.apply(variable) == null).findFirst()
                    .ifPresent(variable -> {
                        throw setting.refusal("its line reads the variable " + variable + ", which is not set, with no "
                                + "default; Camel would give the setting nothing: set " + variable + ", or give a "
                                + "default ({{env:" + variable + ":...}})");
                    });
        }
    }

    /**
     * The text Camel takes as written: the line without its env placeholders (the innermost first, until none is
     * left), whose variables go to {@code named}, and those given no default to {@code withoutDefault} too.
     */
    private static String literal(String line, List<String> named, List<String> withoutDefault) {
        String rest = line;
        Matcher placeholder = ENV_PLACEHOLDER.matcher(rest);
        while (placeholder.find()) {
            StringBuilder without = new StringBuilder();
            do {
                named.add(placeholder.group(1));
                if (placeholder.group(2) == null) {
                    withoutDefault.add(placeholder.group(1));
                }
                placeholder.appendReplacement(without, "");
            } while (placeholder.find());
            placeholder.appendTail(without);
            rest = without.toString();
            placeholder = ENV_PLACEHOLDER.matcher(rest);
        }
        return rest;
    }

    /**
     * The variable Camel's {@code env:} reads for {@code name}: never the name as written, but in capitals, else its
     * camelCase as SNAKE_CASE (IOHelper.lookupEnvironmentVariable, which reads the process's own environment).
     */
    private static String asCamelReads(String name, Function<String, String> variables) {
        String value = variables.apply(name.toUpperCase(Locale.ROOT));
        return value != null ? value
                : variables.apply(IOHelper.normalizeEnvironmentVariable(StringHelper.camelCaseToDash(name)));
    }

    private static boolean hasBraces(String text) {
        return text != null && (text.contains("{{") || text.contains("}}"));
    }
}
