package io.github.flatchrlucca;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * The ports the connector listens on must be free before it starts: Vert.x reports a port in use only in its own
 * log, after the start, and the connector would then run on, printing its webhook URL and serving nothing.
 */
final class FreePorts {

    private FreePorts() {
    }

    static void check(ConnectorSettings settings) {
        check(settings.serverPort(), "camel.server.port", "SERVER_PORT");
        if (!settings.managementOnServerPort()) {
            check(settings.managementPort(), "camel.management.port", "MANAGEMENT_PORT");
        }
    }

    private static void check(int port, String key, String env) {
        try (ServerSocket probe = new ServerSocket(port)) {
            // bound and closed at once: free, as far as anything can say before the server binds it
            probe.getLocalPort();
        } catch (IOException e) {
            throw SettingsReader.invalid(key, env, "port " + port + " is already in use, or may not be opened by "
                    + "this user (" + e.getMessage() + ")");
        }
    }
}
