package io.github.flatchrlucca.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What every request meets before a resource, in this order: the rate limit, the faults a test injected,
 * then the API key. Limits and faults come first because they model Lucca's gateway, which answers
 * before the application looks at the key. Every request is logged, refused ones too.
 */
final class Front implements HttpHandler {

    private static final String SCHEME = "lucca application=";

    private final Router router;
    private final Faults faults;
    private final RequestLog log;
    private volatile String acceptedAuthorization;
    private volatile SlidingWindowLimiter limiter; // null: no limit
    private volatile Duration latency = Duration.ZERO;

    Front(Router router, Faults faults, RequestLog log, String apiKey) {
        this.router = router;
        this.faults = faults;
        this.log = log;
        acceptKey(apiKey);
    }

    void acceptKey(String apiKey) {
        acceptedAuthorization = SCHEME + apiKey;
    }

    void limit(SlidingWindowLimiter newLimiter) {
        limiter = newLimiter;
    }

    void latency(Duration perRequest) {
        latency = perRequest;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        try {
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Call call = new Call(method, uri.getPath(), uri.getRawQuery(), body);

            Reply reply = answer(call, authorization, at);
            // Logged before answering: a client that has its answer finds its request in the log.
            log.add(new Request(method, uri.getPath(), Objects.requireNonNullElse(uri.getQuery(), ""),
                    authorization, body, reply.status(), at));
            pause();
            if (reply != Reply.LOST) {
                send(exchange, reply);
            }
        } finally {
            // Closing an exchange whose response headers were never sent closes the TCP connection:
            // that is how a lost answer reaches the client, as an end of stream instead of a response.
            exchange.close();
        }
    }

    private Reply answer(Call call, String authorization, Instant at) {
        return rateLimit(at)
                .or(() -> faults.takeInjected(call.method(), call.path()))
                .or(() -> unauthorized(authorization))
                .orElseGet(() -> act(call));
    }

    private Optional<Reply> rateLimit(Instant at) {
        SlidingWindowLimiter current = limiter;
        return current == null ? Optional.empty() : current.refusal(at).map(wait -> Reply.tooManyRequests(seconds(wait)));
    }

    /** Retry-After counts whole seconds: rounded up, and never 0, which a client could read as "now". */
    private static long seconds(Duration wait) {
        long millis = wait.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private Optional<Reply> unauthorized(String authorization) {
        return acceptedAuthorization.equals(authorization) ? Optional.empty()
                : Optional.of(Reply.error(401, "Unauthorized"));
    }

    private Reply act(Call call) {
        Reply reply;
        try {
            reply = router.dispatch(call);
        } catch (LuccaError error) {
            reply = error.reply();
        } catch (RuntimeException bug) {
            reply = Reply.error(500, "fake Lucca failed: " + bug);
        }
        return faults.takeLostAnswer(call.method(), call.path()) ? Reply.LOST : reply;
    }

    private void pause() {
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
