package org.olelo.apps.registrar.spi;

/**
 * A location store could not read or write: the database is unreachable, a statement failed, a
 * transaction was rolled back. Whatever the operation was meant to change is unchanged.
 */
public class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, for the log and the reason phrase
     * @param cause   the underlying failure, or null
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
