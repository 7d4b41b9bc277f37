package org.olelo.container.internal.session;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls an application's listeners for the session layer: with the application's class loader,
 * one listener after the other, a listener that throws logged and skipped so that the next one
 * and the container's own work (invalidation, expiry, timers) still happen. Runs on the caller's
 * thread.
 */
final class Callbacks {

    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);

    private Callbacks() {
    }

    /** Calls {@code call} on every listener of the application implementing {@code type}. */
    static <L> void each(AppContext app, Class<L> type, Consumer<L> call) {
        List<L> ls = app.listeners(type);
        if (ls.isEmpty()) {
            return;
        }
        app.runInContext(() -> {
            for (L l : ls) {
                guarded(app, l, call);
            }
        });
    }

    /** Calls one application object (a binding listener stored as an attribute). */
    static <L> void one(AppContext app, L target, Consumer<L> call) {
        app.runInContext(() -> guarded(app, target, call));
    }

    /** Runs a piece of application work; {@code what} names it in the log when it throws. */
    static void run(AppContext app, String what, Runnable work) {
        app.runInContext(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: {} failed", app.name(), what, e);
            }
        });
    }

    private static <L> void guarded(AppContext app, L target, Consumer<L> call) {
        try {
            call.accept(target);
        } catch (RuntimeException e) {
            LOG.warn("{}: {} failed", app.name(), target.getClass().getName(), e);
        }
    }
}
