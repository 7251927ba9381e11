package io.github.flatchrlucca;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the connector's settings as {@link Settings} declares them, so that a wrong value stops the start with a
 * message naming the environment variable an operator sets.
 */
final class SettingsReader {

    private final Function<String, Optional<String>> properties;

    SettingsReader(Function<String, Optional<String>> properties) {
        this.properties = properties;
    }

    /**
     * The text set; blank counts as unset. Spaces or a line break around a value are refused rather than trimmed:
     * Camel reads some settings itself (the ports, the body limit, the timeouts in endpoint URIs), as set, so a
     * value checked trimmed here would still fail there, later and far from its name (a port taken at random, every
     * Lucca call refused). A secret from a file or a Kubernetes Secret often ends with such a line break.
     */
    Optional<String> text(Setting<?> setting) {
        return properties.apply(setting.key()).filter(value -> !value.isBlank()).map(value -> {
            if (!value.equals(value.strip())) {
                throw setting.refusal("has spaces or a line break around it; set the value alone");
            }
            return value;
        });
    }

    /** The value set, read and checked; empty when unset. */
    <T> Optional<T> optional(Setting<T> setting) {
        return text(setting).map(setting::read);
    }

    /**
     * The value set, else the declared default (or the value of the setting it is unset as), which is checked like
     * any value.
     */
    <T> T get(Setting<T> setting) {
        if (!setting.hasDefault() && setting.unsetAs().isEmpty()) {
            throw new IllegalStateException(setting.env() + " declares no default: read it as optional");
        }
        return setting.read(textOrDefault(setting).orElseThrow());
    }

    /** The text set, else the default, else the text of the setting it is unset as; empty when none of them is. */
    private Optional<String> textOrDefault(Setting<?> setting) {
        return text(setting)
                .or(() -> Optional.of(setting.defaultValue()).filter(value -> !value.isEmpty()))
                .or(() -> setting.unsetAs().flatMap(this::textOrDefault));
    }

    /**
     * Each setting of application.properties left unset (blank or missing), by key, with what it means: its default,
     * the value of the setting it is unset as, or nothing. Camel's {@code {{env:NAME:default}}} takes the default only
     * when the variable is missing, not when it is blank: without these, Camel and the routes would read a blank
     * port, batch size or timeout where the connector checked the default.
     */
    Map<String, String> unsetMeanings() {
        Map<String, String> meanings = new LinkedHashMap<>();
        Settings.inProperties().stream().filter(setting -> text(setting).isEmpty())
                .forEach(setting -> meanings.put(setting.key(), textOrDefault(setting).orElse("")));
        return meanings;
    }

    /** Checks every declared setting that is set, so that one only the routes read stops the start too. */
    void checkAll() {
        Settings.inProperties().forEach(this::optional);
    }

    /** What the start-up log says of the settings, secrets masked. */
    String summary() {
        return Settings.summary(properties);
    }
}
