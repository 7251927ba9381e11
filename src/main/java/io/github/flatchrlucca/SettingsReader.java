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
