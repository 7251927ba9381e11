package io.github.flatchrlucca.http;

import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * A parameter of the request's query string, never one of its HTTP headers. Camel's message headers hold both, so a
 * client's {@code From:} (an e-mail address, RFC 9110) would stand for a {@code from} filter, and a header a proxy
 * adds ({@code Tenant:}) would choose the tenant of a backfill.
 */
public final class QueryParameter {

    private QueryParameter() {
    }

    /** The parameter's value, trimmed; null when it is missing or blank. */
    public static String of(Message request, String name) {
        // Outside an HTTP request (a route test sending straight to a direct endpoint) only headers can carry it.
        String value = request instanceof HttpMessage http ? http.getRequest().getParam(name)
                : request.getHeader(name, String.class);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
