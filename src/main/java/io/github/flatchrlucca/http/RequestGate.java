package io.github.flatchrlucca.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Context;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the HTTP server refuses before a request's body is read, in front of Camel's routes: a caller without
 * the right token, a body larger than the limit, a client too slow to send its body. A body let through is read
 * once the {@link BodyBudget} has room for it. Camel's platform-http reads
 * the whole body before a route's first step runs, so a refusal made by the route itself would cost the
 * upload first. Also relabels bodies as raw bytes: Flatchr documents no Content-Type, and a JSON body sent as
 * {@code application/x-www-form-urlencoded} (curl's default) would be parsed by platform-http as a form, the
 * JSON lost or mangled ('+' becomes a space); no platform-http option keeps the raw body of a form. Uploads that
 * clients abandon are counted, not logged as errors: a client hanging up is not the connector's failure. A URL
 * whose path or query string does not decode is a 400 naming which, not a server's error.
 * Plain Vert.x handlers rather than Camel steps, because they must run before the body is read.
 */
public final class RequestGate implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGate.class);

    /** Refuses a request from its (normalised) path and headers alone, by throwing the {@link Problem} to answer. */
    @FunctionalInterface
    public interface Check {
        /**
         * @return whom the request is let in as, the tenant whose token it carries (told to the observer with a
         *         refusal that comes after the check), or null for no one in particular
         */
        String check(String path, HttpServerRequest request);
    }

    /** Told of what the gate did, for the metrics. */
    public interface Observer {
        /**
         * A request to {@code path} was answered {@code status} here; {@code admitted}: whom a guard's check let it in
         * as before that ({@link Check#check}), null when none did (refused by the check, or before it).
         */
        void refused(String path, String admitted, int status);

        /** The client of a request to {@code path} went away before it was answered. */
        void abandoned(String path);
    }

    private record Guard(String path, Check check, boolean readsBody) {
    }

    /** Set on a request that a guard let through with its body (see {@link #noBodyElsewhere}). */
    private static final String BODY_LET_THROUGH = "flatchr-lucca.body-let-through";

    /** Whom a guard's check let a request in as, kept on it for the refusals that come after the check. */
    private static final String ADMITTED = "flatchr-lucca.admitted";

    // How long, and how many bodies of the limit, a refused request's unread body is read and dropped before its
    // connection closes (closeAfterTheBody)
    private static final Duration LINGER = Duration.ofSeconds(2);
    private static final int LINGER_BODIES = 4;

    private final ObjectMapper json;
    private final int port;
    private final int maxBodyBytes;
    private final BodyBudget bodies;
    private final Duration bodyDeadline;
    private final Consumer<HttpConnection> arrived;
    private final Observer observer;
    private final List<Guard> guards = new ArrayList<>();
    private final List<Integer> unguardedPorts = new ArrayList<>();
    private boolean installed;

    /**
     * @param maxBodyBytes a body larger than this is refused from its Content-Length, before a byte of it is read
     * @param bodies       the bytes of bodies read and handled at once
     * @param bodyDeadline how long a client may take to send its whole body, whatever the path, its wait for the
     *                     budget included (a wait that long means the connector is overwhelmed, not slow)
     * @param arrived      told of each request whose headers arrived, with its connection ({@link VertxServers})
     */
    public RequestGate(ObjectMapper json, int port, int maxBodyBytes, BodyBudget bodies, Duration bodyDeadline,
                       Consumer<HttpConnection> arrived, Observer observer) {
        this.json = json;
        this.port = port;
        this.maxBodyBytes = maxBodyBytes;
        this.bodies = bodies;
        this.bodyDeadline = bodyDeadline;
        this.arrived = arrived;
        this.observer = observer;
    }

    /** Requests to {@code path} (a Vert.x path, "/webhooks/*") that carry a body the routes read raw. */
    public RequestGate bodies(String path, Check check) {
        guards.add(new Guard(path, check, true));
        return this;
    }

    /** Requests to {@code path} without a body to read, such as the metrics. */
    public RequestGate reads(String path, Check check) {
        guards.add(new Guard(path, check, false));
        return this;
    }

    /**
     * Another server of Camel's, on {@code port} (the management's own), that no guard reads: what Vert.x would answer
     * there itself, no route for the path or the method, a path that does not decode, is problem+json as on this
     * port. Its refusals are no webhook's: the observer is not told of them.
     */
    public RequestGate answersOn(int port) {
        unguardedPorts.add(port);
        return this;
    }

    @Override
    public synchronized void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // Camel calls this again for each route added once started (the tenants' routes): the handlers are added
        // once, or each request would pass the gate, and take its share of the body budget, as often
        if (installed) {
            return;
        }
        installed = true;
        VertxPlatformHttpRouter router = routerOn(context, port);
        // every path: Camel reads a body on any route, a GET's too
        router.route().order(-2).handler(this::arrived);
        for (Guard guard : guards) {
            // before Camel's own handlers (body handler first), whatever order they were added in
            router.route(guard.path()).order(-1).handler(request -> pass(request, guard));
        }
        // after the guards (same order, added later): every path without a guard that reads a body
        router.route().order(-1).handler(this::noBodyElsewhere);
        answerInsteadOfVertx(router, true);
        for (int unguarded : unguardedPorts) {
            VertxPlatformHttpRouter other = routerOn(context, unguarded);
            // past the first-request deadline there too once a request came (VertxServers): else a scraper's keep-alive
            // connection is closed HTTP_REQUEST_TIMEOUT_SECONDS after it opened, whatever it is doing then
            other.route().order(-2).handler(request -> {
                arrived.accept(request.request().connection());
                request.next();
            });
            answerInsteadOfVertx(other, false);
        }
    }

    private static VertxPlatformHttpRouter routerOn(CamelContext context, int port) {
        return VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port));
    }

    /**
     * What the server of Camel's {@code router} would answer itself, in HTML or not at all, is problem+json;
     * {@code observed}: the observer is told of the paths that do not decode and of the failures.
     */
    private void answerInsteadOfVertx(VertxPlatformHttpRouter router, boolean observed) {
        // a handler that throws, Camel's or the management's (health, metrics), would get Vert.x's own answer, in
        // plain text, and its stack trace logged as an error
        router.route().failureHandler(request -> failed(request, observed));
        // a path that does not decode (%ZZ) fails the match of the router Camel's is mounted in, before any route of
        // Camel's runs: Vert.x answers it a bare 400 and logs the exception as an error, for anyone who sends one
        outerRouter(router).errorHandler(400, request -> undecodablePath(request, observed));
        // last, whatever is added later: no route for this path, or none for this method, is problem+json where
        // the outer router would answer a page of HTML or an empty 405
        router.route().last().handler(request -> answer(request, Problem.notFound("Nothing is served at this path "
                + "for " + knownMethod(request.request().method()) + ".")));
    }

    /** The method's name when it is one of HTTP's: any other is the client's own text, not echoed. */
    private static String knownMethod(HttpMethod method) {
        return HttpMethod.values().contains(method) ? method.name() : "this method";
    }

    private void pass(RoutingContext request, Guard guard) {
        try {
            String admitted = guard.check().check(request.normalizedPath(), request.request());
            if (admitted != null) {
                request.put(ADMITTED, admitted);
            }
            if (guard.readsBody()) {
                request.put(BODY_LET_THROUGH, Boolean.TRUE);
                long length = bodyLength(request.request());
                request.request().headers().set(HttpHeaders.CONTENT_TYPE, "application/octet-stream");
                if (length > 0) {
                    readWhenBudgetAllows(request, length);
                    return;
                }
            }
        } catch (Problem refused) {
            observeRefusal(request, request.normalizedPath(), refused.status());
            answer(request, refused);
            return;
        }
        request.next();
    }

    /**
     * A body sent to a path that takes none (the status page, its assets, the metrics) is refused unread: Camel's
     * platform-http would read it whole on any route, a GET's too, with no token asked and outside the budget.
     */
    private void noBodyElsewhere(RoutingContext request) {
        HttpServerRequest http = request.request();
        String length = http.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean body = http.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || length != null && !length.trim().equals("0");
        if (body && request.get(BODY_LET_THROUGH) == null) {
            observeRefusal(request, request.normalizedPath(), 400);
            answer(request, Problem.badRequest("body", "This path takes no body."));
            return;
        }
        request.next();
    }

    /**
     * The body's length, from its Content-Length, refused when over the limit; the limit itself for a body sent in
     * chunks, whose length is known only once read; 0 when the request has no body.
     */
    private long bodyLength(HttpServerRequest request) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return request.headers().contains(HttpHeaders.TRANSFER_ENCODING) ? maxBodyBytes : 0;
        }
        try {
            long length = Long.parseLong(declared.trim());
            if (length > maxBodyBytes) {
                throw Problem.tooLarge(maxBodyBytes);
            }
            return length;
        } catch (NumberFormatException e) {
            throw Problem.badRequest("Content-Length", "The Content-Length header is not a number.");
        }
    }

    /**
     * Camel's handlers read the body once the budget has its bytes: at once, or when a body before it is answered.
     * The request is paused meanwhile, so that its body stays in the network's buffers (Vert.x would otherwise
     * read it into no handler, and lose it); Vert.x's body handler resumes it. The bytes are given back when the
     * answer is sent or the client is gone, a 408 for a wait past the body's deadline included. Paused, the request
     * still takes in the bytes its head came with, and Netty's decoder fails on a broken chunk among them there and
     * then: with no body handler yet to fail the request, Vert.x closed the connection unanswered. So the request is
     * failed as the body handler fails it (a 400 for a DecoderException), and answered before that close.
     */
    private void readWhenBudgetAllows(RoutingContext request, long length) {
        request.request().pause();
        request.request().exceptionHandler(broken -> {
            if (broken instanceof DecoderException) {
                request.fail(400, broken);
            } else {
                request.fail(broken);
            }
        });
        Context context = request.vertx().getOrCreateContext();
        BodyBudget.Share share = bodies.take(length, () -> context.runOnContext(granted -> {
            if (!request.response().ended()) {
                request.next();
            }
        }));
        request.addEndHandler(ended -> bodies.end(share));
        if (share.grantedAtOnce()) {
            request.next();
        }
    }

    /**
     * The request's headers are in: its connection has served its purpose ({@link VertxServers}), and its body
     * must follow within the deadline. A body still not whole then is answered 408 and its connection closed.
     */
    private void arrived(RoutingContext request) {
        arrived.accept(request.request().connection());
        // Checked before any reader of a parameter (a guard's token, Camel's headers), whom a malformed escape
        // (%ZZ) would fail as the server's own error, a 500.
        if (malformedQuery(request)) {
            observeRefusal(request, request.normalizedPath(), 400);
            answer(request, MALFORMED_QUERY);
            return;
        }
        long timer = request.vertx().setTimer(bodyDeadline.toMillis(), fired -> {
            if (!request.request().isEnded() && !request.response().ended()) {
                observeRefusal(request, request.normalizedPath(), 408);
                answer(request, Problem.requestTimeout(bodyDeadline));
            }
        });
        request.addEndHandler(ended -> request.vertx().cancelTimer(timer));
        request.next();
    }

    private static final Problem MALFORMED_QUERY = Problem.badRequest("query", "The URL's query string is not "
            + "valid: a % must start an escape such as %40.");

    private static final Problem UNREADABLE_BODY = Problem.badRequest("body", "The request could not be read.");

    private static final Problem MALFORMED_PATH = Problem.badRequest("path", "The URL's path is not valid: a % must "
            + "start an escape such as %40.");

    /**
     * The router in which Camel's is mounted (at "/*"), the server's handler: the only one whose match reads the
     * path of every request, Camel's router being reached only through it.
     */
    private static Router outerRouter(VertxPlatformHttpRouter router) {
        if (router.getServer().getServer().requestHandler() instanceof Router outer) {
            return outer;
        }
        throw new IllegalStateException("Camel's HTTP server on port " + router.getServer().getPort()
                + " is not served by a Vert.x router: its paths that do not decode would be answered as Vert.x's errors");
    }

    /**
     * A 400 of the outer router, which matches the path alone: a path that does not decode. Told with the path as
     * sent, the only one there is.
     */
    private void undecodablePath(RoutingContext request, boolean observed) {
        Problem problem = malformedPath(request) ? MALFORMED_PATH
                : Problem.badRequest("request", "The request could not be read.");
        if (observed) {
            observeRefusal(request, request.request().path(), problem.status());
        }
        answer(request, problem);
    }

    /**
     * Whether Netty's decoder failed on a chunk's size that is no hexadecimal number, while the body was being read.
     * Its other failures on a body (a chunk not ended where its size says, a size line too long) are DecoderExceptions,
     * which Vert.x's body handler fails as a 400; this one is a bare NumberFormatException, which it fails as the
     * server's own error.
     */
    private static boolean chunkSizeNotANumber(RoutingContext request) {
        return !request.request().isEnded() && request.failure() instanceof NumberFormatException;
    }

    /** Whether the query string cannot be decoded (Vert.x's own decoder, Netty's, says so by throwing). */
    private static boolean malformedQuery(RoutingContext request) {
        return doesNotDecode(() -> new QueryStringDecoder(request.request().uri()).parameters());
    }

    /** Whether the path cannot be decoded as Vert.x decodes it to match routes (in linear time), which throws. */
    private static boolean malformedPath(RoutingContext request) {
        return doesNotDecode(request::normalizedPath);
    }

    private static boolean doesNotDecode(Runnable decoding) {
        try {
            decoding.run();
            return false;
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }

    /**
     * Failures of the server's own handlers: an upload cut short, a body over the server's limit; and of any other
     * handler, a 500 that names nothing of its failure. {@code observed}: the observer is told.
     */
    private void failed(RoutingContext request, boolean observed) {
        if (request.response().ended()) {
            return; // answered already (a 408 here, say): the closed connection that follows is no news
        }
        if (request.failure() instanceof HttpClosedException || request.response().closed()) {
            if (observed) {
                observer.abandoned(request.normalizedPath());
            }
            return;
        }
        Problem problem = malformedQuery(request) ? MALFORMED_QUERY
                : chunkSizeNotANumber(request) ? UNREADABLE_BODY : switch (request.statusCode()) {
            case 413 -> Problem.tooLarge(maxBodyBytes);
            case 408 -> Problem.requestTimeout(bodyDeadline);
            default -> {
                if (request.statusCode() >= 400 && request.statusCode() < 500) {
                    yield UNREADABLE_BODY;
                }
                LOG.warn("the HTTP server failed a request to {}: {}", request.normalizedPath(),
                        request.failure() == null ? request.statusCode() : request.failure().getClass().getSimpleName());
                yield Problem.internal();
            }
        };
        if (observed) {
            observeRefusal(request, request.normalizedPath(), problem.status());
        }
        answer(request, problem);
    }

    /**
     * Tells the observer of a refusal, with whom the request was let in as when a guard's check let it in: a body
     * too large, too slow or badly chunked after the right token is that tenant's, not a stranger's.
     */
    private void observeRefusal(RoutingContext request, String path, int status) {
        observer.refused(path, request.get(ADMITTED), status);
    }

    /**
     * Answers with a problem; when the body has not been read, the connection closes after the answer rather than
     * take the rest of an upload nobody will read.
     */
    private void answer(RoutingContext request, Problem problem) {
        boolean unread = !request.request().isEnded();
        if (unread) {
            request.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        request.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(write(problem))
                // Vert.x closes a "Connection: close" once the request has ended too, which a request paused while it
                // waits for the body budget never does: its connection stayed open after its 408 (BodyBudgetIT). The
                // server speaks HTTP/1.1 only (VertxServers), so the connection carries no other request to lose
                .onComplete(sent -> {
                    if (unread) {
                        closeAfterTheBody(request, sent.succeeded() && problem.status() != 408);
                    }
                });
        if (unread) {
            sendBeforeABrokenBodyCloses(request.request().connection());
        }
    }

    /**
     * Sends what was written now rather than once the network's read in progress ends, as Vert.x does. Bytes of the
     * body that Netty's decoder cannot read (a chunk size that is no number) make Vert.x close the connection there
     * and then, in that same read (Http1xServerConnection.handleError, then VertxHandler.exceptionCaught), and
     * Netty's close drops what was not sent yet: this answer, a 401 for a wrong token, or the 400 naming the body.
     * Only Vert.x's own connection class can be told so ({@code flush} is no method of the public HttpConnection).
     */
    private static void sendBeforeABrokenBodyCloses(HttpConnection connection) {
        if (connection instanceof ConnectionBase network) {
            network.flush();
        }
    }

    /**
     * Closes the connection of a request answered before its body was read. Closed at once, it resets under the
     * bytes the client is still sending, and a client that sends its body whole (most do) reads that reset instead
     * of the answer: a 413, a 401 for a wrong token. So, as web servers do (a "lingering close"), the rest of the body
     * is read and dropped first, for at most {@link #LINGER} and up to {@link #LINGER_BODIES} bodies of the limit,
     * none of it kept. A client too slow for the body deadline (408) is not waited for again, nor one whose answer
     * could not be sent.
     */
    private void closeAfterTheBody(RoutingContext request, boolean linger) {
        HttpServerRequest http = request.request();
        HttpConnection connection = http.connection();
        if (!linger || http.isEnded()) {
            connection.close();
            return;
        }
        long timer = request.vertx().setTimer(LINGER.toMillis(), late -> connection.close());
        long[] dropped = {0};
        http.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > (long) LINGER_BODIES * maxBodyBytes) {
                request.vertx().cancelTimer(timer);
                connection.close();
            }
        });
        http.exceptionHandler(gone -> request.vertx().cancelTimer(timer));
        http.endHandler(ended -> {
            request.vertx().cancelTimer(timer);
            connection.close();
        });
        http.resume();
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem.document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem answer could not be written", e);
        }
    }
}
