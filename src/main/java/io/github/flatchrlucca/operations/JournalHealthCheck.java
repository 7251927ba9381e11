package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.JournalUnavailable;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Ready only while the journal answers: without it no hire can be accepted (the webhook answers 503), so a
 * load balancer should send Flatchr's calls elsewhere. Not a liveness check: restarting does not bring a
 * database back.
 */
public final class JournalHealthCheck extends AbstractHealthCheck {

    private final JournalReader reader;

    public JournalHealthCheck(JournalReader reader) {
        super("flatchr-lucca", "journal");
        this.reader = reader;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            reader.ping();
            builder.up();
        } catch (JournalUnavailable e) {
            builder.down().message("The journal cannot be reached: webhooks are answered 503 until it is back.");
        }
    }
}
