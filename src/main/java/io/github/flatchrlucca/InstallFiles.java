package io.github.flatchrlucca;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where the connector reads its settings and routes: the files an operator edits (named by CONFIG_FILE and
 * ROUTES_DIR, or next to the working directory, as a clone or an install has them), else the copies inside the
 * jar, so that {@code java -jar flatchr-lucca.jar} runs from any folder. Routes stay files to edit without a
 * rebuild whenever they are there.
 *
 * @param properties Camel's location of application.properties: {@code file:...} or {@code classpath:...}
 * @param routes     Camel's routes-include-pattern
 */
record InstallFiles(String properties, String routes) {

    static final String PROPERTIES = "application.properties";
    static final String ROUTES = "routes";
    private static final String ROUTE_FILES = "/*.camel.yaml";
    // The jar's routes by name: a pattern makes Camel walk every entry of the jar (twice: once for modelines), a
    // list of names is read directly. A test keeps it equal to the routes folder the jar is built from.
    static final List<String> JAR_ROUTES = List.of("admin", "delivery", "error-handling", "flatchr", "lucca",
            "operations", "status-page", "webhook");

    /**
     * @param environment the process's environment variables
     * @param workDir     the working directory
     * @throws InvalidSetting when CONFIG_FILE or ROUTES_DIR names nothing there is
     */
    static InstallFiles find(Function<String, String> environment, Path workDir) {
        Optional<Path> configFile = named(environment, Settings.CONFIG_FILE, workDir);
        Optional<Path> routesDir = named(environment, Settings.ROUTES_DIR, workDir);
        configFile.filter(file -> !Files.isRegularFile(file)).ifPresent(file -> {
            throw Settings.CONFIG_FILE.refusal(file + " is not a file");
        });
        routesDir.filter(dir -> !Files.isDirectory(dir)).ifPresent(dir -> {
            throw Settings.ROUTES_DIR.refusal(dir + " is not a folder");
        });
        Path localProperties = workDir.resolve(PROPERTIES);
        Path localRoutes = workDir.resolve(ROUTES);
        String properties = configFile.or(() -> Optional.of(localProperties).filter(Files::isRegularFile))
                .map(file -> "file:" + file).orElse("classpath:" + PROPERTIES);
        String routes = routesDir.or(() -> Optional.of(localRoutes).filter(Files::isDirectory))
                .map(dir -> "file:" + dir + ROUTE_FILES).orElseGet(InstallFiles::jarRoutes);
        return new InstallFiles(properties, routes);
    }

    private static String jarRoutes() {
        return JAR_ROUTES.stream().map(name -> "classpath:" + ROUTES + "/" + name + ".camel.yaml")
                .collect(Collectors.joining(","));
    }

    /** For the start-up log: "settings from file:/etc/flatchr-lucca/application.properties, routes from ...". */
    String describe() {
        return "settings from " + properties + ", routes from "
                + (routes.startsWith("classpath:") ? "classpath:" + ROUTES + "/ (the jar's own)" : routes);
    }

    private static Optional<Path> named(Function<String, String> environment, Setting<String> setting, Path workDir) {
        return Optional.ofNullable(environment.apply(setting.env())).map(String::strip).filter(value -> !value.isEmpty())
                .map(value -> workDir.resolve(value).toAbsolutePath().normalize());
    }
}
