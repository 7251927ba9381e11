package io.github.flatchrlucca.lucca;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.flatchrlucca.http.ApiRequest;

/**
 * Sends one request to a tenant's Lucca through the call route (limiter, key, failures), for the directories that
 * read Lucca outside a route's own steps: its answer, and its Date header.
 */
public interface LuccaCaller {

    Answer call(LuccaConnection lucca, ApiRequest request);

    /** @param date the HTTP {@code Date} header (RFC 1123, GMT), or null if Lucca sent none */
    record Answer(JsonNode body, String date) {

        /** Without the body, a page of Lucca's users: a record can end up in a log line, a trace or a test's report. */
        @Override
        public String toString() {
            return "Answer[date=" + date + "]";
        }
    }
}
