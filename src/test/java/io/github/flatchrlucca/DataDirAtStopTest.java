package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flatchrlucca.journal.DataDirectoryLock;
import io.github.flatchrlucca.journal.LockInAnotherProcess;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector, booted by Camel Main in the test's JVM as the in-JVM tests boot it (many in one JVM, one after
 * another), holds DATA_DIR's lock while it runs and leaves it at its stop, to the next start of this JVM or another.
 */
class DataDirAtStopTest {

    @TempDir
    Path dataDir;

    @Test
    void aRunningConnectorHoldsItsDataDirAndReleasesItOnceStopped() throws Exception {
        Path lockFile = dataDir.resolve("journal.lock");
        Main connector = connector();
        connector.start();
        try {
            assertThat(LockInAnotherProcess.lockedForOthers(lockFile)).as("held while it runs").isTrue();
        } finally {
            connector.stop();
        }

        assertThat(LockInAnotherProcess.lockedForOthers(lockFile)).as("released for another process").isFalse();
        try (DataDirectoryLock next = new DataDirectoryLock(dataDir)) {
            // as the next start of this JVM does: refused (DataDirInUse) while this JVM still counts it held
            next.take();
        }
    }

    private Main connector() throws Exception {
        Main main = new Main();
        main.configure().addConfiguration(ConnectorConfiguration.class);
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        int port = freePort();
        main.addOverrideProperty("camel.main.routes-include-pattern", "file:routes/*.camel.yaml");
        main.addOverrideProperty("camel.main.shutdown-timeout", "1");
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        main.addOverrideProperty("camel.management.port", String.valueOf(port));
        main.addOverrideProperty("connector.data-dir", dataDir.toString());
        main.addOverrideProperty("flatchr.webhook-token", "token-of-the-data-dir-test");
        main.addOverrideProperty("admin.token", "admin-token-of-the-data-dir-test");
        main.addOverrideProperty("shutdown.drain-seconds", "0");
        return main;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
