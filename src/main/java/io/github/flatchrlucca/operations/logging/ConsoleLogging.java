package io.github.flatchrlucca.operations.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;

/**
 * The connector's logging, set up in code: one console appender, one readable line per event
 * ({@code LOG_FORMAT=text}, the default) or one JSON object per line in logstash's format for log shippers
 * ({@code LOG_FORMAT=json}); either way e-mail addresses and phone numbers masked. Camel stays at INFO, where it logs
 * neither message bodies nor resolved placeholders; the chattiest libraries at WARN.
 *
 * <p>Logback's own API (a {@link Configurator} found by the ServiceLoader) rather than a logback.xml: reading the XML
 * cost a sixth of the connector's start (Joran's parser and model classes), for four settings. An operator who wants
 * another set-up still names a file with {@code -Dlogback.configurationFile}, which this leaves to logback.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    // the exception named, or logback would add its own unmasked one
    static final String TEXT_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0} - %maskedMessage%n%maskedException";
    // MainHttpServerUtil: Camel's table of the server's paths, printed again whole for each route added after the
    // start (LaterRoutes adds most of them); the connector says itself where its webhooks, health and metrics are.
    private static final List<String> QUIET = List.of("org.flywaydb", "org.apache.hc", "io.netty", "io.vertx",
            "org.apache.camel.component.platform.http.main.MainHttpServerUtil");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // FlatchrLucca has checked LOG_FORMAT and pinned it as a system property; tests and tools may not have
        String format = System.getProperty("LOG_FORMAT", System.getenv().getOrDefault("LOG_FORMAT", "text"));
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder("json".equals(format.strip()) ? json(context) : text(context));
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        QUIET.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        @SuppressWarnings("unchecked")
        Map<String, Supplier<DynamicConverter<?>>> rules = (Map<String, Supplier<DynamicConverter<?>>>)
                context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        rules.put("maskedMessage", MaskedMessageConverter::new);
        rules.put("maskedException", MaskedThrowableConverter::new);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        MaskingJsonGeneratorDecorator masking = new MaskingJsonGeneratorDecorator();
        masking.addValueMasker(new PersonalDataMask());
        masking.start();
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setJsonGeneratorDecorator(masking);
        encoder.start();
        return encoder;
    }
}
