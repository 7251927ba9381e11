package io.github.flatchrlucca.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.VertxWrapper;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Vert.x instance Camel's HTTP servers run on, with an idle timeout on every connection they accept. Camel's
 * platform-http server builds its {@link HttpServerOptions} itself and offers no setting for it (a connection
 * that sends nothing would stay open forever), but it takes the Vert.x instance from the registry: this one
 * sets the timeout on the options of each server it creates. Vert.x's own {@code VertxWrapper} forwards
 * everything else, so nothing but this one option changes.
 */
public final class ServerTimeouts extends VertxWrapper {

    private final Duration idle;

    private ServerTimeouts(VertxInternal delegate, Duration idle) {
        super(delegate);
        this.idle = idle;
    }

    /** A new Vert.x instance whose HTTP servers close a connection idle for longer than {@code idle}. */
    public static Vertx withIdleTimeout(Duration idle) {
        return new ServerTimeouts((VertxInternal) Vertx.vertx(), idle);
    }

    @Override
    public HttpServer createHttpServer(HttpServerOptions options) {
        return super.createHttpServer(new HttpServerOptions(options)
                .setIdleTimeout((int) idle.toSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS));
    }
}
