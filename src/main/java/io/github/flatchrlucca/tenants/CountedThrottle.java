package io.github.flatchrlucca.tenants;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts what happens under each key and lets it be told at most once a period, the first at once, with how many
 * happened since it was last told: whoever makes it happen (anyone who can reach a URL) cannot flood what is told,
 * nor hide one key's count behind another's. What happened within a period is told by the next that happens after
 * it, or by {@link #due()} once the period is over, if asked. The keys must be few (a configuration's), as each is
 * remembered.
 *
 * @param <T> what is told of the latest that happened (why it happened)
 */
final class CountedThrottle<T> {

    private final Duration every;
    private final Clock clock;
    private final Map<String, Window<T>> windows = new HashMap<>();

    CountedThrottle(Duration every, Clock clock) {
        this.every = every;
        this.clock = clock;
    }

    /** What happened since it was last told: {@code events} of them, the first at {@code since}, the last's detail. */
    record Count<T>(long events, Instant since, T latest) {
    }

    /** One more under the key: the count to tell now, or none if it was told less than a period ago. */
    synchronized Optional<Count<T>> count(String key, T latest) {
        Instant now = clock.instant();
        Window<T> window = windows.computeIfAbsent(key, first -> new Window<>());
        if (window.untold == 0) {
            window.since = now;
        }
        window.untold++;
        window.latest = latest;
        return window.isDue(now) ? Optional.of(told(window, now)) : Optional.empty();
    }

    /**
     * The counts of the keys whose period is over with some untold, each told now (its next period starts now): what
     * happened within a period is told even if nothing happens after it.
     */
    synchronized Map<String, Count<T>> due() {
        Instant now = clock.instant();
        Map<String, Count<T>> due = new HashMap<>();
        windows.forEach((key, window) -> {
            if (window.untold > 0 && window.isDue(now)) {
                due.put(key, told(window, now));
            }
        });
        return due;
    }

    private Count<T> told(Window<T> window, Instant now) {
        Count<T> count = new Count<>(window.untold, window.since, window.latest);
        window.untold = 0;
        window.nextAt = now.plus(every);
        return count;
    }

    private static final class Window<T> {
        Instant nextAt;
        Instant since;
        long untold;
        T latest;

        boolean isDue(Instant now) {
            return nextAt == null || !now.isBefore(nextAt);
        }
    }
}
