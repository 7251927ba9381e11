package io.github.flatchrlucca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The routes are read and edited by integration engineers, so they keep one shape: canonical long form
 * (expressions spelled out under {@code expression}), an id on every route and every step, and a description
 * on every route. Camel accepts more; this test keeps what is committed readable and greppable by id.
 */
class RoutesConventionTest {

    // Languages written straight under a step are Camel's compact form, which logs deprecation warnings.
    private static final Set<String> LANGUAGES = Set.of("simple", "constant", "method", "header", "variable",
            "jsonpath", "jq", "groovy", "xpath", "exchangeProperty");
    // Keys whose value holds steps, where the rule applies again one level down.
    private static final Set<String> NESTED_STEPS = Set.of("steps", "when", "otherwise", "doCatch", "doFinally");

    private static final List<String> VERBS = List.of("get", "post", "put", "patch", "delete", "head");

    static Stream<Path> routeFiles() throws IOException {
        return Files.list(Path.of("routes")).filter(path -> path.toString().endsWith(".camel.yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("routeFiles")
    void everyRouteHasAnIdAndADescription(Path file) throws IOException {
        for (Map<String, Object> route : definitions(file, "route")) {
            assertThat(route).as(file + ": a route").containsKeys("id", "description");
        }
    }

    @ParameterizedTest
    @MethodSource("routeFiles")
    void everyStepHasAnIdAndIsInCanonicalForm(Path file) throws IOException {
        List<String> offences = new ArrayList<>();
        List<Map<String, Object>> routes = new ArrayList<>(definitions(file, "route"));
        // a route template's route is held to the same rules, under the template's id
        definitions(file, "routeTemplate").forEach(template -> {
            Map<String, Object> route = new java.util.HashMap<>(map(template.get("route")));
            route.putIfAbsent("id", template.get("id"));
            routes.add(route);
        });
        for (Map<String, Object> route : routes) {
            Map<String, Object> from = map(route.get("from"));
            if (!from.containsKey("id")) {
                offences.add(route.get("id") + ": its 'from' has no id");
            }
            checkSteps(String.valueOf(route.get("id")), from.get("steps"), offences);
        }
        assertThat(offences).as(file.toString()).isEmpty();
    }

    @Test
    void noTwoRoutesStepsOrEndpointsShareAnId() throws IOException {
        // An id names one thing in logs, metrics, advice and the route tests' coverage: two of the same would make
        // each of them point at the wrong place. A REST call and the route it is merged into may share theirs.
        Map<String, List<String>> places = new java.util.TreeMap<>();
        for (Path file : routeFiles().toList()) {
            Object document = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            collectIds(file.getFileName().toString(), document, places);
        }
        assertThat(places.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .filter(entry -> !entry.getValue().stream().allMatch(place -> place.contains("rest") || place.endsWith("route")))
                .map(entry -> entry.getKey() + " " + entry.getValue()).toList()).isEmpty();
    }

    private static void collectIds(String where, Object value, Map<String, List<String>> places) {
        if (value instanceof Map<?, ?> node) {
            node.forEach((key, child) -> {
                if ("id".equals(key) && child instanceof String id) {
                    places.computeIfAbsent(id, any -> new ArrayList<>()).add(where);
                } else {
                    collectIds(where + "/" + key, child, places);
                }
            });
        } else if (value instanceof List<?> items) {
            items.forEach(item -> collectIds(where, item, places));
        }
    }

    @ParameterizedTest
    @MethodSource("routeFiles")
    void everyErrorHandlerHasAnId(Path file) throws IOException {
        for (Map<String, Object> configuration : definitions(file, "routeConfiguration")) {
            assertThat(configuration).as(file + ": a routeConfiguration").containsKey("id");
            Object handlers = configuration.get("onException");
            if (handlers instanceof List<?> list) {
                list.forEach(handler -> assertThat(map(map(handler).get("onException"))).containsKey("id"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("routeFiles")
    void everyInterceptorHasAnIdAndItsStepsToo(Path file) throws IOException {
        List<String> offences = new ArrayList<>();
        for (Map<String, Object> configuration : definitions(file, "routeConfiguration")) {
            if (configuration.get("interceptFrom") instanceof List<?> list) {
                for (Object entry : list) {
                    Map<String, Object> interceptor = map(map(entry).get("interceptFrom"));
                    if (!interceptor.containsKey("id")) {
                        offences.add(configuration.get("id") + ": an interceptFrom has no id");
                    }
                    checkSteps(configuration.get("id") + "/" + interceptor.get("id"), interceptor.get("steps"), offences);
                }
            }
        }
        assertThat(offences).as(file.toString()).isEmpty();
    }

    /**
     * A REST API reads like the routes: an id and a description on it and on each of its calls, which the OpenAPI
     * description shows, and each call handed to a direct: route of the same files; an admin call's route checks
     * the admin token first (routeConfiguration admin-api), so that no call can be added without it.
     */
    @ParameterizedTest
    @MethodSource("routeFiles")
    void everyRestCallHasAnIdADescriptionAndARoute(Path file) throws IOException {
        Map<String, String> configurationOfRoute = new java.util.HashMap<>();
        for (Path any : routeFiles().toList()) {
            definitions(any, "route").forEach(route -> configurationOfRoute.put(
                    String.valueOf(map(route.get("from")).get("uri")), String.valueOf(route.get("routeConfigurationId"))));
        }
        List<String> offences = new ArrayList<>();
        for (Map<String, Object> rest : definitions(file, "rest")) {
            if (!rest.containsKey("id") || !rest.containsKey("description")) {
                offences.add("a rest " + rest.get("path") + " lacks an id or a description");
            }
            for (String verb : VERBS) {
                if (rest.get(verb) instanceof List<?> calls) {
                    for (Object each : calls) {
                        Map<String, Object> call = map(each);
                        String where = rest.get("id") + ": " + verb + " " + call.get("path");
                        if (!call.containsKey("id") || !call.containsKey("description")) {
                            offences.add(where + " lacks an id or a description");
                        }
                        String configurations = configurationOfRoute.get(String.valueOf(call.get("to")));
                        if (configurations == null) {
                            offences.add(where + " goes to " + call.get("to") + ", which no route of routes/ reads");
                        } else if (String.valueOf(rest.get("path")).startsWith("/admin/")
                                && !List.of(configurations.split(",")).contains("admin-api")) {
                            offences.add(where + ": its route does not check the admin token (routeConfiguration admin-api)");
                        }
                    }
                }
            }
        }
        assertThat(offences).as(file.toString()).isEmpty();
    }

    private static void checkSteps(String where, Object steps, List<String> offences) {
        if (!(steps instanceof List<?> list)) {
            return;
        }
        for (Object step : list) {
            map(step).forEach((kind, definition) -> {
                Map<String, Object> body = map(definition);
                if (!body.containsKey("id")) {
                    offences.add(where + ": a '" + kind + "' step has no id");
                }
                // A bean step's 'method' names the Java method to call; everywhere else it is the bean language.
                body.keySet().stream().filter(LANGUAGES::contains)
                        .filter(key -> !("bean".equals(kind) && "method".equals(key))).forEach(language ->
                        offences.add(where + "/" + body.get("id") + ": '" + language + "' is not under 'expression'"));
                body.forEach((key, value) -> {
                    if (NESTED_STEPS.contains(key)) {
                        checkNested(where + "/" + body.get("id"), value, offences);
                    }
                });
            });
        }
    }

    private static void checkNested(String where, Object value, List<String> offences) {
        if (value instanceof List<?> branches && !branches.isEmpty() && map(branches.get(0)).containsKey("steps")) {
            branches.forEach(branch -> checkSteps(where, map(branch).get("steps"), offences));
        } else if (value instanceof Map<?, ?> branch) {
            checkSteps(where, map(branch).get("steps"), offences);
        } else {
            checkSteps(where, value, offences);
        }
    }

    private static List<Map<String, Object>> definitions(Path file, String kind) throws IOException {
        Object document = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        List<Map<String, Object>> found = new ArrayList<>();
        for (Object entry : (List<?>) document) {
            Map<String, Object> item = map(entry);
            if (item.containsKey(kind)) {
                found.add(map(item.get(kind)));
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
