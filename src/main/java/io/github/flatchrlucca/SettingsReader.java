package io.github.flatchrlucca;

import io.github.flatchrlucca.intake.WebhookToken;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one connector setting and turns a wrong value into an error that names the environment
 * variable an operator sets, so a bad setting stops the start with a message they can act on.
 */
final class SettingsReader {

    private final Function<String, Optional<String>> properties;

    SettingsReader(Function<String, Optional<String>> properties) {
        this.properties = properties;
    }

    Optional<String> text(String key) {
        return properties.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    String text(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    Optional<Integer> id(String key, String env) {
        return text(key).map(value -> parse(key, env, value, "a whole number", Integer::valueOf))
                .map(value -> positive(key, env, value));
    }

    int positiveInt(String key, String env, int fallback) {
        return positive(key, env, text(key).map(v -> parse(key, env, v, "a whole number", Integer::valueOf)).orElse(fallback));
    }

    long positiveLong(String key, String env, long fallback) {
        long value = nonNegativeLong(key, env, fallback);
        if (value == 0) {
            throw invalid(key, env, "must be greater than zero");
        }
        return value;
    }

    long nonNegativeLong(String key, String env, long fallback) {
        long value = text(key).map(v -> parse(key, env, v, "a whole number", Long::valueOf)).orElse(fallback);
        if (value < 0) {
            throw invalid(key, env, "must not be negative");
        }
        return value;
    }

    /**
     * A whole number within bounds that a typo could leave: {@code range} says them to the operator, such as
     * "from 0 (never) to 604800 (a week)".
     */
    long between(String key, String env, long fallback, long min, long max, String range) {
        long value = text(key).map(v -> parse(key, env, v, "a whole number", Long::valueOf)).orElse(fallback);
        if (value < min || value > max) {
            throw invalid(key, env, "'" + value + "' is not " + range);
        }
        return value;
    }

    /** A TCP port the server can listen on. */
    int port(String key, String env, int fallback) {
        int port = text(key).map(v -> parse(key, env, v, "a port number", Integer::valueOf)).orElse(fallback);
        if (port < 1 || port > 65_535) {
            throw invalid(key, env, "'" + port + "' is not a port number (1 to 65535)");
        }
        return port;
    }

    /**
     * A token a URL or a header carries: as long as every token of the connector (a guesser cannot walk through
     * 16 characters). Its value never appears in a message.
     */
    Optional<String> secret(String key, String env) {
        Optional<String> secret = text(key);
        if (secret.isPresent() && secret.get().length() < WebhookToken.MIN_LENGTH) {
            throw invalid(key, env, "must be at least " + WebhookToken.MIN_LENGTH + " characters long");
        }
        return secret;
    }

    ZoneId zone(String key, String env, String fallback) {
        return parse(key, env, text(key, fallback), "a time zone such as Europe/Paris", ZoneId::of);
    }

    Optional<URI> httpUrl(String key, String env) {
        return text(key).map(value -> {
            URI uri = parse(key, env, value, "a URL", URI::create);
            if (!isHttpWithHost(uri)) {
                throw invalid(key, env, "'" + value + "' is not an http(s) URL with a host");
            }
            return uri;
        });
    }

    /** A URL that is itself a secret (a chat's incoming webhook): a refusal never repeats it, nor a part of it. */
    Optional<URI> secretHttpUrl(String key, String env) {
        return text(key).map(value -> {
            URI uri;
            try {
                uri = URI.create(value);
            } catch (IllegalArgumentException notAUrl) {
                uri = null;
            }
            if (uri == null || !isHttpWithHost(uri)) {
                throw invalid(key, env, "is not an http(s) URL with a host (the value is a secret: not shown)");
            }
            return uri;
        });
    }

    private static boolean isHttpWithHost(URI uri) {
        return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
    }

    /** Runs a library parser and reports its refusal against the setting, whatever it throws. */
    <T> T parse(String key, String env, String value, String expected, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeException e) {
            String reason = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
            throw invalid(key, env, "'" + value + "' is not " + expected + reason);
        }
    }

    static InvalidSetting invalid(String key, String env, String problem) {
        return new InvalidSetting("Invalid setting " + env + " (" + key + "): " + problem);
    }

    private static int positive(String key, String env, int value) {
        if (value <= 0) {
            throw invalid(key, env, "must be greater than zero");
        }
        return value;
    }
}
