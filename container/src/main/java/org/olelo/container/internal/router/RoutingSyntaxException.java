package org.olelo.container.internal.router;

/**
 * Raised by {@link RoutingFileParser} for a fault in the routing file; carries the {@link RoutingError}.
 *
 * <p>Thrown and caught on the thread that (re)loads the routing file.
 */
public final class RoutingSyntaxException extends Exception {

    private final transient RoutingError error;

    /** @param error the fault */
    public RoutingSyntaxException(RoutingError error) {
        super(error.toString());
        this.error = error;
    }

    /** @return the fault as a value */
    public RoutingError error() {
        return error;
    }
}
