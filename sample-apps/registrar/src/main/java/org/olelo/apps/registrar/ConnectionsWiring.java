package org.olelo.apps.registrar;

import jakarta.servlet.ServletContext;
import org.olelo.api.net.Connections;
import org.olelo.apps.registrar.spi.StoreException;

/**
 * Removes the bindings of a WebSocket connection when the container reports it closed
 * ({@link org.olelo.apps.registrar.service.ConnectionBindings}). Runs on the container's thread
 * for closed connections; blocks on the store.
 */
final class ConnectionsWiring {

    private ConnectionsWiring() {
    }

    /**
     * Listens for closed connections when the container offers them (the context attribute
     * {@code org.olelo.api.net.Connections}); without it nothing happens, and the Olelo API
     * classes are not even loaded. The container removes the listener at undeployment.
     */
    static void listenIfOffered(ServletContext ctx, RegistrarRuntime runtime) {
        if (ctx.getAttribute("org.olelo.api.net.Connections") == null) {
            return;
        }
        ((Connections) ctx.getAttribute(Connections.ATTRIBUTE)).onClosed(c -> {
            try {
                runtime.registrar().connections().closed(c.transport(), c.received());
            } catch (StoreException e) {
                ctx.log("registrar: the bindings of the closed " + c.transport() + " connection " + c.received()
                        + " could not be removed: " + e.getMessage() + "; they expire on their own", e);
            }
        });
    }
}
