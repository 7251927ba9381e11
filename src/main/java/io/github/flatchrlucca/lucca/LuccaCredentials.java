package io.github.flatchrlucca.lucca;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What Lucca's last answer said of the API key: health, metrics and alerts read it, and a change to
 * "rejected" is announced once, not on every call.
 */
public final class LuccaCredentials {

    public enum State { UNKNOWN, OK, REJECTED }

    private final AtomicReference<State> state = new AtomicReference<>(State.UNKNOWN);
    private final Consumer<State> onChange;

    public LuccaCredentials(Consumer<State> onChange) {
        this.onChange = onChange;
    }

    public State state() {
        return state.get();
    }

    void answered(int status) {
        State now = status == 401 || status == 403 ? State.REJECTED : State.OK;
        if (state.getAndSet(now) != now) {
            onChange.accept(now);
        }
    }
}
