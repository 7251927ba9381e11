package io.github.flatchrlucca.e2e;

import io.github.flatchrlucca.fake.FakeLucca;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fake Lucca and the connector (the real jar) delivering to it, for the end-to-end tests. Registered on a
 * static field with {@code @RegisterExtension}, both live for the test class; on an instance field, each test
 * gets fresh ones (a crash test must not inherit another's journal).
 */
final class ConnectorAgainstLucca implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    private final String apiKey;
    private final Map<String, String> settings;
    private final Consumer<FakeLucca> prepare;
    private Path temp;
    private FakeLucca lucca;
    private ConnectorProcess connector;
    private boolean perTest;

    private ConnectorAgainstLucca(String apiKey, Map<String, String> settings, Consumer<FakeLucca> prepare) {
        this.apiKey = apiKey;
        this.settings = settings;
        this.prepare = prepare;
    }

    /** The connector with these settings besides the Lucca URL and key. */
    static ConnectorAgainstLucca withSettings(String apiKey, Map<String, String> settings) {
        return new ConnectorAgainstLucca(apiKey, settings, lucca -> { });
    }

    /** The same, with the fake Lucca given what it must hold (departments...) before the connector starts. */
    ConnectorAgainstLucca withLucca(Consumer<FakeLucca> prepared) {
        return new ConnectorAgainstLucca(apiKey, settings, prepare.andThen(prepared));
    }

    FakeLucca lucca() {
        return lucca;
    }

    ConnectorProcess connector() {
        return connector;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start(false);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (connector == null) {
            start(true);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (connector != null) {
            stop();
        }
    }

    private void start(boolean eachTest) throws Exception {
        perTest = eachTest;
        temp = Files.createTempDirectory("connector-against-lucca-");
        lucca = FakeLucca.start(apiKey);
        prepare.accept(lucca);
        Map<String, String> env = new HashMap<>(settings);
        env.put("LUCCA_BASE_URL", lucca.baseUrl());
        env.put("LUCCA_API_KEY", apiKey);
        // a class's many hires share one connector: Lucca's default client-side budget (50 a minute) would make
        // the later ones wait out the window. The budget itself is tested where it is set on purpose.
        env.putIfAbsent("LUCCA_RATE_LIMIT_REQUESTS", "100000");
        connector = ConnectorProcess.start(temp, env);
    }

    private void stop() throws Exception {
        try {
            connector.close();
            lucca.close();
        } finally {
            connector = null;
            deleteTemp();
        }
    }

    private void deleteTemp() throws IOException {
        try (Stream<Path> files = Files.walk(temp)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
