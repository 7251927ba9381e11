package io.github.flatchrlucca.journal;

/**
 * What an attempt came to, as kept for the operator: the Lucca call, Lucca's status and raw answer when
 * there was one, and what the connector made of it.
 */
public record EventDetail(String call, Integer status, String body, String error) {

    /**
     * Without Lucca's answer and what was made of it, which may quote the person: a record can end up in a log line,
     * a trace or a test's report.
     */
    @Override
    public String toString() {
        return "EventDetail[call=" + call + ", status=" + status + "]";
    }
}
