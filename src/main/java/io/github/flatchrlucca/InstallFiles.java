package io.github.flatchrlucca;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the connector reads its settings and routes: the files an operator edits (named by CONFIG_FILE and
 * ROUTES_DIR, or next to the working directory, as a clone or an install has them), else the copies inside the
 * jar, so that {@code java -jar flatchr-lucca.jar} runs from any folder. Routes stay files to edit without a
 * rebuild whenever they are there.
 *
 * <p>The routes come in two parts. Building routes is the largest cost of a start, and a webhook needs few of them:
 * the {@linkplain #FIRST_ROUTES first} are built before the server answers, the others ({@link LaterRoutes}) right
 * after, while it already takes webhooks.
 *
 * @param properties  Camel's location of application.properties: {@code file:...} or {@code classpath:...}
 * @param routesDir   the routes' folder, as Camel locates it: {@code file:/...} or {@code classpath:routes}
 * @param firstRoutes the locations of the routes built before the first answer
 * @param laterRoutes the locations of the others, every other {@code *.camel.yaml} of the folder
 */
record InstallFiles(String properties, String routesDir, List<String> firstRoutes, List<String> laterRoutes) {

    static final String PROPERTIES = "application.properties";
    static final String ROUTES = "routes";
    private static final String ROUTE_FILE = ".camel.yaml";
    // The jar's routes by name: a pattern makes Camel walk every entry of the jar (twice: once for modelines), a
    // list of names is read directly. A test keeps it equal to the routes folder the jar is built from.
    static final List<String> JAR_ROUTES = List.of("admin", "delivery", "error-handling", "flatchr", "lucca",
            "operations", "status-page", "webhook");
    /**
     * What a webhook needs before it can be answered: the error handling of every route and the webhook's routes.
     * The webhook wakes its tenant's delivery through a queue, which keeps the call until the delivery route is
     * there; a route calling another (direct:) before it is started waits for it (Camel's direct component).
     */
    static final List<String> FIRST_ROUTES = List.of("error-handling", "webhook");

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
        Optional<Path> routesFolder = routesDir.or(() -> Optional.of(localRoutes).filter(Files::isDirectory));
        List<String> names = routesFolder.map(InstallFiles::routeNames).orElse(JAR_ROUTES);
        String location = routesFolder.map(dir -> "file:" + dir).orElse("classpath:" + ROUTES);
        Map<Boolean, List<String>> firstOrNot = names.stream().sorted()
                .collect(Collectors.partitioningBy(FIRST_ROUTES::contains,
                        Collectors.mapping(name -> location + "/" + name + ROUTE_FILE, Collectors.toList())));
        return new InstallFiles(properties, location, firstOrNot.get(true), firstOrNot.get(false));
    }

    /** Camel Main's routes-include-pattern: the first routes, one by one. */
    String routesIncludePattern() {
        return String.join(",", firstRoutes);
    }

    /** For the start-up log: "settings from file:/etc/flatchr-lucca/application.properties, routes from ...". */
    String describe() {
        return "settings from " + properties + ", routes from "
                + (routesDir.startsWith("classpath:") ? routesDir + "/ (the jar's own)" : routesDir + "/*" + ROUTE_FILE);
    }

    /** The route files of an operator's folder, read once at start: editing them needs a restart. */
    private static List<String> routeNames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(ROUTE_FILE))
                    .map(name -> name.substring(0, name.length() - ROUTE_FILE.length())).toList();
        } catch (IOException unreadable) {
            throw Settings.ROUTES_DIR.refusal(dir + " cannot be read (" + unreadable.getClass().getSimpleName() + ")");
        }
    }

    private static Optional<Path> named(Function<String, String> environment, Setting<String> setting, Path workDir) {
        return Optional.ofNullable(environment.apply(setting.env())).map(String::strip).filter(value -> !value.isEmpty())
                .map(value -> workDir.resolve(value).toAbsolutePath().normalize());
    }
}
