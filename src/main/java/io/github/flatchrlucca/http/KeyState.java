package io.github.flatchrlucca.http;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What an API's last answer said of the key the connector shows it (Lucca's, Flatchr's): health, metrics and
 * alerts read it. A change to "rejected" is announced once, not on every call, and so is the key accepted again
 * after one; a key's first success is not: every start, every tenant added and every key rotated would announce
 * that a key nobody had heard was wrong works "again".
 */
public final class KeyState {

    public enum State { UNKNOWN, OK, REJECTED }

    private static final String FIRST_TRY = "the key's first try";

    private final AtomicReference<State> state = new AtomicReference<>(State.UNKNOWN);
    private final AtomicBoolean tried = new AtomicBoolean();
    // a rejection was announced and no success since, of this key or of the one it replaced: the next one is news
    private final AtomicBoolean rejectionAnnounced;
    private final Consumer<State> onChange;
    // A 401 refuses the key itself, whatever the call; a 403 refuses what the key's role may not do, that call only: a
    // key that may read people but not create them succeeds at each attempt's read, and that success says nothing of
    // the create, which is refused again. Taken for the key accepted again, each attempt told "rejected" and "accepted
    // again" to the team's chat, for every queued hire until they died.
    private boolean keyRefused;
    private final Set<String> refusedCalls = new HashSet<>();
    // A 403 may depend on the hire, not the key: a role limited to some establishments creates people in one and is
    // refused in another. Taken as the key's state, each attempt of such a hire told "rejected" and the next hire's
    // create "accepted again", for as long as that hire was retried. So a call this key has made before is refused
    // only when refused twice for one subject (the hire) with no success of it between; a call never made yet, or a
    // key whose role was cut for good, is refused at its first 403, or at the first hire's second attempt.
    private final Set<String> succeededCalls = new HashSet<>();
    // per call, the subjects refused once since its last success (null: a call made for no hire)
    private final Map<String, Set<Object>> refusedOnce = new HashMap<>();

    /** @param onChange told REJECTED when the key is rejected, OK when it is accepted after a rejection */
    public KeyState(Consumer<State> onChange) {
        this(onChange, false);
    }

    /**
     * The state of a key that replaces {@code replaced}: untried, and, if the key it replaces was rejected and not
     * accepted since, announced as accepted at its first success (a rotation is how a rejected key is fixed).
     */
    public KeyState(Consumer<State> onChange, KeyState replaced) {
        this(onChange, replaced != null && replaced.rejectionAnnounced.get());
    }

    private KeyState(Consumer<State> onChange, boolean rejectionAnnounced) {
        this.onChange = onChange;
        this.rejectionAnnounced = new AtomicBoolean(rejectionAnnounced);
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
     * Only an answer about the key changes what is known of it: a success says it works, and may make this call; 401
     * that it does not work, 403 that it may not make this call (one the key has made before: at its second 403 with no
     * success between, see succeededCalls). It is rejected until a success of each call refused (of any call, after a
     * 401). Anything else (a 5xx, a 404 from a wrong base URL, a 429) says nothing of the key.
     *
     * @param call the call answered (Lucca's create-user, say), as the routes name it
     */
    public void answered(String call, int status) {
        answered(call, null, status, false);
    }

    /**
     * As {@link #answered(String, int)}, for a call made for {@code subject} (a hire's id): a 403 to a call the key has
     * made before refuses it only at that subject's second refusal with no success of the call between.
     */
    public void answered(String call, Object subject, int status) {
        answered(call, subject, status, false);
    }

    /**
     * The answer to the key's first try ({@link #firstTry}): the cheapest read there is, standing for the reads every
     * hire makes, so a 403 there refuses the key as a 401 does, until any call succeeds. Taken for that call's alone, a
     * 403 at start (before HR gave the key its rights) would never be cleared: the first try is not made again.
     */
    public void answeredFirstTry(int status) {
        answered(FIRST_TRY, null, status, true);
    }

    private synchronized void answered(String call, Object subject, int status, boolean forTheWholeKey) {
        if (status >= 200 && status < 300) {
            keyRefused = false;
            refusedCalls.remove(call);
            refusedOnce.remove(call);
            succeededCalls.add(call);
        } else if (status == 401 || status == 403 && forTheWholeKey) {
            keyRefused = true;
        } else if (status == 403) {
            if (!refusedCalls.contains(call) && succeededCalls.contains(call)
                    && refusedOnce.computeIfAbsent(call, c -> new HashSet<>()).add(subject)) {
                return;
            }
            refusedCalls.add(call);
            refusedOnce.remove(call);
        } else {
            return;
        }
        State now = keyRefused || !refusedCalls.isEmpty() ? State.REJECTED : State.OK;
        State was = state.getAndSet(now);
        if (now == State.REJECTED && was != State.REJECTED) {
            rejectionAnnounced.set(true);
            onChange.accept(now);
        } else if (now == State.OK && rejectionAnnounced.compareAndSet(true, false)) {
            onChange.accept(now);
        }
    }
}
