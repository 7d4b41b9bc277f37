package org.olelo.container.internal.converged;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/**
 * The handler mounted at an application's context path: it passes each request to the HTTP side
 * of the version that serves now, so that a replaced application's next request reaches the new
 * version while the path stays mounted. With no version (between an undeployment and the removal
 * of the path) it answers 404. Switched on the deployer thread, read on HTTP worker threads.
 */
final class AppSlot implements HttpHandler {

    private volatile WebDeployment current;

    /** @param deployment the version that serves from now on, or null */
    void serve(WebDeployment deployment) {
        current = deployment;
    }

    /** @return the version that serves now, or null */
    WebDeployment current() {
        return current;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        WebDeployment d = current;
        if (d == null) {
            exchange.setStatusCode(StatusCodes.NOT_FOUND);
            exchange.endExchange();
            return;
        }
        d.handler().handleRequest(exchange);
    }
}
