package io.github.flatchrlucca.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sends a call to the endpoint declared for its method and path; anything else is a 404. */
public final class Router {

    public interface Endpoint {
        Reply handle(Call call, MatchResult path);
    }

    private record Route(String method, Pattern path, Endpoint endpoint) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Declares an endpoint; pathRegex must match the whole path, its groups reach the endpoint. */
    public Router on(String method, String pathRegex, Endpoint endpoint) {
        routes.add(new Route(method, Pattern.compile(pathRegex), endpoint));
        return this;
    }

    Reply dispatch(Call call) {
        for (Route route : routes) {
            Matcher path = route.path.matcher(call.path());
            if (route.method.equals(call.method()) && path.matches()) {
                return route.endpoint.handle(call, path.toMatchResult());
            }
        }
        // Thrown, not answered, so the front writes it in the error envelope of the API it plays.
        throw ApiError.notFound("No route for " + call.method() + " " + call.path());
    }
}
