package org.olelo.apps.lcr.store;

/** The routing data could not be read or the tables could not be created; the message says why. */
public final class LoadException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, for an operator
     * @param cause   the underlying failure, or null
     */
    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
