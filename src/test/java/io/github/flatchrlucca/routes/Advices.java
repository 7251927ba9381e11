package io.github.flatchrlucca.routes;

import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.journal.HireView;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.camel.builder.AdviceWithRouteBuilder;

/**
 * What the route tests change in the routes, by step id, before Camel starts them (the outside world is fakes on
 * loopback, not advice): a place where a test can make a hire meet what no fake can produce on demand (another
 * instance taking the hire over, an operator's cancel, the journal failing, a reload) at a known moment of one
 * hire's delivery or write-back.
 */
final class Advices {

    /** For the hire whose payload holds the key: what happens just before it looks for its person in Lucca. */
    private static final Map<String, Consumer<ClaimedHire>> BEFORE_FIND_OR_CREATE = new ConcurrentHashMap<>();
    /** For the hire whose payload holds the key: what happens once its create is recorded, before it is sent. */
    private static final Map<String, Consumer<ClaimedHire>> WHILE_THE_CREATE_WAITS = new ConcurrentHashMap<>();
    /** For the hire whose payload holds the key: what happens just before its outcome is tagged in Flatchr. */
    private static final Map<String, Consumer<HireView>> BEFORE_THE_TAG = new ConcurrentHashMap<>();

    private Advices() {
    }

    /**
     * The next attempt of the hire whose payload contains {@code marker} (its applicant id) first does
     * {@code what}, which may throw: the failure then comes from inside the delivery route, as a real one would.
     */
    static void beforeFindOrCreate(String marker, Consumer<ClaimedHire> what) {
        BEFORE_FIND_OR_CREATE.put(marker, what);
    }

    /**
     * The next create of the hire whose payload contains {@code marker} does {@code what} once it is recorded in the
     * journal, where it would wait for its turn in Lucca's rate limit before it is sent.
     */
    static void whileTheCreateWaits(String marker, Consumer<ClaimedHire> what) {
        WHILE_THE_CREATE_WAITS.put(marker, what);
    }

    /** The next write-back of the hire whose payload contains {@code marker} does {@code what} before its tag. */
    static void beforeTheTag(String marker, Consumer<HireView> what) {
        BEFORE_THE_TAG.put(marker, what);
    }

    static void clear() {
        BEFORE_FIND_OR_CREATE.clear();
        WHILE_THE_CREATE_WAITS.clear();
        BEFORE_THE_TAG.clear();
    }

    private static <H> void spring(Map<String, Consumer<H>> waiting, H hire, String payload) {
        waiting.keySet().stream().filter(payload::contains).findFirst().map(waiting::remove)
                .ifPresent(what -> what.accept(hire));
    }

    static final class FaultsBeforeFindOrCreate extends AdviceWithRouteBuilder {
        @Override
        public void configure() {
            weaveById("find-or-create").before().process(exchange -> {
                ClaimedHire hire = exchange.getVariable("hire", ClaimedHire.class);
                spring(BEFORE_FIND_OR_CREATE, hire, hire.payload());
            });
        }
    }

    static final class ChangesWhileTheCreateWaits extends AdviceWithRouteBuilder {
        @Override
        public void configure() {
            weaveById("record-create-attempt").after().process(exchange -> {
                ClaimedHire hire = exchange.getVariable("hire", ClaimedHire.class);
                spring(WHILE_THE_CREATE_WAITS, hire, hire.payload());
            });
        }
    }

    static final class ChangesBeforeTheTag extends AdviceWithRouteBuilder {
        @Override
        public void configure() {
            weaveById("still-the-tenants-flatchr-before-the-tag").before().process(exchange -> {
                HireView hire = exchange.getVariable("hire", HireView.class);
                spring(BEFORE_THE_TAG, hire, hire.payload() == null ? "" : hire.payload());
            });
        }
    }
}
