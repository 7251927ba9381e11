package io.github.flatchrlucca.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server (the server binaries come as a Maven artifact), stopped and started again on the
 * same data and port as a database outage would, with a fresh database per test.
 */
final class SharedJournal implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    SharedJournal(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        this.port = freePort();
        start();
    }

    void start() throws IOException {
        server = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    /** The whole server goes away, as in an outage; {@link #start()} brings it back with its data. */
    void stop() throws IOException {
        server.close();
    }

    /** A new empty database, and the settings that point a connector at it. */
    Map<String, String> newDatabase(String name) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return Map.of("JOURNAL_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + port + "/" + name,
                "JOURNAL_USER", "postgres", "JOURNAL_PASSWORD", "postgres");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
