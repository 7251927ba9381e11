package io.github.flatchrlucca.operations;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** A readiness-only check of the connector's group, down with a message while a condition of it does not hold. */
public final class ReadinessCheck extends AbstractHealthCheck {

    private final BooleanSupplier ready;
    private final String whyNot;

    /**
     * @param id     the check's name in /observe/health
     * @param ready  asked at each call
     * @param whyNot the message while it is not
     */
    public ReadinessCheck(String id, BooleanSupplier ready, String whyNot) {
        super("flatchr-lucca", id);
        this.ready = ready;
        this.whyNot = whyNot;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (ready.getAsBoolean()) {
            builder.up();
        } else {
            builder.down().message(whyNot);
        }
    }
}
