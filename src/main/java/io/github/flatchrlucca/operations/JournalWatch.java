package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.JournalUnavailable;

/**
 * Whether the journal answered when it was last asked, for the readiness check "journal": without it no hire can be
 * accepted (the webhook answers 503), so a load balancer should send Flatchr's calls elsewhere. A timer asks (route
 * watch-journal), never a health request: a journal that is down answers only after the pool's connection timeout
 * (3 s), and Camel serves the management port's requests (health and metrics) one after the other, so a readiness
 * request that waited for it held the liveness request behind it past the kubelet's timeout, and Kubernetes
 * restarted a connector that cannot start while the journal is down. Not a liveness check: restarting does not
 * bring a database back.
 */
public final class JournalWatch {

    /** The readiness check's message while the journal does not answer. */
    public static final String DOWN = "The journal cannot be reached: webhooks are answered 503 until it is back.";

    private final JournalReader reader;
    // The start opened the journal, or stopped (JournalOpening): until the timer's first look, it answered.
    private volatile boolean answers = true;

    public JournalWatch(JournalReader reader) {
        this.reader = reader;
    }

    /** The timer's: asks the journal, and keeps its answer for the readiness check. */
    public void look() {
        try {
            reader.ping();
            answers = true;
        } catch (JournalUnavailable e) {
            answers = false;
        }
    }

    /** Whether the journal answered when last asked: the health request's question, which never waits. */
    public boolean answers() {
        return answers;
    }
}
