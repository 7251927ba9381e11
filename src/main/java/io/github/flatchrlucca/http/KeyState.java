package io.github.flatchrlucca.http;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What an API's last answer said of the key the connector shows it (Lucca's, Flatchr's): health, metrics and
 * alerts read it, and a change to "rejected" is announced once, not on every call.
 */
public final class KeyState {

    public enum State { UNKNOWN, OK, REJECTED }

    private final AtomicReference<State> state = new AtomicReference<>(State.UNKNOWN);
    private final AtomicBoolean tried = new AtomicBoolean();
    private final Consumer<State> onChange;

    public KeyState(Consumer<State> onChange) {
        this.onChange = onChange;
    }

    public State state() {
        return state.get();
    }

    /**
     * True once, for a key nothing has said anything of yet: it is then tried with one cheap call, so that a wrong
     * key shows in health and the log before a hire waits on it. Never again, whatever that call came to: an
     * unreachable Lucca is not asked in a loop, the first hire will ask it.
     */
    public boolean firstTry() {
        return state.get() == State.UNKNOWN && tried.compareAndSet(false, true);
    }

    /**
     * Only an answer about the key changes what is known of it: a success says it works, 401 and 403 that it does
     * not. Anything else (a 5xx, a 404 from a wrong base URL, a 429) says nothing of the key.
     */
    public void answered(int status) {
        State now;
        if (status >= 200 && status < 300) {
            now = State.OK;
        } else if (status == 401 || status == 403) {
            now = State.REJECTED;
        } else {
            return;
        }
        if (state.getAndSet(now) != now) {
            onChange.accept(now);
        }
    }
}
