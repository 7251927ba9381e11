package io.github.flatchrlucca.http;

import java.time.Duration;

/**
 * How long to leave an outside API alone after failures in a row: the first wait, doubled for each failure after
 * the first, never past the longest. The one doubling of a hire's retries, of Flatchr's pause when it says nothing of
 * how long, and of the searches of Flatchr after failed ones.
 *
 * @param first   the wait after one failure
 * @param longest the wait it grows to and stays at
 */
public record Backoff(Duration first, Duration longest) {

    /** The wait after {@code failures} failures in a row; none yet (0 or less) waits as the first one does. */
    public Duration after(int failures) {
        Duration wait = first;
        // a loop of a few dozen turns at most: each one doubles a positive wait until it reaches the longest; a
        // wait of none (a first wait set to 0) stays none
        for (int i = 1; i < failures && wait.compareTo(Duration.ZERO) > 0 && wait.compareTo(longest) < 0; i++) {
            // twice a wait that is already half the longest or more would be past it, or past what a Duration holds
            wait = wait.compareTo(longest.minus(wait)) >= 0 ? longest : wait.plus(wait);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
