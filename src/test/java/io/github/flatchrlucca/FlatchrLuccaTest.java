package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;

/** How a failed start ends: a supervisor restarts it unless a wrong setting would only fail it again. */
class FlatchrLuccaTest {

    @Test
    void aWrongSettingEndsWithExConfigWhichASupervisorNeedNotRestart() {
        // as Camel wraps what the configuration threw
        Exception refused = new RuntimeCamelException(Settings.SERVER_PORT.refusal("'abc' is not a port number"));

        assertThat(FlatchrLucca.exitCode(refused)).isEqualTo(78).isEqualTo(FlatchrLucca.WRONG_SETTING);
    }

    @Test
    void anyOtherFailureEndsWithOneAndIsStartedAgain() {
        // PostgreSQL not reachable yet, after a reboot
        Exception unreachable = new IllegalStateException(new SQLException("Connection refused", "08001"));

        assertThat(FlatchrLucca.exitCode(unreachable)).isEqualTo(1);
    }
}
