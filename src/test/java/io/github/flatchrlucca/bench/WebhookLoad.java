package io.github.flatchrlucca.bench;

import io.github.flatchrlucca.bench.HireEvents.Webhook;
import io.github.flatchrlucca.bench.LoadRun.Sample;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends distinct hires to a webhook in another process over loopback, from a fixed number of
 * keep-alive connections, each with its own thread, in one of two shapes:
 * <ul>
 * <li>open loop at a fixed rate: a clock hands out send times, evenly spaced, and the next free
 * connection sends; latency counts from the send time, so a server that falls behind is charged for
 * the queue it causes (no coordinated omission);</li>
 * <li>closed loop, to find saturation: every connection sends again as soon as it is answered.</li>
 * </ul>
 * Every run is bounded in count and in time.
 */
final class WebhookLoad {

    // Enough for 1,000 webhooks a second to wait on a server pause of 30 ms without queueing here.
    private static final int OPEN_LOOP_CONNECTIONS = 32;
    private static final long STOP = Long.MIN_VALUE;

    private final URI webhook;
    private final HireEvents hires;

    WebhookLoad(URI webhook, HireEvents hires) {
        this.webhook = webhook;
        this.hires = hires;
    }

    /** Open loop: {@code perSecond} webhooks a second for {@code duration}. */
    LoadRun atRate(int perSecond, Duration duration) throws Exception {
        BlockingQueue<Long> sendTimes = new LinkedBlockingQueue<>();
        return run(OPEN_LOOP_CONNECTIONS, sendTimes::take, () -> {
            long count = perSecond * duration.toSeconds();
            long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                long sendAt = start + i * interval;
                sleepUntil(sendAt);
                sendTimes.add(sendAt);
            }
            for (int i = 0; i < OPEN_LOOP_CONNECTIONS; i++) {
                sendTimes.add(STOP);
            }
        }, duration);
    }

    /** Closed loop: {@code connections} connections sending back to back for {@code duration}. */
    LoadRun saturate(int connections, Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        return run(connections, () -> System.nanoTime() < deadline ? System.nanoTime() : STOP, () -> { }, duration);
    }

    /** When the next webhook is to be sent, or {@link #STOP}. */
    @FunctionalInterface
    private interface SendTimes {
        long next() throws InterruptedException;
    }

    private LoadRun run(int connections, SendTimes sendTimes, ThrowingRunnable clock, Duration duration)
            throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(connections, task -> {
            Thread thread = new Thread(task, "load-sender");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Instant began = Instant.now();
            List<Future<List<Sample>>> perConnection = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                perConnection.add(senders.submit(() -> send(sendTimes)));
            }
            clock.run();
            List<Sample> samples = new ArrayList<>();
            // Bounded: past the run, each connection has at most its queue to send, each send timing out.
            long timeout = duration.toSeconds() * 3 + 30;
            for (Future<List<Sample>> connection : perConnection) {
                samples.addAll(connection.get(timeout, TimeUnit.SECONDS));
            }
            Instant lastAnswer = samples.stream().map(Sample::answeredAt).max(Instant::compareTo).orElse(began);
            return new LoadRun(samples, Duration.between(began, lastAnswer));
        } finally {
            senders.shutdownNow();
        }
    }

    private List<Sample> send(SendTimes sendTimes) throws InterruptedException {
        List<Sample> samples = new ArrayList<>();
        try (HttpConnection connection = new HttpConnection(webhook)) {
            for (long sendAt = sendTimes.next(); sendAt != STOP; sendAt = sendTimes.next()) {
                Webhook hire = hires.next();
                int status;
                try {
                    status = connection.post(hire.body().getBytes(StandardCharsets.UTF_8));
                } catch (IOException noAnswer) {
                    status = LoadRun.NO_ANSWER;
                }
                samples.add(new Sample(hire.applicantId(), status, System.nanoTime() - sendAt, Instant.now()));
            }
        }
        return samples;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws InterruptedException;
    }

    private static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
