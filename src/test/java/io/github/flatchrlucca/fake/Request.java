package io.github.flatchrlucca.fake;

import java.time.Instant;

/**
 * One request as the fake received it, refused ones included.
 *
 * @param query         the decoded query string, empty when there is none
 * @param authorization the raw header, null when absent
 * @param body          the raw body, empty when there is none
 * @param status        the status answered, or {@link #NO_ANSWER} when the answer was deliberately lost
 * @param at            when the request arrived (before any configured latency)
 */
public record Request(String method, String path, String query, String authorization, String body, int status,
                      Instant at) {

    public static final int NO_ANSWER = 0;
}
