package io.github.flatchrlucca.http;

import java.util.Collection;
import java.util.List;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * A parameter of the request's query string, never one of its HTTP headers. Camel's message headers hold both, so a
 * client's {@code From:} (an e-mail address, RFC 9110) would stand for a {@code from} filter, and a header a proxy
 * adds ({@code Tenant:}) would choose the tenant of a backfill. A parameter given more than once is refused, whatever
 * the endpoint: taking one of its values would answer a question the caller did not ask
 * ({@code status=dead&status=received} is not a list of the dead hires).
 */
public final class QueryParameter {

    private QueryParameter() {
    }

    /**
     * The parameter's value, trimmed; null when it is missing or blank.
     *
     * @throws Problem 400 naming it when it is given more than once
     */
    public static String of(Message request, String name) {
        // Outside an HTTP request (a route test sending straight to a direct endpoint) only headers can carry it,
        // a repeated one as a list, as platform-http maps a repeated parameter to a header.
        List<?> values = request instanceof HttpMessage http ? http.getRequest().params().getAll(name)
                : request.getHeader(name) instanceof Collection<?> several ? List.copyOf(several)
                : request.getHeader(name) == null ? List.of() : List.of(request.getHeader(name, String.class));
        if (values.size() > 1) {
            throw Problem.badRequest(name, "The parameter " + name + " is given more than once: give it once.");
        }
        String value = values.isEmpty() ? null : String.valueOf(values.get(0));
        return value == null || value.isBlank() ? null : value.trim();
    }
}
