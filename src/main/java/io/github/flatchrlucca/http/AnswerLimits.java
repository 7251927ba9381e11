package io.github.flatchrlucca.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * Bounds every answer the connector reads over HTTP (Lucca, Flatchr's API, the chat of the alerts): at most
 * {@link #MAX_BYTES}, and the whole call, connection, headers and body, within its deadline. Camel's http component
 * reads a whole answer into memory before any step of a route sees it, and its timeouts bound each wait for a byte,
 * not the answer: a Lucca (or a proxy before it) answering 450 MB took the heap, again at each restart on the same
 * due hire, and one answering a byte every few seconds held a tenant's delivery for as long as it went on. Past either
 * limit the connection is closed at once, not drained, and the call fails as a broken connection does: tried again
 * with backoff, dead past RETRY_MAX_AGE_HOURS. Written as a step of Apache HttpClient's chain, on which Camel's
 * component is built, as neither offers such a bound.
 */
public final class AnswerLimits implements HttpClientConfigurer {

    /**
     * Lucca's largest answers are pages of its people, about 200 KB for the thousand of a page; Flatchr's are pages
     * of applications. Forty times that, and the JSON tree made of it, still fit in the heap the deployment gives.
     */
    public static final long MAX_BYTES = 8L * 1024 * 1024;
    // One daemon thread for every call's deadline: it only closes the connection of a call that is late.
    private static final ScheduledThreadPoolExecutor DEADLINES = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "http-answer-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    static {
        // a call answered in time leaves no task behind until its deadline
        DEADLINES.setRemoveOnCancelPolicy(true);
    }

    private final long maxBytes;
    private final Duration within;

    /**
     * @param within how long a call may take, from its connection to the last byte of its answer: twice
     *               LUCCA_TIMEOUT_MS, the connection's and the answer's, as the claim's lease counts a call
     */
    public AnswerLimits(long maxBytes, Duration within) {
        this.maxBytes = maxBytes;
        this.within = within;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        // first: around every other step, so that the answer it sees is the one Camel reads, already expanded by
        // HttpClient's decompression when it came gzipped: a compressed bomb is counted as what it becomes
        builder.addExecInterceptorFirst("answer-limits", this::call);
    }

    private ClassicHttpResponse call(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        Deadline deadline = new Deadline(scope.execRuntime);
        ClassicHttpResponse response;
        try {
            response = chain.proceed(request, scope);
        } catch (IOException failed) {
            deadline.cancel();
            throw deadline.passed ? deadline.passed() : failed;
        } catch (HttpException | RuntimeException failed) {
            deadline.cancel();
            throw failed;
        }
        HttpEntity answer = response.getEntity();
        if (answer == null) {
            deadline.cancel();
        } else if (answer.getContentLength() > maxBytes) {
            deadline.closeNow();
            throw new AnswerBeyondLimits(true, "the answer declares " + answer.getContentLength() + " bytes, over the "
                    + maxBytes + " the connector reads");
        } else {
            response.setEntity(new Limited(answer, deadline));
        }
        return response;
    }

    /** Past either limit. An IOException, as a connection cut short is: the callers already retry those. */
    public static final class AnswerBeyondLimits extends IOException {

        private final boolean tooLarge;

        AnswerBeyondLimits(boolean tooLarge, String message) {
            super(message);
            this.tooLarge = tooLarge;
        }

        /** Over the size the connector reads, rather than late: the service answered, the cap is ours. */
        public boolean tooLarge() {
            return tooLarge;
        }
    }

    /** Closes the call's connection when its time is up; cancelled once its answer has been read. */
    private final class Deadline {

        private final ExecRuntime connection;
        private final ScheduledFuture<?> watch;
        private volatile boolean passed;

        Deadline(ExecRuntime connection) {
            this.connection = connection;
            this.watch = DEADLINES.schedule(() -> {
                passed = true;
                connection.discardEndpoint();
            }, within.toNanos(), TimeUnit.NANOSECONDS);
        }

        void cancel() {
            watch.cancel(false);
        }

        /** The connection goes, unread: closing the answer's stream would read the rest of it first. */
        void closeNow() {
            cancel();
            connection.discardEndpoint();
        }

        AnswerBeyondLimits passed() {
            return new AnswerBeyondLimits(false, "the call took more than " + within.toMillis() + " ms, its answer unread");
        }
    }

    private final class Limited extends HttpEntityWrapper {

        private final Deadline deadline;
        private volatile boolean cut;

        Limited(HttpEntity answer, Deadline deadline) {
            super(answer);
            this.deadline = deadline;
        }

        @Override
        public InputStream getContent() throws IOException {
            return new FilterInputStream(super.getContent()) {
                private long read;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n;
                    try {
                        n = super.read(buffer, offset, length);
                    } catch (IOException failed) {
                        throw deadline.passed ? deadline.passed() : failed;
                    }
                    if (deadline.passed) {
                        throw deadline.passed();
                    }
                    if (n < 0) {
                        deadline.cancel();
                    } else if ((read += n) > maxBytes) {
                        cut = true;
                        deadline.closeNow();
                        throw new AnswerBeyondLimits(true, "the answer is over the " + maxBytes + " bytes the connector "
                                + "reads");
                    }
                    return n;
                }

                @Override
                public void close() throws IOException {
                    deadline.cancel();
                    if (!cut && !deadline.passed) {
                        super.close();
                    }
                }
            };
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream in = getContent()) {
                in.transferTo(out);
            }
        }

        @Override
        public void close() throws IOException {
            deadline.cancel();
            if (!cut && !deadline.passed) {
                super.close();
            }
        }
    }
}
