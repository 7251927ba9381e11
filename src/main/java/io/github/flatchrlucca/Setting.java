package io.github.flatchrlucca;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One connector setting, declared once (as Debezium's {@code Field} is): its key in application.properties, the
 * environment variable that overrides it, the tenants file's key for the same thing where there is one, how its
 * text is read and checked, its default, and what it means. Validation, the start-up summary,
 * application.properties' comments and docs/settings.md all come from {@link Settings#ALL}.
 *
 * @param key          the key in application.properties; empty for a variable read before that file (LOG_FORMAT)
 * @param env          the environment variable an operator sets, named by every refusal
 * @param tenantKey    the key a tenant of TENANTS_FILE writes for the same thing; empty: the connector's alone
 * @param group        the part of the connector it belongs to: a section of docs/settings.md
 * @param type         reads the text, or refuses it (an IllegalArgumentException whose message is the problem,
 *                     as the end of "Invalid setting ENV (key): ...")
 * @param defaultValue the text the property takes when the variable is unset, checked like any value; empty: none
 * @param whenUnset    what an empty value means, for the documentation; empty: the default says it
 * @param description  what the setting does: application.properties' comment and the documentation's meaning
 * @param example      a value an operator may copy; empty: none worth giving
 * @param secret       never shown: not in a refusal, the start-up summary or a log
 * @param unsetAs      the setting whose value this one takes when unset, in place of a default (MANAGEMENT_PORT
 *                     takes SERVER_PORT's); empty: the default
 */
public record Setting<T>(
        String key,
        String env,
        Optional<String> tenantKey,
        String group,
        Type<T> type,
        String defaultValue,
        String whenUnset,
        String description,
        String example,
        boolean secret,
        Optional<Setting<?>> unsetAs) {

    /**
     * How a setting's text becomes a value; a refusal's message never quotes a secret. What it accepts is said
     * once, here, for the checks and the documentation alike.
     */
    @FunctionalInterface
    public interface Type<T> {
        T read(String text);

        /** What the setting accepts, as its documentation says it ("from 1 to 1000: hires"); empty: any text. */
        default String accepts() {
            return "";
        }

        /** Reads as this type, then {@code then}; accepts what this type accepts. */
        default <R> Type<R> map(Function<T, R> then) {
            return accepting(accepts(), text -> then.apply(read(text)));
        }

        static <T> Type<T> accepting(String accepts, Type<T> type) {
            return new Type<>() {
                @Override
                public T read(String text) {
                    return type.read(text);
                }

                @Override
                public String accepts() {
                    return accepts;
                }
            };
        }
    }

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(tenantKey, "tenantKey");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unsetAs, "unsetAs");
        if (description.isBlank()) {
            throw new IllegalArgumentException(env + " has no description");
        }
    }

    /** A setting with the usual placeholder, no default and no tenant key: add them with the withers below. */
    static <T> Setting<T> of(String group, String key, String env, Type<T> type, String description) {
        return new Setting<>(key, env, Optional.empty(), group, type, "", "", description, "", false, Optional.empty());
    }

    Setting<T> defaultValue(String value) {
        return new Setting<>(key, env, tenantKey, group, type, value, whenUnset, description, example, secret, unsetAs);
    }

    Setting<T> whenUnset(String meaning) {
        return new Setting<>(key, env, tenantKey, group, type, defaultValue, meaning, description, example, secret, unsetAs);
    }

    Setting<T> tenantKey(String tenantsFileKey) {
        return new Setting<>(key, env, Optional.of(tenantsFileKey), group, type, defaultValue, whenUnset, description,
                example, secret, unsetAs);
    }

    Setting<T> example(String value) {
        return new Setting<>(key, env, tenantKey, group, type, defaultValue, whenUnset, description, value, secret, unsetAs);
    }

    Setting<T> asSecret() {
        return new Setting<>(key, env, tenantKey, group, type, defaultValue, whenUnset, description, example, true, unsetAs);
    }

    Setting<T> unsetAs(Setting<?> other) {
        return new Setting<>(key, env, tenantKey, group, type, defaultValue, whenUnset, description, example, secret,
                Optional.of(other));
    }

    /** Read from the environment alone, before application.properties is. */
    boolean environmentOnly() {
        return key.isEmpty();
    }

    boolean hasDefault() {
        return !defaultValue.isEmpty();
    }

    /** The line of application.properties that gives this setting its value. */
    String propertyLine() {
        return key + " = " + placeholder();
    }

    /** {@code {{env:ENV:default}}}; unset as another setting, that setting's placeholder is the default. */
    private String placeholder() {
        return "{{env:" + env + ":" + unsetAs.map(Setting::placeholder).orElse(defaultValue) + "}}";
    }

    /** The value of {@code text}, or the refusal that names this setting. */
    T read(String text) {
        try {
            return type.read(text);
        } catch (IllegalArgumentException refused) {
            throw refusal(refused.getMessage());
        } catch (ArithmeticException | java.time.DateTimeException outOfRange) {
            // a number too large for what it is turned into (a Duration of that many hours, an int)
            throw refusal("is too large");
        }
    }

    /** A refusal that names the variable, and the key where there is one. */
    InvalidSetting refusal(String problem) {
        return new InvalidSetting("Invalid setting " + env + (environmentOnly() ? "" : " (" + key + ")") + ": " + problem);
    }

    /** How the start-up summary shows a value: a secret is masked. */
    String shown(String text) {
        return secret ? "***" : text;
    }
}
