package io.github.flatchrlucca.operations.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %maskedException}: an event's exception, its causes and stack, with e-mail addresses and phone numbers
 * masked. Without it logback prints exceptions unmasked (its {@code %ex}), and a library's message may quote a
 * value it was given: a SQL error its row, a parse error its input.
 */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return PersonalDataMask.mask(super.throwableProxyToString(throwable));
    }
}
