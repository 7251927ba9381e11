package io.github.flatchrlucca.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The team's chat, a Slack or Mattermost incoming webhook, on 127.0.0.1: keeps every message posted to it, each try
 * of it, and answers 200, unless a test tells it to do otherwise with the messages that contain a text of its
 * choosing: refuse them with a status (and a Retry-After), hang up without an answer, or hold them unanswered until
 * it lets them go. Thread-safe: the connector posts from several threads while the test tells and observes it.
 */
public final class FakeChat implements AutoCloseable {

    /** One message as it reached the chat, at one try. */
    public record Post(String body, Instant at) {
    }

    /** What the chat does with the next {@code times} messages containing {@code text}. */
    private record Rule(String text, AtomicInteger times, int status, String retryAfter) {
    }

    // enough for the alerts a test holds in the air and those that come meanwhile
    private static final int THREADS = 32;
    private static final int HANG_UP = -1;
    private static final int HOLD = -2;

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch held = new CountDownLatch(1);

    private FakeChat(HttpServer server) {
        this.server = server;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, task -> {
            // Daemon: a test that forgets close() must not keep the JVM alive.
            Thread thread = new Thread(task, "fake-chat-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::answer);
    }

    /** Binds a free port on 127.0.0.1 and starts answering. */
    public static FakeChat start() {
        try {
            FakeChat chat = new FakeChat(HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"),
                    0), 0));
            chat.server.start();
            return chat;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake chat", e);
        }
    }

    /** The webhook's URL, a secret in real life: its path is what a log must never show. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + secretPath();
    }

    public static String secretPath() {
        return "/hooks/T0FAKE/B0FAKE/fake-secret-of-the-chat";
    }

    /** Every message posted, each try of it, in the order they came. */
    public List<String> messages() {
        return posts.stream().map(Post::body).toList();
    }

    /** The tries of the messages containing {@code text}, in the order they came. */
    public List<Post> triesOf(String text) {
        return posts.stream().filter(post -> post.body().contains(text)).toList();
    }

    /** The next {@code times} messages containing {@code text} are answered {@code status}, with no Retry-After. */
    public void refuse(String text, int times, int status) {
        refuse(text, times, status, null);
    }

    /** The next {@code times} messages containing {@code text} are answered {@code status} and this Retry-After. */
    public void refuse(String text, int times, int status, String retryAfter) {
        rules.add(new Rule(text, new AtomicInteger(times), status, retryAfter));
    }

    /** The next {@code times} messages containing {@code text} get no answer: the connection is closed. */
    public void hangUp(String text, int times) {
        rules.add(new Rule(text, new AtomicInteger(times), HANG_UP, null));
    }

    /** The messages containing {@code text} wait unanswered, their connections open, until {@link #release()}. */
    public void hold(String text) {
        rules.add(new Rule(text, new AtomicInteger(Integer.MAX_VALUE), HOLD, null));
    }

    /** The messages held are answered 200, and the next ones are no longer held. */
    public void release() {
        rules.removeIf(rule -> rule.status() == HOLD);
        CountDownLatch released = held;
        held = new CountDownLatch(1);
        released.countDown();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            posts.add(new Post(body, Instant.now()));
            Rule rule = ruleFor(body);
            if (rule == null) {
                exchange.sendResponseHeaders(200, -1);
            } else if (rule.status() == HANG_UP) {
                // closed without a status line: the connector reads no answer, as from a reset connection
                return;
            } else if (rule.status() == HOLD) {
                awaitRelease();
                exchange.sendResponseHeaders(200, -1);
            } else {
                if (rule.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", rule.retryAfter());
                }
                exchange.sendResponseHeaders(rule.status(), -1);
            }
        }
    }

    /** The first rule for this message that has times left, one of them taken; null when none: a 200. */
    private Rule ruleFor(String body) {
        for (Rule rule : rules) {
            if (body.contains(rule.text()) && rule.times().getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                return rule;
            }
        }
        return null;
    }

    private void awaitRelease() {
        try {
            held.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
