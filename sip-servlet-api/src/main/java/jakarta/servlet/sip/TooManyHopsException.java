package jakarta.servlet.sip;

import jakarta.servlet.ServletException;

/**
 * Thrown when a request with a Max-Forwards value of 0 is to be proxied or relayed. If the
 * application lets it propagate, the container answers the request with 483 (Too Many Hops).
 */
public class TooManyHopsException extends ServletException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception without message or cause. */
    public TooManyHopsException() {
        super();
    }

    /**
     * Creates an exception with a message.
     *
     * @param message the detail message
     */
    public TooManyHopsException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message the detail message
     * @param cause the underlying cause
     */
    public TooManyHopsException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param cause the underlying cause
     */
    public TooManyHopsException(Throwable cause) {
        super(cause);
    }
}
