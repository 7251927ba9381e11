package io.github.flatchrlucca.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class ReadinessCheckTest {

    @Test
    void downWithItsMessageWhileTheConditionDoesNotHoldThenUp() {
        AtomicBoolean started = new AtomicBoolean();
        ReadinessCheck check = new ReadinessCheck("routes", started::get, "The other routes are starting.");
        check.setCamelContext(new DefaultCamelContext());

        HealthCheck.Result starting = check.call();
        started.set(true);
        HealthCheck.Result ready = check.call();

        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).isFalse();
        assertThat(check.getId()).isEqualTo("routes");
        assertThat(starting.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(starting.getMessage()).contains("The other routes are starting.");
        assertThat(ready.getState()).isEqualTo(HealthCheck.State.UP);
    }
}
