package jakarta.servlet.sip;

/**
 * Thrown by the {@link Proxy} when a request cannot be forked to the requested number of branches
 * because its remaining Max-Breadth (RFC 5393) is too small. The container answers such a request
 * with 440 (Max-Breadth Exceeded) if the application does not handle the exception.
 *
 * @since 2.0
 */
public class InsufficientBreadthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception without message or cause. */
    public InsufficientBreadthException() {
        super();
    }

    /**
     * Creates an exception with a message.
     *
     * @param message the detail message
     */
    public InsufficientBreadthException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message the detail message
     * @param cause the underlying cause
     */
    public InsufficientBreadthException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param cause the underlying cause
     */
    public InsufficientBreadthException(Throwable cause) {
        super(cause);
    }
}
