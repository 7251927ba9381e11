package io.github.flatchrlucca.fake;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Failures a test asks for, consumed in the order they were asked. An injected reply stands in for the
 * real one (the fake does not act); a lost answer comes after the fake acted.
 */
public final class Faults {

    /** As a method, matches every method. */
    public static final String ANY_METHOD = "*";

    private static final class Injection {
        final String method;
        final String pathPrefix;
        final Reply reply;
        int remaining;

        Injection(String method, String pathPrefix, Reply reply, int remaining) {
            this.method = method;
            this.pathPrefix = pathPrefix;
            this.reply = reply;
            this.remaining = remaining;
        }

        boolean matches(String requestMethod, String path) {
            return (method.equals(ANY_METHOD) || method.equalsIgnoreCase(requestMethod)) && path.startsWith(pathPrefix);
        }
    }

    private final List<Injection> injections = new ArrayList<>(); // guarded by this
    private final List<String> lostAnswers = new ArrayList<>(); // "METHOD path", guarded by this

    public synchronized void inject(String method, String pathPrefix, Reply reply, int times) {
        if (times > 0) {
            injections.add(new Injection(method, pathPrefix, reply, times));
        }
    }

    /** The API is well again: every failure still pending is dropped. */
    public synchronized void clear() {
        injections.clear();
        lostAnswers.clear();
    }

    /** The reply injected for this request, if any; using it counts down its injection. */
    synchronized Optional<Reply> takeInjected(String method, String path) {
        for (Iterator<Injection> pending = injections.iterator(); pending.hasNext(); ) {
            Injection injection = pending.next();
            if (injection.matches(method, path)) {
                if (--injection.remaining == 0) {
                    pending.remove();
                }
                return Optional.of(injection.reply);
            }
        }
        return Optional.empty();
    }

    /** The next request to exactly this method and path is served, but its answer never sent. */
    synchronized void loseNextAnswer(String method, String path) {
        lostAnswers.add(method + " " + path);
    }

    synchronized boolean takeLostAnswer(String method, String path) {
        return lostAnswers.remove(method + " " + path);
    }
}
