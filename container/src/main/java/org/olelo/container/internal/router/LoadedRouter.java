package org.olelo.container.internal.router;

import jakarta.servlet.sip.ar.SipApplicationRouter;
import java.io.IOException;
import java.net.URLClassLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application router in use, as {@link RouterLoader} found and initialised it, with what it
 * needs to be let go of: {@link #close()} destroys the router, then closes the class loader of
 * {@code deploy/lib/} that its classes may come from. Starting and stopping thread only.
 *
 * @param router      the initialised router
 * @param origin      where it came from, as the start-up log line says it
 * @param libraries   the class loader of the jars in {@code deploy/lib/}, or null when there were none
 */
public record LoadedRouter(SipApplicationRouter router, String origin, URLClassLoader libraries)
        implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoadedRouter.class);

    /** @return the default router when it is the one in use, else null */
    public DefaultApplicationRouter defaultRouter() {
        return router instanceof DefaultApplicationRouter d ? d : null;
    }

    /** Destroys the router and closes the class loader of {@code deploy/lib/}; failures are logged. */
    @Override
    public void close() {
        try {
            router.destroy();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("The application router failed in destroy(): {}", e.toString(), e);
        }
        if (libraries != null) {
            try {
                libraries.close();
            } catch (IOException e) {
                LOG.debug("Closing the class loader of the deploy/lib jars failed", e);
            }
        }
    }
}
