package org.olelo.container.internal.router;

/**
 * The application router the configuration asks for cannot be had: the provider named by the
 * system property cannot be loaded, a provider found in {@code deploy/lib/} or on the class path is
 * broken, or the router failed in {@code init}. The message is one line for the operator; the
 * server does not start.
 */
public final class RouterLoadException extends Exception {

    /**
     * @param message what failed, and what to do about it
     * @param cause   the underlying failure, or null
     */
    public RouterLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
