package io.github.flatchrlucca.routes;

import io.github.flatchrlucca.journal.ClaimedHire;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWithRouteBuilder;

/**
 * What the route tests change in the routes, by step id, before Camel starts them (the outside world is fakes on
 * loopback, not advice): a place where a test can make a delivery meet what no fake can produce on demand (another
 * instance taking the hire over, an operator's cancel, the journal failing) at a known moment of one hire's attempt.
 */
final class Advices {

    /** For the hire whose payload holds the key: what happens just before it looks for its person in Lucca. */
    private static final Map<String, Consumer<ClaimedHire>> BEFORE_FIND_OR_CREATE = new ConcurrentHashMap<>();

    private Advices() {
    }

    /**
     * The next attempt of the hire whose payload contains {@code marker} (its applicant id) first does
     * {@code what}, which may throw: the failure then comes from inside the delivery route, as a real one would.
     */
    static void beforeFindOrCreate(String marker, Consumer<ClaimedHire> what) {
        BEFORE_FIND_OR_CREATE.put(marker, what);
    }

    static void clear() {
        BEFORE_FIND_OR_CREATE.clear();
    }

    private static void spring(Exchange exchange) {
        ClaimedHire hire = exchange.getVariable("hire", ClaimedHire.class);
        BEFORE_FIND_OR_CREATE.keySet().stream().filter(marker -> hire.payload().contains(marker)).findFirst()
                .map(BEFORE_FIND_OR_CREATE::remove).ifPresent(what -> what.accept(hire));
    }

    static final class FaultsBeforeFindOrCreate extends AdviceWithRouteBuilder {
        @Override
        public void configure() {
            weaveById("find-or-create").before().process(Advices::spring);
        }
    }
}
