package org.olelo.container.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the server on SIGTERM and SIGINT before the JVM starts to exit. A shutdown hook alone is
 * not enough: the JVM runs all hooks at once, and the embedded database's own hook closes the
 * database while the server is still writing what it holds (queued call records, bindings kept
 * for a later write). Here the server closes first, then the process exits with the shell's code
 * for the signal (143 for SIGTERM, 130 for SIGINT) and the hooks find nothing left to do. Where the JVM offers no signal handling, the shutdown hook that
 * {@link Main} also registers stays the only way.
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    /**
     * @param stop closes the server; it may be called again afterwards by the shutdown hook and
     *             must then do nothing
     */
    @SuppressWarnings("removal")
    static void install(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    stop.run();
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                LOG.debug("no handler for SIG{}: the shutdown hook stops the server", name, e);
            }
        }
    }
}
