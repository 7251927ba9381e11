package io.github.flatchrlucca;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;

/**
 * Opens the journal (H2 reads its file, the schema is brought up to date) on a thread of its own while Camel builds
 * the routes, the start's largest cost, instead of before. The routes start only once it is open: Camel calls
 * {@link #onCamelContextStarting} before it starts any route. Nothing reads or writes the journal until then.
 */
final class JournalOpening implements StartupListener {

    private final CompletableFuture<Void> opened;
    private final Runnable whenOpen;
    private final Consumer<RuntimeException> refuseToStart;

    /**
     * @param open          opens the journal; runs now, on a thread named journal-opening
     * @param whenOpen      runs once it is open, before any route starts
     * @param refuseToStart given what kept the journal from opening, or failed once it was: the launcher's one
     *                      line (a wrong DATA_DIR), rather than Camel's report of a failed start with its stack trace
     */
    JournalOpening(Runnable open, Runnable whenOpen, Consumer<RuntimeException> refuseToStart) {
        this.whenOpen = whenOpen;
        this.refuseToStart = refuseToStart;
        this.opened = CompletableFuture.runAsync(open, task -> {
            Thread opening = new Thread(task, "journal-opening");
            opening.setDaemon(true);
            opening.start();
        });
    }

    @Override
    public void onCamelContextStarting(CamelContext context, boolean alreadyStarted) {
        try {
            opened.join();
            whenOpen.run();
        } catch (RuntimeException failed) {
            RuntimeException cause = failed instanceof CompletionException
                    && failed.getCause() instanceof RuntimeException opening ? opening : failed;
            refuseToStart.accept(cause);
            throw cause;
        }
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // all was done before the routes started
    }
}
