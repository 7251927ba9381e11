package io.github.flatchrlucca.operations.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %maskedMessage}: the log message with e-mail addresses and phone numbers masked. */
public final class MaskedMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataMask.mask(event.getFormattedMessage());
    }
}
