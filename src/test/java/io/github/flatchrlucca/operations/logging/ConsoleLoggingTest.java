package io.github.flatchrlucca.operations.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ConsoleLoggingTest {

    private final LoggerContext context = new LoggerContext();

    {
        // as logback's own start gives each context
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    }

    @AfterEach
    void restore() {
        System.clearProperty("LOG_FORMAT");
        context.stop();
    }

    @Test
    void theConnectorsOwnLoggingIsTheOneInUse() {
        // found through META-INF/services, ahead of logback's search for an XML file
        assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender("console")).isInstanceOf(ConsoleAppender.class);
    }

    @Test
    void textIsOneReadableLineWithPersonalDataMasked() {
        System.setProperty("LOG_FORMAT", "text");

        String line = encode("mail ada@example.org refused");

        assertThat(line).matches("\\d{4}-\\d{2}-\\d{2}T\\S+ INFO  \\[main\\] Delivery - mail \\[email\\] refused\\R");
    }

    @Test
    void anExceptionIsPrintedWithItsCausesAndPersonalDataMasked() {
        System.setProperty("LOG_FORMAT", "text");

        String lines = encode("delivery failed", new IllegalStateException("row of ada@example.org",
                new IllegalArgumentException("call +33612345678")));

        assertThat(lines).contains("delivery failed", "java.lang.IllegalStateException: row of [email]",
                "Caused by: java.lang.IllegalArgumentException: call [phone]", "\tat ")
                .doesNotContain("ada@example.org", "+33612345678");
    }

    @Test
    void jsonMasksAnExceptionToo() throws Exception {
        System.setProperty("LOG_FORMAT", "json");

        JsonNode line = new ObjectMapper().readTree(encode("delivery failed",
                new IllegalStateException("row of ada@example.org")));

        assertThat(line.path("stack_trace").asText()).contains("row of [email]").doesNotContain("ada@example.org");
    }

    @Test
    void jsonIsOneLogstashObjectPerLineWithPersonalDataMasked() throws Exception {
        System.setProperty("LOG_FORMAT", "json");

        JsonNode line = new ObjectMapper().readTree(encode("call +33612345678 now"));

        assertThat(line.path("message").asText()).isEqualTo("call [phone] now");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("logger_name").asText()).isEqualTo("io.github.flatchrlucca.delivery.Delivery");
    }

    @Test
    void theChattiestLibrariesSpeakOnlyOfWarnings() {
        new ConsoleLogging().configure(context);

        assertThat(context.getLogger("io.vertx").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void aLogbackFileNamedByTheOperatorIsLeftToLogback() {
        System.setProperty("logback.configurationFile", "/etc/flatchr-lucca/logback.xml");
        try {
            assertThat(new ConsoleLogging().configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console")).isNull();
        } finally {
            System.clearProperty("logback.configurationFile");
        }
    }

    private String encode(String message) {
        return encode(message, null);
    }

    private String encode(String message, Throwable failure) {
        assertThat(new ConsoleLogging().configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger logger = context.getLogger("io.github.flatchrlucca.delivery.Delivery");
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console");
        ch.qos.logback.classic.spi.LoggingEvent event = new ch.qos.logback.classic.spi.LoggingEvent(
                Logger.class.getName(), logger, Level.INFO, message, failure, null);
        event.setThreadName("main");
        return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
    }
}
