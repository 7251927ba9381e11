package io.github.flatchrlucca.intake;

import io.vertx.core.http.HttpHeaders;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Makes the webhook receive its body raw. Flatchr documents no Content-Type, and a JSON body sent as
 * {@code application/x-www-form-urlencoded} (curl's default) would be parsed by platform-http as a
 * form: the JSON lost, or worse, mangled ('+' becomes a space). No platform-http option keeps the raw
 * body of a form, so this Vert.x handler, placed before Camel's own, relabels the body as bytes.
 */
public final class RawWebhookBody implements StartupListener {

    private final String pathPrefix;
    private final int port;

    public RawWebhookBody(String pathPrefix, int port) {
        this.pathPrefix = pathPrefix;
        this.port = port;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port)).route(pathPrefix + "*").order(-1).handler(routing -> {
            routing.request().headers().set(HttpHeaders.CONTENT_TYPE, "application/octet-stream");
            routing.next();
        });
    }
}
