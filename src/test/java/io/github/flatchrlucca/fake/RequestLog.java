package io.github.flatchrlucca.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every request the fake received, for tests to observe what the connector really sent. */
public final class RequestLog {

    private final List<Request> requests = new ArrayList<>(); // guarded by this

    synchronized void add(Request request) {
        requests.add(request);
    }

    public synchronized List<Request> all() {
        return List.copyOf(requests);
    }

    public long count(String method, String pathPrefix) {
        return all().stream()
                .filter(request -> request.method().equalsIgnoreCase(method) && request.path().startsWith(pathPrefix))
                .count();
    }

    /** The most requests that arrived within any span shorter than {@code window}. */
    int maxInAnyWindow(Duration window) {
        List<Instant> arrivals = all().stream().map(Request::at).sorted().toList();
        int most = 0;
        int first = 0;
        for (int last = 0; last < arrivals.size(); last++) {
            while (first < last && !arrivals.get(first).plus(window).isAfter(arrivals.get(last))) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
