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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every request meets before a resource, in this order: the rate limit, the faults a test injected,
 * then the API key. Limits and faults come first because they model the API's gateway, which answers
 * before the application looks at the key. Every request is logged, refused ones too. What differs
 * between the APIs the fakes play (how the key is presented, the error envelope) is their {@link Dialect}.
 */
public final class Front implements HttpHandler {

    /** How one API takes its key and writes its errors. */
    public interface Dialect {

        /** Names the fake in the 500 its own bugs answer. */
        String name();

        /** Whether this request presents {@code acceptedKey}; {@code authorization} is null when absent. */
        boolean presents(String acceptedKey, String authorization, String rawQuery);

        /** This API's error answer. */
        Reply error(int status, String message);
    }

    private final Router router;
    private final Faults faults;
    private final RequestLog log;
    private final Dialect dialect;
    private volatile String acceptedKey; // null: no key is accepted
    private volatile SlidingWindowLimiter limiter; // null: no limit
    private volatile Duration latency = Duration.ZERO;
    // the next request of a method and path whose answer waits until released (holdNextAnswer); null: none
    private final AtomicReference<Held> held = new AtomicReference<>();

    private record Held(String method, String path, CountDownLatch released) {
    }

    public Front(Router router, Faults faults, RequestLog log, Dialect dialect, String apiKey) {
        this.router = router;
        this.faults = faults;
        this.log = log;
        this.dialect = dialect;
        acceptKey(apiKey);
    }

    /** From now on only this key is accepted. */
    public void acceptKey(String apiKey) {
        acceptedKey = Objects.requireNonNull(apiKey, "apiKey");
    }

    /** From now on no key is accepted, until {@link #acceptKey} names one. */
    public void refuseEveryKey() {
        acceptedKey = null;
    }

    void limit(SlidingWindowLimiter newLimiter) {
        limiter = newLimiter;
    }

    public void latency(Duration perRequest) {
        latency = perRequest;
    }

    /**
     * The next {@code method} request to {@code path} is served and logged at once, and answered only once the
     * returned action runs (or after two minutes): a client's call left on its way for as long as a test needs.
     */
    public Runnable holdNextAnswer(String method, String path) {
        Held hold = new Held(method, path, new CountDownLatch(1));
        held.set(hold);
        return hold.released()::countDown;
    }

    private void awaitRelease(String method, String path) {
        Held hold = held.get();
        if (hold != null && hold.method().equals(method) && hold.path().equals(path) && held.compareAndSet(hold, null)) {
            try {
                hold.released().await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
            awaitRelease(method, uri.getPath());
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
                .or(() -> unauthorized(authorization, call.rawQuery()))
                .orElseGet(() -> act(call));
    }

    private Optional<Reply> rateLimit(Instant at) {
        SlidingWindowLimiter current = limiter;
        return current == null ? Optional.empty() : current.refusal(at)
                .map(wait -> dialect.error(429, "Too Many Requests").withHeader("Retry-After", Long.toString(seconds(wait))));
    }

    /** Retry-After counts whole seconds: rounded up, and never 0, which a client could read as "now". */
    private static long seconds(Duration wait) {
        long millis = wait.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private Optional<Reply> unauthorized(String authorization, String rawQuery) {
        String key = acceptedKey;
        return key != null && dialect.presents(key, authorization, rawQuery) ? Optional.empty()
                : Optional.of(dialect.error(401, "Unauthorized"));
    }

    private Reply act(Call call) {
        Reply reply;
        try {
            reply = router.dispatch(call);
        } catch (ApiError error) {
            reply = dialect.error(error.status(), error.getMessage());
        } catch (RuntimeException bug) {
            reply = dialect.error(500, "fake " + dialect.name() + " failed: " + bug);
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
