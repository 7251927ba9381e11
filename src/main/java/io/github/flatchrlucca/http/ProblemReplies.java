package io.github.flatchrlucca.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.journal.JournalUnavailable;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The shared answer to anything thrown while handling an HTTP call: problem+json, no stack trace. */
public final class ProblemReplies {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemReplies.class);

    private final ObjectMapper json;

    public ProblemReplies(ObjectMapper json) {
        this.json = json;
    }

    public void problem(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Problem problem = caught instanceof Problem known ? known : unexpected(caught);
        JsonReply.respond(json, exchange, problem.status(), "application/problem+json", problem.document());
    }

    private static Problem unexpected(Throwable caught) {
        if (caught instanceof JournalUnavailable) {
            LOG.error("answered 503: {}", caught.getMessage(), caught.getCause());
            return Problem.unavailable();
        }
        LOG.error("an HTTP call failed unexpectedly", caught);
        return Problem.internal();
    }
}
