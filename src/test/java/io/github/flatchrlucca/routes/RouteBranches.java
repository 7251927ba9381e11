package io.github.flatchrlucca.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every way the YAML routes can branch, read from routes/*.camel.yaml itself: each {@code onException} of a
 * routeConfiguration, and each {@code when} and {@code otherwise} of a {@code choice} in a route or route template.
 * A branch is known to have been taken when its first step ran, which is what the route tests record (a
 * {@code when} or an {@code onException} is no processor of its own that Camel could report).
 */
record RouteBranches(List<Branch> all, List<String> stepIds) {

    /**
     * @param file      the routes file, e.g. delivery.camel.yaml
     * @param owner     the route, route template or routeConfiguration it belongs to
     * @param id        the branch's own id: the onException's, the when's or the otherwise's
     * @param firstStep the id of the branch's first step, which runs exactly when the branch is taken
     */
    record Branch(String file, String owner, String id, String firstStep) {
        @Override
        public String toString() {
            return file + ": " + owner + "/" + id;
        }
    }

    static RouteBranches read(Path routesDir) {
        List<Branch> found = new ArrayList<>();
        List<String> stepIds = new ArrayList<>();
        try (Stream<Path> files = Files.list(routesDir)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".camel.yaml")).sorted().toList()) {
                readFile(file, found, stepIds);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RouteBranches(List.copyOf(found), List.copyOf(stepIds));
    }

    /** The branches of one route or routeConfiguration. */
    List<Branch> of(String owner) {
        return all.stream().filter(branch -> branch.owner().equals(owner)).toList();
    }

    private static void readFile(Path file, List<Branch> found, List<String> stepIds) throws IOException {
        String name = file.getFileName().toString();
        Object document = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        for (Object entry : (List<?>) document) {
            Map<String, Object> item = map(entry);
            Map<String, Object> configuration = map(item.get("routeConfiguration"));
            if (item.get("routeConfiguration") != null && configuration.get("onException") instanceof List<?> handlers) {
                String owner = String.valueOf(configuration.get("id"));
                for (Object handler : handlers) {
                    Map<String, Object> onException = map(map(handler).get("onException"));
                    found.add(new Branch(name, owner, String.valueOf(onException.get("id")),
                            firstStep(onException.get("steps"))));
                    steps(name, owner, onException.get("steps"), found, stepIds);
                }
            }
            Map<String, Object> route = map(item.get("route"));
            if (item.get("routeTemplate") != null) {
                Map<String, Object> template = map(item.get("routeTemplate"));
                route = map(template.get("route"));
                route.putIfAbsent("id", template.get("id"));
            }
            if (!route.isEmpty()) {
                steps(name, String.valueOf(route.get("id")), map(route.get("from")).get("steps"), found, stepIds);
            }
        }
    }

    private static void steps(String file, String owner, Object steps, List<Branch> found, List<String> stepIds) {
        if (!(steps instanceof List<?> list)) {
            return;
        }
        for (Object step : list) {
            map(step).forEach((kind, definition) -> {
                Map<String, Object> body = map(definition);
                if (body.get("id") instanceof String id) {
                    stepIds.add(id);
                }
                if ("choice".equals(kind)) {
                    if (body.get("when") instanceof List<?> whens) {
                        for (Object when : whens) {
                            Map<String, Object> branch = map(when);
                            found.add(new Branch(file, owner, String.valueOf(branch.get("id")),
                                    firstStep(branch.get("steps"))));
                            steps(file, owner, branch.get("steps"), found, stepIds);
                        }
                    }
                    if (body.get("otherwise") != null) {
                        Map<String, Object> otherwise = map(body.get("otherwise"));
                        found.add(new Branch(file, owner, String.valueOf(otherwise.get("id")),
                                firstStep(otherwise.get("steps"))));
                        steps(file, owner, otherwise.get("steps"), found, stepIds);
                    }
                }
                steps(file, owner, body.get("steps"), found, stepIds);
                if (body.get("doCatch") instanceof List<?> catches) {
                    catches.forEach(caught -> steps(file, owner, map(caught).get("steps"), found, stepIds));
                }
                steps(file, owner, map(body.get("doFinally")).get("steps"), found, stepIds);
            });
        }
    }

    private static String firstStep(Object steps) {
        if (steps instanceof List<?> list && !list.isEmpty()) {
            return map(map(list.get(0)).values().iterator().next()).get("id") instanceof String id ? id : null;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new java.util.LinkedHashMap<>();
    }
}
