package io.github.flatchrlucca;

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

    /** The text set, trimmed; blank counts as unset. */
    Optional<String> text(Setting<?> setting) {
        return properties.apply(setting.key()).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** The value set, read and checked; empty when unset. */
    <T> Optional<T> optional(Setting<T> setting) {
        return text(setting).map(setting::read);
    }

    /** The value set, else the declared default, which is checked like any value. */
    <T> T get(Setting<T> setting) {
        if (!setting.hasDefault()) {
            throw new IllegalStateException(setting.env() + " declares no default: read it as optional");
        }
        return setting.read(text(setting).orElse(setting.defaultValue()));
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
