package io.github.flatchrlucca;

/**
 * A setting the connector cannot run with: its message names the environment variable and says what is wrong,
 * and is all an operator needs (the start stops with that one line, no stack trace).
 */
public final class InvalidSetting extends IllegalArgumentException {

    InvalidSetting(String message) {
        super(message, null);
    }
}
