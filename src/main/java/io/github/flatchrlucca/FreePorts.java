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
        check(settings.serverPort(), Settings.SERVER_PORT);
        if (!settings.managementOnServerPort()) {
            check(settings.managementPort(), Settings.MANAGEMENT_PORT);
        }
    }

    private static void check(int port, Setting<Integer> setting) {
        try (ServerSocket probe = new ServerSocket(port)) {
            // bound and closed at once: free, as far as anything can say before the server binds it
            probe.getLocalPort();
        } catch (IOException e) {
            throw setting.refusal("port " + port + " is already in use, or may not be opened by "
                    + "this user (" + e.getMessage() + ")");
        }
    }
}
