package jakarta.servlet.sip;

import jakarta.servlet.ServletException;

/**
 * Thrown when a string cannot be parsed as the SIP construct asked for: a URI, an address, a
 * parameterable header value or a header of a given form.
 */
public class ServletParseException extends ServletException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception without message or cause. */
    public ServletParseException() {
        super();
    }

    /**
     * Creates an exception with a message.
     *
     * @param message the detail message
     */
    public ServletParseException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message the detail message
     * @param cause the underlying cause
     */
    public ServletParseException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param cause the underlying cause
     */
    public ServletParseException(Throwable cause) {
        super(cause);
    }
}
