package io.github.flatchrlucca.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.VertxWrapper;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Vert.x instance Camel's HTTP servers run on, which bounds how long a connection may take: one that sends
 * nothing for the idle timeout is closed, and one that has not sent a whole request head within the request
 * deadline of connecting is closed too, so that a client trickling its headers a byte at a time cannot hold it;
 * each connection carries one request at a time (HTTP/1.1), so that holding back one request's body holds
 * back no other request; and a request whose head cannot be read is answered with problem+json
 * ({@link UnreadableRequests}).
 * Camel's platform-http server builds its {@link HttpServerOptions} and its {@link HttpServer} itself and offers
 * no setting for any of these, but it takes the Vert.x instance from the registry: this one adds them to each
 * server it creates. Vert.x's own {@code VertxWrapper} (an internal class: the only way to take part in the
 * server's creation) forwards everything else.
 */
public final class VertxServers extends VertxWrapper {

    private final Duration idle;
    private final Duration firstRequest;
    private final Set<HttpConnection> served = ConcurrentHashMap.newKeySet();
    // its own mapper: this instance is made on a thread of its own while the start goes on (ConnectorConfiguration)
    private final UnreadableRequests unreadable = new UnreadableRequests(new ObjectMapper());

    private VertxServers(VertxInternal delegate, Duration idle, Duration firstRequest) {
        super(delegate);
        this.idle = idle;
        this.firstRequest = firstRequest;
    }

    /**
     * A new Vert.x instance whose HTTP servers close a connection idle for longer than {@code idle}, or that has
     * not sent a whole request head within {@code firstRequest} of connecting.
     */
    public static VertxServers create(Duration idle, Duration firstRequest) {
        return new VertxServers((VertxInternal) Vertx.vertx(), idle, firstRequest);
    }

    /** A request's head arrived on this connection: the first-request deadline no longer applies to it. */
    public void requestArrived(HttpConnection connection) {
        served.add(connection);
    }

    @Override
    public HttpServer createHttpServer(HttpServerOptions options) {
        HttpServer server = super.createHttpServer(new HttpServerOptions(options)
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, idle.toSeconds()))
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                // HTTP/1.1 only, as browsers and webhook senders speak it in clear (TLS ends at the proxy): HTTP/2
                // without TLS (h2c) carries many requests on one connection, whose flow-control window a body held
                // back by the body budget (RequestGate) would keep from the others, and all of them would stall
                .setHttp2ClearTextEnabled(false));
        // set before Camel makes the server listen, as Vert.x requires
        server.invalidRequestHandler(unreadable);
        return server.connectionHandler(connection -> {
            long timer = setTimer(firstRequest.toMillis(), fired -> {
                if (!served.contains(connection)) {
                    connection.close();
                }
            });
            connection.closeHandler(closed -> {
                cancelTimer(timer);
                served.remove(connection);
            });
        });
    }
}
