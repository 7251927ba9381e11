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
 * nor hide one key's count behind another's. The keys must be few (a configuration's), as each is remembered.
 */
final class CountedThrottle {

    private final Duration every;
    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();

    CountedThrottle(Duration every, Clock clock) {
        this.every = every;
        this.clock = clock;
    }

    /** What happened since it was last told: {@code events} of them, the first at {@code since}. */
    record Count(long events, Instant since) {
    }

    /** One more under the key: the count to tell now, or none if it was told less than a period ago. */
    synchronized Optional<Count> count(String key) {
        Instant now = clock.instant();
        Window window = windows.computeIfAbsent(key, first -> new Window());
        if (window.untold == 0) {
            window.since = now;
        }
        window.untold++;
        if (window.nextAt != null && now.isBefore(window.nextAt)) {
            return Optional.empty();
        }
        Count count = new Count(window.untold, window.since);
        window.untold = 0;
        window.nextAt = now.plus(every);
        return Optional.of(count);
    }

    private static final class Window {
        Instant nextAt;
        Instant since;
        long untold;
    }
}
