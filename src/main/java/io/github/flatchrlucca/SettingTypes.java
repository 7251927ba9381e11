package io.github.flatchrlucca;

import io.github.flatchrlucca.intake.WebhookToken;
import io.github.flatchrlucca.mapping.AsciiDigits;
import io.github.flatchrlucca.tenants.AdminTokens;
import io.github.flatchrlucca.tenants.ServiceUrl;
import java.net.URI;
import java.time.DateTimeException;
import java.util.function.Function;

/**
 * How the connector's settings are read: each type turns a setting's text into a value, or refuses it with the
 * problem an operator reads after "Invalid setting ENV (key): ". A secret's refusal never repeats it.
 */
final class SettingTypes {

    private static final String HTTP_URL = "an http(s) URL with a host, without credentials, query or fragment";

    private SettingTypes() {
    }

    static Setting.Type<String> text() {
        return text -> text;
    }

    /** Runs a library parser and reports its refusal, quoting the value and the parser's reason. */
    static <T> Setting.Type<T> parsed(String expected, Function<String, T> parser) {
        return Setting.Type.accepting(expected, text -> {
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException | DateTimeException e) {
                String reason = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
                throw new IllegalArgumentException("'" + text + "' is not " + expected + reason);
            }
        });
    }

    /**
     * A whole number as {@code parser} reads it, written with the digits 0 to 9 after at most a '-' (which the types
     * below refuse with a message of their own). Camel reads the same text again through the placeholders of
     * application.properties and the routes (a timer's period, a port), and takes what Java's parsers also take
     * otherwise: "+250" is a period of 0 ms (the timer runs once and stops), "+9090" is no port at all.
     */
    private static <T> Setting.Type<T> wholeNumber(String expected, Function<String, T> parser) {
        return parsed(expected, text -> {
            if (!AsciiDigits.only(text.startsWith("-") ? text.substring(1) : text)) {
                throw new NumberFormatException("digits 0 to 9 only");
            }
            return parser.apply(text);
        });
    }

    /** A whole number from 0: a count or a duration that may be none. */
    static Setting.Type<Long> nonNegative() {
        return Setting.Type.accepting("a whole number from 0",
                wholeNumber("a whole number", Long::valueOf).map(value -> {
                    if (value < 0) {
                        throw new IllegalArgumentException("must not be negative");
                    }
                    return value;
                }));
    }

    /** A whole number from 1: a count or a duration that zero would break (a timer that never waits). */
    static Setting.Type<Long> positive() {
        return Setting.Type.accepting("a whole number from 1", nonNegative().map(value -> {
            if (value == 0) {
                throw new IllegalArgumentException("must be greater than zero");
            }
            return value;
        }));
    }

    /** A whole number from 1 that fits an int: an id or a count a Java API takes as an int. */
    static Setting.Type<Integer> positiveInt() {
        return Setting.Type.accepting("a whole number from 1 to " + Integer.MAX_VALUE,
                wholeNumber("a whole number", Integer::valueOf).map(value -> {
                    if (value <= 0) {
                        throw new IllegalArgumentException("must be greater than zero");
                    }
                    return value;
                }));
    }

    /** Within bounds that a typo could leave: {@code range} says them, such as "from 0 (never) to 604800 (a week)". */
    static Setting.Type<Long> between(long min, long max, String range) {
        return Setting.Type.accepting(range, wholeNumber("a whole number", Long::valueOf).map(value -> {
            if (value < min || value > max) {
                throw new IllegalArgumentException("'" + value + "' is not " + range);
            }
            return value;
        }));
    }

    /** Zero (none, never), or a whole number from {@code min} to {@code max}. */
    static Setting.Type<Long> zeroOrBetween(long min, long max, String range) {
        return Setting.Type.accepting(range, wholeNumber("a whole number", Long::valueOf).map(value -> {
            if (value != 0 && (value < min || value > max)) {
                throw new IllegalArgumentException("'" + value + "' is not " + range);
            }
            return value;
        }));
    }

    /** A TCP port the server can listen on. */
    static Setting.Type<Integer> port() {
        return Setting.Type.accepting("a port number, 1 to 65535",
                wholeNumber("a port number", Integer::valueOf).map(port -> {
                    if (port < 1 || port > 65_535) {
                        throw new IllegalArgumentException("'" + port + "' is not a port number (1 to 65535)");
                    }
                    return port;
                }));
    }

    /**
     * An admin token, which a header carries: as long as every token of the connector (a guesser cannot walk through
     * 16 characters); a tenant's {@code adminToken} follows the same rule ({@link AdminTokens}).
     */
    static Setting.Type<String> adminToken() {
        return Setting.Type.accepting("at least " + WebhookToken.MIN_LENGTH + " characters", AdminTokens::checked);
    }

    /** A webhook token: as long as an admin token, and one a URL's query string carries unchanged ({@link WebhookToken#of}). */
    static Setting.Type<String> webhookToken() {
        return Setting.Type.accepting("at least " + WebhookToken.MIN_LENGTH + " letters, digits and `. _ ~ -`",
                text -> {
                    WebhookToken.of(text);
                    return text;
                });
    }

    /** An http(s) URL with a host, without its trailing slashes ({@link ServiceUrl}: the tenants file's rule too). */
    static Setting.Type<URI> httpUrl() {
        return Setting.Type.accepting(HTTP_URL, ServiceUrl::parse);
    }

    /** A URL that is itself a secret (a chat's incoming webhook): a refusal never repeats it, nor a part of it. */
    static Setting.Type<URI> secretHttpUrl() {
        return Setting.Type.accepting("an http(s) URL with a host (a secret)", text -> {
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException notAUrl) {
                uri = null;
            }
            if (uri == null || !ServiceUrl.isHttpWithHost(uri)) {
                throw new IllegalArgumentException("is not an http(s) URL with a host (the value is a secret: not shown)");
            }
            return uri;
        });
    }

    /**
     * A JDBC URL PostgreSQL's driver can read, checked by the driver itself. Its own warning about a URL it cannot
     * read quotes the URL, password included, and goes to the standard error around the log and its masks: it is
     * silenced for the check, and the refusal never quotes the value (a secret).
     */
    static String postgresqlUrl(String text) {
        if (!text.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("only PostgreSQL is supported (jdbc:postgresql://host:5432/database)");
        }
        java.util.logging.Logger driverLog = java.util.logging.Logger.getLogger("org.postgresql");
        java.util.logging.Level level = driverLog.getLevel();
        driverLog.setLevel(java.util.logging.Level.OFF);
        try {
            if (org.postgresql.Driver.parseURL(text, null) == null) {
                throw new IllegalArgumentException("is not a JDBC URL PostgreSQL's driver can read, such as "
                        + "jdbc:postgresql://host:5432/database (the value is a secret: not shown)");
            }
        } finally {
            driverLog.setLevel(level);
        }
        return text;
    }
}
